// Time for the portable phone: a monotonic millisecond count, the wall clock, and timers.
using System;

namespace DeskPhone.Hal
{
    /// <summary>Called by the HAL when a timer expires. It may run on any thread: post into the loop.</summary>
    public delegate void TimerFired();

    /// <summary>
    /// The only source of time the firmware sees. The simulator injects a virtual clock that tests
    /// step by hand; boards inject one backed by the hardware tick.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot; never goes backwards.</summary>
        long NowMs { get; }

        /// <summary>Local wall-clock time, for the screen and call history.</summary>
        DateTime WallClock { get; }

        /// <summary>
        /// Starts a timer that fires after <paramref name="dueMs"/> and then every
        /// <paramref name="periodMs"/> (0 = once). The callback may arrive on any thread.
        /// </summary>
        IHalTimer StartTimer(int dueMs, int periodMs, TimerFired fired);
    }

    /// <summary>A running HAL timer.</summary>
    public interface IHalTimer
    {
        /// <summary>Stops the timer; a callback already on its way may still arrive.</summary>
        void Cancel();
    }
}
