// Text: measuring, fitting with an ellipsis, fallbacks for missing glyphs, alignment and drawing.
using DeskPhone.Firmware.Display;
using DeskPhone.Firmware.Display.Fonts;

namespace DeskPhone.Firmware.Tests.Display;

public class TextRendererTests
{
    private static readonly BitmapFont Font6 = Fixed6x10.Font;
    private static readonly BitmapFont Font5 = Fixed5x8.Font;

    [Theory]
    [InlineData("", 0)]
    [InlineData("A", 6)]
    [InlineData("Hello", 30)]
    [InlineData("Reception 201", 78)]
    [InlineData("Zoë Müller", 60)]
    [InlineData("\u2026", 6)]
    [InlineData("{1F600}", 6)]              // one glyph ('?') for the pair, not two
    [InlineData("a{1F600}b", 18)]
    [InlineData("{1F600}{1F4DE}", 12)]
    [InlineData("{D800}", 6)]               // a lone high surrogate
    [InlineData("{DC00}x", 12)]             // a lone low surrogate
    [InlineData("x{D83D}", 12)]             // a high surrogate at the end
    [InlineData("{4E2D}{6587}", 12)]        // CJK: two '?'
    public void Measure_gives_exact_widths_with_the_6x10_font(string text, int width)
    {
        Assert.Equal(width, TextRenderer.Measure(Font6, Expand(text)));
    }

