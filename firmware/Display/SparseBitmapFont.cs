// A large fixed-cell font (Japanese: ~6900 glyphs) stored compactly: a 16-bit code-point index and bit-packed cells.
using System;

namespace DeskPhone.Firmware.Display
{
    /// <summary>
    /// A font whose glyphs all share one cell (12x12 kanji, 6x12 Latin or kana), for sets too big
    /// for <see cref="BitmapFont"/>'s per-glyph tables. Code points are a sorted <c>ushort[]</c>,
    /// searched by bisection (13 steps for JIS X 0208); glyph i's bitmap is the
    /// (<see cref="CellWidth"/> x <see cref="Height"/> + 7) / 8 bytes at i * that size, rows top to
    /// bottom with no padding between them, most significant bit first. The bitmaps are split into
    /// blocks of <c>glyphsPerBlock</c> glyphs so no single array is huge. A 12x12 glyph costs 18
    /// bytes plus 2 for its index entry.
    /// </summary>
    public sealed class SparseBitmapFont : IGlyphFont
    {
        private readonly string _name;
        private readonly int _width;
        private readonly int _height;
        private readonly int _ascent;
        private readonly ushort[] _codePoints;
        private readonly byte[][] _blocks;
        private readonly int _perBlock;
        private readonly int _glyphBytes;
        private readonly int _fallback;

        /// <summary>
        /// A font from generated tables: <paramref name="codePoints"/> ascending, and the packed
        /// cells in <paramref name="blocks"/>, <paramref name="glyphsPerBlock"/> glyphs to a block.
        /// </summary>
        public SparseBitmapFont(string name, int cellWidth, int height, int ascent, ushort[] codePoints, byte[][] blocks, int glyphsPerBlock)
        {
            if (cellWidth <= 0 || height <= 0 || glyphsPerBlock <= 0) throw new ArgumentException("cell and block sizes must be positive");
            _name = name;
            _width = cellWidth;
            _height = height;
            _ascent = ascent;
            _codePoints = codePoints;
            _blocks = blocks;
            _perBlock = glyphsPerBlock;
            _glyphBytes = (cellWidth * height + 7) >> 3;
            if (blocks.Length * glyphsPerBlock < codePoints.Length) throw new ArgumentException("fewer bitmaps than code points");
            _fallback = IndexOf('?');
        }

        /// <summary>The font's name ("12x12").</summary>
        public string Name { get { return _name; } }

        /// <summary>Cell height in pixels.</summary>
        public int Height { get { return _height; } }

        /// <summary>Pixels from the top of the cell to the baseline.</summary>
        public int Ascent { get { return _ascent; } }

        /// <summary>The width of every glyph.</summary>
        public int CellWidth { get { return _width; } }

        /// <summary>How many glyphs the font has.</summary>
        public int GlyphCount { get { return _codePoints.Length; } }

        /// <summary>Bytes of glyph data: bitmaps plus the code-point index.</summary>
        public int TableBytes { get { return _codePoints.Length * (_glyphBytes + 2); } }

        /// <summary>The code point of glyph <paramref name="glyph"/>.</summary>
        public int CodePointOf(int glyph) { return _codePoints[glyph]; }

        /// <summary>The glyph for <paramref name="codePoint"/>, or -1 when the font has none.</summary>
        public int Find(int codePoint) { return IndexOf(codePoint); }

        /// <summary>The glyph for <paramref name="codePoint"/>, else '?' when the font has it, else -1.</summary>
        public int GlyphFor(int codePoint)
        {
            int i = IndexOf(codePoint);
            return i >= 0 ? i : _fallback;
        }

        /// <summary>The cell width for a glyph, 0 for -1.</summary>
        public int Width(int glyph) { return glyph < 0 ? 0 : _width; }

        /// <summary>True when pixel (x, y) of the glyph's cell is ink.</summary>
        public bool Ink(int glyph, int x, int y)
        {
            if (glyph < 0 || glyph >= _codePoints.Length || x < 0 || y < 0 || x >= _width || y >= _height) return false;
            int bit = y * _width + x;
            byte b = _blocks[glyph / _perBlock][(glyph % _perBlock) * _glyphBytes + (bit >> 3)];
            return (b & (0x80 >> (bit & 7))) != 0;
        }

        private int IndexOf(int codePoint)
        {
            if (codePoint < 0 || codePoint > 0xFFFF) return -1;
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
