// One call's audio over RTP: the codec, the jitter buffer, loss concealment, RTCP and DTMF events, on three threads.
using System;
using DeskPhone.Firmware.Media.Codecs;
using DeskPhone.Firmware.Media.Dtmf;
using DeskPhone.Firmware.Media.Rtcp;
using DeskPhone.Firmware.Media.Rtp;
using DeskPhone.Firmware.Media.Sdp;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Media
{
    /// <summary>A telephone-event digit arrived (on the network thread: the phone posts it into its loop).</summary>
    public delegate void MediaDigitReceived(char digit);

    /// <summary>
    /// The RTP path of a connected call (RFC 3550, RFC 3551): PCMU, PCMA or G.722 through an
    /// <see cref="IVoiceCodec"/>; RTCP reports on the next port (<see cref="RtcpSession"/>);
    /// RFC 4733 telephone-events out (<see cref="DtmfSender"/>) and in (<see cref="DtmfReceiver"/>).
    /// <see cref="Start"/>, <see cref="Update"/>, <see cref="Stop"/> and the digit methods run on the
    /// loop; <see cref="Frame"/> on the media thread every 20 ms (microphone → packet, jitter buffer →
    /// speaker, concealment when a packet is missing); datagrams arrive on a HAL thread. One lock
    /// guards what the threads share, and datagrams are sent after it is released. Every buffer is
    /// allocated by the constructor or by <see cref="Start"/> (but the jitter buffer's slots, which grow
    /// once each when packets longer than 20 ms come), so nothing allocates per frame or packet.
    /// </summary>
    public sealed partial class MediaSession
    {
        /// <summary>Frame length in milliseconds (the codec HAL's and our packets' ptime).</summary>
        public const int FrameMs = 20;

        /// <summary>Samples in one 20 ms frame at 8 kHz (G.711), also the RTP timestamp step of every codec here.</summary>
        public const int FrameSamples = 160;

        /// <summary>The largest payload kept per received packet: 60 ms of G.711 or G.722.</summary>
        public const int MaxPayload = 480;

        private const int MaxFrameSamples = 320; // 20 ms at 16 kHz

        private readonly INetwork _network;
        private readonly IClock _clock;
        private readonly Random _random;
        private readonly DatagramReceived _onRtp;
        private readonly DatagramReceived _onRtcp;
        private readonly object _gate = new object();

        // Media thread only.
        private readonly byte[] _packet = new byte[RtpHeader.Size + MaxPayload];
        private readonly byte[] _report = new byte[RtcpSession.MaxPacketBytes];
        private readonly short[] _silence = new short[MaxFrameSamples];
        private readonly short[] _scratch = new short[MaxFrameSamples]; // a dropped frame decoded: the jitter buffer hands out 20 ms slices

        // Guarded by _gate: written on the loop, read on the media and HAL threads.
        private readonly AdaptiveJitterBuffer _jitter = new AdaptiveJitterBuffer(MaxPayload, FrameSamples, 8000);
        private readonly RtcpSession _rtcp;
        private readonly DtmfSender _dtmfOut = new DtmfSender(8000, FrameMs);
        private readonly DtmfReceiver _dtmfIn = new DtmfReceiver();
        private IUdpEndpoint _udp;
        private IUdpEndpoint _udpRtcp;
        private IVoiceCodec _codec;
        private LossConcealer _concealer;
        private LossConcealer _concealer8k;
        private LossConcealer _concealer16k;
        private string _remoteAddress;
        private int _remotePort;
        private int _remoteRtcpPort;
        private int _sendPayloadType;
        private int _receivePayloadType;
        private int _sendEventPayloadType;
        private int _receiveEventPayloadType;
        private bool _canSend;
        private bool _canReceive;
        private bool _muted;
        private uint _receiveSsrc;
        private bool _hasReceiveSsrc;
        private bool _playedAny;
        private RtpHeader _header;
        private bool _sentSinceResume;

        /// <summary>A stopped session on <paramref name="network"/>; <paramref name="clock"/> times arrivals and reports; <paramref name="random"/> picks SSRCs and initial numbers.</summary>
        public MediaSession(INetwork network, IClock clock, Random random)
        {
            if (network == null) throw new ArgumentNullException("network");
            if (clock == null) throw new ArgumentNullException("clock");
            _network = network;
            _clock = clock;
            _random = random == null ? new Random() : random;
            _rtcp = new RtcpSession(_random);
            _onRtp = OnRtp;
            _onRtcp = OnRtcp;
        }

        /// <summary>Called with each telephone-event digit received (on the network thread).</summary>
        public MediaDigitReceived DigitReceived { get; set; }

        /// <summary>The RTCP CNAME (RFC 3550 §6.5.1), e.g. "201@10.0.0.5"; set before <see cref="Start"/>.</summary>
        public string Cname { get; set; }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool IsRunning { get { lock (_gate) { return _udp != null; } } }

        /// <summary>Our RTP port while running, else 0.</summary>
        public int LocalPort { get { lock (_gate) { return _udp == null ? 0 : _udp.LocalPort; } } }

        /// <summary>Our RTCP port while running (RTP + 1), else 0 (also when it could not be bound).</summary>
        public int LocalRtcpPort { get { lock (_gate) { return _udpRtcp == null ? 0 : _udpRtcp.LocalPort; } } }

        /// <summary>True while packets go out (running, a codec we play, the media says send).</summary>
        public bool IsSending { get { lock (_gate) { return _udp != null && _codec != null && _canSend; } } }

        /// <summary>True while received packets are played.</summary>
        public bool IsReceiving { get { lock (_gate) { return _udp != null && _codec != null && _canReceive; } } }

        /// <summary>The codec in use ("PCMU", "PCMA", "G722"), or null.</summary>
        public string CodecName { get { lock (_gate) { return _codec == null ? null : _codec.Name; } } }

        /// <summary>The sample rate frames must have for the codec in use (8000 or 16000), 0 when none.</summary>
        public int SampleRate { get { lock (_gate) { return _codec == null ? 0 : _codec.SampleRate; } } }

        /// <summary>The SSRC of our packets (new on every <see cref="Start"/>).</summary>
        public uint Ssrc { get { lock (_gate) { return _header.Ssrc; } } }

        /// <summary>True while the microphone is muted: silence is sent instead.</summary>
        public bool Muted
        {
            get { lock (_gate) { return _muted; } }
            set { lock (_gate) { _muted = value; } }
        }

        /// <summary>True when telephone-events were agreed: digits go in RTP, else the phone sends SIP INFO.</summary>
        public bool CanSendDigits { get { lock (_gate) { return _udp != null && _canSend && _sendEventPayloadType >= 0; } } }

        /// <summary>Packets sent since <see cref="Start"/> (voice and events).</summary>
        public long PacketsSent { get; private set; }

        /// <summary>RTP packets of our codec accepted into the jitter buffer since <see cref="Start"/>.</summary>
        public long PacketsReceived { get; private set; }

        /// <summary>Datagrams ignored: not RTP, an unknown payload type, or while not receiving.</summary>
        public long PacketsIgnored { get; private set; }

        /// <summary>Frames played from a packet since <see cref="Start"/>.</summary>
        public long FramesPlayed { get; private set; }

        /// <summary>Frames filled by loss concealment since <see cref="Start"/>.</summary>
        public long FramesConcealed { get; private set; }

        /// <summary>The jitter buffer (for its counters).</summary>
        public AdaptiveJitterBuffer Jitter { get { return _jitter; } }

        /// <summary>The RTCP side (reports sent and received, round trip).</summary>
        public RtcpSession Rtcp { get { return _rtcp; } }

        /// <summary>True when <paramref name="media"/> has a codec this session plays.</summary>
        public static bool Supports(NegotiatedMedia media)
        {
            return media != null && VoiceCodecs.Plays(media.Codec);
        }

        /// <summary>Fills <paramref name="quality"/> with this call's figures for the call-quality screen.</summary>
        public void Snapshot(CallQuality quality)
        {
            lock (_gate) { _rtcp.Snapshot(quality); }
        }
    }
}
