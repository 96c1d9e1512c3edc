// The flusher sends only pages that really changed, and everything after a panel reset.
using DeskPhone.Firmware.Display;
using DeskPhone.Firmware.Display.Fonts;
using DeskPhone.Hal.Simulated.Display;

namespace DeskPhone.Firmware.Tests.Display;

public class DisplayFlusherTests
{
    private readonly FrameBuffer _fb = new(128, 64);
    private readonly SimDisplay _panel = new();
    private readonly DisplayFlusher _flusher;

    public DisplayFlusherTests()
    {
        _flusher = new DisplayFlusher(_fb, _panel);
        _panel.SetPower(true);
    }

    private int[] PageWrites() => Enumerable.Range(0, 8).Select(_panel.PageWrites).ToArray();

    [Fact]
    public void The_first_flush_sends_every_page()
    {
        Assert.Equal(8, _flusher.Flush());
        Assert.Equal(new[] { 1, 1, 1, 1, 1, 1, 1, 1 }, PageWrites());
        Assert.Equal(8, _flusher.PagesWritten);
    }

    [Fact]
    public void Only_changed_pages_are_flushed()
    {
        _flusher.Flush();

        _fb.SetPixel(5, 17, true);   // page 2
        _fb.SetPixel(90, 60, true);  // page 7

        Assert.Equal(2, _flusher.Flush());
        Assert.Equal(new[] { 1, 1, 2, 1, 1, 1, 1, 2 }, PageWrites());
        Assert.True(_panel.Lit(5, 17));
        Assert.True(_panel.Lit(90, 60));
        Assert.Equal(_fb.Bytes, _panel.Snapshot());
    }

    [Fact]
    public void A_second_flush_with_nothing_drawn_sends_nothing()
    {
        _flusher.Flush();
        Assert.Equal(0, _flusher.Flush());
        Assert.Equal(8, _panel.TotalPageWrites);
    }

    [Fact]
    public void Redrawing_an_identical_picture_after_Clear_sends_nothing()
    {
        void Draw()
        {
            TextRenderer.Draw(_fb, Fixed6x10.Font, 0, 0, "09:05  Mon 23 Nov");
            TextRenderer.Draw(_fb, Fixed6x10.Font, 0, 20, "Reception 201");
            _fb.InvertRect(0, 54, 40, 10);
        }
        Draw();
        _flusher.Flush();

        _fb.Clear();
        Draw();

        Assert.Equal(0, _flusher.Flush());
        Assert.Equal(8, _panel.TotalPageWrites);
        Assert.Equal(_fb.Bytes, _panel.Snapshot());
    }

    [Fact]
    public void A_change_undone_before_the_flush_sends_nothing()
    {
        _flusher.Flush();
        _fb.SetPixel(3, 3, true);
        _fb.SetPixel(3, 3, false);

        Assert.Equal(0, _flusher.Flush());
        Assert.False(_fb.IsDirty(0));
    }

    [Fact]
    public void PanelReset_resends_every_page_even_when_nothing_changed()
    {
        _fb.SetPixel(64, 32, true);
        _flusher.Flush();

        _flusher.PanelReset();

        Assert.Equal(8, _flusher.Flush());
        Assert.Equal(new[] { 2, 2, 2, 2, 2, 2, 2, 2 }, PageWrites());
        Assert.Equal(16, _flusher.PagesWritten);
        Assert.Equal(_fb.Bytes, _panel.Snapshot());
    }

    [Fact]
    public void A_page_sends_the_framebuffers_bytes_for_that_page()
    {
        _flusher.Flush();
        for (int x = 0; x < 128; x++) _fb.SetPixel(x, 24 + (x % 8), true);   // page 3, a sawtooth

        _flusher.Flush();

        var ram = _panel.Snapshot();
        for (int x = 0; x < 128; x++) Assert.Equal((byte)(1 << (x % 8)), ram[3 * 128 + x]);
    }
}
