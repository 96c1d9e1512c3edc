// The outcome of one offer/answer exchange for the audio stream: where to send, what codec, which way.
using System.Text;

namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// What the RTP path needs once an offer and its answer are both known. "Send" values come
    /// from the remote's SDP (it receives with its own payload type numbers), "receive" values
    /// from ours. Directions are seen from this phone. Instances never change; compare with
    /// <see cref="SameAs"/> to decide whether a re-INVITE changed anything the RTP path uses.
    /// </summary>
    public sealed class NegotiatedMedia
    {
        internal int _mediaIndex;
        internal string _remoteAddress;
        internal int _remotePort;
        internal int _remoteRtcpPort;
        internal SdpCodec _codec;
        internal int _sendPayloadType;
        internal int _receivePayloadType;
        internal int _sendEventPayloadType = -1;
        internal int _receiveEventPayloadType = -1;
        internal int _ptime;
        internal int _maxPtime;
        internal SdpDirection _localDirection;
        internal SdpDirection _remoteDirection;
        internal bool _heldLocally;
        internal bool _heldByRemote;

        internal NegotiatedMedia()
        {
        }

        /// <summary>Which m= line carries the audio (0-based).</summary>
        public int MediaIndex { get { return _mediaIndex; } }

        /// <summary>The remote RTP address: the media's c= over the session's; "0.0.0.0" from an RFC 2543 hold.</summary>
        public string RemoteAddress { get { return _remoteAddress; } }

        /// <summary>The remote RTP port.</summary>
        public int RemotePort { get { return _remotePort; } }

        /// <summary>The remote RTCP port: a=rtcp (RFC 3605), else the RTP port + 1.</summary>
        public int RemoteRtcpPort { get { return _remoteRtcpPort; } }

        /// <summary>The voice codec (name, clock rate, sample rate); use the payload types below, not its default one.</summary>
        public SdpCodec Codec { get { return _codec; } }

        /// <summary>The codec's name ("PCMU", "G722").</summary>
        public string CodecName { get { return _codec.Name; } }

        /// <summary>The payload type to put in RTP packets we send.</summary>
        public int SendPayloadType { get { return _sendPayloadType; } }

        /// <summary>The payload type incoming RTP uses for the codec.</summary>
        public int ReceivePayloadType { get { return _receivePayloadType; } }

        /// <summary>The RTP timestamp rate: 8000 for G722, PCMU and PCMA.</summary>
        public int ClockRate { get { return _codec.ClockRate; } }

        /// <summary>The audio sample rate: 16000 for G722 (although SDP says 8000), 8000 for G.711.</summary>
        public int SampleRate { get { return _codec.SampleRate; } }

        /// <summary>The telephone-event payload type for DTMF we send, or -1 when the remote takes none.</summary>
        public int SendEventPayloadType { get { return _sendEventPayloadType; } }

        /// <summary>The telephone-event payload type for DTMF we receive, or -1.</summary>
        public int ReceiveEventPayloadType { get { return _receiveEventPayloadType; } }

        /// <summary>True when both sides agreed on telephone-event.</summary>
        public bool HasTelephoneEvents { get { return _sendEventPayloadType >= 0; } }

        /// <summary>Milliseconds of audio per packet we send: the remote's a=ptime, else ours, else 20.</summary>
        public int Ptime { get { return _ptime; } }

        /// <summary>The remote's a=maxptime, or 0 when it gave none.</summary>
        public int MaxPtime { get { return _maxPtime; } }

        /// <summary>The direction in our SDP.</summary>
        public SdpDirection LocalDirection { get { return _localDirection; } }

        /// <summary>The direction in the remote's SDP, as the remote wrote it, except that c=0.0.0.0 takes receiving away.</summary>
        public SdpDirection RemoteDirection { get { return _remoteDirection; } }

        /// <summary>What actually flows, seen from us: we send if we and they agree, receive likewise.</summary>
        public SdpDirection Direction
        {
            get { return SdpDirections.Intersect(_localDirection, SdpDirections.Mirror(_remoteDirection)); }
        }

        /// <summary>True when we should send RTP.</summary>
        public bool CanSend { get { return SdpDirections.Sends(Direction) && !SdpText.IsUnspecifiedAddress(_remoteAddress); } }

        /// <summary>True when we should expect RTP.</summary>
        public bool CanReceive { get { return SdpDirections.Receives(Direction); } }

        /// <summary>True when we put the call on hold (our SDP refuses to receive).</summary>
        public bool IsHeldLocally { get { return _heldLocally; } }

        /// <summary>True when the remote put us on hold (its SDP said sendonly or inactive, or c=0.0.0.0).</summary>
        public bool IsHeldByRemote { get { return _heldByRemote; } }

        /// <summary>True when either side holds the call.</summary>
        public bool IsOnHold { get { return _heldLocally || _heldByRemote; } }

        /// <summary>A copy with <see cref="IsHeldByRemote"/> replaced (when an answer cannot tell, the state before stays).</summary>
        internal NegotiatedMedia WithHeldByRemote(bool held)
        {
            NegotiatedMedia m = new NegotiatedMedia();
            m._mediaIndex = _mediaIndex;
            m._remoteAddress = _remoteAddress;
            m._remotePort = _remotePort;
            m._remoteRtcpPort = _remoteRtcpPort;
            m._codec = _codec;
            m._sendPayloadType = _sendPayloadType;
            m._receivePayloadType = _receivePayloadType;
            m._sendEventPayloadType = _sendEventPayloadType;
            m._receiveEventPayloadType = _receiveEventPayloadType;
            m._ptime = _ptime;
            m._maxPtime = _maxPtime;
            m._localDirection = _localDirection;
            m._remoteDirection = _remoteDirection;
            m._heldLocally = _heldLocally;
            m._heldByRemote = held;
            return m;
        }

        /// <summary>True when <paramref name="other"/> describes the same stream in every detail.</summary>
        public bool SameAs(NegotiatedMedia other)
        {
            return other != null
                && other._mediaIndex == _mediaIndex && other._remoteAddress == _remoteAddress
                && other._remotePort == _remotePort && other._remoteRtcpPort == _remoteRtcpPort
                && other._codec.Name == _codec.Name && other._codec.ClockRate == _codec.ClockRate
                && other._sendPayloadType == _sendPayloadType && other._receivePayloadType == _receivePayloadType
                && other._sendEventPayloadType == _sendEventPayloadType && other._receiveEventPayloadType == _receiveEventPayloadType
                && other._ptime == _ptime && other._maxPtime == _maxPtime
                && other._localDirection == _localDirection && other._remoteDirection == _remoteDirection
                && other._heldLocally == _heldLocally && other._heldByRemote == _heldByRemote;
        }

        /// <summary>For logs: "G722/8000 pt 9 (16000 Hz) to 192.0.2.5:49170, ptime 20, sendrecv, events pt 101".</summary>
        public override string ToString()
        {
            StringBuilder sb = new StringBuilder();
            sb.Append(_codec.ToString()).Append(" pt ").Append(_sendPayloadType.ToString());
            sb.Append(" (").Append(_codec.SampleRate.ToString()).Append(" Hz) to ");
            sb.Append(_remoteAddress).Append(':').Append(_remotePort.ToString());
            sb.Append(", ptime ").Append(_ptime.ToString()).Append(", ").Append(SdpDirections.Name(Direction));
            if (_sendEventPayloadType >= 0) sb.Append(", events pt ").Append(_sendEventPayloadType.ToString());
            if (_heldLocally) sb.Append(", held by us");
            if (_heldByRemote) sb.Append(", held by remote");
            return sb.ToString();
        }
    }
}
