// Line-key lamps on ESP32 GPIOs: one pin per single-colour LED, a green and a red pin per two-colour LED.
using System.Device.Gpio;
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Hal;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// Drives the lamps of the board profile. Lamp i belongs to line key i + 1; a line key without a
    /// lamp in the profile ignores <see cref="Set"/>. Called from the event loop only.
    /// </summary>
    public sealed class Esp32Lamps : ILamps
    {
        private readonly LampPins[] _lamps;
        private readonly GpioPin[] _single;
        private readonly GpioPin[] _green;
        private readonly GpioPin[] _red;

        /// <summary>Opens every lamp pin of <paramref name="board"/> as an output and switches it off.</summary>
        public Esp32Lamps(GpioController gpio, BoardProfile board)
        {
            Count = board.LineKeys;
            HasTwoColours = board.HasTwoColourLamps;
            _lamps = new LampPins[Count];
            _single = new GpioPin[Count];
            _green = new GpioPin[Count];
            _red = new GpioPin[Count];
            for (int i = 0; i < board.Lamps.Length; i++)
            {
                LampPins lamp = board.Lamps[i];
                int index = lamp.LineNumber - 1;
                if (index < 0 || index >= Count) continue;
                _lamps[index] = lamp;
                _single[index] = Output(gpio, lamp.Pin);
                _green[index] = Output(gpio, lamp.Green);
                _red[index] = Output(gpio, lamp.Red);
                Set(index, LampColour.Off);
            }
        }

        /// <inheritdoc/>
        public int Count { get; private set; }

        /// <inheritdoc/>
        public bool HasTwoColours { get; private set; }

        /// <inheritdoc/>
        public void Set(int index, LampColour colour)
        {
            if (index < 0 || index >= Count) return;
            LampPins lamp = _lamps[index];
            if (lamp == null) return;
            bool green = colour == LampColour.Green || colour == LampColour.Amber;
            bool red = colour == LampColour.Red || colour == LampColour.Amber;
            Drive(_single[index], colour != LampColour.Off, lamp.ActiveLow);
            Drive(_green[index], green, lamp.ActiveLow);
            Drive(_red[index], red, lamp.ActiveLow);
        }

        private static GpioPin Output(GpioController gpio, int pin)
        {
            return pin < 0 ? null : gpio.OpenPin(pin, PinMode.Output);
        }

        private static void Drive(GpioPin pin, bool on, bool activeLow)
        {
            if (pin == null) return;
            pin.Write(on != activeLow ? PinValue.High : PinValue.Low);
        }
    }
}
