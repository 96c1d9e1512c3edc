// The font generator's ranges, its output shape, and that the committed font tables match the Debian fonts.
using System.Text.RegularExpressions;
using DeskPhone.FontGen;

namespace DeskPhone.Tools.Tests;

public class FontSourceWriterTests
{
    [Theory]
    [InlineData("41", new[] { 0x41 })]
    [InlineData("41-43", new[] { 0x41, 0x42, 0x43 })]
    [InlineData("43,41-42", new[] { 0x41, 0x42, 0x43 })]
    [InlineData(" 41 , 2026 ", new[] { 0x41, 0x2026 })]
    [InlineData("41,,42,", new[] { 0x41, 0x42 })]
    [InlineData("41-42,42-43", new[] { 0x41, 0x42, 0x43 })]
    [InlineData("7e-7E", new[] { 0x7E })]
    [InlineData("", new int[0])]
    public void ParseRanges_names_each_code_point_once_in_order(string ranges, int[] expected)
    {
        Assert.Equal(expected, FontSourceWriter.ParseRanges(ranges));
    }

    [Fact]
    public void ParseRanges_of_the_firmware_ranges_counts_ASCII_Latin_1_and_the_extras()
    {
        var set = FontSourceWriter.ParseRanges("20-7E,A0-FF,2026,2190-2193,25B2,25BC,2713");
        Assert.Equal(95 + 96 + 1 + 4 + 3, set.Count);
        Assert.Equal(0x20, set.Min);
        Assert.Equal(0x2713, set.Max);
    }

    [Theory]
    [InlineData("42-41")]
    public void ParseRanges_refuses_a_range_that_runs_backwards(string ranges)
    {
        var e = Assert.Throws<FormatException>(() => FontSourceWriter.ParseRanges(ranges));
        Assert.Contains("42-41", e.Message);
    }

    [Theory]
    [InlineData("GG")]
    [InlineData("41-")]
    [InlineData("-41")]
    public void ParseRanges_refuses_text_that_is_not_hexadecimal(string ranges)
    {
        Assert.Throws<FormatException>(() => FontSourceWriter.ParseRanges(ranges));
    }

    public static TheoryData<string, string> CommittedFonts => new()
    {
        { "5x8", "Fixed5x8" },
        { "6x10", "Fixed6x10" },
    };

    [Theory]
    [MemberData(nameof(CommittedFonts))]
    public void The_committed_font_table_equals_what_the_generator_makes_from_the_Debian_font(string font, string className)
    {
        var pcf = PcfFont.Load(RepoPaths.Font(font));

        string generated = FontSourceWriter.Write(pcf, font, className, font + ".pcf.gz (Debian)",
            FontSourceWriter.ParseRanges(RegenerateScriptRanges()));

        string committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "firmware", "Display", "Fonts", className + ".cs"));
        Assert.True(committed == generated,
            "firmware/Display/Fonts/" + className + ".cs differs from " + font + ".pcf.gz: run tools/FontGen/regenerate.sh");
    }

    [Fact]
    public void The_regenerate_script_names_the_ranges_the_firmware_needs()
    {
        var set = FontSourceWriter.ParseRanges(RegenerateScriptRanges());
        foreach (int c in Enumerable.Range(0x20, 0x5F).Concat(Enumerable.Range(0xA0, 0x60)).Append(0x2026))
            Assert.Contains(c, set);
    }

    [Fact]
    public void The_generated_source_lists_only_glyphs_the_font_has_and_stays_in_the_portable_subset()
    {
        var pcf = PcfFont.Load(RepoPaths.Font("6x10"));

        string src = FontSourceWriter.Write(pcf, "6x10", "Tiny", "test", new[] { 0x41, 0x42, 0x10FFFF });

        Assert.Contains("public static class Tiny", src);
        Assert.Contains("2 glyphs, 10 pixels high", src);
        Assert.Contains("0x0041, 0x0042", src);
        Assert.DoesNotContain("10FFFF", src);
        Assert.Contains("0x00,0x20,0x50,0x88,0x88,0xF8,0x88,0x88,0x00,0x00, // U+0041", src);
        Assert.DoesNotContain("<", src.Replace("<summary>", "").Replace("</summary>", ""));   // no generics
        Assert.DoesNotContain("\r", src);
    }

    [Fact]
    public void Twelve_code_points_go_on_each_table_line()
    {
        var pcf = PcfFont.Load(RepoPaths.Font("6x10"));

        string src = FontSourceWriter.Write(pcf, "6x10", "Row", "test", Enumerable.Range(0x41, 13));

        var codeLines = src.Split('\n').Where(l => l.TrimStart().StartsWith("0x004")  || l.TrimStart().StartsWith("0x005")).ToArray();
        Assert.Equal(2, codeLines.Length);
        Assert.Equal(12, Regex.Matches(codeLines[0], "0x00").Count);
        Assert.Equal("            0x004D,", codeLines[1]);
    }

    /// <summary>The ranges tools/FontGen/regenerate.sh passes, read from the script so the two cannot drift.</summary>
    private static string RegenerateScriptRanges()
    {
        string script = File.ReadAllText(Path.Combine(RepoPaths.Root, "tools", "FontGen", "regenerate.sh"));
        var m = Regex.Match(script, "^ranges=\"([^\"]+)\"", RegexOptions.Multiline);
        Assert.True(m.Success, "regenerate.sh has no ranges=\"...\" line");
        return m.Groups[1].Value;
    }
}
