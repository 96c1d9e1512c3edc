// The 1-bit picture the phone draws, kept in the OLED's own page layout, with dirty pages tracked.
using System;

namespace DeskPhone.Firmware.Display
{
    /// <summary>
    /// A monochrome framebuffer in SSD1306/SH1106 page order: page p holds rows 8p..8p+7, one byte
    /// per column, bit 0 the top row. Drawing marks a page dirty only when a byte really changes, so
    /// a redraw of the same picture sends nothing to the panel.
    /// </summary>
    public sealed class FrameBuffer
    {
        private readonly int _width;
        private readonly int _height;
        private readonly byte[] _bytes;
        private readonly bool[] _dirty;

        /// <summary>A blank framebuffer; every page starts dirty so the first flush clears the panel.</summary>
        public FrameBuffer(int width, int height)
        {
            if (width <= 0 || height <= 0 || height % 8 != 0) throw new ArgumentException("height must be a multiple of 8");
            _width = width;
            _height = height;
            _bytes = new byte[width * height / 8];
            _dirty = new bool[height / 8];
            for (int p = 0; p < _dirty.Length; p++) _dirty[p] = true;
        }

        /// <summary>Width in pixels.</summary>
        public int Width { get { return _width; } }

        /// <summary>Height in pixels.</summary>
        public int Height { get { return _height; } }

        /// <summary>Number of 8-row pages.</summary>
        public int Pages { get { return _dirty.Length; } }

        /// <summary>The raw page bytes: page p starts at p * Width.</summary>
        public byte[] Bytes { get { return _bytes; } }

        /// <summary>True when page <paramref name="page"/> changed since it was last flushed.</summary>
        public bool IsDirty(int page) { return _dirty[page]; }

        /// <summary>Marks page <paramref name="page"/> as sent to the panel.</summary>
        public void MarkClean(int page) { _dirty[page] = false; }

        /// <summary>Marks every page dirty (after the panel was reset or powered up).</summary>
        public void MarkAllDirty()
        {
            for (int p = 0; p < _dirty.Length; p++) _dirty[p] = true;
        }

        /// <summary>True when the pixel is lit; false outside the screen.</summary>
        public bool GetPixel(int x, int y)
        {
            if (x < 0 || y < 0 || x >= _width || y >= _height) return false;
            return (_bytes[(y >> 3) * _width + x] & (1 << (y & 7))) != 0;
        }

        /// <summary>Lights or clears one pixel; outside the screen does nothing.</summary>
        public void SetPixel(int x, int y, bool on)
        {
            if (x < 0 || y < 0 || x >= _width || y >= _height) return;
            int i = (y >> 3) * _width + x;
            byte mask = (byte)(1 << (y & 7));
            byte old = _bytes[i];
            byte now = on ? (byte)(old | mask) : (byte)(old & ~mask);
            if (now == old) return;
            _bytes[i] = now;
            _dirty[y >> 3] = true;
        }

        /// <summary>Fills a rectangle (clipped to the screen).</summary>
        public void FillRect(int x, int y, int w, int h, bool on)
        {
            int x1 = Math.Min(_width, x + w);
            int y1 = Math.Min(_height, y + h);
            for (int yy = Math.Max(0, y); yy < y1; yy++)
            {
                for (int xx = Math.Max(0, x); xx < x1; xx++) SetPixel(xx, yy, on);
            }
        }

        /// <summary>Inverts a rectangle (for highlighted rows and softkey labels).</summary>
        public void InvertRect(int x, int y, int w, int h)
        {
            int x1 = Math.Min(_width, x + w);
            int y1 = Math.Min(_height, y + h);
            for (int yy = Math.Max(0, y); yy < y1; yy++)
            {
                for (int xx = Math.Max(0, x); xx < x1; xx++) SetPixel(xx, yy, !GetPixel(xx, yy));
            }
        }

        /// <summary>A horizontal line.</summary>
        public void HLine(int x, int y, int w, bool on) { FillRect(x, y, w, 1, on); }

        /// <summary>Clears the whole picture.</summary>
        public void Clear() { FillRect(0, 0, _width, _height, false); }
    }
}
