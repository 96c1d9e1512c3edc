// The media thread's 20 ms: microphone to an RTP packet (or a DTMF event), jitter buffer to the speaker, RTCP when due.
using DeskPhone.Firmware.Media.Dtmf;
using DeskPhone.Firmware.Media.Rtp;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Media
{
    public sealed partial class MediaSession
    {
        /// <summary>
        /// One 20 ms frame on the media thread: sends <paramref name="microphone"/> as a packet (or
        /// the telephone-event due) and fills <paramref name="speaker"/> from the jitter buffer,
        /// concealing a missing packet. Both hold <see cref="SampleRate"/> / 50 samples; a frame of
        /// another length (the codec HAL still at the old rate after a codec change) plays silence
        /// and sends nothing. Does not allocate.
        /// </summary>
        public void Frame(short[] microphone, short[] speaker)
        {
            IUdpEndpoint udp = null, rtcp = null;
            string address = null;
            int port = 0, rtcpPort = 0, packetLength = 0, reportLength = 0;
            lock (_gate)
            {
                int samples = _codec == null ? 0 : _codec.SampleRate / (1000 / FrameMs);
                if (_udp == null || _codec == null || speaker.Length != samples || microphone.Length != samples)
                {
                    Silence(speaker, 0);
                    return;
                }
                long now = _clock.NowMs;
                if (_canSend)
                {
                    packetLength = BuildPacketLocked(microphone, samples, now);
                    udp = _udp;
                    address = _remoteAddress;
                    port = _remotePort;
                }
                else _sentSinceResume = false;
                _header.Timestamp += FrameSamples; // the clock runs on through a hold
                PlayLocked(speaker, samples, now);
                TapLocked(microphone, speaker, samples); // MediaSession.Taps.cs: a recorder copies the frame
                if (_udpRtcp != null && _remoteRtcpPort > 0 && _rtcp.IsDue(now))
                {
                    reportLength = _rtcp.WriteReport(_report, 0, now);
                    rtcp = _udpRtcp;
                    rtcpPort = _remoteRtcpPort;
                    if (address == null) address = _remoteAddress;
                }
            }
            if (packetLength > 0 && udp.SendTo(_packet, 0, packetLength, address, port)) PacketsSent++;
            if (reportLength > 0) rtcp.SendTo(_report, 0, reportLength, address, rtcpPort);
        }

        /// <summary>Writes the frame's packet into <see cref="_packet"/>: a due telephone-event, else voice. Returns its length.</summary>
        private int BuildPacketLocked(short[] microphone, int samples, long now)
        {
            int length;
            uint timestamp = _header.Timestamp;
            if (_sendEventPayloadType >= 0 && _dtmfOut.Frame(timestamp, _packet, RtpHeader.Size))
            {
                RtpHeader events = _header;
                events.PayloadType = _sendEventPayloadType;
                events.Marker = _dtmfOut.Marker;
                events.Timestamp = _dtmfOut.Timestamp;
                events.WriteTo(_packet, 0);
                length = RtpHeader.Size + DtmfEvent.Size;
                _rtcp.RtpSent(DtmfEvent.Size, events.Timestamp, now);
            }
            else
            {
                _header.PayloadType = _sendPayloadType;
                _header.Marker = !_sentSinceResume;
                _header.WriteTo(_packet, 0);
                short[] source = OutgoingLocked(microphone, samples); // MediaSession.Taps.cs: greeting and notice mixed in
                int bytes = _codec.Encode(source, 0, samples, _packet, RtpHeader.Size);
                length = RtpHeader.Size + bytes;
                _rtcp.RtpSent(bytes, timestamp, now);
            }
            _sentSinceResume = true;
            _header.Sequence = (_header.Sequence + 1) & 0xFFFF;
            return length;
        }

        /// <summary>Fills the speaker from the jitter buffer: a packet decoded, a loss concealed, a drop decoded and skipped.</summary>
        private void PlayLocked(short[] speaker, int samples, long now)
        {
            if (!_canReceive)
            {
                Silence(speaker, 0);
                return;
            }
            while (true)
            {
                byte[] payload;
                int offset, count;
                JitterResult result = _jitter.Take(now, out payload, out offset, out count);
                if (result == JitterResult.Packet)
                {
                    int decoded = _codec.Decode(payload, offset, count, speaker, 0);
                    Silence(speaker, decoded);
                    _concealer.Good(speaker, 0, samples);
                    _playedAny = true;
                    FramesPlayed++;
                    return;
                }
                if (result == JitterResult.Drop)
                {
                    // keep the decoder's state in step with the stream, but do not play the frame
                    if (count > 0) _codec.Decode(payload, offset, count, _scratch, 0);
                    _concealer.Discontinuity();
                    continue;
                }
                if (_playedAny)
                {
                    _concealer.Conceal(speaker, 0, samples); // fades to silence by 60 ms
                    FramesConcealed++;
                }
                else Silence(speaker, 0);
                return;
            }
        }

        private static void Silence(short[] frame, int from)
        {
            for (int i = from; i < frame.Length; i++) frame[i] = 0;
        }
    }
}
