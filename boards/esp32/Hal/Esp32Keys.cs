// Keys and the hookswitch on ESP32 GPIOs: every edge is reported; debounce is the portable Keypad's job.
using System;
using System.Device.Gpio;
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Hal;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// Opens each key of the board profile as an input (pull-up for active-low contacts, pull-down for
    /// active-high; GPIO 34-39 have no internal pulls, so those need the board's resistors) and turns
    /// GpioPin.ValueChanged edges into raw key edges. Keys closed at boot (a lifted handset) are
    /// reported as pressed when the keys open.
    /// </summary>
    public sealed class Esp32Keys : IKeyInput
    {
        private const int FirstInputOnlyPin = 34;
        private readonly GpioController _gpio;
        private readonly KeyPin[] _keys;
        private readonly KeyPin[] _byPin = new KeyPin[40];
        private KeyEdgeHandler _onEdge;

        /// <summary>The keys of <paramref name="board"/> on <paramref name="gpio"/>; nothing is opened until <see cref="Open"/>.</summary>
        public Esp32Keys(GpioController gpio, BoardProfile board)
        {
            _gpio = gpio;
            _keys = board.Keys;
        }

        /// <inheritdoc/>
        public void Open(KeyEdgeHandler onEdge)
        {
            if (onEdge == null) throw new ArgumentNullException("onEdge");
            _onEdge = onEdge;
            GpioPin[] pins = new GpioPin[_keys.Length];
            for (int i = 0; i < _keys.Length; i++)
            {
                KeyPin key = _keys[i];
                PinMode mode = key.Pin >= FirstInputOnlyPin ? PinMode.Input : (key.ActiveLow ? PinMode.InputPullUp : PinMode.InputPullDown);
                GpioPin pin = _gpio.OpenPin(key.Pin, mode);
                pin.DebounceTimeout = TimeSpan.Zero;
                _byPin[key.Pin] = key;
                pin.ValueChanged += OnValueChanged;
                pins[i] = pin;
            }
            for (int i = 0; i < _keys.Length; i++)
            {
                bool high = pins[i].Read() == PinValue.High;
                if (high != _keys[i].ActiveLow)
                {
                    onEdge(_keys[i].KeyCode, true);
                }
            }
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            int pin = e.PinNumber;
            KeyPin key = pin >= 0 && pin < _byPin.Length ? _byPin[pin] : null;
            if (key == null) return;
            bool rising = (e.ChangeType & PinEventTypes.Rising) != 0;
            _onEdge(key.KeyCode, rising != key.ActiveLow);
        }
    }
}
