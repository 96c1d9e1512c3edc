// Time on the ESP32: the microsecond timer since boot, the SNTP-set wall clock, and threading timers.
using System;
using System.Threading;
using DeskPhone.Hal;
using nanoFramework.Hardware.Esp32;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// <see cref="NowMs"/> comes from the ESP32's 64-bit microsecond timer (never goes back);
    /// <see cref="WallClock"/> is DateTime.UtcNow, which nanoFramework sets from SNTP once the
    /// network is up, shifted by a fixed offset (nanoFramework has no time zones).
    /// </summary>
    public sealed class Esp32Clock : IClock
    {
        private readonly int _utcOffsetMinutes;

        /// <summary>A clock whose wall time is UTC plus <paramref name="utcOffsetMinutes"/>.</summary>
        public Esp32Clock(int utcOffsetMinutes)
        {
            _utcOffsetMinutes = utcOffsetMinutes;
        }

        /// <inheritdoc/>
        public long NowMs { get { return (long)(HighResTimer.GetCurrent() / 1000UL); } }

        /// <inheritdoc/>
        public DateTime WallClock { get { return DateTime.UtcNow.AddMinutes(_utcOffsetMinutes); } }

        /// <inheritdoc/>
        public IHalTimer StartTimer(int dueMs, int periodMs, TimerFired fired)
        {
            if (fired == null) throw new ArgumentNullException("fired");
            return new Esp32Timer(dueMs < 0 ? 0 : dueMs, periodMs, fired);
        }
    }

    /// <summary>A System.Threading.Timer behind <see cref="IHalTimer"/>; callbacks come on a timer thread.</summary>
    internal sealed class Esp32Timer : IHalTimer
    {
        private readonly object _gate = new object();
        private readonly TimerFired _fired;
        private Timer _timer;
        private bool _cancelled;

        public Esp32Timer(int dueMs, int periodMs, TimerFired fired)
        {
            _fired = fired;
            Timer timer = new Timer(OnTick, null, dueMs, periodMs > 0 ? periodMs : Timeout.Infinite);
            lock (_gate)
            {
                if (_cancelled) timer.Dispose();
                else _timer = timer;
            }
        }

        public void Cancel()
        {
            Timer timer;
            lock (_gate)
            {
                _cancelled = true;
                timer = _timer;
                _timer = null;
            }
            if (timer != null) timer.Dispose();
        }

        private void OnTick(object state)
        {
            lock (_gate)
            {
                if (_cancelled) return;
            }
            _fired();
        }
    }
}
