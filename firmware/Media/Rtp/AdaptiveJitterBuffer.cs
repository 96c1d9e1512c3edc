// The phone's jitter buffer: RTP payloads in preallocated slots, a playout depth that follows the network's jitter.
namespace DeskPhone.Firmware.Media.Rtp
{
    /// <summary>
    /// Holds received RTP payloads in <see cref="SlotCount"/> preallocated slots indexed by sequence
    /// number (RFC 3550 §5.1, 16-bit wrap-around) and hands out one 20 ms frame per playout tick.
    /// The depth it aims for comes from a <see cref="JitterTarget"/> (RFC 3550 interarrival jitter):
    /// 2 frames on a calm network, up to 300 ms. The level (frames from the playout point to the
    /// end of the newest packet, gaps included) is smoothed once per tick. When the smoothed level
    /// is half a frame under the target the buffer holds back a tick (<see cref="JitterResult.Empty"/>,
    /// at most every <see cref="GrowSpacingMs"/>); when even the lowest level of the last
    /// <see cref="ShrinkAfterMs"/> was over the target it drops a frame (<see cref="JitterResult.Drop"/>);
    /// over 300 ms it drops at once. The gap between the two rules keeps it from see-sawing. Late and duplicate
    /// packets are dropped; a reordered packet that comes before its turn plays in order.
    /// A packet of n × frameBytes (40 or 60 ms ptime) plays as n frames, one slice per tick.
    /// Not thread-safe: the owner locks. A slot starts one frame long and grows once, to the largest
    /// payload, the first time a longer packet lands in it (40 or 60 ms ptime): a 20 ms stream keeps
    /// a third of the memory. Nothing else allocates after construction.
    /// </summary>
    public sealed class AdaptiveJitterBuffer
    {
        /// <summary>Slots (packets) held: 300 ms of 20 ms packets plus room for a burst. A power of two, so slots follow the 16-bit wrap.</summary>
        public const int SlotCount = 32;

        /// <summary>A sequence jump beyond this (either way) is a restarted sender: the buffer starts over.</summary>
        public const int ResyncDistance = 100;

        /// <summary>The least time between two ticks held back to grow the delay (each is a concealed frame).</summary>
        public const int GrowSpacingMs = 60;

        /// <summary>How long the level must stay above the target before a frame is dropped to shrink the delay.</summary>
        public const int ShrinkAfterMs = 1000;

        /// <summary>Lost frames in a row after which further missing frames are dropped instead (the concealer is silent by then).</summary>
        public const int LostRunBeforeSkip = 3;

        private const int SlotMask = SlotCount - 1;
        private const int Smoothing = 16; // ticks: the level filter's time constant (320 ms)
        private const int GrowBelowQ8 = 128; // grow when the smoothed level is half a frame under the target

        private readonly byte[][] _payload = new byte[SlotCount][];
        private readonly int[] _length = new int[SlotCount];
        private readonly int[] _sequence = new int[SlotCount];
        private readonly bool[] _filled = new bool[SlotCount];
        private readonly int _capacity;
        private readonly int _frameBytes;
        private readonly JitterTarget _target;

        private bool _started;
        private bool _playing;
        private bool _playedAny; // since the start: before it, an earlier packet may still move the start back
        private bool _continuing; // the last Take returned Drop: this call belongs to the same tick
        private int _next; // the sequence number at the playout point
        private int _frameIndex; // frames of that packet already played
        private int _newest;
        private int _count;
        private int _lastFrames = 1; // frames per packet, for gaps
        private int _lostRun;
        private int _levelQ8; // smoothed level, frames × 256
        private int _leastLevel; // the lowest level seen since the last adjustment
        private long _lastAdjustMs;

        /// <summary>
        /// A buffer for payloads of up to <paramref name="maxPayloadBytes"/> bytes (slots of one frame
        /// until a longer packet needs more), where
        /// <paramref name="frameBytes"/> payload bytes play for 20 ms (160 for PCMU, PCMA and G.722)
        /// and the RTP timestamp runs at <paramref name="clockRate"/> Hz (8000 for all three).
        /// </summary>
        public AdaptiveJitterBuffer(int maxPayloadBytes, int frameBytes, int clockRate)
        {
            if (maxPayloadBytes < 1) throw new System.ArgumentOutOfRangeException("maxPayloadBytes");
            if (frameBytes < 1) throw new System.ArgumentOutOfRangeException("frameBytes");
            _capacity = maxPayloadBytes;
            _frameBytes = frameBytes;
            _target = new JitterTarget(clockRate);
            int slotBytes = frameBytes < maxPayloadBytes ? frameBytes : maxPayloadBytes;
            for (int i = 0; i < SlotCount; i++) _payload[i] = new byte[slotBytes];
        }

        /// <summary>Packets waiting.</summary>
        public int Count { get { return _count; } }

        /// <summary>Frames returned as <see cref="JitterResult.Packet"/>.</summary>
        public long Played { get; private set; }

        /// <summary>Frames whose packet had not come when their turn came (concealed, or dropped after a long loss).</summary>
        public long Lost { get; private set; }

