// The audio payload formats the phone can carry, as SDP names them (RFC 3551 §4.5, RFC 4733 §2.4).
namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// A payload format as offered in SDP: encoding name, preferred payload type, the clock rate
    /// written in a=rtpmap and the real audio sample rate. They differ for G.722: RFC 3551 §4.5.2
    /// fixes its RTP clock rate at 8000 for historical reasons although it samples at 16 kHz, so
    /// SDP says "G722/8000", RTP timestamps advance 8000 per second, and the codec runs at 16000.
    /// Instances never change.
    /// </summary>
    public sealed class SdpCodec
    {
        /// <summary>The encoding name of RFC 4733 DTMF events.</summary>
        public const string TelephoneEventName = "telephone-event";

        /// <summary>G.711 µ-law: static payload type 0, 8000 Hz.</summary>
        public static readonly SdpCodec Pcmu = new SdpCodec("PCMU", 0, 8000, 8000, null);

        /// <summary>G.711 A-law: static payload type 8, 8000 Hz.</summary>
        public static readonly SdpCodec Pcma = new SdpCodec("PCMA", 8, 8000, 8000, null);

        /// <summary>G.722: static payload type 9, "8000" in SDP and RTP, 16000 Hz audio.</summary>
        public static readonly SdpCodec G722 = new SdpCodec("G722", 9, 8000, 16000, null);

        /// <summary>RFC 4733 DTMF digits 0-9, *, #, A-D and flash (events 0-16) on dynamic payload type 101.</summary>
        public static readonly SdpCodec TelephoneEvent = new SdpCodec(TelephoneEventName, 101, 8000, 8000, "0-16");

        private readonly string _name;
        private readonly int _payloadType;
        private readonly int _clockRate;
        private readonly int _sampleRate;
        private readonly string _fmtp;

        /// <summary>
        /// A format named <paramref name="name"/> offered on <paramref name="payloadType"/> (static
        /// or a dynamic 96-127 choice), with the SDP/RTP <paramref name="clockRate"/>, the audio
        /// <paramref name="sampleRate"/> and an a=fmtp value (null for none).
        /// </summary>
        public SdpCodec(string name, int payloadType, int clockRate, int sampleRate, string fmtp)
        {
            _name = name;
            _payloadType = payloadType;
            _clockRate = clockRate;
            _sampleRate = sampleRate;
            _fmtp = fmtp;
        }

        /// <summary>The phone's usual list, best first: G.722 wideband, G.711 µ-law, G.711 A-law, DTMF events.</summary>
        public static SdpCodec[] PhoneDefaults()
        {
            return new SdpCodec[] { G722, Pcmu, Pcma, TelephoneEvent };
        }

        /// <summary>The encoding name ("PCMU", "G722", "telephone-event").</summary>
        public string Name { get { return _name; } }

        /// <summary>The payload type this phone puts in its offers; an answer keeps the offerer's number instead.</summary>
        public int PayloadType { get { return _payloadType; } }

        /// <summary>The rate written in a=rtpmap and used for RTP timestamps (8000 for G722).</summary>
        public int ClockRate { get { return _clockRate; } }

        /// <summary>The audio sample rate the codec runs at (16000 for G722).</summary>
        public int SampleRate { get { return _sampleRate; } }

        /// <summary>The a=fmtp parameters offered with this format, or null.</summary>
        public string Fmtp { get { return _fmtp; } }

        /// <summary>True for telephone-event (DTMF), which rides along with a voice codec and is never one itself.</summary>
        public bool IsTelephoneEvent { get { return SdpText.SameIgnoringCase(_name, TelephoneEventName); } }

        /// <summary>True when <paramref name="map"/> names this format (name ignoring case, clock rate, one channel).</summary>
        public bool Matches(SdpRtpMap map)
        {
            return map != null && map.Matches(_name, _clockRate, 1);
        }

        /// <summary>The a=rtpmap for this format on <paramref name="payloadType"/>.</summary>
        public SdpRtpMap RtpMapOn(int payloadType)
        {
            return new SdpRtpMap(payloadType, _name, _clockRate, 1);
        }

        /// <summary>The first codec in <paramref name="codecs"/> that <paramref name="map"/> names, or null.</summary>
        public static SdpCodec Find(SdpCodec[] codecs, SdpRtpMap map)
        {
            if (codecs == null || map == null) return null;
            for (int i = 0; i < codecs.Length; i++)
            {
                if (codecs[i] != null && codecs[i].Matches(map)) return codecs[i];
            }
            return null;
        }

        /// <summary>
        /// The codec for <paramref name="map"/>: a well-known one (so G722 gets its 16000 Hz), else a
        /// description whose sample rate is the clock rate.
        /// </summary>
        public static SdpCodec Describe(SdpRtpMap map)
        {
            SdpCodec known = Find(PhoneDefaults(), map);
            return known != null ? known : new SdpCodec(map.Encoding, map.PayloadType, map.ClockRate, map.ClockRate, null);
        }

        /// <summary>"G722/8000".</summary>
        public override string ToString() { return _name + "/" + _clockRate.ToString(); }
    }
}
