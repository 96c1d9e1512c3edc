// Which audio codec a board has and how it is wired.
namespace DeskPhone.Firmware.Config.Board
{
    /// <summary>The audio codec: chip, control port and (ESP32) I2S pins. Fields a board does not use are -1 or null.</summary>
    public sealed class CodecSpec
    {
        /// <summary>A codec with no wiring yet.</summary>
        public CodecSpec()
        {
            I2cAddress = -1;
            Mclk = -1;
            Bclk = -1;
            Ws = -1;
            DataOut = -1;
            DataIn = -1;
            PaEnablePin = -1;
        }

        /// <summary>One of <see cref="CodecChips"/>.</summary>
        public string Chip { get; set; }

        /// <summary>Raspberry Pi: the ALSA device ("hw:CARD=wm8960soundcard,DEV=0"); null when not given.</summary>
        public string AlsaDevice { get; set; }

        /// <summary>7-bit I2C address of the control port; -1 for chips without one. On the ESP32 the port is on the display's I2C bus.</summary>
        public int I2cAddress { get; set; }

        /// <summary>ESP32: master clock pin (GPIO 0, 1 or 3), or -1.</summary>
        public int Mclk { get; set; }

        /// <summary>ESP32: bit clock pin, or -1.</summary>
        public int Bclk { get; set; }

        /// <summary>ESP32: word select (LRCK) pin, or -1.</summary>
        public int Ws { get; set; }

        /// <summary>ESP32: data from the ESP32 to the codec (speaker), or -1.</summary>
        public int DataOut { get; set; }

        /// <summary>ESP32: data from the codec to the ESP32 (microphone), or -1.</summary>
        public int DataIn { get; set; }

        /// <summary>Amplifier enable pin, or -1.</summary>
        public int PaEnablePin { get; set; }

        /// <summary>True when the chip has an I2C control port.</summary>
        public bool HasControlPort { get { return I2cAddress >= 0; } }
    }
}
