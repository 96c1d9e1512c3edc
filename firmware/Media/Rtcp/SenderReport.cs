// The sender report, SR (RFC 3550 §6.4.1): sender info (NTP and RTP time, counts) and report blocks.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// An SR packet: an <see cref="RtcpReport"/> with the 20 bytes of sender info between the SSRC and
    /// the blocks. The block array is allocated once (<see cref="SenderReport(int)"/>).
    /// </summary>
    public sealed class SenderReport : RtcpReport
    {
        /// <summary>Bytes before the first report block: header, SSRC and the 20 bytes of sender info.</summary>
        public const int FixedSize = 28;

        /// <summary>A report with room for <paramref name="capacity"/> blocks (at most 31).</summary>
        public SenderReport(int capacity) : base(RtcpPacket.TypeSenderReport, FixedSize, capacity)
        {
        }

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

        /// <summary>The middle 32 bits of the NTP timestamp: what an RR returns as LSR.</summary>
        public uint NtpMiddle { get { return (NtpSeconds << 16) | (NtpFraction >> 16); } }

        /// <inheritdoc/>
        protected override void WriteBetween(byte[] buffer, int offset)
        {
            RtcpPacket.WriteUInt32(buffer, offset, NtpSeconds);
            RtcpPacket.WriteUInt32(buffer, offset + 4, NtpFraction);
            RtcpPacket.WriteUInt32(buffer, offset + 8, RtpTimestamp);
            RtcpPacket.WriteUInt32(buffer, offset + 12, PacketCount);
            RtcpPacket.WriteUInt32(buffer, offset + 16, OctetCount);
        }

        /// <inheritdoc/>
        protected override void ReadBetween(byte[] packet, int offset)
        {
            NtpSeconds = RtcpPacket.ReadUInt32(packet, offset);
            NtpFraction = RtcpPacket.ReadUInt32(packet, offset + 4);
            RtpTimestamp = RtcpPacket.ReadUInt32(packet, offset + 8);
            PacketCount = RtcpPacket.ReadUInt32(packet, offset + 12);
            OctetCount = RtcpPacket.ReadUInt32(packet, offset + 16);
        }
    }
}
