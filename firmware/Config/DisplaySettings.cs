// The "display" section.
namespace DeskPhone.Firmware.Config
{
    /// <summary>Screen settings from the "display" section.</summary>
    public sealed class DisplaySettings
    {
        internal DisplaySettings(int contrast, bool clock24h)
        {
            Contrast = contrast;
            Clock24h = clock24h;
        }

        /// <summary>OLED contrast 0-255 (default 200).</summary>
        public int Contrast { get; private set; }

        /// <summary>24-hour clock (default true); false shows 12-hour with am/pm.</summary>
        public bool Clock24h { get; private set; }
    }
}