    /// <summary>
    /// Replaces "{1F600}" by that code point (or lone surrogate): xunit's theory serialization
    /// does not carry surrogates intact, so the test data spells them out.
    /// </summary>
    private static string Expand(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "\\{([0-9A-F]+)\\}", m =>
        {
            int cp = Convert.ToInt32(m.Groups[1].Value, 16);
            return cp >= 0xD800 && cp <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp);
        });

    [Theory]
    [InlineData("Hello", 30, "Hello")]          // fits exactly
    [InlineData("Hello", 29, "Hel\u2026")]
    [InlineData("Hello!", 30, "Hell\u2026")]
    [InlineData("Hello world", 36, "Hello\u2026")]
    [InlineData("Hello world", 41, "Hello\u2026")]
    [InlineData("Hello world", 42, "Hello \u2026")]
    [InlineData("Hello world", 66, "Hello world")]
    [InlineData("AB", 11, "\u2026")]
    [InlineData("AB", 12, "AB")]
    [InlineData("ABC", 17, "A\u2026")]
    [InlineData("AB", 6, "\u2026")]
    [InlineData("", 0, "")]
    [InlineData(null, 10, "")]
    public void Fit_cuts_with_an_ellipsis_only_when_the_text_is_too_wide(string? text, int maxWidth, string expected)
    {
        string shown = TextRenderer.Fit(Font6, text!, maxWidth);
        Assert.Equal(expected, shown);
        Assert.True(TextRenderer.Measure(Font6, shown) <= maxWidth);
    }

    [Theory]
    [InlineData("AB", 5)]
    [InlineData("Hello", 0)]
    [InlineData("Hello", -4)]
    public void Fit_never_returns_text_wider_than_the_room_even_when_the_ellipsis_does_not_fit(string text, int maxWidth)
    {
        string shown = TextRenderer.Fit(Font6, text, maxWidth);
        Assert.True(TextRenderer.Measure(Font6, shown) <= Math.Max(0, maxWidth), "'" + shown + "' is wider than " + maxWidth);
    }

    [Fact]
    public void Fit_never_splits_a_surrogate_pair()
    {
        string faces = string.Concat(Enumerable.Repeat("\U0001F600", 6));

        string shown = TextRenderer.Fit(Font6, faces, 24);

        Assert.Equal(string.Concat(Enumerable.Repeat("\U0001F600", 3)) + "\u2026", shown);
    }

    [Fact]
    public void Unknown_code_points_and_surrogate_pairs_fall_back_to_the_question_mark_glyph()
    {
        int q = Font6.GlyphFor('?');
        Assert.False(Font6.Has(0x4E2D));
        Assert.False(Font6.Has(0x1F600));
        Assert.Equal(q, Font6.GlyphFor(0x4E2D));
        Assert.Equal(q, Font6.GlyphFor(0x1F600));

        foreach (var odd in new[] { "\U0001F600", "\u4E2D", "\uDC00", "\uD83D" })
        {
            var drawn = new FrameBuffer(128, 16);
            var question = new FrameBuffer(128, 16);
            TextRenderer.Draw(drawn, Font6, 0, 0, odd);
            TextRenderer.Draw(question, Font6, 0, 0, "?");
            Assert.Equal(question.Bytes, drawn.Bytes);
        }
    }

    [Fact]
    public void The_letter_A_is_drawn_with_its_6x10_shape_at_the_given_position()
    {
        var fb = new FrameBuffer(128, 64);
        int w = TextRenderer.Draw(fb, Font6, 10, 20, "A");

        string[] expected =
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
        };
        Assert.Equal(6, w);
        Assert.Equal(expected, Rows(fb, 10, 20, 6, 10));
        Assert.Equal(16, Enumerable.Range(0, 128 * 64).Count(i => fb.GetPixel(i % 128, i / 128)));
    }

    [Theory]
    [InlineData(TextAlign.Left, 0)]
    [InlineData(TextAlign.Centre, 9)]    // (30 - 12) / 2
    [InlineData(TextAlign.Right, 18)]
    public void Alignment_places_the_text_inside_its_width(TextAlign align, int expectedLeft)
    {
        var aligned = new FrameBuffer(128, 16);
        var reference = new FrameBuffer(128, 16);

        int w = TextRenderer.Draw(aligned, Font6, 0, 0, "AB", 30, align, false);
        TextRenderer.Draw(reference, Font6, expectedLeft, 0, "AB", 12, TextAlign.Left, false);

        Assert.Equal(12, w);
        Assert.Equal(reference.Bytes, aligned.Bytes);
    }

    [Fact]
    public void Centred_text_with_an_odd_leftover_leans_left()
    {
        var aligned = new FrameBuffer(128, 16);
        var reference = new FrameBuffer(128, 16);

        TextRenderer.Draw(aligned, Font6, 4, 0, "AB", 13, TextAlign.Centre, false);
        TextRenderer.Draw(reference, Font6, 4, 0, "AB");

        Assert.Equal(reference.Bytes, aligned.Bytes);
    }

    [Fact]
    public void Inverse_text_lights_the_cell_background_and_darkens_the_ink()
    {
        var fb = new FrameBuffer(128, 16);
        TextRenderer.Draw(fb, Font6, 0, 0, "A", 6, TextAlign.Left, true);

        Assert.True(fb.GetPixel(0, 0));
        Assert.False(fb.GetPixel(2, 1));
        Assert.Equal(60 - 16, Enumerable.Range(0, 128 * 16).Count(i => fb.GetPixel(i % 128, i / 128)));
    }

    [Fact]
    public void Text_too_long_for_the_screen_is_drawn_cut_with_an_ellipsis()
    {
        var fb = new FrameBuffer(128, 16);
        var reference = new FrameBuffer(128, 16);
        string longName = "Bartholomew Featherstonehaugh-Smythe";

        int w = TextRenderer.Draw(fb, Font6, 8, 0, longName);
        TextRenderer.Draw(reference, Font6, 8, 0, TextRenderer.Fit(Font6, longName, 120));

        Assert.Equal(120, w);
        Assert.Equal(reference.Bytes, fb.Bytes);
        Assert.Equal("Bartholomew Feather\u2026", TextRenderer.Fit(Font6, longName, 120));
    }

    [Fact]
    public void Text_partly_off_the_bottom_is_clipped_not_wrapped()
    {
        var fb = new FrameBuffer(128, 64);
        TextRenderer.Draw(fb, Font6, 0, 60, "A");

        Assert.Equal(new[] { "......", "..#...", ".#.#..", "#...#." }, Rows(fb, 0, 60, 6, 4));
        Assert.All(Enumerable.Range(0, 6 * 8), i => Assert.False(fb.GetPixel(i % 6, i / 6)));
    }

    [Fact]
    public void The_5x8_font_measures_five_pixels_a_glyph()
    {
        Assert.Equal(25, TextRenderer.Measure(Font5, "Hello"));
        Assert.Equal("Hel\u2026", TextRenderer.Fit(Font5, "Hello", 24));
    }

    private static string[] Rows(FrameBuffer fb, int x0, int y0, int w, int h) =>
        Enumerable.Range(y0, h).Select(y => new string(Enumerable.Range(x0, w).Select(x => fb.GetPixel(x, y) ? '#' : '.').ToArray())).ToArray();
}
