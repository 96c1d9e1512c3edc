// Steps virtual time: fire the next timer, let every loop drain, repeat.
namespace DeskPhone.Hal.Simulated.Time;

/// <summary>
/// Drives a <see cref="VirtualClock"/> and the event loops that live on it. Between two timer
/// expiries every registered pump (an event loop's "run what is pending") runs until all are idle,
/// so work posted at t = 10 ms that starts a 2 ms timer sees it fire at 12 ms, not later.
/// </summary>
public sealed class VirtualTimeDriver
{
    private readonly List<Func<bool>> _pumps = new();
    private readonly object _gate = new();

    /// <summary>Rounds of pumping without progress in time after which the driver gives up.</summary>
    public const int LivelockLimit = 1_000_000;

    /// <summary>A driver for <paramref name="clock"/>.</summary>
    public VirtualTimeDriver(VirtualClock clock) { Clock = clock; }

    /// <summary>The clock this driver moves.</summary>
    public VirtualClock Clock { get; }

    /// <summary>
    /// Adds a pump: a function that runs whatever is pending and says whether it ran anything.
    /// </summary>
    public void AddPump(Func<bool> runPending)
    {
        lock (_gate) _pumps.Add(runPending);
    }

    /// <summary>Removes a pump added before.</summary>
    public void RemovePump(Func<bool> runPending)
    {
        lock (_gate) _pumps.Remove(runPending);
    }

    /// <summary>Runs every pump until none has anything left to do; time does not move.</summary>
    public void RunUntilIdle()
    {
        for (int round = 0; round < LivelockLimit; round++)
        {
            Func<bool>[] pumps;
            lock (_gate) pumps = _pumps.ToArray();
            bool ran = false;
            foreach (var pump in pumps) ran |= pump();
            if (!ran) return;
        }
        throw new InvalidOperationException("event loops never became idle: livelock at t=" + Clock.NowMs + " ms");
    }

    /// <summary>Advances time by <paramref name="ms"/>, firing every timer due on the way in order.</summary>
    public void Advance(long ms)
    {
        if (ms < 0) throw new ArgumentOutOfRangeException(nameof(ms));
        AdvanceTo(Clock.NowMs + ms);
    }

    /// <summary>Advances time to <paramref name="targetMs"/>, firing every timer due on the way in order.</summary>
    public void AdvanceTo(long targetMs)
    {
        RunUntilIdle();
        long instant = Clock.NowMs;
        int firedAtInstant = 0;
        while (Clock.FireNext(targetMs))
        {
            if (Clock.NowMs != instant) { instant = Clock.NowMs; firedAtInstant = 0; }
            if (++firedAtInstant > LivelockLimit)
                throw new InvalidOperationException("timers keep firing without time moving: livelock at t=" + instant + " ms");
            RunUntilIdle();
        }
        Clock.MoveTo(Math.Max(targetMs, Clock.NowMs));
        RunUntilIdle();
    }
}
