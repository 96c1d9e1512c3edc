// What text drawing needs from a font: find a glyph, its advance and its pixels.
namespace DeskPhone.Firmware.Display
{
    /// <summary>
    /// A bitmap font as <see cref="TextRenderer"/> sees it. Glyphs are numbered by the font; a glyph
    /// is a cell <see cref="Height"/> rows high and <see cref="Width"/> columns wide whose baseline is
    /// <see cref="Ascent"/> rows from the top. Glyph -1 is "nothing": no width, no ink.
    /// </summary>
    public interface IGlyphFont
    {
        /// <summary>The font's name ("6x10").</summary>
        string Name { get; }

        /// <summary>Cell height in pixels.</summary>
        int Height { get; }

        /// <summary>Pixels from the top of the cell to the baseline.</summary>
        int Ascent { get; }

        /// <summary>How many glyphs the font has.</summary>
        int GlyphCount { get; }

        /// <summary>The glyph for <paramref name="codePoint"/>, or -1 when the font has none.</summary>
        int Find(int codePoint);

        /// <summary>The glyph for <paramref name="codePoint"/>, or the font's stand-in for a missing one ('?' or a box; -1 when it has none).</summary>
        int GlyphFor(int codePoint);

        /// <summary>Advance width of <paramref name="glyph"/>; 0 for -1.</summary>
        int Width(int glyph);

        /// <summary>True when pixel (x, y) of the glyph's cell is ink; false outside the cell.</summary>
        bool Ink(int glyph, int x, int y);
    }
}
