// The SSD1306/SH1106 command bytes the display needs: power-up sequence, page address, contrast, on/off.
using DeskPhone.Firmware.Config.Board;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// Command streams for the SSD1306 and SH1106 controllers, each starting with the I2C control byte
    /// 0x00 (Co = 0, D/C# = 0: the rest are commands). Values follow the controllers' datasheets; both
    /// are driven in page addressing mode, which is the only mode the SH1106 has.
    /// </summary>
    public static class OledCommands
    {
        /// <summary>Control byte before a command stream.</summary>
        public const byte CommandStream = 0x00;

        /// <summary>Control byte before display-RAM data (Co = 0, D/C# = 1).</summary>
        public const byte DataStream = 0x40;

        /// <summary>Power-up sequence for <paramref name="display"/>, ending with the panel off (the caller clears RAM, then <see cref="Power"/>).</summary>
        public static byte[] Init(DisplaySpec display, int contrast)
        {
            bool sh1106 = display.Controller == DisplayControllers.Sh1106;
            byte[] common =
            {
                CommandStream,
                0xAE,                              // display off
                0xD5, 0x80,                        // clock divide ratio / oscillator frequency (reset value)
                0xA8, (byte)(display.Height - 1),  // multiplex ratio = rows - 1
                0xD3, 0x00,                        // display offset 0
                0x40,                              // display start line 0
                0xA1,                              // segment remap: column 127 (131) is SEG0, so the image is not mirrored
                0xC8,                              // COM scan from COM[N-1] down: top row first
                0xDA, (byte)(display.Height == 64 ? 0x12 : 0x02), // COM pins: alternative for 64 rows, sequential for 32
                0x81, (byte)Clamp(contrast),       // contrast
                0xA4,                              // show RAM content
                0xA6                               // normal (not inverted)
            };
            byte[] specific = sh1106
                ? new byte[] { 0xAD, 0x8B, 0xD9, 0x22, 0xDB, 0x35 }              // DC-DC on; pre-charge; VCOM deselect
                : new byte[] { 0x8D, 0x14, 0x20, 0x02, 0xD9, 0xF1, 0xDB, 0x40 }; // charge pump on; page addressing; pre-charge; VCOMH
            byte[] all = new byte[common.Length + specific.Length];
            System.Array.Copy(common, 0, all, 0, common.Length);
            System.Array.Copy(specific, 0, all, common.Length, specific.Length);
            return all;
        }

        /// <summary>Fills <paramref name="buffer"/> (4 bytes) with "go to page <paramref name="page"/>, column <paramref name="column"/>".</summary>
        public static void PageAddress(byte[] buffer, int page, int column)
        {
            buffer[0] = CommandStream;
            buffer[1] = (byte)(0xB0 | (page & 0x07));
            buffer[2] = (byte)(column & 0x0F);
            buffer[3] = (byte)(0x10 | ((column >> 4) & 0x0F));
        }

        /// <summary>"Set contrast" (3 bytes).</summary>
        public static byte[] Contrast(int level)
        {
            return new byte[] { CommandStream, 0x81, (byte)Clamp(level) };
        }

        /// <summary>"Display on" or "display off (sleep)" (2 bytes).</summary>
        public static byte[] Power(bool on)
        {
            return new byte[] { CommandStream, (byte)(on ? 0xAF : 0xAE) };
        }

        private static int Clamp(int level)
        {
            return level < 0 ? 0 : level > 255 ? 255 : level;
        }
    }
}
