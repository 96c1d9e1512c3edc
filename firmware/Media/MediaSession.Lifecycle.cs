// Starting, following re-offers, and stopping a call's RTP session (loop thread).
using DeskPhone.Firmware.Media.Codecs;
using DeskPhone.Firmware.Media.Rtp;
using DeskPhone.Firmware.Media.Sdp;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Media
{
    public sealed partial class MediaSession
    {
        /// <summary>
        /// Opens <paramref name="localPort"/> (the port in our SDP) and the RTCP port after it, and
        /// starts the stream described by <paramref name="media"/>. False when the codec is not one we
        /// play or the RTP port cannot be bound (a busy RTCP port only costs the reports). A running
        /// session is stopped first.
        /// </summary>
        public bool Start(NegotiatedMedia media, int localPort)
        {
            Stop();
            if (!Supports(media) || localPort <= 0) return false;
            IUdpEndpoint udp = _network.OpenUdp(localPort, _onRtp);
            if (udp == null) return false;
            IUdpEndpoint rtcp = localPort < 65535 ? _network.OpenUdp(localPort + 1, _onRtcp) : null;
            long now = _clock.NowMs;
            lock (_gate)
            {
                _udp = udp;
                _udpRtcp = rtcp;
                _header = new RtpHeader();
                _header.Ssrc = (uint)_random.Next() ^ ((uint)_random.Next(0, 4) << 30);
                _header.Sequence = _random.Next(0, 0x10000);
                _header.Timestamp = (uint)_random.Next() ^ ((uint)_random.Next(0, 4) << 30);
                _sentSinceResume = false;
                _hasReceiveSsrc = false;
                _playedAny = false;
                _codec = null;
                _jitter.Reset();
                _dtmfOut.Clear();
                _dtmfIn.Reset();
                PacketsSent = 0;
                PacketsReceived = 0;
                PacketsIgnored = 0;
                FramesPlayed = 0;
                FramesConcealed = 0;
                _rtcp.Start(_header.Ssrc, Cname ?? "deskphone@" + _network.LocalAddress, 8000, now, WallMs());
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

        /// <summary>Sends an RTCP BYE, stops sending and playing and closes both ports; no packet follows.</summary>
        public void Stop()
        {
            IUdpEndpoint udp, rtcp;
            int bye = 0;
            string address;
            int port;
            lock (_gate)
            {
                udp = _udp;
                rtcp = _udpRtcp;
                address = _remoteAddress;
                port = _remoteRtcpPort;
                if (udp != null && rtcp != null && port > 0 && _rtcp.IsRunning) bye = _rtcp.WriteBye(_report, 0, _clock.NowMs, "call ended");
                _udp = null;
                _udpRtcp = null;
                _canSend = false;
                _canReceive = false;
                _codec = null;
                _rtcp.Stop();
                _jitter.Reset();
                _dtmfOut.Clear();
            }
            if (bye > 0) rtcp.SendTo(_report, 0, bye, address, port);
            if (udp != null) udp.Close();
            if (rtcp != null) rtcp.Close();
        }

        private void ApplyLocked(NegotiatedMedia media)
        {
            bool couldReceive = _canReceive;
            IVoiceCodec previous = _codec;
            if (_codec == null || !SdpText.SameIgnoringCase(_codec.Name, media.CodecName)) _codec = VoiceCodecs.Create(media.CodecName);
            if (_codec != null && (_codec.SampleRate != media.SampleRate || _codec.RtpClockRate != media.ClockRate)) _codec = null;
            _remoteAddress = media.RemoteAddress;
            _remotePort = media.RemotePort;
            _remoteRtcpPort = media.RemoteRtcpPort > 0 ? media.RemoteRtcpPort : (media.RemotePort > 0 ? media.RemotePort + 1 : 0);
            _sendPayloadType = media.SendPayloadType;
            _receivePayloadType = media.ReceivePayloadType;
            _sendEventPayloadType = media.HasTelephoneEvents ? media.SendEventPayloadType : -1;
            _receiveEventPayloadType = media.ReceiveEventPayloadType;
            _canSend = _codec != null && media.CanSend && media.RemotePort > 0;
            _canReceive = _codec != null && media.CanReceive;
            if (!_canSend)
            {
                _sentSinceResume = false;
                _dtmfOut.Clear();
            }
            if (_codec != previous)
            {
                if (_codec != null)
                {
                    _codec.Reset();
                    _concealer = ConcealerFor(_codec.SampleRate);
                    _concealer.Reset();
                }
                _jitter.Reset();
                _playedAny = false;
            }
            else if (!_canReceive || !couldReceive)
            {
                _jitter.Reset();
            }
        }

        /// <summary>The concealer for <paramref name="rate"/>, made the first time a call needs that rate (8 kHz phones never hold the 16 kHz one).</summary>
        private LossConcealer ConcealerFor(int rate)
        {
            if (rate == 16000)
            {
                if (_concealer16k == null) _concealer16k = new LossConcealer(16000);
                return _concealer16k;
            }
            if (_concealer8k == null) _concealer8k = new LossConcealer(8000);
            return _concealer8k;
        }

        private long WallMs()
        {
            long ticks = _clock.WallClock.Ticks - UnixEpochTicks;
            return ticks > 0 ? ticks / 10000 : 0;
        }

        private const long UnixEpochTicks = 621355968000000000L;
    }
}