        /// <summary>Packets dropped because their turn had passed.</summary>
        public long Late { get; private set; }

        /// <summary>Packets dropped because the same sequence number was already waiting.</summary>
        public long Duplicates { get; private set; }

        /// <summary>Frames taken out to shrink the delay (or to stay under 300 ms).</summary>
        public long Dropped { get; private set; }

        /// <summary>Ticks with nothing to play once playout had begun: ran dry, refilling, or growing the delay.</summary>
        public long Stretched { get; private set; }

        /// <summary>The RTP sequence number of the frame the last <see cref="Take"/> returned (Packet, Lost or Drop).</summary>
        public int LastSequence { get; private set; }

        /// <summary>The interarrival jitter (RFC 3550) in milliseconds.</summary>
        public int JitterMs { get { return _target.JitterMs; } }

        /// <summary>The interarrival jitter in timestamp units, for an RTCP receiver report.</summary>
        public uint JitterUnits { get { return _target.JitterUnits; } }

        /// <summary>The playout delay the buffer aims for, 40..300 ms.</summary>
        public int TargetDelayMs { get { return _target.Frames * JitterTarget.FrameMs; } }

        /// <summary>The playout delay now: the smoothed level while playing, else what is buffered.</summary>
        public int CurrentDelayMs
        {
            get { return _playing ? (_levelQ8 * JitterTarget.FrameMs + 128) >> 8 : BufferedMs; }
        }

        /// <summary>Milliseconds from the playout point to the end of the newest packet, gaps included.</summary>
        public int BufferedMs { get { return Level() * JitterTarget.FrameMs; } }

        /// <summary>Forgets every packet, the sequence position and the jitter estimate (a new source).</summary>
        public void Reset()
        {
            Clear();
            _target.Reset();
        }

        /// <summary>
        /// Stores a payload with RTP <paramref name="sequence"/> and <paramref name="timestamp"/> that
        /// arrived at <paramref name="arrivalMs"/> (any millisecond clock, the same for every call).
        /// False when it is dropped: late, duplicate, or larger than a slot.
        /// </summary>
        public bool Put(int sequence, uint timestamp, byte[] data, int offset, int count, long arrivalMs)
        {
            if (data == null || count < 0 || count > _capacity || offset < 0 || offset + count > data.Length) return false;
            sequence &= 0xFFFF;
            if (!_started) Begin(sequence);
            int ahead = Distance(_next, sequence);
            if (ahead >= ResyncDistance || ahead <= -ResyncDistance)
            {
                Clear(); // a restarted sender: keep the estimate, start over from this packet
                _target.Restart();
                Begin(sequence);
                ahead = 0;
            }
            if (ahead < 0 && !_playedAny && ahead > -SlotCount && Distance(sequence, _newest) < SlotCount)
            {
                _next = sequence; // the first packets came out of order: start from the earliest
                _frameIndex = 0;
                ahead = 0;
            }
            if (ahead < 0)
            {
                Late++;
                _target.Arrived(timestamp, arrivalMs); // a late packet is the best evidence of jitter
                return false;
            }
            if (ahead >= SlotCount) MakeRoom(ahead - SlotCount + 1);
            int slot = sequence & SlotMask;
            if (_filled[slot] && _sequence[slot] == sequence)
            {
                Duplicates++;
                return false;
            }
            if (!_filled[slot]) _count++;
            if (count > _payload[slot].Length) _payload[slot] = new byte[_capacity]; // once per slot: a packet longer than a frame
            System.Array.Copy(data, offset, _payload[slot], 0, count);
            _length[slot] = count;
            _sequence[slot] = sequence;
            _filled[slot] = true;
            if (Distance(_next, sequence) > Distance(_next, _newest)) _newest = sequence;
            _lastFrames = FramesIn(count);
            _target.Arrived(timestamp, arrivalMs);
            return true;
        }

