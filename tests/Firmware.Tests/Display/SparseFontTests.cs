// The packed Japanese fonts: lookup, bit packing across blocks, coverage of JIS X 0208, size, and the fallback chain.
using System.Text;
using DeskPhone.Firmware.Display;
using DeskPhone.Firmware.Display.Fonts;

namespace DeskPhone.Firmware.Tests.Display;

public class SparseFontTests
{
    /// <summary>Three 3x3 glyphs, two to a block: 'A' a ring, 'B' a diagonal, '?' a full cell.</summary>
    private static SparseBitmapFont Tiny()
    {
        // 9 bits a glyph, packed into 2 bytes, rows with no padding
        byte[] ring = { 0xF7, 0x80 };       // 111 101 111
        byte[] diag = { 0x88, 0x80 };       // 100 010 001
        byte[] full = { 0xFF, 0x80 };
        return new SparseBitmapFont("tiny", 3, 3, 2, new ushort[] { 0x3F, 0x41, 0x42 },
            new[] { full.Concat(ring).ToArray(), diag }, 2);
    }

    private static string Shape(IGlyphFont f, int g, int w, int h) =>
        string.Join("/", Enumerable.Range(0, h).Select(y => new string(Enumerable.Range(0, w).Select(x => f.Ink(g, x, y) ? '#' : '.').ToArray())));

    [Fact]
    public void Glyphs_are_found_by_code_point_and_read_from_their_block()
    {
        var f = Tiny();

        Assert.Equal(1, f.Find('A'));
        Assert.Equal(2, f.Find('B'));
        Assert.Equal(-1, f.Find('C'));
        Assert.Equal(-1, f.Find(0x1F600));
        Assert.Equal("###/#.#/###", Shape(f, f.Find('A'), 3, 3));
        Assert.Equal("#../.#./..#", Shape(f, f.Find('B'), 3, 3));   // glyph 2: first of block 1
        Assert.Equal(3, f.Width(1));
        Assert.Equal(0, f.Width(-1));
    }

    [Fact]
    public void A_missing_code_point_falls_back_to_the_question_mark_and_ink_outside_a_cell_is_false()
    {
        var f = Tiny();

        Assert.Equal(0, f.GlyphFor('Z'));
        Assert.False(f.Ink(1, 3, 0));
        Assert.False(f.Ink(1, 0, 3));
        Assert.False(f.Ink(1, -1, 0));
        Assert.False(f.Ink(-1, 0, 0));
        Assert.False(f.Ink(99, 0, 0));
    }

    [Fact]
    public void Fewer_bitmaps_than_code_points_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SparseBitmapFont("bad", 3, 3, 2, new ushort[] { 1, 2, 3 }, new[] { new byte[4] }, 2));
    }

    [Fact]
    public void The_12x12_font_holds_every_kana_kanji_and_symbol_of_JIS_X_0208_in_about_134_KiB()
    {
        var f = Shinonome12.Font;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var euc = Encoding.GetEncoding("euc-jp", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var missing = new List<string>();
        int checkedCells = 0;
        foreach (int row in Enumerable.Range(1, 8).Concat(Enumerable.Range(16, 84 - 15)))   // JIS X 0208's rows (not NEC's row 13 that EUC-JP also decodes)
            foreach (int cell in Enumerable.Range(1, 94))
            {
                string s;
                try { s = euc.GetString(new[] { (byte)(0xA0 + row), (byte)(0xA0 + cell) }); }
                catch (DecoderFallbackException) { continue; }   // unassigned
                if (s[0] < 0x100) continue;                       // Latin-1: drawn by the 6x12 Latin font
                checkedCells++;
                if (f.Find(s[0]) < 0) missing.Add(row + "-" + cell + " U+" + ((int)s[0]).ToString("X4"));
            }

        Assert.Empty(missing);
        Assert.Equal(6879 - 8, checkedCells);   // JIS X 0208's 6879 characters less the 8 in Latin-1 (§ ¨ ° ± ´ ¶ × ÷)
        Assert.Equal(6874, f.GlyphCount);       // ... and the three alternative code points below
        Assert.Equal(12, f.Height);
        Assert.Equal(10, f.Ascent);
        Assert.Equal(6874 * (18 + 2), f.TableBytes);
    }

    [Theory]
    [InlineData(0x301C, 0xFF5E)]   // WAVE DASH and FULLWIDTH TILDE: JIS 1-33
    [InlineData(0x2016, 0x2225)]   // JIS 1-34
    [InlineData(0x2212, 0xFF0D)]   // MINUS SIGN and FULLWIDTH HYPHEN-MINUS: JIS 1-61
    public void Both_Unicode_mappings_of_a_JIS_character_find_the_same_glyph(int jisStandard, int microsoft)
    {
        var f = Shinonome12.Font;
        Assert.True(f.Find(jisStandard) >= 0);
        Assert.Equal(Shape(f, f.Find(microsoft), 12, 12), Shape(f, f.Find(jisStandard), 12, 12));
    }

    [Fact]
    public void The_Latin_and_half_width_kana_fonts_cover_Latin_1_and_all_63_half_width_katakana()
    {
        Assert.All(Enumerable.Range(0x20, 0x5F).Concat(Enumerable.Range(0xA0, 0x60)), c => Assert.True(Shinonome6x12.Font.Find(c) >= 0, "U+" + c.ToString("X4")));
        Assert.All(Enumerable.Range(0xFF61, 63), c => Assert.True(Shinonome6x12Kana.Font.Find(c) >= 0, "U+" + c.ToString("X4")));
        Assert.Equal(6, Shinonome6x12.Font.CellWidth);
        Assert.Equal(191 * (9 + 2), Shinonome6x12.Font.TableBytes);
        Assert.Equal(63 * (9 + 2), Shinonome6x12Kana.Font.TableBytes);
    }

    [Fact]
    public void A_chain_puts_every_font_on_the_greatest_ascent_so_a_6x10_glyph_sits_two_rows_lower()
    {
        var chain = new FontChain("mix", new IGlyphFont[] { Shinonome12.Font, Fixed6x10.Font });
        int a10 = Fixed6x10.Font.Find('A');
        int a = chain.Find('A');   // Shinonome12 has no 'A' (ASCII is left to the Latin fonts), so it is the 6x10 one

        Assert.Equal(12, chain.Height);
        Assert.Equal(10, chain.Ascent);
        Assert.Equal((1 << 16) | a10, a);
        for (int y = 0; y < 12; y++)
            for (int x = 0; x < 6; x++)
                Assert.Equal(Fixed6x10.Font.Ink(a10, x, y - 2), chain.Ink(a, x, y));
    }

    [Fact]
    public void A_chain_takes_a_character_from_the_first_font_that_has_it()
    {
        var chain = (FontChain)TextFace.Normal.Wide;

        Assert.Equal(0, chain.Find('A') >> 16);           // Shinonome 6x12 Latin
        Assert.Equal(1, chain.Find(0x2026) >> 16);        // the 6x10 ellipsis, not the 12-px one
        Assert.Equal(2, chain.Find('山') >> 16);          // Shinonome 12x12
        Assert.Equal(3, chain.Find('ﾔ') >> 16);           // half-width katakana
        Assert.Equal(-1, chain.Find(0x1F600));
        Assert.Equal(FontChain.Box, chain.GlyphFor(0x1F600));
        Assert.Equal(4, chain.FontCount);
    }
}
