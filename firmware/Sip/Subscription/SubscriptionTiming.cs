// When to refresh a subscription, how long to back off, how long to honour a retry-after.
using System;
using DeskPhone.Firmware.Sip.Usage;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>
    /// Refresh at 80-90 % of the granted time (random, so a phone's many BLF keys spread out);
    /// failures back off like registrations (<see cref="RegistrationTiming"/>: 30 s doubling to
    /// 1800 s, 50-100 % jitter).
    /// </summary>
    public static class SubscriptionTiming
    {
        /// <summary>Longest duration or wait the phone honours, seconds (a day; keeps timers in range).</summary>
        public const int MaxSeconds = 86400;

        /// <summary>How long a stopped or replaced dialog still answers NOTIFYs 200 (64·T1, RFC 6665 §4.1.2.3).</summary>
        public const int LingerMs = 32000;

        /// <summary>How long after a 2xx the first NOTIFY may take before the subscription counts as failed (64·T1).</summary>
        public const int FirstNotifyMs = 32000;

        /// <summary>Milliseconds after a grant of <paramref name="expires"/> s to refresh: 80-90 % of it.</summary>
        public static int RefreshAfterMs(int expires, Random random)
        {
            long total = (long)Clamp(expires) * 1000;
            int percentTenths = 800 + random.Next(101);
            long ms = total * percentTenths / 1000;
            return ms < 1 ? 1 : (int)ms;
        }

        /// <summary>The back-off after <paramref name="failures"/> consecutive failures (1 = first), ms.</summary>
        public static int BackoffMs(int failures, Random random)
        {
            return RegistrationTiming.BackoffMs(failures, random);
        }

        /// <summary>A notifier's retry-after (or Retry-After) in ms, capped at a day.</summary>
        public static int RetryAfterMs(int seconds)
        {
            return Clamp(seconds) * 1000;
        }

        /// <summary><paramref name="seconds"/> limited to 0..<see cref="MaxSeconds"/>.</summary>
        public static int Clamp(int seconds)
        {
            if (seconds < 0) return 0;
            return seconds > MaxSeconds ? MaxSeconds : seconds;
        }
    }
}
