// Datagrams on the network thread: RTP voice into the jitter buffer, telephone-events to the DTMF receiver, RTCP reports.
using DeskPhone.Firmware.Media.Rtp;

namespace DeskPhone.Firmware.Media
{
    public sealed partial class MediaSession
    {
        private void OnRtp(byte[] data, int offset, int count, string remoteAddress, int remotePort)
        {
            RtpHeader header;
            int payloadOffset;
            int payloadLength;
            bool rtp = RtpHeader.TryRead(data, offset, count, out header, out payloadOffset, out payloadLength);
            char digit = '\0';
            MediaDigitReceived digitHandler = null;
            lock (_gate)
            {
                if (_udp == null) return;
                if (!rtp || !_canReceive)
                {
                    PacketsIgnored++;
                    return;
                }
                long now = _clock.NowMs;
                if (header.PayloadType == _receivePayloadType)
                {
                    if (!_hasReceiveSsrc || header.Ssrc != _receiveSsrc)
                    {
                        if (_hasReceiveSsrc) _jitter.Reset(); // a new source (transfer, restarted peer)
                        _receiveSsrc = header.Ssrc;
                        _hasReceiveSsrc = true;
                    }
                    _rtcp.Receive.Update(header.Ssrc, header.Sequence, header.Timestamp, now);
                    if (_jitter.Put(header.Sequence, header.Timestamp, data, payloadOffset, payloadLength, now)) PacketsReceived++;
                }
                else if (_receiveEventPayloadType >= 0 && header.PayloadType == _receiveEventPayloadType)
                {
                    _rtcp.Receive.UpdateSequenceOnly(header.Ssrc, header.Sequence);
                    digit = _dtmfIn.Receive(header, data, payloadOffset, payloadLength);
                    digitHandler = DigitReceived;
                }
                else PacketsIgnored++;
            }
            if (digit != '\0' && digitHandler != null) digitHandler(digit);
        }

        private void OnRtcp(byte[] data, int offset, int count, string remoteAddress, int remotePort)
        {
            lock (_gate)
            {
                if (_udpRtcp == null) return;
                _rtcp.Received(data, offset, count, _clock.NowMs);
            }
        }
    }
}
