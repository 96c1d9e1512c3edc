// Virtual time: timers fire in due order (start order on ties), re-arm, cancel, and time never goes back.
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Hal.Simulated.Tests.Time;

public class VirtualClockTests
{
    private readonly VirtualClock _clock = new();

    private void FireAll(long limit) { while (_clock.FireNext(limit)) { } }

    [Fact]
    public void A_new_clock_stands_at_zero_with_no_timers()
    {
        Assert.Equal(0, _clock.NowMs);
        Assert.Null(_clock.NextDueMs);
        Assert.Equal(0, _clock.PendingTimers);
        Assert.False(_clock.FireNext(long.MaxValue));
        Assert.Equal(0, _clock.NowMs);
    }

    [Fact]
    public void Timers_due_at_the_same_time_fire_in_the_order_they_were_started()
    {
        var fired = new List<string>();
        foreach (var name in new[] { "a", "b", "c", "d" }) _clock.StartTimer(10, 0, () => fired.Add(name));
        _clock.StartTimer(5, 0, () => fired.Add("early"));
        _clock.StartTimer(10, 0, () => fired.Add("e"));

        FireAll(100);

        Assert.Equal(new[] { "early", "a", "b", "c", "d", "e" }, fired);
    }

    [Fact]
    public void FireNext_moves_the_clock_to_the_timers_due_time()
    {
        var at = new List<long>();
        _clock.StartTimer(30, 0, () => at.Add(_clock.NowMs));
        _clock.StartTimer(7, 0, () => at.Add(_clock.NowMs));

        Assert.True(_clock.FireNext(100));
        Assert.Equal(7, _clock.NowMs);
        Assert.True(_clock.FireNext(100));
        Assert.Equal(30, _clock.NowMs);
        Assert.Equal(new long[] { 7, 30 }, at);
    }

    [Fact]
    public void FireNext_does_nothing_when_the_next_timer_is_due_after_the_limit()
    {
        int fired = 0;
        _clock.StartTimer(50, 0, () => fired++);

        Assert.False(_clock.FireNext(49));
        Assert.Equal(0, fired);
        Assert.Equal(0, _clock.NowMs);
        Assert.True(_clock.FireNext(50));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void A_cancelled_timer_is_let_go_at_once_not_at_its_due_time()
    {
        WeakReference owner = StartAnHourTimerAndCancelIt();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(owner.IsAlive); // the queue no longer holds the callback, nor what it reaches
        Assert.Equal(0, _clock.PendingTimers);
        Assert.Null(_clock.NextDueMs);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private WeakReference StartAnHourTimerAndCancelIt()
    {
        var owner = new List<int>();
        _clock.StartTimer(3_600_000, 0, () => owner.Add(1)).Cancel();
        return new WeakReference(owner);
    }

    [Fact]
    public void A_periodic_timer_re_arms_itself_from_its_due_time()
    {
        var at = new List<long>();
        _clock.StartTimer(10, 25, () => at.Add(_clock.NowMs));

        FireAll(100);

        Assert.Equal(new long[] { 10, 35, 60, 85 }, at);
        Assert.Equal(110, _clock.NextDueMs);
        Assert.Equal(1, _clock.PendingTimers);
    }

    [Fact]
    public void A_periodic_timer_cancelled_in_its_own_callback_fires_no_more()
    {
        int fired = 0;
        IHalTimer? timer = null;
        timer = _clock.StartTimer(10, 10, () => { if (++fired == 2) timer!.Cancel(); });

        FireAll(1000);

        Assert.Equal(2, fired);
        Assert.Equal(0, _clock.PendingTimers);
        Assert.Null(_clock.NextDueMs);
    }

    [Fact]
    public void A_one_shot_timer_is_gone_once_it_fired()
    {
        _clock.StartTimer(10, 0, () => { });
        Assert.Equal(1, _clock.PendingTimers);

        FireAll(10);

        Assert.Equal(0, _clock.PendingTimers);
        Assert.Null(_clock.NextDueMs);
    }

    [Fact]
    public void NextDueMs_skips_cancelled_timers()
    {
        var first = _clock.StartTimer(5, 0, () => { });
        var second = _clock.StartTimer(10, 0, () => { });
        _clock.StartTimer(20, 0, () => { });
        Assert.Equal(5, _clock.NextDueMs);

        first.Cancel();
        Assert.Equal(10, _clock.NextDueMs);
        Assert.Equal(2, _clock.PendingTimers);

        second.Cancel();
        Assert.Equal(20, _clock.NextDueMs);
        Assert.Equal(1, _clock.PendingTimers);
    }

    [Fact]
    public void A_cancelled_timer_never_fires_even_behind_a_live_one()
    {
        var fired = new List<string>();
        _clock.StartTimer(5, 0, () => fired.Add("live"));
        var dead = _clock.StartTimer(10, 0, () => fired.Add("dead"));
        _clock.StartTimer(15, 0, () => fired.Add("later"));
        dead.Cancel();

        FireAll(100);

        Assert.Equal(new[] { "live", "later" }, fired);
    }

    [Fact]
    public void MoveTo_moves_forward_without_firing_anything()
    {
        int fired = 0;
        _clock.StartTimer(10, 0, () => fired++);

        _clock.MoveTo(500);

        Assert.Equal(500, _clock.NowMs);
        Assert.Equal(0, fired);
        Assert.Equal(10, _clock.NextDueMs);   // overdue, fires on the next FireNext without moving time back
        Assert.True(_clock.FireNext(500));
        Assert.Equal(500, _clock.NowMs);
    }

    [Fact]
    public void MoveTo_backwards_throws()
    {
        _clock.MoveTo(100);
        Assert.Throws<ArgumentOutOfRangeException>(() => _clock.MoveTo(99));
        Assert.Equal(100, _clock.NowMs);
        _clock.MoveTo(100);   // standing still is fine
    }

    [Fact]
    public void A_timer_is_due_relative_to_the_time_it_was_started()
    {
        _clock.MoveTo(1000);
        _clock.StartTimer(0, 0, () => { });
        _clock.StartTimer(32, 0, () => { });

        Assert.Equal(1000, _clock.NextDueMs);
        Assert.True(_clock.FireNext(1000));
        Assert.Equal(1032, _clock.NextDueMs);
    }

    [Fact]
    public void The_wall_clock_follows_virtual_time()
    {
        var start = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Local);
        var clock = new VirtualClock(start);
        clock.MoveTo(90_500);

        Assert.Equal(start.AddSeconds(90.5), clock.WallClock);
    }

    [Fact]
    public void Bad_timer_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _clock.StartTimer(-1, 0, () => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _clock.StartTimer(0, -1, () => { }));
        Assert.Throws<ArgumentNullException>(() => _clock.StartTimer(0, 0, null!));
        Assert.Equal(0, _clock.PendingTimers);
    }

    [Fact]
    public void A_callback_may_start_a_timer_due_at_the_same_instant()
    {
        var fired = new List<string>();
        _clock.StartTimer(10, 0, () =>
        {
            fired.Add("outer");
            _clock.StartTimer(0, 0, () => fired.Add("inner"));
        });

        FireAll(10);

        Assert.Equal(new[] { "outer", "inner" }, fired);
        Assert.Equal(10, _clock.NowMs);
    }
}
