// The Japanese fonts: JIS to Unicode, bit packing, the split into files, and that the committed tables match xfonts-shinonome.
using System.Text.RegularExpressions;
using DeskPhone.FontGen;

namespace DeskPhone.Tools.Tests;

public class PackedFontWriterTests
{
    private static string Fonts => Path.Combine(RepoPaths.Root, "firmware", "Display", "Fonts");

    /// <summary>The packed fonts tools/FontGen/regenerate.sh makes: pcf, name, class, ranges, read from the script.</summary>
    public static TheoryData<string, string, string, string> PackedFonts()
    {
        string script = File.ReadAllText(Path.Combine(RepoPaths.Root, "tools", "FontGen", "regenerate.sh"));
        var data = new TheoryData<string, string, string, string>();
        foreach (Match m in Regex.Matches(script, "^packed (\\S+) (\\S+) (\\S+) \"([^\"]+)\"", RegexOptions.Multiline))
            data.Add(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value);
        return data;
    }

    [Fact]
    public void The_regenerate_script_makes_the_Latin_kana_and_kanji_fonts_from_xfonts_shinonome()
    {
        var classes = PackedFonts().Select(row => (string)row[2]).ToArray();
        Assert.Equal(new[] { "Shinonome6x12", "Shinonome6x12Kana", "Shinonome12" }, classes);
    }

    [Theory]
    [MemberData(nameof(PackedFonts))]
    public void The_committed_packed_font_tables_equal_what_the_generator_makes_from_the_Debian_font(string pcf, string name, string className, string ranges)
    {
        var font = PcfFont.Load(RepoPaths.Font(pcf));

        var files = PackedFontWriter.Write(Charsets.ToUnicode(font), font.Height, font.Ascent, name, className,
            pcf + ".pcf.gz (Debian xfonts-shinonome)", FontSourceWriter.ParseRanges(ranges));

        foreach (var f in files)
        {
            string path = Path.Combine(Fonts, f.Name);
            Assert.True(File.Exists(path) && File.ReadAllText(path) == f.Text,
                "firmware/Display/Fonts/" + f.Name + " differs from " + pcf + ".pcf.gz: run tools/FontGen/regenerate.sh");
        }
        Assert.Empty(DeskPhone.FontGen.Program.StaleBlocks(Fonts, className, files));
    }

    [Fact]
    public void The_kanji_font_maps_JIS_row_and_cell_to_Unicode_through_EUC_JP()
    {
        var euc = Charsets.EucJp();

        Assert.Equal(0x3000, Charsets.Jis0208ToUnicode(euc, 0x2121));   // ideographic space, 1-1
        Assert.Equal(0x3042, Charsets.Jis0208ToUnicode(euc, 0x2422));   // あ
        Assert.Equal(0x30E4, Charsets.Jis0208ToUnicode(euc, 0x2564));   // ヤ
        Assert.Equal(0x5C71, Charsets.Jis0208ToUnicode(euc, 0x3B33));   // 山, level 1
        Assert.Equal(0x7530, Charsets.Jis0208ToUnicode(euc, 0x4544));   // 田
        Assert.Equal(0x5F0C, Charsets.Jis0208ToUnicode(euc, 0x5021));   // 弌, the first of level 2
        Assert.Equal(0x9F4B, Charsets.Jis0208ToUnicode(euc, 0x6337));   // 齋
        Assert.Equal(-1, Charsets.Jis0208ToUnicode(euc, 0x2940));       // row 9: unassigned
        Assert.Equal(-1, Charsets.Jis0208ToUnicode(euc, 0x0041));
    }

