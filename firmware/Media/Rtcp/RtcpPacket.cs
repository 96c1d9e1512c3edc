// The common RTCP header (RFC 3550 §6.4.1): packet types and the 4-byte header every packet starts with.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// Packet type numbers and the header shared by every RTCP packet:
    /// V=2 (2 bits), P (1), count (5), packet type (8), length in 32-bit words minus one (16).
    /// </summary>
    public static class RtcpPacket
    {
        /// <summary>Bytes of the common header.</summary>
        public const int HeaderSize = 4;

        /// <summary>Sender report (RFC 3550 §6.4.1).</summary>
        public const int TypeSenderReport = 200;
        /// <summary>Receiver report (§6.4.2).</summary>
        public const int TypeReceiverReport = 201;
        /// <summary>Source description (§6.5).</summary>
        public const int TypeSourceDescription = 202;
        /// <summary>Goodbye (§6.6).</summary>
        public const int TypeBye = 203;
        /// <summary>Application-defined (§6.7); stepped over when read.</summary>
        public const int TypeApp = 204;

        /// <summary>The most report blocks (or SDES chunks, BYE sources) the 5-bit count can say.</summary>
        public const int MaxCount = 31;

        /// <summary>Writes a header for a packet of <paramref name="totalBytes"/> (a multiple of 4, header included).</summary>
        public static void WriteHeader(byte[] buffer, int offset, int count, int packetType, int totalBytes)
        {
            int words = totalBytes / 4 - 1;
            buffer[offset] = (byte)(0x80 | (count & 0x1F));
            buffer[offset + 1] = (byte)packetType;
            buffer[offset + 2] = (byte)(words >> 8);
            buffer[offset + 3] = (byte)words;
        }

        /// <summary>Big-endian 32 bits at <paramref name="offset"/>.</summary>
        public static uint ReadUInt32(byte[] buffer, int offset)
        {
            return ((uint)buffer[offset] << 24) | ((uint)buffer[offset + 1] << 16) | ((uint)buffer[offset + 2] << 8) | buffer[offset + 3];
        }

        /// <summary>Writes 32 bits big-endian at <paramref name="offset"/>.</summary>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }

        /// <summary>
        /// The length in bytes of the packet at <paramref name="offset"/>, from its header, or -1 when
        /// fewer than <see cref="HeaderSize"/> bytes are left or it is not version 2.
        /// </summary>
        internal static int PacketBytes(byte[] buffer, int offset, int left)
        {
            if (left < HeaderSize || (buffer[offset] >> 6) != 2) return -1;
            return (((buffer[offset + 2] << 8) | buffer[offset + 3]) + 1) * 4;
        }
    }
}
