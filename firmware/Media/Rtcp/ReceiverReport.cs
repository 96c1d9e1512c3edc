// The receiver report, RR (RFC 3550 §6.4.2): our SSRC and report blocks, sent when we have not sent RTP lately.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// An RR packet; an empty one (no blocks) is what a compound starts with when there is nothing
    /// to report (§6.1). Blocks are preallocated (<see cref="RtcpReport"/>).
    /// </summary>
    public sealed class ReceiverReport : RtcpReport
    {
        /// <summary>Bytes before the first report block: header and SSRC.</summary>
        public const int FixedSize = 8;

        /// <summary>A report with room for <paramref name="capacity"/> blocks (at most 31).</summary>
        public ReceiverReport(int capacity) : base(RtcpPacket.TypeReceiverReport, FixedSize, capacity)
        {
        }
    }
}
