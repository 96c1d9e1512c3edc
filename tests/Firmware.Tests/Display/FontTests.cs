// The generated fonts: what they cover, their cells, and the bitmap lookup.
using DeskPhone.Firmware.Display;
using DeskPhone.Firmware.Display.Fonts;

namespace DeskPhone.Firmware.Tests.Display;

public class FontTests
{
    public static TheoryData<string> FontNames => new() { "5x8", "6x10" };

    private static BitmapFont ByName(string name) => name == "5x8" ? Fixed5x8.Font : Fixed6x10.Font;

    private static IEnumerable<int> Required() =>
        Enumerable.Range(0x20, 0x7E - 0x20 + 1).Concat(Enumerable.Range(0xA0, 0x100 - 0xA0)).Append(0x2026);

    [Theory]
    [MemberData(nameof(FontNames))]
    public void The_font_covers_ASCII_Latin_1_and_the_ellipsis(string name)
    {
        var font = ByName(name);
        var missing = Required().Where(c => !font.Has(c)).Select(c => "U+" + c.ToString("X4")).ToArray();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("5x8", 8, 7, 5)]
    [InlineData("6x10", 10, 8, 6)]
    public void The_font_has_its_cell_size_and_every_glyph_the_same_advance(string name, int height, int ascent, int width)
    {
        var font = ByName(name);
        Assert.Equal(name, font.Name);
        Assert.Equal(height, font.Height);
        Assert.Equal(ascent, font.Ascent);
        Assert.True(font.GlyphCount >= 192);
        Assert.All(Enumerable.Range(0, font.GlyphCount), g => Assert.Equal(width, font.Width(g)));
    }

    [Theory]
    [MemberData(nameof(FontNames))]
    public void Space_has_no_ink_and_every_printable_ASCII_letter_has_some(string name)
    {
        var font = ByName(name);
        Assert.False(HasInk(font, ' '));
        Assert.False(HasInk(font, 0xA0));
        Assert.All(Enumerable.Range(0x21, 0x7E - 0x21 + 1), c => Assert.True(HasInk(font, c), "no ink in U+" + c.ToString("X4")));
        Assert.True(HasInk(font, 0x2026));
    }

    [Fact]
    public void The_ellipsis_is_three_dots_on_one_row()
    {
        var font = Fixed6x10.Font;
        int g = font.GlyphFor(0x2026);
        var inked = Enumerable.Range(0, 60).Where(i => font.Ink(g, i % 6, i / 6)).Select(i => (x: i % 6, y: i / 6)).ToArray();

        Assert.Equal(new[] { (0, 7), (2, 7), (4, 7) }, inked);
    }

    [Fact]
    public void Ink_outside_a_glyph_cell_or_for_no_glyph_is_false()
    {
        var font = Fixed6x10.Font;
        int a = font.GlyphFor('A');
        Assert.False(font.Ink(a, -1, 3));
        Assert.False(font.Ink(a, 6, 3));
        Assert.False(font.Ink(a, 0, 10));
        Assert.False(font.Ink(-1, 0, 3));
        Assert.Equal(0, font.Width(-1));
    }

    [Fact]
    public void A_font_without_a_question_mark_draws_nothing_for_missing_glyphs()
    {
        var font = new BitmapFont("tiny", 1, 1, new[] { 0x41 }, new byte[] { 3 }, new[] { 0 }, new byte[] { 0xE0 });

        Assert.Equal(-1, font.GlyphFor('Z'));
        Assert.Equal(3, TextRenderer.Measure(font, "AZ"));
    }

    private static bool HasInk(BitmapFont font, int c)
    {
        int g = font.GlyphFor(c);
        for (int y = 0; y < font.Height; y++)
            for (int x = 0; x < font.Width(g); x++)
                if (font.Ink(g, x, y)) return true;
        return false;
    }
}
