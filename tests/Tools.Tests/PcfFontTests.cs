// Reading Debian's PCF fonts: metrics, glyph cells and refusal of files that are not PCF.
using System.IO.Compression;
using DeskPhone.FontGen;

namespace DeskPhone.Tools.Tests;

public class PcfFontTests
{
    private static string[] Shape(PcfGlyph g, int height) =>
        Enumerable.Range(0, height).Select(y => new string(Enumerable.Range(0, g.Width).Select(x => g.Cell[y, x] ? '#' : '.').ToArray())).ToArray();

    [Fact]
    public void The_6x10_font_has_a_10_pixel_cell_with_8_above_the_baseline()
    {
        var font = PcfFont.Load(RepoPaths.Font("6x10"));

        Assert.Equal(8, font.Ascent);
        Assert.Equal(2, font.Descent);
        Assert.Equal(10, font.Height);
    }

    [Fact]
    public void The_6x10_letter_A_has_its_expected_shape()
    {
        var font = PcfFont.Load(RepoPaths.Font("6x10"));

        var a = font.Glyphs['A'];

        Assert.Equal('A', a.CodePoint);
        Assert.Equal(6, a.Width);
        Assert.Equal(new[]
        {
            "......",
            "..#...",
            ".#.#..",
            "#...#.",
            "#...#.",
            "#####.",
            "#...#.",
            "#...#.",
            "......",
            "......",
        }, Shape(a, font.Height));
    }

    [Fact]
    public void Descenders_sit_below_the_baseline()
    {
        var font = PcfFont.Load(RepoPaths.Font("6x10"));
        var g = font.Glyphs['g'];

        var rows = Shape(g, font.Height);
        Assert.Contains('#', rows[8]);               // below the baseline at row 8
        Assert.Contains('#', rows[9]);
        Assert.DoesNotContain('#', rows[0]);
    }

    [Theory]
    [InlineData("5x8", 5, 8)]
    [InlineData("6x10", 6, 10)]
    public void Every_glyph_of_a_fixed_font_is_as_wide_as_its_name_says(string name, int width, int height)
    {
        var font = PcfFont.Load(RepoPaths.Font(name));

        Assert.Equal(height, font.Height);
        Assert.True(font.Glyphs.Count > 500, "only " + font.Glyphs.Count + " glyphs");
        Assert.All(font.Glyphs.Values, g => Assert.Equal(width, g.Width));
        Assert.All(font.Glyphs.Values, g => Assert.Equal(height, g.Cell.GetLength(0)));
    }

    [Fact]
    public void The_fonts_properties_are_read()
    {
        var font = PcfFont.Load(RepoPaths.Font("6x10"));

        Assert.Equal("Misc", font.Props["FOUNDRY"]);
        Assert.Equal("Fixed", font.Props["FAMILY_NAME"]);
        Assert.Equal("10", font.Props["PIXEL_SIZE"]);
    }

    [Fact]
    public void An_uncompressed_pcf_file_reads_the_same_as_the_gzipped_one()
    {
        string plain = Path.Combine(Path.GetTempPath(), "deskphone-6x10-" + Guid.NewGuid().ToString("N") + ".pcf");
        try
        {
            using (var gz = new GZipStream(File.OpenRead(RepoPaths.Font("6x10")), CompressionMode.Decompress))
            using (var f = File.Create(plain))
                gz.CopyTo(f);

            var fromPlain = PcfFont.Load(plain);
            var fromGz = PcfFont.Load(RepoPaths.Font("6x10"));

            Assert.Equal(fromGz.Glyphs.Count, fromPlain.Glyphs.Count);
            Assert.Equal(Shape(fromGz.Glyphs['Q'], 10), Shape(fromPlain.Glyphs['Q'], 10));
        }
        finally
        {
            File.Delete(plain);
        }
    }

    [Fact]
    public void A_file_that_is_not_PCF_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => PcfFont.Parse(System.Text.Encoding.ASCII.GetBytes("STARTFONT 2.1\n")));
        Assert.Contains("magic", e.Message);
        Assert.Throws<InvalidDataException>(() => PcfFont.Parse(new byte[3]));
    }

    [Fact]
    public void A_PCF_without_its_bitmap_tables_is_refused()
    {
        var b = new byte[8];
        b[0] = 1; b[1] = (byte)'f'; b[2] = (byte)'c'; b[3] = (byte)'p';   // magic, then zero tables

        var e = Assert.Throws<InvalidDataException>(() => PcfFont.Parse(b));
        Assert.Contains("lacks table", e.Message);
    }
}
