// The scrolling caller-name line: offsets over time, wrap-round drawing, only the line's pages sent, no allocation per frame.
using DeskPhone.Firmware.Display;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal.Simulated.Display;

namespace DeskPhone.Firmware.Tests.Display;

public class MarqueeTests
{
    private const string LongName = "山田太郎左衛門（営業部第二課）";   // 15 kanji and brackets: 180 px

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1999, 0)]          // resting at the start
    [InlineData(2000, 0)]
    [InlineData(2040, 1)]          // 25 px a second
    [InlineData(2999, 24)]
    [InlineData(3000, 25)]
    [InlineData(10000, 200)]
    [InlineData(10159, 203)]       // the last step: 180 + 24 - 1, at 2000 + 8160 ms - 1
    [InlineData(10160, 0)]         // the copy has reached the start: a new cycle rests again
    [InlineData(12159, 0)]
    [InlineData(12200, 1)]
    public void The_offset_rests_then_slides_25_pixels_a_second_and_wraps_after_text_and_gap(long ms, int offset)
    {
        Assert.Equal(offset, Marquee.Offset(ms, 180, 128));
    }

    [Theory]
    [InlineData(128)]
    [InlineData(60)]
    public void Text_that_fits_never_moves(int width)
    {
        Assert.False(Marquee.Scrolls(width, 128));
        Assert.All(new long[] { 0, 2500, 60_000, -5 }, t => Assert.Equal(0, Marquee.Offset(t, width, 128)));
    }

    [Fact]
    public void The_offset_stays_below_text_width_plus_gap_at_every_millisecond_of_a_cycle()
    {
        for (long t = 0; t < 12_000; t += 7)
            Assert.InRange(Marquee.Offset(t, 129, 128), 0, 129 + Marquee.Gap - 1);
    }

    [Fact]
    public void A_scrolled_line_shows_the_text_moved_left_and_its_copy_after_the_gap()
    {
        var font = TextFace.Normal.FontFor(LongName);
        int textWidth = TextRenderer.Measure(font, LongName);
        var scrolled = new FrameBuffer(128, 64);
        var wide = new FrameBuffer(512, 64);
        TextRenderer.Draw(wide, font, 0, 0, LongName, 512, TextAlign.Left, false);
        TextRenderer.Draw(wide, font, textWidth + Marquee.Gap, 0, LongName, 512, TextAlign.Left, false);

        foreach (int offset in new[] { 0, 1, 37, 100, textWidth, textWidth + Marquee.Gap - 1 })
        {
            TextRenderer.DrawScrolled(scrolled, font, 0, 0, 128, LongName, offset, Marquee.Gap);
            for (int y = 0; y < 12; y++)
                for (int x = 0; x < 128; x++)
                    Assert.True(wide.GetPixel(x + offset, y) == scrolled.GetPixel(x, y), "offset " + offset + " pixel " + x + "," + y);
        }
    }

    [Fact]
    public void Scrolling_touches_nothing_outside_its_window()
    {
        var fb = new FrameBuffer(128, 64);
        fb.FillRect(0, 0, 128, 64, true);

        TextRenderer.DrawScrolled(fb, TextFace.Normal.Wide, 10, 20, 100, LongName, 33, Marquee.Gap);

        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 128; x++)
                if (x < 10 || x >= 110 || y < 20 || y >= 32) Assert.True(fb.GetPixel(x, y), "pixel " + x + "," + y + " outside the window changed");
    }

    private static (Screen Screen, SimDisplay Panel, CallModel Model) CallScreen(string name)
    {
        var panel = new SimDisplay();
        var screen = new Screen(panel);
        var m = new CallModel { Title = "Incoming call", Name = name, Number = "201", Line = "Line 1", Soft1 = "Answer", Soft4 = "Reject" };
        CallView.Draw(screen, m);
        return (screen, panel, m);
    }

    [Fact]
    public void A_scroll_step_sends_only_the_pages_of_the_name_line()
    {
        var (screen, panel, m) = CallScreen(LongName);
        Assert.True(CallView.NameScrolls(screen, m));
        var before = Enumerable.Range(0, 8).Select(panel.PageWrites).ToArray();

        CallView.ScrollName(screen, m, Marquee.PauseMs + 400);   // 10 px along

        var sent = Enumerable.Range(0, 8).Where(p => panel.PageWrites(p) != before[p]).ToArray();
        Assert.Equal(new[] { 1, 2 }, sent);                        // rows 12-23: pages 1 and 2 only
        Assert.Equal(1, panel.PageWrites(1) - before[1]);
        Assert.Equal(screen.Frame.Bytes, panel.Snapshot());
    }

    [Fact]
    public void A_frame_in_which_the_offset_did_not_change_sends_nothing()
    {
        var (screen, panel, m) = CallScreen(LongName);
        CallView.ScrollName(screen, m, Marquee.PauseMs + 400);
        int before = panel.TotalPageWrites;

        CallView.ScrollName(screen, m, Marquee.PauseMs + 410);    // still 10 px along

        Assert.Equal(before, panel.TotalPageWrites);
    }

    [Fact]
    public void While_resting_the_scrolling_name_looks_as_the_call_screen_drew_it()
    {
        var (screen, _, m) = CallScreen(LongName);
        byte[] drawn = (byte[])screen.Frame.Bytes.Clone();

        CallView.ScrollName(screen, m, Marquee.PauseMs + 4000);
        Assert.NotEqual(drawn, screen.Frame.Bytes);
        CallView.ScrollName(screen, m, 100);

        Assert.Equal(drawn, screen.Frame.Bytes);
        Assert.Contains("山田太郎左衛門（", string.Join("\n", screen.TextLines()));
    }

    [Fact]
    public void A_name_that_fits_does_not_scroll()
    {
        var (screen, panel, m) = CallScreen("山田太郎");
        int before = panel.TotalPageWrites;

        Assert.False(CallView.NameScrolls(screen, m));
        CallView.ScrollName(screen, m, Marquee.PauseMs + 4000);

        Assert.Equal(before, panel.TotalPageWrites);
    }

    [Fact]
    public void A_scroll_frame_allocates_nothing()
    {
        var (screen, _, m) = CallScreen(LongName);
        long t = Marquee.PauseMs;

        long bytes = Allocations.Steady(() =>
        {
            for (int frame = 0; frame < 50; frame++)
            {
                t += 40;
                CallView.ScrollName(screen, m, t);
            }
        });

        Assert.Equal(0, bytes);
        Assert.True(t > Marquee.PauseMs + 4 * 50 * 40 - 1);
    }
}
