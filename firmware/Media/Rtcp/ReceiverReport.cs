// The receiver report, RR (RFC 3550 §6.4.2): our SSRC and report blocks, sent when we have not sent RTP lately.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// An RR packet; an empty one (no blocks) is what a compound starts with when there is nothing
    /// to report (§6.1). Blocks are preallocated, as in <see cref="SenderReport"/>.
    /// </summary>
    public sealed class ReceiverReport
    {
        /// <summary>Bytes before the first report block: header and SSRC.</summary>
        public const int FixedSize = 8;

        /// <summary>A report with room for <paramref name="capacity"/> blocks (at most 31).</summary>
        public ReceiverReport(int capacity)
        {
            if (capacity < 0) capacity = 0;
            if (capacity > RtcpPacket.MaxCount) capacity = RtcpPacket.MaxCount;
            Blocks = new ReportBlock[capacity];
        }

        /// <summary>Our SSRC.</summary>
        public uint Ssrc;
        /// <summary>Blocks in use (0 to <c>Blocks.Length</c>).</summary>
        public int BlockCount;
        /// <summary>The report blocks; the first <see cref="BlockCount"/> are written.</summary>
        public readonly ReportBlock[] Blocks;

        /// <summary>Bytes <see cref="WriteTo"/> writes.</summary>
        public int Length { get { return FixedSize + BlockCount * ReportBlock.Size; } }

        /// <summary>Writes the packet at <paramref name="offset"/>; returns <see cref="Length"/>.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            int length = Length;
            RtcpPacket.WriteHeader(buffer, offset, BlockCount, RtcpPacket.TypeReceiverReport, length);
            RtcpPacket.WriteUInt32(buffer, offset + 4, Ssrc);
            int at = offset + FixedSize;
            for (int i = 0; i < BlockCount; i++) at += Blocks[i].WriteTo(buffer, at);
            return length;
        }

        /// <summary>
        /// Reads the RR at <paramref name="offset"/> (<paramref name="count"/> bytes available) into this
        /// object; blocks beyond the capacity are skipped. False when it is not a whole, valid RR.
        /// </summary>
        public bool TryRead(byte[] packet, int offset, int count)
        {
            BlockCount = 0;
            int bytes = RtcpPacket.PacketBytes(packet, offset, count);
            if (bytes < FixedSize || bytes > count || packet[offset + 1] != RtcpPacket.TypeReceiverReport) return false;
            int blocks = packet[offset] & 0x1F;
            if (FixedSize + blocks * ReportBlock.Size > bytes) return false;
            Ssrc = RtcpPacket.ReadUInt32(packet, offset + 4);
            int kept = blocks < Blocks.Length ? blocks : Blocks.Length;
            for (int i = 0; i < kept; i++)
                ReportBlock.TryRead(packet, offset + FixedSize + i * ReportBlock.Size, ReportBlock.Size, out Blocks[i]);
            BlockCount = kept;
            return true;
        }
    }
}
