// What SR and RR share (RFC 3550 §6.4): the reporter's SSRC, then report blocks after the packet type's fixed part.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// An SR or RR: header, SSRC, what the type puts in between (the SR's sender info), then up to 31
    /// report blocks. The block array is allocated once; writing and reading reuse it, so a session
    /// sends and reads reports without allocating.
    /// </summary>
    public abstract class RtcpReport
    {
        private readonly int _packetType;
        private readonly int _fixedSize;

        /// <summary>A report of <paramref name="packetType"/> whose blocks start at <paramref name="fixedSize"/>, with room for <paramref name="capacity"/> blocks (at most 31).</summary>
        protected RtcpReport(int packetType, int fixedSize, int capacity)
        {
            _packetType = packetType;
            _fixedSize = fixedSize;
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
        public int Length { get { return _fixedSize + BlockCount * ReportBlock.Size; } }

        /// <summary>Writes the packet at <paramref name="offset"/>; returns <see cref="Length"/>.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            int length = Length;
            RtcpPacket.WriteHeader(buffer, offset, BlockCount, _packetType, length);
            RtcpPacket.WriteUInt32(buffer, offset + 4, Ssrc);
            WriteBetween(buffer, offset + 8);
            int at = offset + _fixedSize;
            for (int i = 0; i < BlockCount; i++) at += Blocks[i].WriteTo(buffer, at);
            return length;
        }

        /// <summary>
        /// Reads the packet at <paramref name="offset"/> (<paramref name="count"/> bytes available) into this
        /// object; blocks beyond the capacity are skipped. False when it is not a whole, valid packet of this type.
        /// </summary>
        public bool TryRead(byte[] packet, int offset, int count)
        {
            BlockCount = 0;
            int bytes = RtcpPacket.PacketBytes(packet, offset, count);
            if (bytes < _fixedSize || bytes > count || packet[offset + 1] != _packetType) return false;
            int blocks = packet[offset] & 0x1F;
            if (_fixedSize + blocks * ReportBlock.Size > bytes) return false;
            Ssrc = RtcpPacket.ReadUInt32(packet, offset + 4);
            ReadBetween(packet, offset + 8);
            int kept = blocks < Blocks.Length ? blocks : Blocks.Length;
            for (int i = 0; i < kept; i++)
                ReportBlock.TryRead(packet, offset + _fixedSize + i * ReportBlock.Size, ReportBlock.Size, out Blocks[i]);
            BlockCount = kept;
            return true;
        }

        /// <summary>Writes what stands between the SSRC (ending at <paramref name="offset"/>) and the blocks; nothing in an RR.</summary>
        protected virtual void WriteBetween(byte[] buffer, int offset)
        {
        }

        /// <summary>Reads what stands between the SSRC and the blocks, from <paramref name="offset"/> (already checked to be there).</summary>
        protected virtual void ReadBetween(byte[] packet, int offset)
        {
        }
    }
}
