// Fonts tried in order, on one baseline: what the first lacks comes from the next; what none has is a box.
using System;

namespace DeskPhone.Firmware.Display
{
    /// <summary>
    /// A font made of fonts: a code point is drawn from the first font that has it, every font's
    /// baseline on the chain's baseline (the greatest ascent), so a 6x10 glyph sits on the same line as
    /// a 12x12 kanji. A code point that no font has, or a lone surrogate, is drawn as a hollow box.
    /// Glyph numbers are (font index &lt;&lt; 16) | glyph in that font; each font must have under 65536 glyphs.
    /// </summary>
    public sealed class FontChain : IGlyphFont
    {
        /// <summary>The glyph number of the replacement box.</summary>
        public const int Box = 0x7FFF0000;

        private readonly string _name;
        private readonly IGlyphFont[] _fonts;
        private readonly int[] _drop;
        private readonly int _ascent;
        private readonly int _height;
        private readonly int _boxWidth;
        private readonly int _count;

        /// <summary>A chain of <paramref name="fonts"/>, tried first to last.</summary>
        public FontChain(string name, IGlyphFont[] fonts)
        {
            if (fonts == null || fonts.Length == 0 || fonts.Length >= 0x7FFF) throw new ArgumentException("a chain needs fonts");
            _name = name;
            _fonts = fonts;
            int descent = 0;
            for (int k = 0; k < fonts.Length; k++)
            {
                if (fonts[k].GlyphCount > 0xFFFF) throw new ArgumentException("a chained font has at most 65535 glyphs");
                if (fonts[k].Ascent > _ascent) _ascent = fonts[k].Ascent;
                if (fonts[k].Height - fonts[k].Ascent > descent) descent = fonts[k].Height - fonts[k].Ascent;
                _count += fonts[k].GlyphCount;
            }
            _height = _ascent + descent;
            _drop = new int[fonts.Length];
            for (int k = 0; k < fonts.Length; k++) _drop[k] = _ascent - fonts[k].Ascent;
            int zero = fonts[0].Find('0');
            _boxWidth = zero >= 0 ? fonts[0].Width(zero) : (_ascent + 2) / 2;
        }

        /// <summary>The chain's name ("6x10+12x12").</summary>
        public string Name { get { return _name; } }

        /// <summary>Greatest ascent plus greatest descent of the fonts.</summary>
        public int Height { get { return _height; } }

        /// <summary>The greatest ascent of the fonts: where every font's baseline sits.</summary>
        public int Ascent { get { return _ascent; } }

        /// <summary>Glyphs of all the fonts together.</summary>
        public int GlyphCount { get { return _count; } }

        /// <summary>The fonts, first tried first.</summary>
        public IGlyphFont Font(int index) { return _fonts[index]; }

        /// <summary>How many fonts the chain has.</summary>
        public int FontCount { get { return _fonts.Length; } }

        /// <summary>The glyph from the first font that has <paramref name="codePoint"/>, or -1.</summary>
        public int Find(int codePoint)
        {
            for (int k = 0; k < _fonts.Length; k++)
            {
                int g = _fonts[k].Find(codePoint);
                if (g >= 0) return (k << 16) | g;
            }
            return -1;
        }

        /// <summary>The glyph for <paramref name="codePoint"/>, or <see cref="Box"/> when no font has it.</summary>
        public int GlyphFor(int codePoint)
        {
            int g = Find(codePoint);
            return g >= 0 ? g : Box;
        }

        /// <summary>Advance width of a glyph; the box is as wide as the first font's '0'.</summary>
        public int Width(int glyph)
        {
            if (glyph < 0) return 0;
            if (glyph == Box) return _boxWidth;
            return _fonts[glyph >> 16].Width(glyph & 0xFFFF);
        }

        /// <summary>Ink of a glyph in the chain's cell: the font's own, moved down onto the shared baseline.</summary>
        public bool Ink(int glyph, int x, int y)
        {
            if (glyph < 0) return false;
            if (glyph == Box) return BoxInk(x, y);
            int k = glyph >> 16;
            return _fonts[k].Ink(glyph & 0xFFFF, x, y - _drop[k]);
        }

        /// <summary>The replacement box: an outline from the row under the top to the row over the baseline, one column of space after it.</summary>
        private bool BoxInk(int x, int y)
        {
            int right = _boxWidth - 2;
            int top = 1;
            int bottom = _ascent - 1;
            if (x < 0 || x > right || y < top || y > bottom) return false;
            return x == 0 || x == right || y == top || y == bottom;
        }
    }
}
