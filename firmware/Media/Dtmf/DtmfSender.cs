// Keypad digits as RFC 4733 telephone-event packets, one decision per 20 ms media frame.
namespace DeskPhone.Firmware.Media.Dtmf
{
    /// <summary>
    /// A queue of DTMF digits turned into telephone-event payloads (RFC 4733 §2.5.1). Once per
    /// media frame the media session calls <see cref="Frame"/>: true means "send the 4 bytes just
    /// written as a telephone-event packet this frame instead of voice", with <see cref="Marker"/>
    /// and <see cref="Timestamp"/> for its RTP header (sequence numbers go on as usual).
    /// <list type="bullet">
    /// <item>The first packet of an event has the marker bit; every packet of the event carries the
    /// timestamp of the frame it started in, and a duration that grows by one frame per packet.</item>
    /// <item>A tone lasts at least <see cref="MinToneMs"/> (100 ms), even for a short tap.</item>
    /// <item>The final packet (E bit) is sent three times, one per frame (§2.5.1.4).</item>
    /// <item>The next digit starts <see cref="GapMs"/> after the final packet (the repeats fall inside the gap).</item>
    /// <item>Past 65535 timestamp units (8.2 s at 8 kHz) the event goes on in a new segment
    /// (§2.5.1.3): the segment's last packet (duration 65535, no E) is sent three times, then packets
    /// with the timestamp 65535 units later and no marker.</item>
    /// </list>
    /// Everything is allocated in the constructor; not thread-safe (the owner locks, as for
    /// <see cref="Rtp.AdaptiveJitterBuffer"/>): <see cref="Press"/>/<see cref="Release"/>/<see cref="Send"/> on
    /// the loop, <see cref="Frame"/> on the media thread.
    /// </summary>
    public sealed class DtmfSender
    {
        /// <summary>Digits the queue holds (a pasted number, a speed dial).</summary>
        public const int Capacity = 32;

        /// <summary>Times the final packet of an event (or segment) goes out.</summary>
        public const int EndRepeats = 3;

        /// <summary>-10 dBm0, a common DTMF level.</summary>
        public const int DefaultVolume = 10;

        private const int Held = -1;
        private const int StateIdle = 0;
        private const int StateTone = 1;
        private const int StateGap = 2;

        private readonly int[] _queueEvents = new int[Capacity];
        private readonly int[] _queueMs = new int[Capacity];
        private int _head;
        private int _count;

        private int _clockRate;
        private int _unitsPerFrame;

        private int _state;
        private int _event;
        private int _targetMs;         // Held until released
        private uint _start;           // timestamp of the event's first frame
        private long _elapsed;         // timestamp units the event has covered so far
        private long _segmentBase;     // units before the current segment
        private bool _first;
        private int _segmentRepeatsLeft;
        private int _endRepeatsLeft;
        private int _gapFramesLeft;
        private DtmfEvent _last;
        private uint _lastTimestamp;

        /// <summary>A sender for an RTP clock of <paramref name="clockRate"/> Hz and frames of <paramref name="frameMs"/> ms.</summary>
        public DtmfSender(int clockRate, int frameMs)
        {
            Volume = DefaultVolume;
            MinToneMs = 100;
            GapMs = 100;
            SetClock(clockRate, frameMs);
        }

        /// <summary>Volume of the events, -dBm0 (0-63).</summary>
        public int Volume { get; set; }

        /// <summary>Shortest tone, ms (a tap or an early release still lasts this long).</summary>
        public int MinToneMs { get; set; }

        /// <summary>Silence between the end of one tone and the start of the next queued one, ms.</summary>
        public int GapMs { get; set; }

        /// <summary>The RTP clock of telephone-event (8000 unless negotiated otherwise).</summary>
        public int ClockRate { get { return _clockRate; } }

        /// <summary>Timestamp units per frame (160 for 20 ms at 8 kHz).</summary>
        public int UnitsPerFrame { get { return _unitsPerFrame; } }

        /// <summary>Marker bit for the packet <see cref="Frame"/> just wrote: the event's first packet.</summary>
        public bool Marker { get; private set; }

        /// <summary>RTP timestamp for the packet <see cref="Frame"/> just wrote: where the event (segment) began.</summary>
        public uint Timestamp { get { return _lastTimestamp; } }

        /// <summary>The event block of the last packet written.</summary>
        public DtmfEvent LastEvent { get { return _last; } }

        /// <summary>The digit being sent (from its first packet to its last repeat), or '\0'.</summary>
        public char Current
        {
            get { return _state == StateTone || (_state == StateGap && _endRepeatsLeft > 0) ? DtmfDigits.DigitOf(_event) : '\0'; }
        }

        /// <summary>Digits waiting behind the current one.</summary>
        public int Pending { get { return _count; } }

        /// <summary>True while a digit is sent, queued, or the gap after one runs.</summary>
        public bool IsBusy { get { return _state != StateIdle || _count > 0; } }

