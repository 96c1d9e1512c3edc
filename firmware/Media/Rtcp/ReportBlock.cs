// One reception report block (RFC 3550 §6.4.1): what a receiver says about one source.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// 24 bytes inside an SR or RR: loss, highest sequence, jitter and the LSR/DLSR pair the sender
    /// of the source turns into a round-trip time. A struct kept in preallocated arrays.
    /// </summary>
    public struct ReportBlock
    {
        /// <summary>Bytes of one block.</summary>
        public const int Size = 24;

        /// <summary>Largest cumulative loss the signed 24-bit field holds.</summary>
        public const int MaxCumulativeLost = 0x7FFFFF;

        /// <summary>Smallest (duplicates make it negative).</summary>
        public const int MinCumulativeLost = -0x800000;

        /// <summary>The source reported on.</summary>
        public uint Ssrc;
        /// <summary>Packets lost since the previous report, as a fraction of those expected times 256 (0-255).</summary>
        public int FractionLost;
        /// <summary>Packets lost since reception started (expected - received); negative with duplicates; clamped to 24 bits when written.</summary>
        public int CumulativeLost;
        /// <summary>Extended highest sequence number received (cycles in the upper 16 bits).</summary>
        public uint HighestSequence;
        /// <summary>Interarrival jitter in timestamp units (RFC 3550 §6.4.1, A.8).</summary>
        public uint Jitter;
        /// <summary>Middle 32 bits of the NTP timestamp of the last SR received from the source, or 0.</summary>
        public uint LastSr;
        /// <summary>Delay since that SR was received, in 1/65536 s, or 0.</summary>
        public uint DelaySinceLastSr;

        /// <summary>Writes the 24 bytes at <paramref name="offset"/>; returns <see cref="Size"/>.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            int lost = CumulativeLost;
            if (lost > MaxCumulativeLost) lost = MaxCumulativeLost;
            if (lost < MinCumulativeLost) lost = MinCumulativeLost;
            int fraction = FractionLost < 0 ? 0 : (FractionLost > 255 ? 255 : FractionLost);
            RtcpPacket.WriteUInt32(buffer, offset, Ssrc);
            buffer[offset + 4] = (byte)fraction;
            buffer[offset + 5] = (byte)(lost >> 16);
            buffer[offset + 6] = (byte)(lost >> 8);
            buffer[offset + 7] = (byte)lost;
            RtcpPacket.WriteUInt32(buffer, offset + 8, HighestSequence);
            RtcpPacket.WriteUInt32(buffer, offset + 12, Jitter);
            RtcpPacket.WriteUInt32(buffer, offset + 16, LastSr);
            RtcpPacket.WriteUInt32(buffer, offset + 20, DelaySinceLastSr);
            return Size;
        }

        /// <summary>Reads a block; false when fewer than <see cref="Size"/> bytes are there.</summary>
        public static bool TryRead(byte[] buffer, int offset, int count, out ReportBlock block)
        {
            block = new ReportBlock();
            if (count < Size) return false;
            block.Ssrc = RtcpPacket.ReadUInt32(buffer, offset);
            block.FractionLost = buffer[offset + 4];
            int lost = (buffer[offset + 5] << 16) | (buffer[offset + 6] << 8) | buffer[offset + 7];
            if ((lost & 0x800000) != 0) lost -= 0x1000000;
            block.CumulativeLost = lost;
            block.HighestSequence = RtcpPacket.ReadUInt32(buffer, offset + 8);
            block.Jitter = RtcpPacket.ReadUInt32(buffer, offset + 12);
            block.LastSr = RtcpPacket.ReadUInt32(buffer, offset + 16);
            block.DelaySinceLastSr = RtcpPacket.ReadUInt32(buffer, offset + 20);
            return true;
        }
    }
}
