// One media description (RFC 4566 §5.14): m=<media> <port>[/<count>] <proto> <fmt> ... and its lines.
using System.Text;

namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// An m= section: media type, port (0 = rejected or disabled, RFC 3264 §6), transport protocol
    /// and formats (RTP payload type numbers for RTP/AVP), plus its own c=, b= and a= lines.
    /// </summary>
    public sealed class SdpMedia : SdpSection
    {
        private string _media;
        private int _port;
        private int _portCount;
        private string _proto;
        private string[] _formats;

        /// <summary>An m= line "<paramref name="media"/> <paramref name="port"/> <paramref name="proto"/> formats...".</summary>
        public SdpMedia(string media, int port, string proto, string[] formats)
        {
            _media = media;
            _port = port;
            _proto = proto;
            _formats = formats == null ? SdpText.NoStrings : formats;
        }

        /// <summary>The RTP/AVP profile name (RFC 3551).</summary>
        public const string RtpAvp = "RTP/AVP";

        /// <summary>"audio", "video", "application"... as written.</summary>
        public string MediaType { get { return _media; } }

        /// <summary>The transport port; 0 for a rejected or disabled stream.</summary>
        public int Port
        {
            get { return _port; }
            set { _port = value; }
        }

        /// <summary>The "/count" after the port (RFC 4566 §5.14), or 0 when not written.</summary>
        public int PortCount
        {
            get { return _portCount; }
            set { _portCount = value; }
        }

        /// <summary>The transport protocol as written ("RTP/AVP", "RTP/SAVP", "UDP/TLS/RTP/SAVPF"...).</summary>
        public string Proto { get { return _proto; } }

        /// <summary>The formats in the order written (the offerer's preference).</summary>
        public string[] Formats { get { return _formats; } }

        /// <summary>True for port 0: a stream the answerer rejected or the offerer disabled.</summary>
        public bool IsRejected { get { return _port == 0; } }

        /// <summary>True for m=audio over RTP/AVP, the only kind of stream this phone carries.</summary>
        public bool IsAudioRtpAvp
        {
            get { return SdpText.SameIgnoringCase(_media, "audio") && SdpText.SameIgnoringCase(_proto, RtpAvp); }
        }

        /// <summary>
        /// What format <paramref name="index"/> is: its a=rtpmap, else the RFC 3551 static mapping
        /// (0 PCMU, 8 PCMA, 9 G722...), else null (an unmapped dynamic type or a non-RTP format).
        /// </summary>
        public SdpRtpMap FormatMap(int index)
        {
            int pt = SdpText.ParseInt(_formats[index]);
            if (pt < 0 || pt > 127) return null;
            SdpRtpMap map = Attributes.RtpMap(pt);
            return map != null ? map : SdpRtpMap.Static(pt);
        }

        /// <summary>A deep enough copy to change port, direction and attributes without touching this one.</summary>
        public SdpMedia Copy()
        {
            SdpMedia copy = new SdpMedia(_media, _port, _proto, _formats);
            copy._portCount = _portCount;
            CopyInto(copy);
            return copy;
        }

        /// <summary>The text after "m=".</summary>
        public string Value
        {
            get
            {
                StringBuilder sb = new StringBuilder();
                sb.Append(_media).Append(' ').Append(_port.ToString());
                if (_portCount > 0) sb.Append('/').Append(_portCount.ToString());
                sb.Append(' ').Append(_proto);
                for (int i = 0; i < _formats.Length; i++) sb.Append(' ').Append(_formats[i]);
                return sb.ToString();
            }
        }

        /// <summary>Writes the m= line and its section.</summary>
        internal void Encode(StringBuilder sb)
        {
            sb.Append("m=").Append(Value).Append("\r\n");
            EncodeBody(sb, null);
        }

        /// <summary>The m= line without its CRLF.</summary>
        public override string ToString() { return "m=" + Value; }
    }
}
