// A timer whose callback runs on the event loop and never after it was cancelled there.
using System;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Core
{
    /// <summary>
    /// A one-shot or periodic timer on the loop's clock. The HAL timer fires on its own thread and
    /// posts into the loop; the loop checks cancellation before running the callback, so after
    /// <see cref="Cancel"/> returns on the loop the callback never runs, even if the expiry was
    /// already queued.
    /// </summary>
    public sealed class LoopTimer
    {
        private readonly EventLoop _loop;
        private readonly WorkItem _callback;
        private readonly int _periodMs;
        private readonly IHalTimer _halTimer;
        private bool _cancelled;
        private bool _expired;

        internal LoopTimer(EventLoop loop, int dueMs, int periodMs, WorkItem callback)
        {
            if (callback == null) throw new ArgumentNullException("callback");
            if (dueMs < 0) throw new ArgumentOutOfRangeException("dueMs");
            _loop = loop;
            _callback = callback;
            _periodMs = periodMs;
            DueAtMs = loop.Clock.NowMs + dueMs;
            _halTimer = loop.Clock.StartTimer(dueMs, periodMs, OnHalTimer);
        }

        /// <summary>When the timer is next due, in the clock's milliseconds.</summary>
        public long DueAtMs { get; private set; }

        /// <summary>True until it expired (one-shot) or was cancelled.</summary>
        public bool IsRunning { get { return !_cancelled && !_expired; } }

        /// <summary>Stops the timer. Call on the loop; harmless when already stopped.</summary>
        public void Cancel()
        {
            if (_cancelled) return;
            _cancelled = true;
            _halTimer.Cancel();
        }

        private void OnHalTimer()
        {
            _loop.PostExpiry(this);
        }

        /// <summary>The expiry, run by the loop.</summary>
        internal void FireOnLoop()
        {
            if (_cancelled || _expired) return;
            if (_periodMs == 0) _expired = true;
            else DueAtMs = DueAtMs + _periodMs;
            _callback();
        }
    }
}
