// Reads and checks the "display" object of a board profile.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Config.Board
{
    /// <summary>Turns "display" into a <see cref="DisplaySpec"/>, reporting every problem.</summary>
    internal static class BoardDisplaySection
    {
        private static readonly string[] Fields = { "controller", "width", "height", "i2cBus", "i2cAddress", "sdaPin", "sclPin" };
        private static readonly string[] RealBackends = { BoardBackends.RaspberryPi, BoardBackends.Esp32 };
        private static readonly string[] Esp32Only = { BoardBackends.Esp32 };

        /// <summary>Highest N of /dev/i2c-N accepted on the Pi.</summary>
        public const int MaxPiBus = 31;

        /// <summary>The display, or null when "display" is missing or not an object.</summary>
        public static DisplaySpec Read(ConfigObject top, string backend, BoardPins pins, ConfigErrors errors)
        {
            JsonValue v = top.Container("display", JsonKind.Object, true);
            if (v == null)
            {
                return null;
            }
            ConfigObject o = ConfigObject.Open(v, "display", Fields, errors);
            o.ReportUnknownFields();
            DisplaySpec display = new DisplaySpec();
            int controller = o.Choice("controller", DisplayControllers.All, "a display controller", true);
            display.Controller = controller < 0 ? null : DisplayControllers.All[controller];

            display.Width = BoardFields.RequiredInteger(o, "width", 1, 1024);
            if (display.Width > 0 && display.Width != 128)
            {
                o.ErrorAt("width", display.Width.ToString() + " is not supported; the width must be 128");
            }
            display.Height = BoardFields.RequiredInteger(o, "height", 1, 1024);
            if (display.Height > 0 && display.Height != 32 && display.Height != 64)
            {
                o.ErrorAt("height", display.Height.ToString() + " is not supported; the height must be 32 or 64");
            }

            display.I2cAddress = BoardFields.I2cAddress(o, "i2cAddress", 0x3C);
            if (BoardFields.AllowedFor(o, "i2cBus", backend, RealBackends) && backend != null && backend != BoardBackends.Simulator)
            {
                display.I2cBus = backend == BoardBackends.Esp32 ? o.Integer("i2cBus", 1, 2, 1) : o.Integer("i2cBus", 0, MaxPiBus, 1);
            }
            bool sdaAllowed = BoardFields.AllowedFor(o, "sdaPin", backend, Esp32Only);
            bool sclAllowed = BoardFields.AllowedFor(o, "sclPin", backend, Esp32Only);
            if (backend == BoardBackends.Esp32 && sdaAllowed && sclAllowed)
            {
                display.SdaPin = RequiredPin(o, "sdaPin", backend, pins, errors);
                display.SclPin = RequiredPin(o, "sclPin", backend, pins, errors);
            }
            return display;
        }

        private static int RequiredPin(ConfigObject o, string name, string backend, BoardPins pins, ConfigErrors errors)
        {
            if (!o.Has(name))
            {
                BoardFields.MissingFor(o, name, backend, errors);
                return -1;
            }
            return pins.Read(o, name, true, true);
        }
    }
}
