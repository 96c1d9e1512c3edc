// The OLED: a 1-bit framebuffer written page by page, as SSD1306 and SH1106 take it.
namespace DeskPhone.Hal
{
    /// <summary>
    /// A monochrome display organised in pages of 8 pixel rows, as the SSD1306/SH1106 controllers
    /// store it: one byte per column per page, bit 0 the top row of the page.
    /// </summary>
    public interface IDisplay
    {
        /// <summary>Width in pixels (128).</summary>
        int Width { get; }

        /// <summary>Height in pixels (64): Height / 8 pages.</summary>
        int Height { get; }

        /// <summary>Writes one page: <see cref="Width"/> bytes from <paramref name="offset"/>.</summary>
        void WritePage(int page, byte[] data, int offset);

        /// <summary>Contrast 0-255.</summary>
        void SetContrast(int level);

        /// <summary>Panel on or off (sleep).</summary>
        void SetPower(bool on);
    }
}
