// The OLED on the ESP32's I2C bus: page writes straight to the controller's display RAM.
using System;
using System.Device.I2c;
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Hal;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// An SSD1306 or SH1106 on I2C (raw I2cDevice writes; the firmware already renders pages). Each
    /// <see cref="WritePage"/> sends one page-address command and one data stream; the buffers are
    /// allocated once. Called from the event loop only.
    /// </summary>
    public sealed class Esp32Display : IDisplay
    {
        private readonly DisplaySpec _spec;
        private readonly I2cDevice _i2c;
        private readonly byte[] _address = new byte[4];
        private readonly byte[] _page;
        private bool _failed;

        /// <summary>Opens the display of <paramref name="spec"/>, runs its power-up sequence, clears it and switches it on.</summary>
        public Esp32Display(DisplaySpec spec, int contrast)
        {
            _spec = spec;
            Esp32Pins.UseI2c(spec);
            _i2c = new I2cDevice(new I2cConnectionSettings(spec.I2cBus, spec.I2cAddress));
            _page = new byte[1 + spec.Width];
            _page[0] = OledCommands.DataStream;
            Send(OledCommands.Init(spec, contrast));
            byte[] blank = new byte[spec.Width];
            for (int page = 0; page < spec.Height / 8; page++)
            {
                WritePage(page, blank, 0);
            }
            Send(OledCommands.Power(true));
        }

        /// <summary>True while the controller has acknowledged every transfer so far.</summary>
        public bool Healthy { get { return !_failed; } }

        /// <inheritdoc/>
        public int Width { get { return _spec.Width; } }

        /// <inheritdoc/>
        public int Height { get { return _spec.Height; } }

        /// <inheritdoc/>
        public void WritePage(int page, byte[] data, int offset)
        {
            if (page < 0 || page >= _spec.Height / 8 || data == null || offset < 0 || offset + _spec.Width > data.Length) return;
            OledCommands.PageAddress(_address, page, _spec.ColumnOffset);
            Send(_address);
            Array.Copy(data, offset, _page, 1, _spec.Width);
            Send(_page);
        }

        /// <inheritdoc/>
        public void SetContrast(int level)
        {
            Send(OledCommands.Contrast(level));
        }

        /// <inheritdoc/>
        public void SetPower(bool on)
        {
            Send(OledCommands.Power(on));
        }

        private void Send(byte[] bytes)
        {
            I2cTransferResult result = _i2c.Write(new SpanByte(bytes));
            if (result.Status != I2cTransferStatus.FullTransfer) _failed = true;
        }
    }
}
