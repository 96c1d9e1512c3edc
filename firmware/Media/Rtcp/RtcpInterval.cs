// When to send the next RTCP report (RFC 3550 §6.2, §6.3.1, A.7), in integer milliseconds.
using System;

namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// The report interval: RTCP gets 5 % of the session bandwidth, a quarter of it for senders
    /// when they are at most a quarter of the members; the interval is members × average packet
    /// size / that bandwidth, at least 5 s (2.5 s before the first report), then randomized to
    /// 0.5-1.5 times. Timer reconsideration is left out (two-party calls), so the e - 3/2
    /// compensation that only makes sense with it is left out too.
    /// </summary>
    public static class RtcpInterval
    {
        /// <summary>The minimum interval (§6.2 Tmin).</summary>
        public const int MinimumMs = 5000;

        /// <summary>Bytes of IPv4 + UDP headers added to every packet size in the average (§6.3.1).</summary>
        public const int UdpIpOverhead = 28;

        /// <summary>
        /// The deterministic interval in ms. <paramref name="sessionBitsPerSecond"/> is the session
        /// bandwidth (RTP), <paramref name="averagePacketBytes"/> the average compound size with UDP/IP.
        /// </summary>
        public static int Deterministic(int members, int senders, bool weSent, int averagePacketBytes, int sessionBitsPerSecond, bool initial)
        {
            if (members < 1) members = 1;
            if (senders < 0) senders = 0;
            long rtcpBytesPerSecond = (long)sessionBitsPerSecond * 5 / 100 / 8;
            if (rtcpBytesPerSecond < 1) rtcpBytesPerSecond = 1;
            long n = members;
            long share = 100; // per cent of the RTCP bandwidth for the group we are in
            if (senders * 4 <= members)
            {
                if (weSent) { share = 25; n = senders; }
                else { share = 75; n = members - senders; }
            }
            long ms = n * averagePacketBytes * 1000 * 100 / (rtcpBytesPerSecond * share);
            int min = initial ? MinimumMs / 2 : MinimumMs;
            return ms < min ? min : (ms > int.MaxValue ? int.MaxValue : (int)ms);
        }

        /// <summary><paramref name="deterministicMs"/> times a random factor in [0.5, 1.5].</summary>
        public static int Randomized(int deterministicMs, Random random)
        {
            int permille = 500 + random.Next(1001);
            return (int)((long)deterministicMs * permille / 1000);
        }
    }
}
