// Source description, SDES (RFC 3550 §6.5) with the one item every compound carries: CNAME.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// An SDES packet of one chunk (our SSRC) holding the CNAME item (§6.5.1), the list ended by
    /// null octets up to the next 32-bit boundary. The name is kept as bytes in a buffer allocated
    /// once; <see cref="SetCname"/> copies it in.
    /// </summary>
    public sealed class Sdes
    {
        /// <summary>The CNAME item type.</summary>
        public const int ItemCname = 1;

        /// <summary>Longest item text (its length is one octet).</summary>
        public const int MaxItemLength = 255;

        private readonly byte[] _cname = new byte[MaxItemLength];
        private int _cnameLength;

        /// <summary>Our SSRC (the chunk's).</summary>
        public uint Ssrc;

        /// <summary>Bytes of the CNAME.</summary>
        public int CnameLength { get { return _cnameLength; } }

        /// <summary>
        /// Sets the CNAME ("user@host" or a random id, unique per endpoint). ASCII: other characters
        /// become '?'; longer than 255 characters is cut. Does not allocate.
        /// </summary>
        public void SetCname(string cname)
        {
            int n = cname == null ? 0 : cname.Length;
            if (n > MaxItemLength) n = MaxItemLength;
            for (int i = 0; i < n; i++)
            {
                char c = cname[i];
                _cname[i] = c < 0x80 ? (byte)c : (byte)'?';
            }
            _cnameLength = n;
        }

        /// <summary>Bytes <see cref="WriteTo"/> writes: header, SSRC, CNAME item, 1-4 null octets.</summary>
        public int Length { get { return RtcpPacket.HeaderSize + ChunkLength(_cnameLength); } }

        /// <summary>Writes the packet at <paramref name="offset"/>; returns <see cref="Length"/>.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            int length = Length;
            RtcpPacket.WriteHeader(buffer, offset, 1, RtcpPacket.TypeSourceDescription, length);
            RtcpPacket.WriteUInt32(buffer, offset + 4, Ssrc);
            buffer[offset + 8] = ItemCname;
            buffer[offset + 9] = (byte)_cnameLength;
            int at = offset + 10;
            for (int i = 0; i < _cnameLength; i++) buffer[at++] = _cname[i];
            while (at < offset + length) buffer[at++] = 0;
            return length;
        }

        /// <summary>A chunk of SSRC + one item of <paramref name="textLength"/> bytes + the end nulls, padded to 4.</summary>
        private static int ChunkLength(int textLength)
        {
            return ((4 + 2 + textLength) & ~3) + 4;
        }
    }
}
