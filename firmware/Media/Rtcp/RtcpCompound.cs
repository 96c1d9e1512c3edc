// Compound RTCP packets (RFC 3550 §6.1, A.2): SR or RR first, then SDES CNAME, optionally BYE; and their validation.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// Writes a compound packet into a caller's buffer and walks a received one. Never allocates;
    /// never throws on received bytes.
    /// </summary>
    public static class RtcpCompound
    {
        /// <summary>Bytes <see cref="Write"/> needs.</summary>
        public static int LengthOf(RtcpReport report, Sdes sdes, Bye bye)
        {
            return report.Length + sdes.Length + (bye == null ? 0 : bye.Length);
        }

        /// <summary>
        /// Writes the SR or RR, SDES and (when not null) BYE at <paramref name="offset"/>; returns the
        /// bytes written, or 0 when the buffer is too small (nothing written).
        /// </summary>
        public static int Write(byte[] buffer, int offset, RtcpReport report, Sdes sdes, Bye bye)
        {
            if (offset < 0 || buffer.Length - offset < LengthOf(report, sdes, bye)) return 0;
            int at = offset + report.WriteTo(buffer, offset);
            at += sdes.WriteTo(buffer, at);
            if (bye != null) at += bye.WriteTo(buffer, at);
            return at - offset;
        }

        /// <summary>
        /// Validates and reads a compound packet (RFC 3550 A.2): the first packet is an SR or RR
        /// without padding, every packet is version 2, only the last may be padded, and the lengths
        /// add up to exactly <paramref name="count"/>. SDES and BYE are checked item by item; APP,
        /// feedback (RFC 4585) and unknown types are stepped over. Fills <paramref name="into"/> with
        /// the sender info, the report block about <paramref name="ourSsrc"/>, the sender's CNAME and
        /// BYE. False for anything malformed (<paramref name="into"/> is then not to be used).
        /// </summary>
        public static bool TryRead(byte[] packet, int offset, int count, uint ourSsrc, RtcpReceived into)
        {
            into.Clear();
            if (packet == null || offset < 0 || count < 8 || count > packet.Length - offset || (count & 3) != 0) return false;
            int type = packet[offset + 1];
            if ((packet[offset] & 0xE0) != 0x80 || (type != RtcpPacket.TypeSenderReport && type != RtcpPacket.TypeReceiverReport)) return false;
            into.SenderSsrc = RtcpPacket.ReadUInt32(packet, offset + 4);
            int at = offset;
            int end = offset + count;
            while (at < end)
            {
                int bytes = RtcpPacket.PacketBytes(packet, at, end - at);
                if (bytes < 0 || bytes > end - at) return false;
                int length = bytes;
                if ((packet[at] & 0x20) != 0)
                {
                    if (at + bytes != end) return false; // padding only on the last packet
                    int pad = packet[at + bytes - 1];
                    if (pad == 0 || pad > bytes - RtcpPacket.HeaderSize) return false;
                    length = bytes - pad;
                }
                if (!ReadOne(packet, at, length, into.Packets == 0, ourSsrc, into)) return false;
                into.Packets++;
                at += bytes;
            }
            return true;
        }

        private static bool ReadOne(byte[] p, int at, int length, bool first, uint ourSsrc, RtcpReceived into)
        {
            int count = p[at] & 0x1F;
            switch (p[at + 1])
            {
                case RtcpPacket.TypeSenderReport:
                    if (length < SenderReport.FixedSize + count * ReportBlock.Size) return false;
                    if (first)
                    {
                        into.HasSenderInfo = true;
                        into.NtpSeconds = RtcpPacket.ReadUInt32(p, at + 8);
                        into.NtpFraction = RtcpPacket.ReadUInt32(p, at + 12);
                        into.RtpTimestamp = RtcpPacket.ReadUInt32(p, at + 16);
                        into.PacketCount = RtcpPacket.ReadUInt32(p, at + 20);
                        into.OctetCount = RtcpPacket.ReadUInt32(p, at + 24);
                    }
                    ReadBlocks(p, at + SenderReport.FixedSize, count, ourSsrc, into);
                    return true;
                case RtcpPacket.TypeReceiverReport:
                    if (length < ReceiverReport.FixedSize + count * ReportBlock.Size) return false;
                    ReadBlocks(p, at + ReceiverReport.FixedSize, count, ourSsrc, into);
                    return true;
                case RtcpPacket.TypeSourceDescription:
                    return ReadSdes(p, at, length, count, into);
                case RtcpPacket.TypeBye:
                    return ReadBye(p, at, length, count, into);
                default:
                    return true;
            }
        }

        private static void ReadBlocks(byte[] p, int at, int count, uint ourSsrc, RtcpReceived into)
        {
            for (int i = 0; i < count; i++, at += ReportBlock.Size)
            {
                into.BlockCount++;
                if (into.HasBlockForUs || RtcpPacket.ReadUInt32(p, at) != ourSsrc) continue;
                ReportBlock.TryRead(p, at, ReportBlock.Size, out into.BlockForUs);
                into.HasBlockForUs = true;
            }
        }

        /// <summary>Chunks of SSRC + items (type, length, text) ended by a null type and padded to 4 bytes (§6.5).</summary>
        private static bool ReadSdes(byte[] p, int start, int length, int chunks, RtcpReceived into)
        {
            int end = start + length;
            int at = start + RtcpPacket.HeaderSize;
            for (int c = 0; c < chunks; c++)
            {
                if (at + 4 > end) return false;
                uint ssrc = RtcpPacket.ReadUInt32(p, at);
                at += 4;
                while (true)
                {
                    if (at >= end) return false;
                    int item = p[at];
                    if (item == 0) break;
                    if (at + 2 > end) return false;
                    int n = p[at + 1];
                    if (at + 2 + n > end) return false;
                    if (item == Sdes.ItemCname && ssrc == into.SenderSsrc && !into.HasCname) into.SetCname(p, at + 2, n);
                    at += 2 + n;
                }
                at = start + ((at - start + 4) & ~3); // the null octet(s) up to the next word
                if (at > end) return false;
            }
            return true;
        }

        /// <summary>SSRCs, then an optional reason (length octet + text) (§6.6).</summary>
        private static bool ReadBye(byte[] p, int start, int length, int sources, RtcpReceived into)
        {
            int at = start + RtcpPacket.HeaderSize;
            if (at + sources * 4 > start + length) return false;
            for (int i = 0; i < sources; i++, at += 4)
                if (RtcpPacket.ReadUInt32(p, at) == into.SenderSsrc) into.Bye = true;
            if (at < start + length && at + 1 + p[at] > start + length) return false;
            return true;
        }
    }
}
