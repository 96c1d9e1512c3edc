// The names a board profile uses for backends, display controllers and codec chips.
namespace DeskPhone.Firmware.Config.Board
{
    /// <summary>The "backend" values: which HAL implementation runs the board.</summary>
    public static class BoardBackends
    {
        /// <summary>The simulated HAL (tools/Simulator).</summary>
        public const string Simulator = "simulator";

        /// <summary>Linux on a Raspberry Pi (boards/raspberrypi).</summary>
        public const string RaspberryPi = "raspberrypi";

        /// <summary>.NET nanoFramework on an ESP32 (boards/esp32).</summary>
        public const string Esp32 = "esp32";

        /// <summary>All of them, in the order messages list them.</summary>
        internal static readonly string[] All = { Simulator, RaspberryPi, Esp32 };
    }

    /// <summary>The "display.controller" values.</summary>
    public static class DisplayControllers
    {
        /// <summary>SSD1306: 128-column display RAM.</summary>
        public const string Ssd1306 = "ssd1306";

        /// <summary>SH1106: 132-column display RAM; the 128 visible columns are 2..129.</summary>
        public const string Sh1106 = "sh1106";

        internal static readonly string[] All = { Ssd1306, Sh1106 };
    }

    /// <summary>The "codec.chip" values.</summary>
    public static class CodecChips
    {
        /// <summary>The simulator's codec (WAV in, WAV out).</summary>
        public const string Simulated = "simulated";

        /// <summary>Wolfson/Cirrus WM8960 (I2C control port, default address 0x1A).</summary>
        public const string Wm8960 = "wm8960";

        /// <summary>TI PCM5102: an output-only DAC without a control port.</summary>
        public const string Pcm5102 = "pcm5102";

        /// <summary>Everest ES8388 (I2C control port, default address 0x10).</summary>
        public const string Es8388 = "es8388";

        /// <summary>X-Powers AC101 (I2C control port, default address 0x1A).</summary>
        public const string Ac101 = "ac101";

        internal static readonly string[] All = { Simulated, Wm8960, Pcm5102, Es8388, Ac101 };

        /// <summary>The usual 7-bit I2C address of <paramref name="chip"/>'s control port, or -1 when it has none.</summary>
        public static int DefaultI2cAddress(string chip)
        {
            if (chip == Wm8960 || chip == Ac101) return 0x1A;
            if (chip == Es8388) return 0x10;
            return -1;
        }
    }
}
