// A proportional bitmap font: glyphs by code point, each a cell of its own width.
namespace DeskPhone.Firmware.Display
{
    /// <summary>
    /// A bitmap font generated from a Debian font file by tools/FontGen. Every glyph is a cell
    /// <see cref="Height"/> rows high and its own advance wide; rows are stored top to bottom, each
    /// row in (width + 7) / 8 bytes, most significant bit leftmost.
    /// </summary>
    public sealed class BitmapFont : IGlyphFont
    {
        private readonly string _name;
        private readonly int _height;
        private readonly int _ascent;
        private readonly int[] _codePoints;
        private readonly byte[] _widths;
        private readonly int[] _offsets;
        private readonly byte[] _bitmaps;
        private readonly int _fallback;

        /// <summary>
        /// A font from generated tables: sorted code points, each glyph's advance width and the offset
        /// of its rows in <paramref name="bitmaps"/>.
        /// </summary>
        public BitmapFont(string name, int height, int ascent, int[] codePoints, byte[] widths, int[] offsets, byte[] bitmaps)
        {
            _name = name;
            _height = height;
            _ascent = ascent;
            _codePoints = codePoints;
            _widths = widths;
            _offsets = offsets;
            _bitmaps = bitmaps;
            _fallback = IndexOf('?');
        }

        /// <summary>The font's name ("6x10").</summary>
        public string Name { get { return _name; } }

        /// <summary>Cell height in pixels.</summary>
        public int Height { get { return _height; } }

        /// <summary>Pixels from the top of the cell to the baseline.</summary>
        public int Ascent { get { return _ascent; } }

        /// <summary>How many glyphs the font has.</summary>
        public int GlyphCount { get { return _codePoints.Length; } }

        /// <summary>True when the font has a glyph for <paramref name="codePoint"/>.</summary>
        public bool Has(int codePoint) { return IndexOf(codePoint) >= 0; }

        /// <summary>The glyph for <paramref name="codePoint"/>, or -1 when the font has none.</summary>
        public int Find(int codePoint) { return IndexOf(codePoint); }

        /// <summary>The glyph index for a code point, falling back to '?' for missing ones.</summary>
        public int GlyphFor(int codePoint)
        {
            int i = IndexOf(codePoint);
            return i >= 0 ? i : _fallback;
        }

        /// <summary>Advance width of glyph <paramref name="glyph"/>.</summary>
        public int Width(int glyph) { return glyph < 0 ? 0 : _widths[glyph]; }

        /// <summary>True when pixel (x, y) of the glyph's cell is ink.</summary>
        public bool Ink(int glyph, int x, int y)
        {
            if (glyph < 0) return false;
            int w = _widths[glyph];
            if (x < 0 || y < 0 || x >= w || y >= _height) return false;
            int rowBytes = (w + 7) >> 3;
            byte b = _bitmaps[_offsets[glyph] + y * rowBytes + (x >> 3)];
            return (b & (0x80 >> (x & 7))) != 0;
        }

        private int IndexOf(int codePoint)
        {
            int lo = 0;
            int hi = _codePoints.Length - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                int c = _codePoints[mid];
                if (c == codePoint) return mid;
                if (c < codePoint) lo = mid + 1;
                else hi = mid - 1;
            }
            return -1;
        }
    }
}
