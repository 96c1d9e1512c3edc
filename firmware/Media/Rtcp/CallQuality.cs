// A snapshot of one call's media quality for the call-quality screen, filled by RtcpSession.Snapshot.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// What the phone can show about a call's audio: our side (what we received) and the far end's
    /// view of our stream (its last report block about us), plus the round trip. Plain fields,
    /// allocated once by the screen and refilled (<see cref="RtcpSession.Snapshot"/>).
    /// </summary>
    public sealed class CallQuality
    {
        /// <summary>RTP packets we sent.</summary>
        public long PacketsSent;
        /// <summary>RTP packets we received from the far end (after probation, duplicates included).</summary>
        public long PacketsReceived;
        /// <summary>Packets of the far end we never got (0 when duplicates outnumber them).</summary>
        public long PacketsLost;
        /// <summary>Loss in our last report interval, per cent (0-100, from the 1/256 fraction).</summary>
        public int FractionLostPercent;
        /// <summary>Interarrival jitter of what we receive, ms.</summary>
        public int JitterMs;
        /// <summary>True once the far end reported on our stream.</summary>
        public bool HasFarReport;
        /// <summary>The far end's loss of our packets in its last interval, per cent.</summary>
        public int FarFractionLostPercent;
        /// <summary>The far end's cumulative loss of our packets.</summary>
        public long FarPacketsLost;
        /// <summary>The far end's jitter of our stream, ms.</summary>
        public int FarJitterMs;
        /// <summary>Round trip from the last report block with an LSR, ms; -1 while unknown.</summary>
        public int RoundTripMs = -1;

        /// <summary>A 1/256 fraction (RFC 3550 §6.4.1) as a rounded percentage.</summary>
        public static int Percent(int fraction)
        {
            if (fraction <= 0) return 0;
            if (fraction > 255) fraction = 255;
            return (fraction * 100 + 128) / 256;
        }
    }
}
