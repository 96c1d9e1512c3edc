// One call's G.711 audio over RTP: microphone frames out as packets, packets in through a jitter buffer to the speaker.
using System;
using DeskPhone.Firmware.Media.Codecs;
using DeskPhone.Firmware.Media.Rtp;
using DeskPhone.Firmware.Media.Sdp;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Media
{
    /// <summary>
    /// The RTP path of a connected call with PCMU or PCMA at 8 kHz (RFC 3550, RFC 3551 §4.5.14).
    /// <see cref="Start"/>, <see cref="Update"/> and <see cref="Stop"/> run on the loop;
    /// <see cref="Frame"/> on the media thread every 20 ms (it encodes the microphone into one
    /// packet and decodes the next buffered packet into the speaker); received datagrams on the
    /// HAL thread go into a <see cref="JitterBuffer"/>. One lock guards what the threads share; every
    /// buffer is allocated in the constructor, so nothing allocates per frame or per packet.
    /// </summary>
    public sealed class MediaSession
    {
        /// <summary>Samples (and G.711 bytes) in one 20 ms frame at 8 kHz.</summary>
        public const int FrameSamples = 160;

        /// <summary>The largest payload kept per received packet (60 ms of G.711).</summary>
        public const int MaxPayload = 480;

        private const int CodecNone = 0;
        private const int CodecPcmu = 1;
        private const int CodecPcma = 2;

        private readonly INetwork _network;
        private readonly Random _random;
        private readonly DatagramReceived _onDatagram;
        private readonly object _gate = new object();
        private readonly byte[] _packet = new byte[RtpHeader.Size + FrameSamples];
        private readonly JitterBuffer _jitter = new JitterBuffer(MaxPayload);

        // Guarded by _gate: written on the loop, read on the media and HAL threads.
        private IUdpEndpoint _udp;
        private int _codec;
        private string _remoteAddress;
        private int _remotePort;
        private int _sendPayloadType;
        private int _receivePayloadType;
        private bool _canSend;
        private bool _canReceive;
        private uint _receiveSsrc;
        private bool _hasReceiveSsrc;

        // Media thread only (reset by Start under _gate).
        private RtpHeader _header;
        private bool _sentSinceResume;

        /// <summary>A stopped session on <paramref name="network"/>; <paramref name="random"/> picks SSRCs and initial numbers.</summary>
        public MediaSession(INetwork network, Random random)
        {
            if (network == null) throw new ArgumentNullException("network");
            _network = network;
            _random = random == null ? new Random() : random;
            _onDatagram = OnDatagram;
        }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool IsRunning { get { lock (_gate) { return _udp != null; } } }

        /// <summary>Our RTP port while running, else 0.</summary>
        public int LocalPort { get { lock (_gate) { return _udp == null ? 0 : _udp.LocalPort; } } }

        /// <summary>True while packets go out (running, a G.711 codec, the media says send).</summary>
        public bool IsSending { get { lock (_gate) { return _udp != null && _codec != CodecNone && _canSend; } } }

        /// <summary>True while received packets are played.</summary>
        public bool IsReceiving { get { lock (_gate) { return _udp != null && _codec != CodecNone && _canReceive; } } }

        /// <summary>The SSRC of our packets (new on every <see cref="Start"/>).</summary>
        public uint Ssrc { get { lock (_gate) { return _header.Ssrc; } } }

        /// <summary>Packets sent since <see cref="Start"/>.</summary>
        public long PacketsSent { get; private set; }

        /// <summary>RTP packets of our codec accepted into the jitter buffer since <see cref="Start"/>.</summary>
        public long PacketsReceived { get; private set; }

        /// <summary>Datagrams ignored: not RTP, another payload type (telephone-event for now), or while not receiving.</summary>
        public long PacketsIgnored { get; private set; }

        /// <summary>Frames played from a packet since <see cref="Start"/>.</summary>
        public long FramesPlayed { get; private set; }

        /// <summary>The jitter buffer (for its counters).</summary>
        public JitterBuffer Jitter { get { return _jitter; } }

        /// <summary>True when <paramref name="media"/> has a codec this session plays (PCMU or PCMA).</summary>
        public static bool Supports(NegotiatedMedia media)
        {
            return media != null && CodecOf(media) != CodecNone;
        }

        /// <summary>
        /// Opens <paramref name="localPort"/> (the port in our SDP) and starts the stream described by
        /// <paramref name="media"/>. False when the codec is not G.711 or the port cannot be bound.
        /// A running session is stopped first.
        /// </summary>
        public bool Start(NegotiatedMedia media, int localPort)
        {
            Stop();
            if (!Supports(media) || localPort <= 0) return false;
            IUdpEndpoint udp = _network.OpenUdp(localPort, _onDatagram);
            if (udp == null) return false;
            lock (_gate)
            {
                _udp = udp;
                _header = new RtpHeader();
                _header.Ssrc = (uint)_random.Next() ^ ((uint)_random.Next(0, 4) << 30);
                _header.Sequence = _random.Next(0, 0x10000);
                _header.Timestamp = (uint)_random.Next() ^ ((uint)_random.Next(0, 4) << 30);
                _sentSinceResume = false;
                _hasReceiveSsrc = false;
                _jitter.Reset();
                PacketsSent = 0;
                PacketsReceived = 0;
                PacketsIgnored = 0;
                FramesPlayed = 0;
                ApplyLocked(media);
            }
            return true;
        }

        /// <summary>
        /// Follows a re-INVITE or UPDATE: new remote address or port, codec, payload types, hold or
        /// resume. Sequence numbers and timestamps carry on; the first packet after a pause has the marker.
        /// </summary>
        public void Update(NegotiatedMedia media)
        {
            if (media == null) return;
            lock (_gate)
            {
                if (_udp == null) return;
                ApplyLocked(media);
            }
        }

        /// <summary>Stops sending and playing and closes the port; no packet is sent after it returns.</summary>
        public void Stop()
        {
            IUdpEndpoint udp;
            lock (_gate)
            {
                udp = _udp;
                _udp = null;
                _canSend = false;
                _canReceive = false;
                _jitter.Reset();
            }
            if (udp != null) udp.Close();
        }

        /// <summary>
        /// One 20 ms frame on the media thread: sends <paramref name="microphone"/> as a packet and
        /// fills <paramref name="speaker"/> from the jitter buffer (silence when it has nothing).
        /// Both hold <see cref="FrameSamples"/> samples (8 kHz). Does not allocate.
        /// </summary>
        public void Frame(short[] microphone, short[] speaker)
        {
            lock (_gate)
            {
                if (_udp == null || _codec == CodecNone)
                {
                    Silence(speaker, 0);
                    return;
                }
                if (_canSend) SendLocked(microphone);
                else _sentSinceResume = false;
                _header.Timestamp += FrameSamples; // the clock runs on through a hold
                PlayLocked(speaker);
            }
        }

        private void SendLocked(short[] microphone)
        {
            int samples = microphone.Length < FrameSamples ? microphone.Length : FrameSamples;
            _header.PayloadType = _sendPayloadType;
            _header.Marker = !_sentSinceResume;
            _header.WriteTo(_packet, 0);
            if (_codec == CodecPcma) G711.EncodeA(microphone, 0, _packet, RtpHeader.Size, samples);
            else G711.EncodeMu(microphone, 0, _packet, RtpHeader.Size, samples);
            byte silent = _codec == CodecPcma ? (byte)0xD5 : (byte)0xFF;
            for (int i = RtpHeader.Size + samples; i < _packet.Length; i++) _packet[i] = silent;
            if (_udp.SendTo(_packet, 0, _packet.Length, _remoteAddress, _remotePort)) PacketsSent++;
            _sentSinceResume = true;
            _header.Sequence = (_header.Sequence + 1) & 0xFFFF;
        }

        private void PlayLocked(short[] speaker)
        {
            byte[] data;
            int count;
            if (!_canReceive || !_jitter.TryTake(out data, out count))
            {
                Silence(speaker, 0);
                return;
            }
            if (count > speaker.Length) count = speaker.Length; // a longer ptime: the rest is cut for now
            if (_codec == CodecPcma) G711.DecodeA(data, 0, speaker, 0, count);
            else G711.DecodeMu(data, 0, speaker, 0, count);
            Silence(speaker, count);
            FramesPlayed++;
        }

        private void OnDatagram(byte[] data, int offset, int count, string remoteAddress, int remotePort)
        {
            RtpHeader header;
            int payloadOffset;
            int payloadLength;
            bool rtp = RtpHeader.TryRead(data, offset, count, out header, out payloadOffset, out payloadLength);
            lock (_gate)
            {
                if (_udp == null) return;
                if (!rtp || !_canReceive || _codec == CodecNone || header.PayloadType != _receivePayloadType)
                {
                    PacketsIgnored++;
                    return;
                }
                if (!_hasReceiveSsrc || header.Ssrc != _receiveSsrc)
                {
                    if (_hasReceiveSsrc) _jitter.Reset(); // a new source (transfer, restarted peer)
                    _receiveSsrc = header.Ssrc;
                    _hasReceiveSsrc = true;
                }
                if (_jitter.Put(header.Sequence, data, payloadOffset, payloadLength)) PacketsReceived++;
            }
        }

        private void ApplyLocked(NegotiatedMedia media)
        {
            int codec = CodecOf(media);
            bool couldReceive = _canReceive;
            _codec = codec;
            _remoteAddress = media.RemoteAddress;
            _remotePort = media.RemotePort;
            _sendPayloadType = media.SendPayloadType;
            _receivePayloadType = media.ReceivePayloadType;
            _canSend = codec != CodecNone && media.CanSend && media.RemotePort > 0;
            _canReceive = codec != CodecNone && media.CanReceive;
            if (!_canSend) _sentSinceResume = false;
            if (!_canReceive || !couldReceive) _jitter.Reset();
        }

        private static int CodecOf(NegotiatedMedia media)
        {
            SdpCodec c = media.Codec;
            if (c == null || c.SampleRate != 8000) return CodecNone;
            if (SdpText.SameIgnoringCase(c.Name, SdpCodec.Pcmu.Name)) return CodecPcmu;
            if (SdpText.SameIgnoringCase(c.Name, SdpCodec.Pcma.Name)) return CodecPcma;
            return CodecNone;
        }

        private static void Silence(short[] frame, int from)
        {
            for (int i = from; i < frame.Length; i++) frame[i] = 0;
        }
    }
}
