// Real time for the simulator when it talks to real servers, and for the Raspberry Pi.
using System.Diagnostics;
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Time;

/// <summary>The machine's monotonic clock and wall clock; timers on the thread pool.</summary>
public sealed class SystemClock : IClock
{
    private readonly Stopwatch _since = Stopwatch.StartNew();

    /// <inheritdoc/>
    public long NowMs => _since.ElapsedMilliseconds;

    /// <inheritdoc/>
    public DateTime WallClock => DateTime.Now;

    /// <inheritdoc/>
    public IHalTimer StartTimer(int dueMs, int periodMs, TimerFired fired)
    {
        ArgumentNullException.ThrowIfNull(fired);
        return new PoolTimer(dueMs, periodMs, fired);
    }

    private sealed class PoolTimer : IHalTimer
    {
        private readonly Timer _timer;
        private volatile bool _cancelled;

        public PoolTimer(int dueMs, int periodMs, TimerFired fired)
        {
            _timer = new Timer(_ => { if (!_cancelled) fired(); }, null, dueMs, periodMs == 0 ? Timeout.Infinite : periodMs);
        }

        public void Cancel()
        {
            _cancelled = true;
            _timer.Dispose();
        }
    }
}
