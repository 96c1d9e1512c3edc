// When to refresh a registration and how long to back off after a failure.
using System;

namespace DeskPhone.Firmware.Sip.Usage
{
    /// <summary>
    /// Refresh before expiry; after failures wait 30 s doubling to 1800 s, with 50-100 % jitter so a
    /// building full of phones does not retry in step (the back-off of RFC 5626 §4.5).
    /// </summary>
    public static class RegistrationTiming
    {
        /// <summary>First back-off, seconds.</summary>
        public const int BaseBackoffSeconds = 30;

        /// <summary>Longest back-off, seconds.</summary>
        public const int MaxBackoffSeconds = 1800;

        /// <summary>Seconds after a successful registration of <paramref name="expires"/> s to refresh it.</summary>
        public static int RefreshAfterSeconds(int expires)
        {
            if (expires > 120) return expires - 60;
            return expires / 2 < 1 ? 1 : expires / 2;
        }

        /// <summary>The back-off ceiling after <paramref name="failures"/> consecutive failures (1 = first).</summary>
        public static int BackoffCeilingSeconds(int failures)
        {
            int wait = BaseBackoffSeconds;
            for (int i = 1; i < failures && wait < MaxBackoffSeconds; i++) wait *= 2;
            return wait > MaxBackoffSeconds ? MaxBackoffSeconds : wait;
        }

        /// <summary>The wait in milliseconds: the ceiling times a random factor from 0.5 to 1.0.</summary>
        public static int BackoffMs(int failures, Random random)
        {
            int ceiling = BackoffCeilingSeconds(failures) * 1000;
            return ceiling / 2 + random.Next(ceiling / 2 + 1);
        }
    }
}
