// The fixed RTP header (RFC 3550 §5.1): encode into and decode from a caller's buffer.
namespace DeskPhone.Firmware.Media.Rtp
{
    /// <summary>
    /// An RTP header without CSRCs or extension on the way out; on the way in, CSRCs, the header
    /// extension and padding are stepped over. A struct written into caller-owned buffers: no
    /// allocation on the media path.
    /// </summary>
    public struct RtpHeader
    {
        /// <summary>Bytes of the fixed header.</summary>
        public const int Size = 12;

        /// <summary>RTP version 2.</summary>
        public const int Version = 2;

        /// <summary>Payload type (0 PCMU, 8 PCMA, 9 G722, dynamic 96-127).</summary>
        public int PayloadType;
        /// <summary>Marker bit (first packet of a talkspurt, end of a DTMF event...).</summary>
        public bool Marker;
        /// <summary>Sequence number, 16 bits.</summary>
        public int Sequence;
        /// <summary>Timestamp in the payload's clock rate.</summary>
        public uint Timestamp;
        /// <summary>Synchronisation source.</summary>
        public uint Ssrc;

        /// <summary>Writes the 12-byte header at <paramref name="offset"/>; returns the bytes written.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)(Version << 6);
            buffer[offset + 1] = (byte)((Marker ? 0x80 : 0) | (PayloadType & 0x7F));
            buffer[offset + 2] = (byte)(Sequence >> 8);
            buffer[offset + 3] = (byte)Sequence;
            buffer[offset + 4] = (byte)(Timestamp >> 24);
            buffer[offset + 5] = (byte)(Timestamp >> 16);
            buffer[offset + 6] = (byte)(Timestamp >> 8);
            buffer[offset + 7] = (byte)Timestamp;
            buffer[offset + 8] = (byte)(Ssrc >> 24);
            buffer[offset + 9] = (byte)(Ssrc >> 16);
            buffer[offset + 10] = (byte)(Ssrc >> 8);
            buffer[offset + 11] = (byte)Ssrc;
            return Size;
        }

        /// <summary>
        /// Reads a packet's header. False for anything that is not RTP version 2 or whose lengths do
        /// not add up; <paramref name="payloadOffset"/> and <paramref name="payloadLength"/> then say
        /// where the payload is (padding removed).
        /// </summary>
        public static bool TryRead(byte[] packet, int offset, int count, out RtpHeader header, out int payloadOffset, out int payloadLength)
        {
            header = new RtpHeader();
            payloadOffset = 0;
            payloadLength = 0;
            if (count < Size) return false;
            int b0 = packet[offset];
            if ((b0 >> 6) != Version) return false;
            bool padding = (b0 & 0x20) != 0;
            bool extension = (b0 & 0x10) != 0;
            int csrcCount = b0 & 0x0F;
            int b1 = packet[offset + 1];
            header.Marker = (b1 & 0x80) != 0;
            header.PayloadType = b1 & 0x7F;
            if (header.PayloadType >= 72 && header.PayloadType <= 76) return false; // RTCP SR/RR/SDES/BYE/APP
            header.Sequence = (packet[offset + 2] << 8) | packet[offset + 3];
            header.Timestamp = ((uint)packet[offset + 4] << 24) | ((uint)packet[offset + 5] << 16) | ((uint)packet[offset + 6] << 8) | packet[offset + 7];
            header.Ssrc = ((uint)packet[offset + 8] << 24) | ((uint)packet[offset + 9] << 16) | ((uint)packet[offset + 10] << 8) | packet[offset + 11];
            int at = Size + csrcCount * 4;
            if (at > count) return false;
            if (extension)
            {
                if (at + 4 > count) return false;
                int words = (packet[offset + at + 2] << 8) | packet[offset + at + 3];
                at += 4 + words * 4;
                if (at > count) return false;
            }
            int end = count;
            if (padding)
            {
                int pad = packet[offset + count - 1];
                if (pad == 0 || at + pad > count) return false;
                end -= pad;
            }
            payloadOffset = offset + at;
            payloadLength = end - at;
            return true;
        }
    }
}
