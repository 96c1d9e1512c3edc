// What one received compound RTCP packet said that matters to us, filled by RtcpCompound.TryRead.
namespace DeskPhone.Firmware.Media.Rtcp
{
    /// <summary>
    /// The result of <see cref="RtcpCompound.TryRead"/>: the sender's SSRC and sender info (when it
    /// opened with an SR), the report block about our SSRC, its CNAME and whether it said BYE.
    /// Allocated once by its owner and refilled for every packet.
    /// </summary>
    public sealed class RtcpReceived
    {
        private readonly byte[] _cname = new byte[Sdes.MaxItemLength];

        /// <summary>SSRC of the SR or RR the compound starts with.</summary>
        public uint SenderSsrc;
        /// <summary>True when the compound starts with an SR (the fields below are set).</summary>
        public bool HasSenderInfo;
        /// <summary>The SR's NTP seconds.</summary>
        public uint NtpSeconds;
        /// <summary>The SR's NTP fraction.</summary>
        public uint NtpFraction;
        /// <summary>The SR's RTP timestamp.</summary>
        public uint RtpTimestamp;
        /// <summary>The SR's packet count.</summary>
        public uint PacketCount;
        /// <summary>The SR's octet count.</summary>
        public uint OctetCount;
        /// <summary>Report blocks in the SR/RR packets of the compound, about any source.</summary>
        public int BlockCount;
        /// <summary>True when one of them is about the SSRC asked for.</summary>
        public bool HasBlockForUs;
        /// <summary>That block.</summary>
        public ReportBlock BlockForUs;
        /// <summary>True when an SDES chunk of the sender carried a CNAME.</summary>
        public bool HasCname;
        /// <summary>True when a BYE names the sender's SSRC.</summary>
        public bool Bye;
        /// <summary>RTCP packets in the compound (APP, feedback and unknown types included).</summary>
        public int Packets;

        /// <summary>The middle 32 bits of the SR's NTP timestamp: the LSR we send back.</summary>
        public uint NtpMiddle { get { return (NtpSeconds << 16) | (NtpFraction >> 16); } }

        /// <summary>Bytes of the CNAME.</summary>
        public int CnameLength { get; private set; }

        /// <summary>Byte <paramref name="index"/> of the CNAME.</summary>
        public byte CnameByte(int index) { return _cname[index]; }

        /// <summary>The CNAME as text (allocates: for logs and screens, not the media path).</summary>
        public string CnameText()
        {
            char[] chars = new char[CnameLength];
            for (int i = 0; i < chars.Length; i++) chars[i] = (char)_cname[i];
            return new string(chars);
        }

        /// <summary>Forgets everything (done at the start of every read).</summary>
        public void Clear()
        {
            SenderSsrc = 0;
            HasSenderInfo = false;
            NtpSeconds = 0;
            NtpFraction = 0;
            RtpTimestamp = 0;
            PacketCount = 0;
            OctetCount = 0;
            BlockCount = 0;
            HasBlockForUs = false;
            BlockForUs = new ReportBlock();
            HasCname = false;
            CnameLength = 0;
            Bye = false;
            Packets = 0;
        }

        internal void SetCname(byte[] packet, int offset, int length)
        {
            for (int i = 0; i < length; i++) _cname[i] = packet[offset + i];
            CnameLength = length;
            HasCname = true;
        }
    }
}
