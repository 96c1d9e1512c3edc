// The recording marks drawn on the panel: the call screen's dot and REC, the history list's dot.
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal.Simulated.Display;

namespace DeskPhone.Firmware.Tests.Ui;

public class RecordingMarksTests
{
    private static int Lit(Screen s, int x0, int y0, int w, int h)
    {
        int n = 0;
        for (int y = y0; y < y0 + h; y++)
            for (int x = x0; x < x0 + w; x++)
                if (s.Frame.GetPixel(x, y)) n++;
        return n;
    }

    private static Screen Call(bool recording)
    {
        var screen = new Screen(new SimDisplay());
        CallView.Draw(screen, new CallModel { Title = "Connected", Name = "Bob", Duration = "00:12", Recording = recording, Soft4 = "End" });
        return screen;
    }

    [Fact]
    public void A_recorded_call_shows_a_dot_and_REC_left_of_the_duration_and_an_unrecorded_one_does_not()
    {
        var on = Call(true);
        var off = Call(false);
        int durationWidth = DeskPhone.Firmware.Display.TextRenderer.Measure(Screen.Small, "00:12");
        int x = 128 - durationWidth - CallView.RecordingWidth;

        Assert.Equal(21, Lit(on, x, 0, 5, 8));                    // the dot: a 3x5 and a 5x3 cross, 15 + 15 - 9
        Assert.Equal(0, Lit(off, x, 0, 5, 8));
        Assert.True(Lit(on, x + 7, 0, 18, 8) > 10, "REC");
        Assert.Contains("REC", string.Join("\n", on.TextLines()));
        Assert.DoesNotContain("REC", string.Join("\n", off.TextLines()));
    }

    [Fact]
    public void The_history_list_puts_a_dot_before_the_time_of_a_recorded_call_only()
    {
        var screen = new Screen(new SimDisplay());
        HistoryView.Draw(screen, new HistoryModel
        {
            Title = "All calls", Names = new[] { "Bob", "Bob" }, Times = new[] { "09:05", "09:05" },
            Recorded = new[] { true, false }, Selected = -1,
        });
        int timeWidth = DeskPhone.Firmware.Display.TextRenderer.Measure(Screen.Small, "09:05");
        int x = 128 - timeWidth - 6 - 2;

        Assert.Equal(16, Lit(screen, x, HistoryView.RowTop, 4, HistoryView.RowHeight));
        Assert.Equal(0, Lit(screen, x, HistoryView.RowTop + HistoryView.RowHeight, 4, HistoryView.RowHeight));
    }
}