    [Theory]
    [InlineData(0x41, 0x41)]
    [InlineData(0x5C, 0xA5)]      // yen sign where ASCII has the backslash
    [InlineData(0x7E, 0x203E)]    // overline where ASCII has the tilde
    [InlineData(0xA1, 0xFF61)]    // half-width ideographic full stop
    [InlineData(0xD4, 0xFF94)]    // ﾔ
    [InlineData(0xDF, 0xFF9F)]    // half-width semi-voiced mark
    [InlineData(0x0A, -1)]
    [InlineData(0xE0, -1)]
    public void JIS_X_0201_is_ASCII_with_yen_and_overline_and_half_width_katakana_above(int code, int codePoint)
    {
        Assert.Equal(codePoint, Charsets.Jis0201ToUnicode(code));
    }

    [Fact]
    public void Every_Shinonome_12_glyph_is_a_12x12_cell_keyed_by_Unicode_with_the_JIS_standard_aliases()
    {
        var font = PcfFont.Load(RepoPaths.Font("shnmk12"));
        var glyphs = Charsets.ToUnicode(font);

        Assert.Equal("JISX0208.1990-0", Charsets.Of(font));
        Assert.Equal(6879 + 3, glyphs.Count);
        Assert.All(glyphs.Values, g => Assert.Equal(12, g.Width));
        Assert.Same(font.Glyphs[0x2141].Cell, glyphs[0x301C].Cell);
        Assert.Same(font.Glyphs[0x2141].Cell, glyphs[0xFF5E].Cell);
        Assert.Equal(0x5C71, glyphs[0x5C71].CodePoint);
        Assert.Same(font.Glyphs[0x3B33].Cell, glyphs[0x5C71].Cell);
    }

    [Fact]
    public void A_glyph_is_packed_row_after_row_without_padding_most_significant_bit_first()
    {
        var cell = new bool[2, 3];
        cell[0, 0] = cell[0, 2] = cell[1, 1] = true;   // #.# / .#.

        Assert.Equal(new byte[] { 0xA8 }, PackedFontWriter.Pack(new PcfGlyph(0x41, 3, cell), 2));   // 101 010 00
    }

    [Fact]
    public void The_packed_source_has_a_ushort_index_and_one_bitmap_file_per_1024_glyphs()
    {
        var font = PcfFont.Load(RepoPaths.Font("shnmk12"));
        var glyphs = Charsets.ToUnicode(font);

        var files = PackedFontWriter.Write(glyphs, 12, 10, "12x12", "Kanji", "test", glyphs.Keys.Where(c => c >= 0x4E00).Take(1025).Append(0x10FFFF));

        Assert.Equal(new[] { "Kanji.cs", "Kanji.Glyphs0.cs", "Kanji.Glyphs1.cs" }, files.Select(f => f.Name));
        Assert.Contains("1025 glyphs in a 12x12 cell, 18 bytes a glyph", files[0].Text);
        Assert.Contains("private static readonly ushort[] CodePoints", files[0].Text);
        Assert.Contains("byte[][] blocks = { Glyphs0, Glyphs1 };", files[0].Text);
        Assert.Contains("new SparseBitmapFont(\"12x12\", 12, 12, 10, CodePoints, blocks, 1024)", files[0].Text);
        Assert.Contains("// U+4E00 一\n", files[1].Text);
        Assert.Equal(1024, Regex.Matches(files[1].Text, "// U\\+").Count);
        Assert.Equal(1, Regex.Matches(files[2].Text, "// U\\+").Count);
        Assert.All(files, f => Assert.DoesNotContain("\r", f.Text));
        Assert.All(files, f => Assert.DoesNotContain("<", f.Text.Replace("<summary>", "").Replace("</summary>", "")));   // no generics
    }

    [Fact]
    public void A_font_whose_glyphs_differ_in_width_cannot_be_packed()
    {
        var glyphs = new Dictionary<int, PcfGlyph>
        {
            [0x41] = new PcfGlyph(0x41, 6, new bool[12, 6]),
            [0x3042] = new PcfGlyph(0x3042, 12, new bool[12, 12]),
        };

        var e = Assert.Throws<ArgumentException>(() => PackedFontWriter.Write(glyphs, 12, 10, "x", "X", "test", new[] { 0x41, 0x3042 }));
        Assert.Contains("one cell width", e.Message);
    }
}