        /// <summary>Sets the RTP clock and frame length (between digits: a codec change).</summary>
        public void SetClock(int clockRate, int frameMs)
        {
            _clockRate = clockRate > 0 ? clockRate : 8000;
            if (frameMs <= 0) frameMs = 20;
            _unitsPerFrame = _clockRate * frameMs / 1000;
            FrameMs = frameMs;
        }

        /// <summary>Frame length, ms.</summary>
        public int FrameMs { get; private set; }

        /// <summary>A key went down: queue <paramref name="digit"/> to sound until <see cref="Release"/> (at least <see cref="MinToneMs"/>). False for a non-DTMF key or a full queue.</summary>
        public bool Press(char digit)
        {
            return Enqueue(digit, Held);
        }

        /// <summary>The key of the last <see cref="Press"/> went up: that tone ends once it has lasted <see cref="MinToneMs"/>.</summary>
        public void Release()
        {
            for (int i = _count - 1; i >= 0; i--)
            {
                int at = (_head + i) % Capacity;
                if (_queueMs[at] == Held)
                {
                    _queueMs[at] = 0; // not started yet: the minimum length
                    return;
                }
            }
            if (_state == StateTone && _targetMs == Held) _targetMs = 0;
        }

        /// <summary>Queues <paramref name="digit"/> for <paramref name="durationMs"/> (at least <see cref="MinToneMs"/>). False for a non-DTMF character or a full queue.</summary>
        public bool Send(char digit, int durationMs)
        {
            return Enqueue(digit, durationMs < 0 ? 0 : durationMs);
        }

        /// <summary>Drops the queue and the current digit at once, without end packets (the call stops or is held).</summary>
        public void Clear()
        {
            _count = 0;
            _head = 0;
            _state = StateIdle;
            _endRepeatsLeft = 0;
            _segmentRepeatsLeft = 0;
            _gapFramesLeft = 0;
            Marker = false;
        }

        /// <summary>
        /// One media frame whose voice packet would carry <paramref name="timestamp"/>. True: a
        /// telephone-event payload of <see cref="DtmfEvent.Size"/> bytes is written at
        /// <paramref name="offset"/>; send it with <see cref="Marker"/> and <see cref="Timestamp"/>
        /// instead of voice. False: send voice as usual. Does not allocate.
        /// </summary>
        public bool Frame(uint timestamp, byte[] buffer, int offset)
        {
            Marker = false;
            if (_state == StateGap)
            {
                _gapFramesLeft--;
                bool repeat = _endRepeatsLeft > 0;
                if (repeat)
                {
                    _endRepeatsLeft--;
                    _last.WriteTo(buffer, offset);
                }
                if (_gapFramesLeft <= 0 && _endRepeatsLeft == 0) _state = StateIdle;
                return repeat;
            }
            if (_state == StateIdle)
            {
                if (_count == 0) return false;
                _event = _queueEvents[_head];
                _targetMs = _queueMs[_head];
                _head = (_head + 1) % Capacity;
                _count--;
                _start = timestamp;
                _elapsed = 0;
                _segmentBase = 0;
                _first = true;
                _segmentRepeatsLeft = 0;
                _state = StateTone;
            }
            _elapsed += _unitsPerFrame;
            if (_segmentRepeatsLeft > 0)
            {
                _segmentRepeatsLeft--;
                _last.WriteTo(buffer, offset);
                if (_segmentRepeatsLeft == 0) _segmentBase += DtmfEvent.MaxDuration; // the next packet opens the new segment
                return true;
            }
            long segment = _elapsed - _segmentBase;
            bool done = _targetMs != Held && _elapsed * 1000 >= (long)Longer(_targetMs, MinToneMs) * _clockRate;
            _lastTimestamp = _start + (uint)_segmentBase;
            Marker = _first;
            _first = false;
            _last.Event = _event;
            _last.Volume = Volume;
            _last.Duration = segment > DtmfEvent.MaxDuration ? DtmfEvent.MaxDuration : (int)segment;
            _last.End = done;
            _last.WriteTo(buffer, offset);
            if (done)
            {
                _state = StateGap;
                _endRepeatsLeft = EndRepeats - 1;
                int gapFrames = (GapMs + FrameMs - 1) / FrameMs;
                _gapFramesLeft = gapFrames > _endRepeatsLeft ? gapFrames : _endRepeatsLeft;
            }
            else if (segment >= DtmfEvent.MaxDuration)
            {
                _segmentRepeatsLeft = EndRepeats - 1;
            }
            return true;
        }

        private bool Enqueue(char digit, int ms)
        {
            int ev = DtmfDigits.EventOf(digit);
            if (ev < 0 || _count == Capacity) return false;
            int at = (_head + _count) % Capacity;
            _queueEvents[at] = ev;
            _queueMs[at] = ms;
            _count++;
            return true;
        }

        private static int Longer(int a, int b)
        {
            return a > b ? a : b;
        }
    }
}
