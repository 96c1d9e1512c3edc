// The simulated OLED: its display RAM, PNG and text dumps, scale, and a dark panel when off.
using DeskPhone.Hal.Simulated.Display;

namespace DeskPhone.Hal.Simulated.Tests.Display;

public class SimDisplayTests
{
    private readonly SimDisplay _panel = new();

    /// <summary>Lights the given pixels by page writes, as the firmware would.</summary>
    private void Light(params (int x, int y)[] pixels)
    {
        var buffer = new byte[128 * 8];
        foreach (var (x, y) in pixels) buffer[(y / 8) * 128 + x] |= (byte)(1 << (y % 8));
        for (int p = 0; p < 8; p++) _panel.WritePage(p, buffer, p * 128);
    }

    [Fact]
    public void A_new_panel_is_128_by_64_off_and_blank()
    {
        Assert.Equal(128, _panel.Width);
        Assert.Equal(64, _panel.Height);
        Assert.False(_panel.PoweredOn);
        Assert.Equal(0, _panel.TotalPageWrites);
        Assert.All(_panel.Snapshot(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void The_PNG_has_a_valid_header_chunk_CRCs_and_the_panels_pixels()
    {
        _panel.SetPower(true);
        Light((0, 0), (127, 0), (5, 9), (64, 33), (127, 63));

        var png = PngReader.Read(_panel.ToPng());

        Assert.Equal(new[] { "IHDR", "IDAT", "IEND" }, png.ChunkTypes);
        Assert.Equal((128, 64, (byte)8, (byte)0, (byte)0), (png.Width, png.Height, png.BitDepth, png.ColourType, png.Interlace));
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 128; x++)
                Assert.Equal(_panel.Lit(x, y) ? 0xFF : 0x00, png.At(x, y));
        Assert.Equal(5, png.Pixels.Count(p => p == 0xFF));
        Assert.Equal(0xFF, png.At(64, 33));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(16)]
    public void A_scaled_PNG_draws_each_pixel_as_a_square(int scale)
    {
        _panel.SetPower(true);
        Light((3, 2), (127, 63));

        var png = PngReader.Read(_panel.ToPng(scale));

        Assert.Equal(128 * scale, png.Width);
        Assert.Equal(64 * scale, png.Height);
        for (int dy = 0; dy < scale; dy++)
            for (int dx = 0; dx < scale; dx++)
            {
                Assert.Equal(0xFF, png.At(3 * scale + dx, 2 * scale + dy));
                Assert.Equal(0xFF, png.At(127 * scale + dx, 63 * scale + dy));
            }
        Assert.Equal(2 * scale * scale, png.Pixels.Count(p => p == 0xFF));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(-1)]
    public void A_scale_outside_1_to_16_is_refused(int scale)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _panel.ToPng(scale));
    }

    [Fact]
    public void A_powered_off_panel_is_dark_whatever_its_RAM_holds()
    {
        Light((1, 1), (2, 2));

        Assert.False(_panel.Lit(1, 1));
        Assert.All(PngReader.Read(_panel.ToPng()).Pixels, p => Assert.Equal(0, p));
        Assert.DoesNotContain('#', _panel.ToAsciiArt());

        _panel.SetPower(true);
        Assert.True(_panel.Lit(1, 1));
    }

    [Fact]
    public void ToAsciiArt_draws_one_line_per_row_with_hash_for_lit_pixels()
    {
        _panel.SetPower(true);
        Light((0, 0), (2, 1), (127, 63));

        var lines = _panel.ToAsciiArt().Split('\n');

        Assert.Equal(65, lines.Length);          // 64 rows and the empty rest after the last newline
        Assert.Equal("", lines[64]);
        Assert.All(lines.Take(64), l => Assert.Equal(128, l.Length));
        Assert.Equal("#...", lines[0][..4]);
        Assert.Equal("..#.", lines[1][..4]);
        Assert.Equal('#', lines[63][127]);
        Assert.Equal(3, lines.Sum(l => l.Count(c => c == '#')));
    }

    [Fact]
    public void WritePage_copies_a_pages_bytes_from_the_offset_and_counts_the_write()
    {
        var data = new byte[10 + 128];
        for (int i = 0; i < 128; i++) data[10 + i] = (byte)i;

        _panel.WritePage(5, data, 10);

        var ram = _panel.Snapshot();
        for (int i = 0; i < 128; i++) Assert.Equal((byte)i, ram[5 * 128 + i]);
        Assert.Equal(1, _panel.PageWrites(5));
        Assert.Equal(0, _panel.PageWrites(4));
        Assert.Equal(1, _panel.TotalPageWrites);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    public void A_page_the_panel_does_not_have_is_refused(int page)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _panel.WritePage(page, new byte[128], 0));
    }

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(200, 200)]
    [InlineData(300, 255)]
    public void Contrast_is_kept_within_0_to_255(int asked, int kept)
    {
        _panel.SetContrast(asked);
        Assert.Equal(kept, _panel.Contrast);
    }

    [Fact]
    public void The_encoder_refuses_a_pixel_count_that_does_not_match_the_size()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.EncodeGray(4, 4, new byte[15]));
    }

    [Fact]
    public void The_encoder_keeps_every_gray_level()
    {
        var gray = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        var png = PngReader.Read(PngEncoder.EncodeGray(16, 16, gray));

        Assert.Equal(gray, png.Pixels);
    }

    [Fact]
    public void The_test_CRC_matches_the_published_check_value()
    {
        Assert.Equal(0xCBF43926u, PngReader.Crc32("123456789"u8));
    }
}
