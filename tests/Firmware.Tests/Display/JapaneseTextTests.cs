// Japanese names: kanji and kana drawn from the Shinonome glyphs, mixed widths, fitting, boxes for the unknown.
using DeskPhone.Firmware.Display;
using DeskPhone.Firmware.Display.Fonts;

namespace DeskPhone.Firmware.Tests.Display;

public class JapaneseTextTests
{
    private static readonly TextFace Face = TextFace.Normal;
    private static readonly IGlyphFont Wide = Face.Wide;

    private static FrameBuffer Drawn(string text, int x, int y, int width = 128)
    {
        var fb = new FrameBuffer(128, 64);
        TextRenderer.Draw(fb, Face.FontFor(text), x, y, text, width, TextAlign.Left, false);
        return fb;
    }

    private static int InkCount(FrameBuffer fb) => Enumerable.Range(0, fb.Width * fb.Height).Count(i => fb.GetPixel(i % fb.Width, i / fb.Width));

    [Theory]
    [InlineData("山田太郎")]
    [InlineData("ヤマダ")]
    [InlineData("やまだ たろう")]       // hiragana, and a Latin space between
    [InlineData("齋藤 ヨシ")]           // a level-2 kanji (齋)
    public void A_Japanese_name_is_drawn_pixel_for_pixel_as_the_Debian_Shinonome_font_draws_it(string name)
    {
        var fb = Drawn(name, 3, 20);

        var expected = new GlyphPicture(12);
        foreach (char c in name) expected.Add(c == ' ' ? DebianFontFile.Latin6x12 : DebianFontFile.Kanji12, c.ToString());
        expected.AssertShownAt(fb.GetPixel, 3, 20, expected.Width);
        Assert.Equal(InkCount(fb), Enumerable.Range(0, expected.Width * 12).Count(i => expected[i % expected.Width, i / expected.Width]));
    }

    [Fact]
    public void Half_width_katakana_come_from_the_6x12_JIS_X_0201_font_six_pixels_each()
    {
        const string name = "ﾔﾏﾀﾞ ﾀﾛｳ";
        var fb = Drawn(name, 0, 0);

        var expected = new GlyphPicture(12).Add(DebianFontFile.Kana6x12, "ﾔﾏﾀﾞ").Add(DebianFontFile.Latin6x12, " ").Add(DebianFontFile.Kana6x12, "ﾀﾛｳ");
        Assert.Equal(48, expected.Width);
        Assert.Equal(48, TextRenderer.Measure(Wide, name));
        expected.AssertShownAt(fb.GetPixel, 0, 0, 128);
    }

    [Fact]
    public void A_kanji_name_with_an_extension_lays_out_full_width_kanji_and_half_width_Latin_on_one_baseline()
    {
        const string text = "山田太郎 <201>";
        Assert.Equal(4 * 12 + 6 * 6, TextRenderer.Measure(Face.FontFor(text), text));

        var fb = Drawn(text, 0, 30);

        var expected = new GlyphPicture(12).Add(DebianFontFile.Kanji12, "山田太郎").Add(DebianFontFile.Latin6x12, " <201>");
        expected.AssertShownAt(fb.GetPixel, 0, 30, 128);
    }

    [Theory]
    [InlineData("Alice", "6x10", 10)]
    [InlineData("Zoë Müller", "6x10", 10)]
    [InlineData("201", "6x10", 10)]
    [InlineData("\U0001F600 Bob", "6x10", 10)]       // an emoji alone does not make a line Japanese
    [InlineData("山田", "12px", 12)]
    [InlineData("Yamada 山田", "12px", 12)]
    [InlineData("ﾔﾏﾀﾞ", "12px", 12)]
    [InlineData("ＡＢＣ", "12px", 12)]               // full-width Latin is in JIS X 0208
    public void A_line_keeps_the_6x10_font_unless_it_holds_characters_only_the_Japanese_fonts_have(string text, string font, int height)
    {
        var f = Face.FontFor(text);
        Assert.Equal(font, f.Name);
        Assert.Equal(height, f.Height);
    }

    [Fact]
    public void Latin_text_in_a_Japanese_line_is_Shinonome_6x12_not_6x10()
    {
        var fb = new FrameBuffer(128, 64);
        TextRenderer.Draw(fb, Wide, 0, 0, "Ag");

        new GlyphPicture(12).Add(DebianFontFile.Latin6x12, "Ag").AssertShownAt(fb.GetPixel, 0, 0, 20);
    }

    [Theory]
    [InlineData("山田太郎", 48, "山田太郎")]        // fits exactly
    [InlineData("山田太郎", 47, "山田太\u2026")]    // 36 + 6
    [InlineData("山田太郎", 42, "山田太\u2026")]
    [InlineData("山田太郎", 41, "山田\u2026")]
    [InlineData("山田太郎", 18, "山\u2026")]
    [InlineData("山田太郎", 17, "\u2026")]
    [InlineData("山田太郎", 6, "\u2026")]
    [InlineData("山田太郎", 5, "")]
    [InlineData("山田 <201>", 60, "山田 <201>")]
    [InlineData("山田 <201>", 59, "山田 <20\u2026")]
    [InlineData("ﾔﾏﾀﾞﾀﾛｳ", 41, "ﾔﾏﾀﾞﾀ\u2026")]
    public void A_Japanese_line_too_wide_is_cut_at_a_character_boundary_with_the_ellipsis(string text, int room, string shown)
    {
        var font = Face.FontFor(text);
        Assert.Equal(shown, TextRenderer.Fit(font, text, room));
        Assert.True(TextRenderer.Measure(font, shown) <= room);

        var drawn = new FrameBuffer(128, 16);
        var reference = new FrameBuffer(128, 16);
        int w = TextRenderer.Draw(drawn, font, 0, 0, text, room, TextAlign.Left, false);
        TextRenderer.Draw(reference, font, 0, 0, shown, 128, TextAlign.Left, false);
        Assert.Equal(TextRenderer.Measure(font, shown), w);
        Assert.Equal(reference.Bytes, drawn.Bytes);
    }

