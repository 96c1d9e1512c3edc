// The driver: drains every pump between expiries, so work runs at the instant it was caused.
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Hal.Simulated.Tests.Time;

public class VirtualTimeDriverTests
{
    private readonly VirtualClock _clock = new();
    private readonly VirtualTimeDriver _driver;

    public VirtualTimeDriverTests() { _driver = new VirtualTimeDriver(_clock); }

    /// <summary>A minimal event loop: a queue of work and a pump that runs what is queued.</summary>
    private sealed class Queue
    {
        private readonly Queue<Action> _work = new();
        public void Post(Action a) { lock (_work) _work.Enqueue(a); }
        public bool RunPending()
        {
            Action[] now;
            lock (_work) { now = _work.ToArray(); _work.Clear(); }
            foreach (var a in now) a();
            return now.Length > 0;
        }
    }

    [Fact]
    public void Work_posted_at_10_ms_that_starts_a_2_ms_timer_sees_it_fire_at_12_ms()
    {
        var loop = new Queue();
        _driver.AddPump(loop.RunPending);
        long firedAt = -1;
        _clock.StartTimer(10, 0, () => loop.Post(() =>
            _clock.StartTimer(2, 0, () => loop.Post(() => firedAt = _clock.NowMs))));

        _driver.Advance(1000);

        Assert.Equal(12, firedAt);
        Assert.Equal(1000, _clock.NowMs);
    }

    [Fact]
    public void Work_that_posts_more_work_is_drained_before_time_moves()
    {
        var loop = new Queue();
        _driver.AddPump(loop.RunPending);
        var at = new List<long>();
        _clock.StartTimer(5, 0, () => loop.Post(() =>
        {
            at.Add(_clock.NowMs);
            loop.Post(() => { at.Add(_clock.NowMs); loop.Post(() => at.Add(_clock.NowMs)); });
        }));

        _driver.Advance(100);

        Assert.Equal(new long[] { 5, 5, 5 }, at);
    }

    [Fact]
    public void Two_pumps_that_feed_each_other_both_run_until_idle()
    {
        var a = new Queue();
        var b = new Queue();
        _driver.AddPump(a.RunPending);
        _driver.AddPump(b.RunPending);
        int hops = 0;
        void Ping(Queue to, Queue other) => to.Post(() => { if (++hops < 10) Ping(other, to); });
        Ping(b, a);

        _driver.RunUntilIdle();

        Assert.Equal(10, hops);
        Assert.Equal(0, _clock.NowMs);
    }

    [Fact]
    public void Advance_without_timers_still_moves_the_clock()
    {
        _driver.Advance(250);
        _driver.AdvanceTo(300);
        Assert.Equal(300, _clock.NowMs);
    }

    [Fact]
    public void AdvanceTo_a_time_in_the_past_leaves_the_clock_where_it_is()
    {
        _driver.Advance(500);
        _driver.AdvanceTo(100);
        Assert.Equal(500, _clock.NowMs);
    }

    [Fact]
    public void Advance_fires_every_timer_due_on_the_way_in_order_and_none_after()
    {
        var at = new List<long>();
        _clock.StartTimer(0, 30, () => at.Add(_clock.NowMs));

        _driver.Advance(100);
        Assert.Equal(new long[] { 0, 30, 60, 90 }, at);
        _driver.Advance(19);
        Assert.Equal(4, at.Count);
        _driver.Advance(1);
        Assert.Equal(120, at.Last());
    }

    [Fact]
    public void A_negative_advance_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _driver.Advance(-1));
    }

    [Fact]
    public void A_pump_that_is_never_idle_is_reported_as_a_livelock()
    {
        _driver.Advance(42);
        _driver.AddPump(() => true);

        var e = Assert.Throws<InvalidOperationException>(() => _driver.RunUntilIdle());
        Assert.Contains("livelock", e.Message);
        Assert.Contains("42", e.Message);
    }

    [Fact]
    public void A_removed_pump_is_no_longer_run()
    {
        int runs = 0;
        Func<bool> pump = () => { runs++; return false; };
        _driver.AddPump(pump);
        _driver.RunUntilIdle();
        Assert.Equal(1, runs);

        _driver.RemovePump(pump);
        _driver.Advance(100);
        Assert.Equal(1, runs);
    }

    [Fact]
    public void The_driver_moves_the_clock_it_was_given()
    {
        Assert.Same(_clock, _driver.Clock);
    }
}
