// NTP timestamps (RFC 3550 §4) from millisecond clocks, and the 1/65536 s units of LSR, DLSR and round-trip time.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// Conversions between milliseconds since 1970 (Unix time) and the 64-bit NTP format: seconds
    /// since 1900 (mod 2^32) and a 32-bit fraction. Any other ms clock works too when both ends of
    /// a measurement use it: the round trip only needs one consistent clock.
    /// </summary>
    public static class NtpTime
    {
        /// <summary>Milliseconds from 1900-01-01 to 1970-01-01.</summary>
        public const long UnixEpochMs = 2208988800000L;

        /// <summary>The NTP seconds and fraction of <paramref name="unixMs"/>.</summary>
        public static void FromUnixMs(long unixMs, out uint seconds, out uint fraction)
        {
            long ms = unixMs + UnixEpochMs;
            long s = ms / 1000;
            long rest = ms - s * 1000;
            if (rest < 0) { rest += 1000; s--; }
            seconds = (uint)s;
            fraction = (uint)((rest << 32) / 1000);
        }

        /// <summary>The middle 32 bits of the NTP timestamp of <paramref name="unixMs"/> (16.16 fixed point seconds).</summary>
        public static uint Middle(long unixMs)
        {
            uint seconds;
            uint fraction;
            FromUnixMs(unixMs, out seconds, out fraction);
            return (seconds << 16) | (fraction >> 16);
        }

        /// <summary>Milliseconds as 1/65536 s (DLSR), clamped to 32 bits; negative counts as 0.</summary>
        public static uint UnitsFromMs(long ms)
        {
            if (ms <= 0) return 0;
            long units = (ms * 65536 + 500) / 1000;
            return units > uint.MaxValue ? uint.MaxValue : (uint)units;
        }

        /// <summary>1/65536 s as milliseconds, rounded.</summary>
        public static int MsFromUnits(uint units)
        {
            return (int)(((long)units * 1000 + 32768) >> 16);
        }

        /// <summary>
        /// The round trip (RFC 3550 §6.4.1) from a report block received at NTP middle
        /// <paramref name="arrivalMiddle"/>: arrival - LSR - DLSR, in ms; -1 when the block has no
        /// LSR (no SR of ours reached the far end yet) or the result is negative (clock trouble).
        /// </summary>
        public static int RoundTripMs(uint arrivalMiddle, uint lastSr, uint delaySinceLastSr)
        {
            if (lastSr == 0) return -1;
            int rtt = (int)(arrivalMiddle - lastSr - delaySinceLastSr);
            if (rtt < 0) return -1;
            return MsFromUnits((uint)rtt);
        }
    }
}
