// Which OLED a board has and where it sits on I2C.
namespace DeskPhone.Firmware.Config.Board
{
    /// <summary>The OLED: controller, size and I2C placement. Fields a backend does not use are -1.</summary>
    public sealed class DisplaySpec
    {
        /// <summary>A display with no I2C placement yet.</summary>
        public DisplaySpec()
        {
            I2cBus = -1;
            I2cAddress = 0x3C;
            SdaPin = -1;
            SclPin = -1;
        }

        /// <summary>One of <see cref="DisplayControllers"/>.</summary>
        public string Controller { get; set; }

        /// <summary>Visible width in pixels (128).</summary>
        public int Width { get; set; }

        /// <summary>Height in pixels (32 or 64).</summary>
        public int Height { get; set; }

        /// <summary>Raspberry Pi: N of /dev/i2c-N; ESP32: nanoFramework I2C bus 1 or 2; -1 in the simulator.</summary>
        public int I2cBus { get; set; }

        /// <summary>7-bit I2C address (default 0x3C).</summary>
        public int I2cAddress { get; set; }

        /// <summary>ESP32: the I2C data pin; -1 elsewhere.</summary>
        public int SdaPin { get; set; }

        /// <summary>ESP32: the I2C clock pin; -1 elsewhere.</summary>
        public int SclPin { get; set; }

        /// <summary>First display-RAM column shown: 2 for the SH1106 (132-column RAM), 0 for the SSD1306.</summary>
        public int ColumnOffset { get { return Controller == DisplayControllers.Sh1106 ? 2 : 0; } }
    }
}
