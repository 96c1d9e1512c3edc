// Run() and Stop() on a real thread with the system clock: bounded waits, no sleeps.
using DeskPhone.Firmware.Core;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Core;

public class EventLoopThreadTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static EventLoop NewLoop()
    {
        var clock = new SystemClock();
        return new EventLoop(clock, new SimLog(clock));
    }

    private static Thread StartRunning(EventLoop loop, ManualResetEventSlim? returned = null)
    {
        var t = new Thread(() => { loop.Run(); returned?.Set(); }) { IsBackground = true, Name = "loop under test" };
        t.Start();
        return t;
    }

    [Fact]
    public void Work_posted_from_another_thread_runs_on_the_loop_thread()
    {
        var loop = NewLoop();
        var thread = StartRunning(loop);
        using var done = new ManualResetEventSlim();
        int ranOn = -1;

        loop.Post(() => { ranOn = Environment.CurrentManagedThreadId; done.Set(); });

        Assert.True(done.Wait(Bound));
        Assert.Equal(thread.ManagedThreadId, ranOn);
        loop.Stop();
        Assert.True(thread.Join(Bound));
    }

    [Fact]
    public void Stop_makes_Run_return()
    {
        var loop = NewLoop();
        using var returned = new ManualResetEventSlim();
        using var running = new ManualResetEventSlim();
        var thread = StartRunning(loop, returned);
        loop.Post(running.Set);
        Assert.True(running.Wait(Bound));

        loop.Stop();

        Assert.True(returned.Wait(Bound));
        Assert.True(thread.Join(Bound));
    }

    [Fact]
    public void Stop_called_before_Run_starts_is_not_lost()
    {
        var loop = NewLoop();
        loop.Stop();
        using var returned = new ManualResetEventSlim();

        var thread = StartRunning(loop, returned);

        Assert.True(returned.Wait(Bound), "Run ignored a Stop made before it started");
        Assert.True(thread.Join(Bound));
    }

    [Fact]
    public void A_stopped_loop_can_run_again()
    {
        var loop = NewLoop();
        loop.Stop();
        var first = StartRunning(loop);
        Assert.True(first.Join(Bound));

        var second = StartRunning(loop);
        using var ran = new ManualResetEventSlim();
        loop.Post(ran.Set);

        Assert.True(ran.Wait(Bound));
        loop.Stop();
        Assert.True(second.Join(Bound));
    }

    [Fact]
    public void Items_posted_from_many_threads_all_run_and_each_threads_order_is_kept()
    {
        const int threads = 4, perThread = 500;
        var loop = NewLoop();
        var runner = StartRunning(loop);
        var seen = new List<(int thread, int n)>();
        using var allRan = new CountdownEvent(threads * perThread);

        var posters = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (int i = 0; i < perThread; i++)
            {
                int n = i;
                loop.Post(() => { seen.Add((t, n)); allRan.Signal(); });
            }
        })).ToList();
        posters.ForEach(p => p.Start());

        Assert.True(allRan.Wait(Bound));
        loop.Stop();
        Assert.True(runner.Join(Bound));
        for (int t = 0; t < threads; t++)
            Assert.Equal(Enumerable.Range(0, perThread), seen.Where(s => s.thread == t).Select(s => s.n));
    }

    [Fact]
    public void A_system_clock_timer_runs_its_callback_on_the_loop_thread()
    {
        var loop = NewLoop();
        var thread = StartRunning(loop);
        using var fired = new ManualResetEventSlim();
        int firedOn = -1;

        loop.Post(() => loop.StartTimer(1, () => { firedOn = Environment.CurrentManagedThreadId; fired.Set(); }));

        Assert.True(fired.Wait(Bound));
        Assert.Equal(thread.ManagedThreadId, firedOn);
        loop.Stop();
        Assert.True(thread.Join(Bound));
    }

    [Fact]
    public void A_throwing_item_does_not_end_Run()
    {
        var loop = NewLoop();
        var thread = StartRunning(loop);
        using var after = new ManualResetEventSlim();

        loop.Post(() => throw new InvalidOperationException("bad item"));
        loop.Post(after.Set);

        Assert.True(after.Wait(Bound));
        Assert.Equal(1, loop.Failures);
        Assert.True(thread.IsAlive);
        loop.Stop();
        Assert.True(thread.Join(Bound));
    }
}