    [Fact]
    public void The_ellipsis_of_a_Japanese_line_is_the_narrow_6x10_one_lowered_onto_the_12_px_baseline()
    {
        var fb = Drawn("山田太郎", 0, 0, 41);

        new GlyphPicture(12).Add(DebianFontFile.Kanji12, "山田").Add(DebianFontFile.Fixed6x10, "\u2026", drop: 2)
            .AssertShownAt(fb.GetPixel, 0, 0, 41);
    }

    [Fact]
    public void Fit_never_splits_a_surrogate_pair_in_a_Japanese_line()
    {
        string text = "山\U0001F600\U0001F600\U0001F600";   // 12 + three 6-px boxes

        Assert.Equal("山\U0001F600\u2026", TextRenderer.Fit(Wide, text, 29));
    }

    [Fact]
    public void A_font_without_an_ellipsis_ends_cut_text_with_three_full_stops()
    {
        // 'A' three columns of ink, '.' one dot and a column of space: "AAAA" is 12 wide, "..." 6
        var font = new BitmapFont("tiny", 1, 1, new[] { 0x2E, 0x41 }, new byte[] { 2, 3 }, new[] { 0, 1 }, new byte[] { 0x80, 0xE0 });

        Assert.Equal("A...", TextRenderer.Fit(font, "AAAA", 9));
        Assert.Equal("...", TextRenderer.Fit(font, "AAAA", 8));
        Assert.Equal("...", TextRenderer.Fit(font, "AAAA", 6));
        Assert.Equal("", TextRenderer.Fit(font, "AAAA", 5));
        var fb = new FrameBuffer(16, 8);
        Assert.Equal(9, TextRenderer.Draw(fb, font, 0, 0, "AAAA", 9, TextAlign.Left, false));
        Assert.Equal("####.#.#........", new string(Enumerable.Range(0, 16).Select(x => fb.GetPixel(x, 0) ? '#' : '.').ToArray()));
    }

    public static TheoryData<string, int> Unknowns => new()
    {
        { "{1F600}", 0x1F600 },   // an emoji: a surrogate pair, one box
        { "{D83D}", 0xFFFD },     // a lone high surrogate
        { "{DC00}", 0xFFFD },     // a lone low surrogate
        { "{0E01}", 0x0E01 },     // Thai: in no font
        { "{9AD9}", 0x9AD9 },     // 髙 (a name kanji outside JIS X 0208)
    };

    [Theory]
    [MemberData(nameof(Unknowns))]
    public void A_character_no_font_has_is_drawn_as_a_hollow_box_in_both_faces(string text, int codePoint)
    {
        text = Expand(text);
        Assert.Equal(-1, Wide.Find(codePoint));
        foreach (var font in new[] { Face.Narrow, Wide })
        {
            var fb = new FrameBuffer(128, 16);
            int w = TextRenderer.Draw(fb, font, 0, 0, text, 128, TextAlign.Left, false);

            Assert.Equal(6, w);
            int bottom = font.Ascent - 1;   // 7 in 6x10, 9 in the 12-px chain
            for (int y = 0; y < 16; y++)
                for (int x = 0; x < 10; x++)
                {
                    bool box = x <= 4 && y >= 1 && y <= bottom && (x == 0 || x == 4 || y == 1 || y == bottom);
                    Assert.True(box == fb.GetPixel(x, y), font.Name + ": pixel " + x + "," + y);
                }
        }
    }

    [Fact]
    public void A_Japanese_name_with_an_emoji_draws_the_kanji_and_a_box()
    {
        string text = "山田\U0001F600";
        var font = Face.FontFor(text);

        Assert.Equal("12px", font.Name);
        Assert.Equal(30, TextRenderer.Measure(font, text));
        Assert.Equal(FontChain.Box, font.GlyphFor(0x1F600));
    }

    [Fact]
    public void Drawing_any_mix_of_scripts_surrogates_and_controls_never_throws_and_stays_in_its_room()
    {
        var random = new Random(20261123);
        char[] pool = "Aa0 <>山田太郎ヤマダﾔﾏﾀﾞ…é\u0000\t\uFFFD\uFEFF\uD83D\uDE00\uDC00\uD800".ToCharArray();
        for (int n = 0; n < 300; n++)
        {
            string text = new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => pool[random.Next(pool.Length)]).ToArray());
            int room = random.Next(-5, 140);
            var font = Face.FontFor(text);
            var fb = new FrameBuffer(128, 64);

            int w = TextRenderer.Draw(fb, font, random.Next(-10, 120), random.Next(-10, 60), text, room, TextAlign.Left, false);

            Assert.True(w <= Math.Max(0, room), "'" + text + "' drawn " + w + " wide in " + room);
            Assert.Equal(TextRenderer.Measure(font, TextRenderer.Fit(font, text, room)), w);
        }
    }

    private static string Expand(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "\\{([0-9A-F]+)\\}", m =>
        {
            int cp = Convert.ToInt32(m.Groups[1].Value, 16);
            return cp >= 0xD800 && cp <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp);
        });
}
