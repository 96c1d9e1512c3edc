// Reads and checks the "codec" object of a board profile.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Config.Board
{
    /// <summary>Turns "codec" into a <see cref="CodecSpec"/>, reporting every problem.</summary>
    internal static class BoardCodecSection
    {
        private static readonly string[] Fields = { "chip", "alsaDevice", "i2cAddress", "i2s", "paEnablePin" };
        private static readonly string[] I2sFields = { "mclk", "bclk", "ws", "dataOut", "dataIn" };
        private static readonly string[] PiOnly = { BoardBackends.RaspberryPi };
        private static readonly string[] Esp32Only = { BoardBackends.Esp32 };
        private static readonly string[] RealBackends = { BoardBackends.RaspberryPi, BoardBackends.Esp32 };

        /// <summary>Longest ALSA device name.</summary>
        public const int MaxAlsaDeviceLength = 64;

        /// <summary>The codec, or null when "codec" is missing or not an object.</summary>
        public static CodecSpec Read(ConfigObject top, string backend, BoardPins pins, ConfigErrors errors)
        {
            JsonValue v = top.Container("codec", JsonKind.Object, true);
            if (v == null)
            {
                return null;
            }
            ConfigObject o = ConfigObject.Open(v, "codec", Fields, errors);
            o.ReportUnknownFields();
            CodecSpec codec = new CodecSpec();
            int chipIndex = o.Choice("chip", CodecChips.All, "a codec chip", true);
            string chip = chipIndex < 0 ? null : CodecChips.All[chipIndex];
            codec.Chip = chip;
            if (chip != null && backend != null)
            {
                if (chip == CodecChips.Simulated && backend != BoardBackends.Simulator)
                {
                    o.ErrorAt("chip", "'simulated' is only for backend simulator");
                }
                else if (chip != CodecChips.Simulated && backend == BoardBackends.Simulator)
                {
                    o.ErrorAt("chip", "backend simulator takes only 'simulated'");
                }
            }

            if (BoardFields.AllowedFor(o, "alsaDevice", backend, PiOnly))
            {
                codec.AlsaDevice = o.String("alsaDevice", false, MaxAlsaDeviceLength);
            }
            ReadControlPort(o, chip, codec);
            if (BoardFields.AllowedFor(o, "i2s", backend, Esp32Only) && backend == BoardBackends.Esp32)
            {
                ReadI2s(o, backend, pins, codec, errors);
            }
            if (BoardFields.AllowedFor(o, "paEnablePin", backend, RealBackends))
            {
                codec.PaEnablePin = pins.Read(o, "paEnablePin", false, true);
            }
            return codec;
        }

        private static void ReadControlPort(ConfigObject o, string chip, CodecSpec codec)
        {
            if (chip == null)
            {
                return;
            }
            int defaultAddress = CodecChips.DefaultI2cAddress(chip);
            if (defaultAddress < 0)
            {
                if (o.Has("i2cAddress"))
                {
                    o.ErrorAt("i2cAddress", chip + " has no I2C control port");
                }
                return;
            }
            codec.I2cAddress = BoardFields.I2cAddress(o, "i2cAddress", defaultAddress);
        }

        private static void ReadI2s(ConfigObject o, string backend, BoardPins pins, CodecSpec codec, ConfigErrors errors)
        {
            if (!o.Has("i2s"))
            {
                BoardFields.MissingFor(o, "i2s", backend, errors);
                return;
            }
            JsonValue v = o.Container("i2s", JsonKind.Object, true);
            if (v == null)
            {
                return;
            }
            ConfigObject i2s = ConfigObject.Open(v, "codec.i2s", I2sFields, errors);
            i2s.ReportUnknownFields();
            codec.Mclk = pins.Read(i2s, "mclk", false, true);
            if (codec.Mclk >= 0 && codec.Mclk != 0 && codec.Mclk != 1 && codec.Mclk != 3)
            {
                i2s.ErrorAt("mclk", "the ESP32 can output MCLK only on GPIO 0, 1 or 3");
            }
            codec.Bclk = pins.Read(i2s, "bclk", true, true);
            codec.Ws = pins.Read(i2s, "ws", true, true);
            codec.DataOut = pins.Read(i2s, "dataOut", true, true);
            codec.DataIn = pins.Read(i2s, "dataIn", false, false);
        }
    }
}
