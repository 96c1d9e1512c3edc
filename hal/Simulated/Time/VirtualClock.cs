// A clock that only moves when a test or the simulator's driver moves it.
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Time;

/// <summary>
/// Virtual time: <see cref="NowMs"/> stands still until <see cref="VirtualTimeDriver"/> (or a test)
/// fires the next due timer. Timers due at the same instant fire in the order they were started.
/// Thread-safe, so real-socket receive threads may start timers too.
/// </summary>
public sealed class VirtualClock : IClock
{
    private readonly object _gate = new();
    private readonly PriorityQueue<Entry, (long due, long seq)> _queue = new();
    private readonly DateTime _wallAtZero;
    private long _now;
    private long _seq;

    /// <summary>A clock at 0 ms whose wall clock starts at <paramref name="wallAtZero"/>.</summary>
    public VirtualClock(DateTime? wallAtZero = null)
    {
        _wallAtZero = wallAtZero ?? new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Local);
    }

    /// <inheritdoc/>
    public long NowMs { get { lock (_gate) return _now; } }

    /// <inheritdoc/>
    public DateTime WallClock => _wallAtZero.AddMilliseconds(NowMs);

    /// <summary>When the earliest live timer is due, or null when none is.</summary>
    public long? NextDueMs
    {
        get
        {
            lock (_gate)
            {
                DropCancelledHead();
                return _queue.TryPeek(out _, out var key) ? key.due : null;
            }
        }
    }

    /// <summary>How many timers are live.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                int n = 0;
                foreach (var (e, _) in _queue.UnorderedItems) if (!e.Cancelled) n++;
                return n;
            }
        }
    }

    /// <inheritdoc/>
    public IHalTimer StartTimer(int dueMs, int periodMs, TimerFired fired)
    {
        ArgumentNullException.ThrowIfNull(fired);
        if (dueMs < 0) throw new ArgumentOutOfRangeException(nameof(dueMs));
        if (periodMs < 0) throw new ArgumentOutOfRangeException(nameof(periodMs));
        var entry = new Entry(this, fired, periodMs);
        lock (_gate) Enqueue(entry, _now + dueMs);
        return entry;
    }

    /// <summary>
    /// Fires the earliest timer due at or before <paramref name="limitMs"/>, moving the clock to its
    /// due time first. False when none is due by then (the clock does not move).
    /// </summary>
    public bool FireNext(long limitMs)
    {
        Entry entry;
        lock (_gate)
        {
            DropCancelledHead();
            if (!_queue.TryPeek(out entry!, out var key) || key.due > limitMs) return false;
            _queue.Dequeue();
            if (key.due > _now) _now = key.due;
            if (entry.Period > 0) Enqueue(entry, key.due + entry.Period);
            else entry.Cancelled = true;
        }
        entry.Fired();
        return true;
    }

    /// <summary>Moves the clock forward to <paramref name="ms"/> without firing anything.</summary>
    public void MoveTo(long ms)
    {
        lock (_gate)
        {
            if (ms < _now) throw new ArgumentOutOfRangeException(nameof(ms), "virtual time never goes backwards");
            _now = ms;
        }
    }

    private void Enqueue(Entry entry, long due) => _queue.Enqueue(entry, (due, _seq++));

    private void DropCancelledHead()
    {
        while (_queue.TryPeek(out var e, out _) && e.Cancelled) _queue.Dequeue();
    }

    private sealed class Entry : IHalTimer
    {
        private readonly VirtualClock _clock;
        public readonly TimerFired Fired;
        public readonly int Period;
        public bool Cancelled;

        public Entry(VirtualClock clock, TimerFired fired, int period)
        {
            _clock = clock;
            Fired = fired;
            Period = period;
        }

        /// <summary>Stops the timer and takes it out of the queue at once, as a real timer is freed when disposed (a cancelled one left queued would hold its callback, and what that reaches, until its due time).</summary>
        public void Cancel()
        {
            lock (_clock._gate)
            {
                if (Cancelled) return;
                Cancelled = true;
                _clock._queue.Remove(this, out _, out _);
            }
        }
    }
}