        /// <summary>
        /// The next 20 ms of the stream, once per playout tick at <paramref name="nowMs"/>. For
        /// <see cref="JitterResult.Packet"/> and <see cref="JitterResult.Drop"/>, the frame's bytes are
        /// <paramref name="payload"/>[<paramref name="payloadOffset"/>..+<paramref name="count"/>],
        /// valid until the next Put or Take. After Drop, call again in the same tick.
        /// </summary>
        public JitterResult Take(long nowMs, out byte[] payload, out int payloadOffset, out int count)
        {
            payload = null;
            payloadOffset = 0;
            count = 0;
            bool continuing = _continuing;
            _continuing = false;
            if (!_started) return JitterResult.Empty;
            int level = Level();
            int target = _target.Frames;
            if (!continuing)
            {
                if (!_playing)
                {
                    if (level < target)
                    {
                        if (_playedAny) Stretched++;
                        return JitterResult.Empty;
                    }
                    _playing = true;
                    _playedAny = true;
                    _levelQ8 = level << 8;
                    Adjusted(nowMs, level);
                }
                else if (level == 0)
                {
                    _playing = false; // ran dry: fill up to the target again
                    Stretched++;
                    return JitterResult.Empty;
                }
                else
                {
                    _levelQ8 += ((level << 8) - _levelQ8) / Smoothing;
                    if (level < _leastLevel) _leastLevel = level;
                    if (_levelQ8 < (target << 8) - GrowBelowQ8 && nowMs - _lastAdjustMs >= GrowSpacingMs)
                    {
                        _levelQ8 += 256; // the level is one frame higher next tick
                        Adjusted(nowMs, level + 1);
                        Stretched++;
                        return JitterResult.Empty;
                    }
                }
            }
            // Shrink only when even the dips of the last second left more than the target waiting.
            bool shrink = !continuing && _leastLevel > target && nowMs - _lastAdjustMs >= ShrinkAfterMs;
            if (level == 0)
            {
                _playing = false;
                Stretched++;
                return JitterResult.Empty;
            }
            int slot = _next & SlotMask;
            bool here = _filled[slot] && _sequence[slot] == _next;
            LastSequence = _next;
            bool over = level > JitterTarget.MaxFrames;
            bool skipLost = !here && _lostRun >= LostRunBeforeSkip && level - 1 >= target;
            if (over || shrink || skipLost)
            {
                if (here) Slice(slot, out payload, out payloadOffset, out count);
                else Lost++;
                if (!over && !skipLost)
                {
                    _levelQ8 -= 256;
                    Adjusted(nowMs, level - 1);
                }
                if (over) _levelQ8 = (level - 1) << 8;
                Advance(here, slot);
                Dropped++;
                _continuing = true;
                return JitterResult.Drop;
            }
            if (!here)
            {
                Advance(false, slot);
                Lost++;
                _lostRun++;
                return JitterResult.Lost;
            }
            Slice(slot, out payload, out payloadOffset, out count);
            Advance(true, slot);
            Played++;
            _lostRun = 0;
            return JitterResult.Packet;
        }

        /// <summary>Starts a new watch for the next adjustment.</summary>
        private void Adjusted(long nowMs, int level)
        {
            _lastAdjustMs = nowMs;
            _leastLevel = level;
        }

        private void Begin(int sequence)
        {
            _started = true;
            _next = sequence;
            _newest = sequence;
            _frameIndex = 0;
        }

        private void Clear()
        {
            for (int i = 0; i < SlotCount; i++) _filled[i] = false;
            _count = 0;
            _started = false;
            _playing = false;
            _playedAny = false;
            _continuing = false;
            _frameIndex = 0;
            _lostRun = 0;
            _levelQ8 = 0;
        }

        /// <summary>Frames from the playout point to the end of the newest packet; a gap counts as a packet of the last size seen.</summary>
        private int Level()
        {
            if (!_started) return 0;
            int span = Distance(_next, _newest);
            int frames = 0;
            for (int i = 0; i <= span; i++)
            {
                int sequence = (_next + i) & 0xFFFF;
                int slot = sequence & SlotMask;
                int f = _filled[slot] && _sequence[slot] == sequence ? FramesIn(_length[slot]) : _lastFrames;
                if (i == 0) f = f > _frameIndex ? f - _frameIndex : 1;
                frames += f;
            }
            return frames;
        }

        private void Slice(int slot, out byte[] payload, out int payloadOffset, out int count)
        {
            payload = _payload[slot];
            payloadOffset = _frameIndex * _frameBytes;
            int left = _length[slot] - payloadOffset;
            count = left < 0 ? 0 : (left > _frameBytes ? _frameBytes : left);
        }

        /// <summary>Moves the playout point one frame on; a packet's slot is freed after its last frame.</summary>
        private void Advance(bool here, int slot)
        {
            _frameIndex++;
            int frames = here ? FramesIn(_length[slot]) : _lastFrames;
            if (_frameIndex < frames) return;
            if (here)
            {
                _filled[slot] = false;
                _count--;
            }
            _next = (_next + 1) & 0xFFFF;
            _frameIndex = 0;
        }

        /// <summary>A packet too far ahead for the slots: the oldest <paramref name="skip"/> packets give way.</summary>
        private void MakeRoom(int skip)
        {
            for (int i = 0; i < skip; i++)
            {
                int sequence = (_next + i) & 0xFFFF;
                int slot = sequence & SlotMask;
                if (_filled[slot] && _sequence[slot] == sequence)
                {
                    _filled[slot] = false;
                    _count--;
                    Dropped++;
                }
            }
            _next = (_next + skip) & 0xFFFF;
            _frameIndex = 0;
            if (Distance(_next, _newest) < 0) _newest = _next;
        }

        private int FramesIn(int bytes)
        {
            return bytes <= _frameBytes ? 1 : (bytes + _frameBytes - 1) / _frameBytes;
        }

        /// <summary>How far <paramref name="sequence"/> is after <paramref name="from"/>, -32768..32767.</summary>
        private static int Distance(int from, int sequence)
        {
            int d = (sequence - from) & 0xFFFF;
            return d >= 0x8000 ? d - 0x10000 : d;
        }
    }
}
