// The sender report, SR (RFC 3550 §6.4.1): sender info (NTP and RTP time, counts) and report blocks.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// An SR packet. The block array is allocated once (<see cref="SenderReport(int)"/>); writing and
    /// reading reuse it, so a session sends and reads reports without allocating.
    /// </summary>
    public sealed class SenderReport
    {
        /// <summary>Bytes before the first report block: header, SSRC and the 20 bytes of sender info.</summary>
        public const int FixedSize = 28;

        /// <summary>A report with room for <paramref name="capacity"/> blocks (at most 31).</summary>
        public SenderReport(int capacity)
        {
            if (capacity < 0) capacity = 0;
            if (capacity > RtcpPacket.MaxCount) capacity = RtcpPacket.MaxCount;
            Blocks = new ReportBlock[capacity];
        }

        /// <summary>Our SSRC.</summary>
        public uint Ssrc;
        /// <summary>NTP timestamp, seconds since 1900 (mod 2^32).</summary>
        public uint NtpSeconds;
        /// <summary>NTP timestamp, fraction of a second in 1/2^32.</summary>
        public uint NtpFraction;
        /// <summary>The RTP timestamp of the same instant as the NTP timestamp.</summary>
        public uint RtpTimestamp;
        /// <summary>RTP packets sent since the session started (mod 2^32).</summary>
        public uint PacketCount;
        /// <summary>Payload octets sent since the session started (mod 2^32).</summary>
        public uint OctetCount;
        /// <summary>Blocks in use (0 to <c>Blocks.Length</c>).</summary>
        public int BlockCount;
        /// <summary>The report blocks; the first <see cref="BlockCount"/> are written.</summary>
        public readonly ReportBlock[] Blocks;

        /// <summary>The middle 32 bits of the NTP timestamp: what an RR returns as LSR.</summary>
        public uint NtpMiddle { get { return (NtpSeconds << 16) | (NtpFraction >> 16); } }

        /// <summary>Bytes <see cref="WriteTo"/> writes.</summary>
        public int Length { get { return FixedSize + BlockCount * ReportBlock.Size; } }

        /// <summary>Writes the packet at <paramref name="offset"/>; returns <see cref="Length"/>.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            int length = Length;
            RtcpPacket.WriteHeader(buffer, offset, BlockCount, RtcpPacket.TypeSenderReport, length);
            RtcpPacket.WriteUInt32(buffer, offset + 4, Ssrc);
            RtcpPacket.WriteUInt32(buffer, offset + 8, NtpSeconds);
            RtcpPacket.WriteUInt32(buffer, offset + 12, NtpFraction);
            RtcpPacket.WriteUInt32(buffer, offset + 16, RtpTimestamp);
            RtcpPacket.WriteUInt32(buffer, offset + 20, PacketCount);
            RtcpPacket.WriteUInt32(buffer, offset + 24, OctetCount);
            int at = offset + FixedSize;
            for (int i = 0; i < BlockCount; i++) at += Blocks[i].WriteTo(buffer, at);
            return length;
        }

        /// <summary>
        /// Reads the SR at <paramref name="offset"/> (<paramref name="count"/> bytes available) into this
        /// object; blocks beyond the capacity are skipped. False when it is not a whole, valid SR.
        /// </summary>
        public bool TryRead(byte[] packet, int offset, int count)
        {
            BlockCount = 0;
            int bytes = RtcpPacket.PacketBytes(packet, offset, count);
            if (bytes < FixedSize || bytes > count || packet[offset + 1] != RtcpPacket.TypeSenderReport) return false;
            int blocks = packet[offset] & 0x1F;
            if (FixedSize + blocks * ReportBlock.Size > bytes) return false;
            Ssrc = RtcpPacket.ReadUInt32(packet, offset + 4);
            NtpSeconds = RtcpPacket.ReadUInt32(packet, offset + 8);
            NtpFraction = RtcpPacket.ReadUInt32(packet, offset + 12);
            RtpTimestamp = RtcpPacket.ReadUInt32(packet, offset + 16);
            PacketCount = RtcpPacket.ReadUInt32(packet, offset + 20);
            OctetCount = RtcpPacket.ReadUInt32(packet, offset + 24);
            int kept = blocks < Blocks.Length ? blocks : Blocks.Length;
            for (int i = 0; i < kept; i++)
                ReportBlock.TryRead(packet, offset + FixedSize + i * ReportBlock.Size, ReportBlock.Size, out Blocks[i]);
            BlockCount = kept;
            return true;
        }
    }
}
