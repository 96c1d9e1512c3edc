// Builds the picture a line of text should make from glyph cells read out of the Debian fonts, and compares it with a screen.
using System.Text;

namespace DeskPhone.Firmware.Tests.Display;

/// <summary>Expected pixels of a line, glyph cell after glyph cell, and a comparison that prints both pictures when they differ.</summary>
public sealed class GlyphPicture
{
    private readonly int _height;
    private readonly List<bool[,]> _cells = new();
    private readonly List<int> _drops = new();

    public GlyphPicture(int height) { _height = height; }

    public int Width => _cells.Sum(c => c.GetLength(1));

    /// <summary>Appends the glyph of <paramref name="font"/> for each character of <paramref name="text"/>, its top <paramref name="drop"/> rows down.</summary>
    public GlyphPicture Add(DebianFontFile font, string text, int drop = 0)
    {
        for (int i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            int cp = char.ConvertToUtf32(text, i);
            var cell = font.Cell(cp);
            Assert.True(cell != null, "the Debian font has no glyph for U+" + cp.ToString("X4"));
            _cells.Add(cell!);
            _drops.Add(drop);
        }
        return this;
    }

    /// <summary>The expected pixel (false outside the glyphs).</summary>
    public bool this[int x, int y]
    {
        get
        {
            for (int k = 0; k < _cells.Count; k++)
            {
                var c = _cells[k];
                if (x < c.GetLength(1))
                {
                    int row = y - _drops[k];
                    return row >= 0 && row < c.GetLength(0) && c[row, x];
                }
                x -= c.GetLength(1);
            }
            return false;
        }
    }

    /// <summary>Asserts that <paramref name="lit"/> shows exactly this picture at (x0, y0) over <paramref name="width"/> columns (dark past the glyphs).</summary>
    public void AssertShownAt(Func<int, int, bool> lit, int x0, int y0, int width)
    {
        var want = new StringBuilder();
        var got = new StringBuilder();
        bool same = true;
        for (int y = 0; y < _height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bool w = this[x, y], g = lit(x0 + x, y0 + y);
                want.Append(w ? '#' : '.');
                got.Append(g ? '#' : '.');
                same &= w == g;
            }
            want.Append('\n');
            got.Append('\n');
        }
        Assert.True(same, "expected:\n" + want + "shown:\n" + got);
    }
}
