// a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>] (RFC 4566 §6).
using System.Text;

namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>A parsed rtpmap attribute value: payload type, encoding name, RTP clock rate, channels.</summary>
    public sealed class SdpRtpMap
    {
        private readonly int _payloadType;
        private readonly string _encoding;
        private readonly int _clockRate;
        private readonly int _channels;

        /// <summary>A mapping of <paramref name="payloadType"/> to encoding/clock rate[/channels]; channels 1 is not written.</summary>
        public SdpRtpMap(int payloadType, string encoding, int clockRate, int channels)
        {
            _payloadType = payloadType;
            _encoding = encoding;
            _clockRate = clockRate;
            _channels = channels < 1 ? 1 : channels;
        }

        /// <summary>The RTP payload type, 0..127.</summary>
        public int PayloadType { get { return _payloadType; } }

        /// <summary>The encoding name as written ("PCMU", "telephone-event"); compare ignoring case.</summary>
        public string Encoding { get { return _encoding; } }

        /// <summary>The RTP clock rate written in SDP (8000 for G722: see <see cref="SdpCodec.SampleRate"/>).</summary>
        public int ClockRate { get { return _clockRate; } }

        /// <summary>Audio channels, 1 when not written.</summary>
        public int Channels { get { return _channels; } }

        /// <summary>Reads an rtpmap value such as "0 PCMU/8000" or "97 opus/48000/2"; false when it does not fit the grammar.</summary>
        public static bool TryParse(string value, out SdpRtpMap map)
        {
            map = null;
            string[] fields = SdpText.Fields(value);
            if (fields.Length != 2) return false;
            int pt = SdpText.ParseInt(fields[0]);
            if (pt < 0 || pt > 127) return false;
            string[] parts = fields[1].Split(new char[] { '/' });
            if (parts.Length < 2 || parts.Length > 3 || parts[0].Length == 0) return false;
            int clock = SdpText.ParseInt(parts[1]);
            if (clock <= 0) return false;
            int channels = 1;
            if (parts.Length == 3)
            {
                channels = SdpText.ParseInt(parts[2]);
                if (channels <= 0) return false;
            }
            map = new SdpRtpMap(pt, parts[0], clock, channels);
            return true;
        }

        /// <summary>True when this mapping names <paramref name="encoding"/> at <paramref name="clockRate"/> with <paramref name="channels"/>.</summary>
        public bool Matches(string encoding, int clockRate, int channels)
        {
            return SdpText.SameIgnoringCase(_encoding, encoding) && _clockRate == clockRate && _channels == (channels < 1 ? 1 : channels);
        }

        /// <summary>The attribute value: "9 G722/8000".</summary>
        public string Value
        {
            get
            {
                StringBuilder sb = new StringBuilder();
                sb.Append(_payloadType.ToString()).Append(' ').Append(_encoding).Append('/').Append(_clockRate.ToString());
                if (_channels != 1) sb.Append('/').Append(_channels.ToString());
                return sb.ToString();
            }
        }

        /// <summary>The whole attribute: a=rtpmap:9 G722/8000.</summary>
        public SdpAttribute ToAttribute() { return new SdpAttribute("rtpmap", Value); }

        /// <summary>The static payload types of RFC 3551 table 4 that a phone meets; null for the rest.</summary>
        public static SdpRtpMap Static(int payloadType)
        {
            switch (payloadType)
            {
                case 0: return new SdpRtpMap(0, "PCMU", 8000, 1);
                case 3: return new SdpRtpMap(3, "GSM", 8000, 1);
                case 4: return new SdpRtpMap(4, "G723", 8000, 1);
                case 8: return new SdpRtpMap(8, "PCMA", 8000, 1);
                case 9: return new SdpRtpMap(9, "G722", 8000, 1);
                case 13: return new SdpRtpMap(13, "CN", 8000, 1);
                case 18: return new SdpRtpMap(18, "G729", 8000, 1);
                default: return null;
            }
        }
    }
}
