// The framebuffer's page layout, clipping and dirty-page tracking.
using DeskPhone.Firmware.Display;

namespace DeskPhone.Firmware.Tests.Display;

public class FrameBufferTests
{
    private readonly FrameBuffer _fb = new(128, 64);

    private void CleanAll() { for (int p = 0; p < _fb.Pages; p++) _fb.MarkClean(p); }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(1, 0, 1, 0)]
    [InlineData(127, 0, 127, 0)]
    [InlineData(0, 7, 0, 7)]
    [InlineData(0, 8, 128, 0)]
    [InlineData(64, 33, 4 * 128 + 64, 1)]
    [InlineData(5, 63, 7 * 128 + 5, 7)]
    [InlineData(127, 63, 1023, 7)]
    public void Pixel_x_y_is_bit_y_mod_8_of_byte_y_div_8_times_128_plus_x(int x, int y, int index, int bit)
    {
        _fb.SetPixel(x, y, true);

        for (int i = 0; i < _fb.Bytes.Length; i++)
            Assert.Equal(i == index ? (byte)(1 << bit) : (byte)0, _fb.Bytes[i]);
        Assert.True(_fb.GetPixel(x, y));

        _fb.SetPixel(x, y, false);
        Assert.All(_fb.Bytes, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_128_by_64_buffer_has_8_pages_of_128_bytes()
    {
        Assert.Equal(128, _fb.Width);
        Assert.Equal(64, _fb.Height);
        Assert.Equal(8, _fb.Pages);
        Assert.Equal(1024, _fb.Bytes.Length);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(128, 0)]
    [InlineData(128, 60)]
    [InlineData(-8, 8)]
    public void A_size_whose_height_is_not_a_whole_number_of_pages_is_refused(int w, int h)
    {
        if (h % 8 == 0 && w > 0) h = 12;
        Assert.Throws<ArgumentException>(() => new FrameBuffer(w, h));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(128, 0)]
    [InlineData(0, 64)]
    [InlineData(int.MinValue, int.MaxValue)]
    public void Pixels_outside_the_screen_are_ignored_and_read_dark(int x, int y)
    {
        CleanAll();
        _fb.SetPixel(x, y, true);

        Assert.False(_fb.GetPixel(x, y));
        Assert.All(_fb.Bytes, b => Assert.Equal(0, b));
        for (int p = 0; p < 8; p++) Assert.False(_fb.IsDirty(p));
    }

    [Fact]
    public void A_rectangle_hanging_off_every_edge_is_clipped_to_the_screen()
    {
        _fb.FillRect(-10, -10, 200, 200, true);
        Assert.All(_fb.Bytes, b => Assert.Equal(0xFF, b));

        _fb.FillRect(120, 60, 50, 50, false);
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 128; x++)
                Assert.Equal(!(x >= 120 && y >= 60), _fb.GetPixel(x, y));
    }

    [Fact]
    public void FillRect_covers_exactly_its_rectangle()
    {
        _fb.FillRect(3, 5, 4, 6, true);

        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 128; x++)
                Assert.Equal(x >= 3 && x < 7 && y >= 5 && y < 11, _fb.GetPixel(x, y));
    }

    [Fact]
    public void InvertRect_flips_every_pixel_inside_and_none_outside()
    {
        _fb.SetPixel(10, 10, true);
        _fb.SetPixel(30, 30, true);
        _fb.InvertRect(8, 8, 4, 4);

        Assert.False(_fb.GetPixel(10, 10));
        Assert.True(_fb.GetPixel(8, 8));
        Assert.True(_fb.GetPixel(11, 11));
        Assert.False(_fb.GetPixel(12, 12));
        Assert.True(_fb.GetPixel(30, 30));
        Assert.Equal(15, Enumerable.Range(0, 128 * 64).Count(i => _fb.GetPixel(i % 128, i / 128)) - 1);
    }

    [Fact]
    public void HLine_draws_one_row()
    {
        _fb.HLine(0, 9, 128, true);

        Assert.All(Enumerable.Range(0, 128), x => Assert.Equal(0x02, _fb.Bytes[128 + x]));
        Assert.Equal(128, _fb.Bytes.Count(b => b != 0));
    }

    [Fact]
    public void Every_page_starts_dirty_so_the_first_flush_clears_the_panel()
    {
        for (int p = 0; p < 8; p++) Assert.True(_fb.IsDirty(p));
    }

    [Fact]
    public void Only_the_page_whose_bytes_changed_becomes_dirty()
    {
        CleanAll();
        _fb.SetPixel(10, 20, true);   // page 2

        Assert.Equal(new[] { 2 }, Enumerable.Range(0, 8).Where(_fb.IsDirty));
    }

    [Fact]
    public void Drawing_what_is_already_there_does_not_dirty_a_page()
    {
        _fb.SetPixel(10, 20, true);
        CleanAll();

        _fb.SetPixel(10, 20, true);
        _fb.SetPixel(11, 20, false);
        _fb.FillRect(50, 50, 10, 10, false);

        Assert.DoesNotContain(Enumerable.Range(0, 8), _fb.IsDirty);
    }

    [Fact]
    public void Clear_darkens_everything_and_dirties_only_pages_that_had_ink()
    {
        _fb.SetPixel(0, 0, true);
        _fb.SetPixel(0, 63, true);
        CleanAll();

        _fb.Clear();

        Assert.All(_fb.Bytes, b => Assert.Equal(0, b));
        Assert.Equal(new[] { 0, 7 }, Enumerable.Range(0, 8).Where(_fb.IsDirty));
    }

    [Fact]
    public void MarkAllDirty_dirties_every_page()
    {
        CleanAll();
        _fb.MarkAllDirty();
        Assert.All(Enumerable.Range(0, 8), p => Assert.True(_fb.IsDirty(p)));
    }
}
