// Goodbye, BYE (RFC 3550 §6.6): the source is leaving, with an optional reason.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// A BYE for one SSRC (ours), with an optional reason text (ASCII, at most 255 bytes) padded to
    /// a 32-bit boundary. The reason is copied into a buffer allocated once.
    /// </summary>
    public sealed class Bye
    {
        private readonly byte[] _reason = new byte[255];
        private int _reasonLength;

        /// <summary>The source that leaves.</summary>
        public uint Ssrc;

        /// <summary>Bytes of the reason (0: none).</summary>
        public int ReasonLength { get { return _reasonLength; } }

        /// <summary>Sets the reason ("hung up"); null or empty for none. Non-ASCII becomes '?'. Does not allocate.</summary>
        public void SetReason(string reason)
        {
            int n = reason == null ? 0 : reason.Length;
            if (n > _reason.Length) n = _reason.Length;
            for (int i = 0; i < n; i++)
            {
                char c = reason[i];
                _reason[i] = c < 0x80 ? (byte)c : (byte)'?';
            }
            _reasonLength = n;
        }

        /// <summary>Bytes <see cref="WriteTo"/> writes.</summary>
        public int Length
        {
            get { return 8 + (_reasonLength == 0 ? 0 : ((1 + _reasonLength + 3) & ~3)); }
        }

        /// <summary>Writes the packet at <paramref name="offset"/>; returns <see cref="Length"/>.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            int length = Length;
            RtcpPacket.WriteHeader(buffer, offset, 1, RtcpPacket.TypeBye, length);
            RtcpPacket.WriteUInt32(buffer, offset + 4, Ssrc);
            if (_reasonLength > 0)
            {
                int at = offset + 8;
                buffer[at++] = (byte)_reasonLength;
                for (int i = 0; i < _reasonLength; i++) buffer[at++] = _reason[i];
                while (at < offset + length) buffer[at++] = 0;
            }
            return length;
        }
    }
}
