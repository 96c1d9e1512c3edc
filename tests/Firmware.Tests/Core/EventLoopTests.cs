// The event loop's queue: order, rounds, growth, failures, and Run/Stop on a real thread.
using DeskPhone.Firmware.Core;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Core;

public class EventLoopTests
{
    private readonly VirtualLoop _rig = new();
    private EventLoop Loop => _rig.Loop;

    [Fact]
    public void Work_items_run_in_the_order_they_were_posted()
    {
        var ran = new List<string>();
        Loop.Post(() => ran.Add("a"));
        Loop.Post(() => ran.Add("b"));
        Loop.Post(() => ran.Add("c"));

        Assert.Equal(3, Loop.Pending);
        Assert.True(Loop.RunPending());

        Assert.Equal(new[] { "a", "b", "c" }, ran);
        Assert.Equal(0, Loop.Pending);
    }

    [Fact]
    public void RunPending_with_nothing_queued_runs_nothing_and_says_so()
    {
        Assert.False(Loop.RunPending());
    }

    [Fact]
    public void Items_posted_while_RunPending_runs_wait_for_the_next_round()
    {
        var ran = new List<string>();
        Loop.Post(() =>
        {
            ran.Add("first");
            Loop.Post(() => ran.Add("posted by first"));
        });
        Loop.Post(() => ran.Add("second"));

        Assert.True(Loop.RunPending());
        Assert.Equal(new[] { "first", "second" }, ran);
        Assert.Equal(1, Loop.Pending);

        Assert.True(Loop.RunPending());
        Assert.Equal(new[] { "first", "second", "posted by first" }, ran);
        Assert.False(Loop.RunPending());
    }

    [Theory]
    [InlineData(0, 63)]
    [InlineData(0, 64)]
    [InlineData(0, 65)]
    [InlineData(0, 500)]
    [InlineData(40, 64)]   // the ring's head is mid-array when it fills
    [InlineData(40, 65)]
    [InlineData(63, 300)]
    public void The_queue_keeps_posting_order_when_it_grows_past_64_items(int alreadyRun, int count)
    {
        for (int i = 0; i < alreadyRun; i++) Loop.Post(() => { });
        Loop.RunPending();

        var ran = new List<int>();
        for (int i = 0; i < count; i++)
        {
            int n = i;
            Loop.Post(() => ran.Add(n));
        }
        Assert.Equal(count, Loop.Pending);
        Loop.RunPending();

        Assert.Equal(Enumerable.Range(0, count), ran);
        Assert.Equal(0, Loop.Pending);
    }

    [Fact]
    public void Posting_during_a_round_that_forces_growth_keeps_everything_in_order()
    {
        var ran = new List<int>();
        for (int i = 0; i < 10; i++)
        {
            int n = i;
            Loop.Post(() =>
            {
                ran.Add(n);
                if (n == 0) for (int k = 100; k < 200; k++) { int m = k; Loop.Post(() => ran.Add(m)); }
            });
        }

        Loop.RunPending();
        Assert.Equal(Enumerable.Range(0, 10), ran);
        Loop.RunPending();
        Assert.Equal(Enumerable.Range(0, 10).Concat(Enumerable.Range(100, 100)), ran);
    }

    [Fact]
    public void A_throwing_work_item_is_counted_logged_and_the_loop_goes_on()
    {
        var boom = new InvalidOperationException("boom");
        var ran = new List<string>();
        Loop.Post(() => ran.Add("before"));
        Loop.Post(() => throw boom);
        Loop.Post(() => ran.Add("after"));

        Loop.RunPending();

        Assert.Equal(new[] { "before", "after" }, ran);
        Assert.Equal(1, Loop.Failures);
        Assert.Same(boom, Loop.LastFailure);
        var line = Assert.Single(_rig.Log.Lines(), l => l.Level == LogLevel.Error);
        Assert.Equal("loop", line.Source);
        Assert.Contains("boom", line.Message);
    }

    [Fact]
    public void Every_failure_is_counted_and_the_last_one_is_kept()
    {
        var second = new ArgumentException("second");
        Loop.Post(() => throw new InvalidOperationException("first"));
        Loop.Post(() => throw second);

        Loop.RunPending();

        Assert.Equal(2, Loop.Failures);
        Assert.Same(second, Loop.LastFailure);
    }

    [Fact]
    public void A_new_loop_has_no_failures()
    {
        Assert.Equal(0, Loop.Failures);
        Assert.Null(Loop.LastFailure);
        Assert.Equal(0, Loop.Pending);
    }

    [Fact]
    public void Posting_null_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => Loop.Post(null!));
    }

    [Fact]
    public void A_loop_needs_a_clock_and_a_log()
    {
        var clock = new VirtualClock();
        Assert.Throws<ArgumentNullException>(() => new EventLoop(null!, new SimLog(clock)));
        Assert.Throws<ArgumentNullException>(() => new EventLoop(clock, null!));
    }

    [Fact]
    public void The_loop_exposes_the_clock_and_log_it_was_given()
    {
        Assert.Same(_rig.Clock, Loop.Clock);
        Assert.Same(_rig.Log, Loop.Log);
    }
}
