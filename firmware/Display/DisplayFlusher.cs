// Sends the framebuffer's changed pages, and only those, to the panel.
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Display
{
    /// <summary>Copies dirty framebuffer pages to the HAL display.</summary>
    public sealed class DisplayFlusher
    {
        private readonly FrameBuffer _fb;
        private readonly IDisplay _panel;

        /// <summary>A flusher from <paramref name="fb"/> to <paramref name="panel"/>.</summary>
        public DisplayFlusher(FrameBuffer fb, IDisplay panel)
        {
            _fb = fb;
            _panel = panel;
        }

        /// <summary>Pages written to the panel so far.</summary>
        public int PagesWritten { get; private set; }

        /// <summary>Writes every dirty page; returns how many were written.</summary>
        public int Flush()
        {
            int n = 0;
            for (int p = 0; p < _fb.Pages; p++)
            {
                if (!_fb.IsDirty(p)) continue;
                _panel.WritePage(p, _fb.Bytes, p * _fb.Width);
                _fb.MarkClean(p);
                n++;
            }
            PagesWritten += n;
            return n;
        }
    }
}
