// Received telephone-event packets (RFC 4733 §2.5.2) turned into digits, each reported once.
using DeskPhone.Firmware.Media.Rtp;

namespace DeskPhone.Firmware.Media.Dtmf
{
    /// <summary>
    /// Reports a digit on the first packet of its event that arrives, whichever it is (the marker
    /// packet, a later update, or only an end packet when the rest was lost): the lowest latency,
    /// and nothing is missed when the start or the end is lost. An event is known by its RTP
    /// timestamp (and SSRC): packets with the timestamp of the current event (updates, the three
    /// end packets, retransmissions) are not reported again, packets with an older timestamp are
    /// late and dropped, and a packet without marker that carries on an unended event of the same
    /// code one segment later (§2.5.1.3, 65535 units or the duration seen) continues it. No
    /// allocation; not thread-safe (the owner locks).
    /// </summary>
    public sealed class DtmfReceiver
    {
        private bool _has;
        private uint _ssrc;
        private uint _timestamp;
        private int _event;
        private int _duration;
        private bool _ended;

        /// <summary>Digits reported.</summary>
        public long Digits { get; private set; }

        /// <summary>Packets of an event already reported (updates, end repeats, retransmissions).</summary>
        public long Repeats { get; private set; }

        /// <summary>Packets of an event older than the current one.</summary>
        public long Late { get; private set; }

        /// <summary>Payloads too short to hold an event.</summary>
        public long Malformed { get; private set; }

        /// <summary>The digit of the current (or last) event, '\0' for none or a non-DTMF event.</summary>
        public char LastDigit { get { return _has ? DtmfDigits.DigitOf(_event) : '\0'; } }

        /// <summary>True between an event's first packet and its end packet.</summary>
        public bool IsActive { get { return _has && !_ended; } }

        /// <summary>The longest duration seen for the current event (segment), timestamp units.</summary>
        public int Duration { get { return _duration; } }

        /// <summary>Forgets the current event (a new stream).</summary>
        public void Reset()
        {
            _has = false;
            _ended = false;
            _duration = 0;
        }

        /// <summary>
        /// A telephone-event packet: its RTP <paramref name="header"/> and payload. Returns the digit
        /// to report now ('0'-'9', '*', '#', 'A'-'D'), or '\0' (already reported, late, malformed, or
        /// an event that is not a DTMF digit).
        /// </summary>
        public char Receive(RtpHeader header, byte[] payload, int offset, int count)
        {
            DtmfEvent e;
            if (!DtmfEvent.TryRead(payload, offset, count, out e))
            {
                Malformed++;
                return '\0';
            }
            if (_has && header.Ssrc == _ssrc)
            {
                int age = (int)(header.Timestamp - _timestamp);
                if (age == 0)
                {
                    Repeats++;
                    if (e.Duration > _duration) _duration = e.Duration;
                    if (e.End) _ended = true;
                    return '\0';
                }
                if (age < 0)
                {
                    Late++;
                    return '\0';
                }
                if (!header.Marker && !_ended && e.Event == _event && (age == DtmfEvent.MaxDuration || age == _duration))
                {
                    Repeats++; // the next segment of a long event
                    _timestamp = header.Timestamp;
                    _duration = e.Duration;
                    _ended = e.End;
                    return '\0';
                }
            }
            _has = true;
            _ssrc = header.Ssrc;
            _timestamp = header.Timestamp;
            _event = e.Event;
            _duration = e.Duration;
            _ended = e.End;
            char digit = DtmfDigits.DigitOf(e.Event);
            if (digit != '\0') Digits++;
            return digit;
        }
    }
}
