// Loop timers on virtual time: when they fire, and that a cancelled timer never runs.
using DeskPhone.Firmware.Core;

namespace DeskPhone.Firmware.Tests.Core;

public class LoopTimerTests
{
    private readonly VirtualLoop _rig = new();
    private EventLoop Loop => _rig.Loop;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(30, 30)]
    [InlineData(32000, 32000)]
    public void A_one_shot_timer_fires_once_at_its_due_time(int dueMs, long expectedAt)
    {
        var firedAt = new List<long>();
        var timer = Loop.StartTimer(dueMs, () => firedAt.Add(_rig.Clock.NowMs));
        Assert.True(timer.IsRunning);
        Assert.Equal(expectedAt, timer.DueAtMs);

        _rig.Advance(100000);

        Assert.Equal(new[] { expectedAt }, firedAt);
        Assert.False(timer.IsRunning);
    }

    [Fact]
    public void A_one_shot_timer_has_not_fired_a_millisecond_before_it_is_due()
    {
        int fired = 0;
        Loop.StartTimer(50, () => fired++);

        _rig.Advance(49);
        Assert.Equal(0, fired);
        _rig.Advance(1);
        Assert.Equal(1, fired);
    }

    [Fact]
    public void A_timer_started_later_is_due_relative_to_the_time_it_was_started()
    {
        _rig.Advance(1234);
        long firedAt = -1;
        var timer = Loop.StartTimer(66, () => firedAt = _rig.Clock.NowMs);

        Assert.Equal(1300, timer.DueAtMs);
        _rig.Advance(1000);
        Assert.Equal(1300, firedAt);
    }

    [Theory]
    [InlineData(100, 1000, new long[] { 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000 })]
    [InlineData(150, 500, new long[] { 150, 300, 450 })]
    [InlineData(20, 99, new long[] { 20, 40, 60, 80 })]
    public void A_periodic_timer_fires_every_period(int periodMs, long runForMs, long[] expected)
    {
        var firedAt = new List<long>();
        var nextDue = new List<long>();
        LoopTimer? timer = null;
        timer = Loop.StartPeriodic(periodMs, () =>
        {
            firedAt.Add(_rig.Clock.NowMs);
            nextDue.Add(timer!.DueAtMs);
        });
        Assert.Equal(periodMs, timer.DueAtMs);

        _rig.Advance(runForMs);

        Assert.Equal(expected, firedAt);
        Assert.Equal(expected.Select(t => t + periodMs), nextDue);
        Assert.True(timer.IsRunning);
        Assert.Equal(0, Loop.Failures);
    }

    [Fact]
    public void A_timer_cancelled_before_its_expiry_never_runs()
    {
        int fired = 0;
        var timer = Loop.StartTimer(100, () => fired++);
        _rig.Advance(99);

        timer.Cancel();
        _rig.Advance(1000);

        Assert.Equal(0, fired);
        Assert.False(timer.IsRunning);
        Assert.Equal(0, _rig.Clock.PendingTimers);
    }

    [Fact]
    public void A_timer_cancelled_after_its_expiry_was_queued_never_runs()
    {
        int fired = 0;
        var timer = Loop.StartTimer(5, () => fired++);

        Assert.True(_rig.Clock.FireNext(5)); // the HAL timer fires and posts into the loop
        Assert.Equal(1, Loop.Pending);
        timer.Cancel();                      // on the loop, before it gets to the expiry
        Loop.RunPending();

        Assert.Equal(0, fired);
        Assert.False(timer.IsRunning);
    }

    [Fact]
    public void A_periodic_timer_cancelled_with_several_expiries_queued_runs_none_of_them()
    {
        int fired = 0;
        var timer = Loop.StartPeriodic(10, () => fired++);
        Assert.True(_rig.Clock.FireNext(10));
        Assert.True(_rig.Clock.FireNext(20));
        Assert.True(_rig.Clock.FireNext(30));
        Assert.Equal(3, Loop.Pending);

        timer.Cancel();
        Loop.RunPending();

        Assert.Equal(0, fired);
    }

    [Fact]
    public void A_timer_cancelled_by_an_earlier_item_in_the_same_round_does_not_run()
    {
        var ran = new List<string>();
        LoopTimer? timer = null;
        Loop.StartTimer(10, () => { ran.Add("canceller"); timer!.Cancel(); });
        timer = Loop.StartTimer(10, () => ran.Add("cancelled"));

        _rig.Advance(10);

        Assert.Equal(new[] { "canceller" }, ran);
    }

    [Fact]
    public void A_periodic_timer_cancelled_from_inside_its_own_callback_stops_there()
    {
        var firedAt = new List<long>();
        LoopTimer? timer = null;
        timer = Loop.StartPeriodic(100, () =>
        {
            firedAt.Add(_rig.Clock.NowMs);
            if (firedAt.Count == 3) timer!.Cancel();
        });

        _rig.Advance(10000);

        Assert.Equal(new long[] { 100, 200, 300 }, firedAt);
        Assert.False(timer.IsRunning);
        Assert.Equal(0, _rig.Clock.PendingTimers);
    }

    [Fact]
    public void Cancelling_twice_or_after_expiry_is_harmless()
    {
        int fired = 0;
        var timer = Loop.StartTimer(10, () => fired++);
        _rig.Advance(10);

        timer.Cancel();
        timer.Cancel();
        _rig.Advance(100);

        Assert.Equal(1, fired);
        Assert.False(timer.IsRunning);
    }

    [Fact]
    public void Timers_due_at_the_same_time_run_in_the_order_they_were_started()
    {
        var ran = new List<string>();
        Loop.StartTimer(20, () => ran.Add("a"));
        Loop.StartTimer(20, () => ran.Add("b"));
        Loop.StartTimer(10, () => ran.Add("early"));
        Loop.StartTimer(20, () => ran.Add("c"));

        _rig.Advance(20);

        Assert.Equal(new[] { "early", "a", "b", "c" }, ran);
    }

    [Fact]
    public void Work_posted_at_10_ms_that_starts_a_2_ms_timer_sees_it_fire_at_12_ms()
    {
        long firedAt = -1;
        Loop.StartTimer(10, () => Loop.Post(() => Loop.StartTimer(2, () => firedAt = _rig.Clock.NowMs)));

        _rig.Advance(1000);

        Assert.Equal(12, firedAt);
    }

    [Fact]
    public void A_throwing_timer_callback_is_counted_and_a_periodic_timer_keeps_going()
    {
        int fired = 0;
        Loop.StartPeriodic(10, () => { fired++; throw new InvalidOperationException("tick"); });

        _rig.Advance(30);

        Assert.Equal(3, fired);
        Assert.Equal(3, Loop.Failures);
    }

    [Fact]
    public void Bad_timer_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Loop.StartTimer(-1, () => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Loop.StartPeriodic(0, () => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Loop.StartPeriodic(-5, () => { }));
        Assert.Throws<ArgumentNullException>(() => Loop.StartTimer(5, null!));
        Assert.Equal(0, _rig.Clock.PendingTimers);
    }
}
