// A minimal fixed-size jitter buffer: RTP payloads in preallocated slots, played out in sequence order.
namespace DeskPhone.Firmware.Media.Rtp
{
    /// <summary>
    /// Holds up to <see cref="SlotCount"/> payloads in preallocated slots indexed by RTP sequence
    /// number (RFC 3550 §5.1, 16-bit wrap-around). Playout starts once <see cref="Depth"/> packets
    /// wait (a fixed playout delay that lets a reordered packet catch up); late and duplicate
    /// packets are dropped; a gap with later packets waiting is skipped (one lost frame); an empty
    /// buffer plays nothing and fills up to <see cref="Depth"/> again. Not thread-safe: the owner
    /// locks. No allocation after construction. The adaptive buffer replaces this one later.
    /// </summary>
    public sealed class JitterBuffer
    {
        /// <summary>Slots (packets) the buffer holds.</summary>
        public const int SlotCount = 8;

        /// <summary>Packets waiting before playout (re)starts: 3 × 20 ms.</summary>
        public const int Depth = 3;

        /// <summary>A sequence jump beyond this (either way) is a restarted sender: the buffer starts over.</summary>
        public const int ResyncDistance = 100;

        private readonly byte[][] _payload = new byte[SlotCount][];
        private readonly int[] _length = new int[SlotCount];
        private readonly int[] _sequence = new int[SlotCount];
        private readonly bool[] _filled = new bool[SlotCount];
        private readonly int _capacity;
        private int _next; // the sequence number to play next
        private int _count;
        private bool _started;
        private bool _playing;
        private bool _playedAny; // since the last reset: before it, an earlier packet may still move the start back

        /// <summary>A buffer whose slots take payloads of up to <paramref name="payloadCapacity"/> bytes.</summary>
        public JitterBuffer(int payloadCapacity)
        {
            _capacity = payloadCapacity;
            for (int i = 0; i < SlotCount; i++) _payload[i] = new byte[payloadCapacity];
        }

        /// <summary>Packets waiting.</summary>
        public int Count { get { return _count; } }

        /// <summary>Packets dropped because their turn had passed.</summary>
        public long Late { get; private set; }

        /// <summary>Packets dropped because the same sequence number was already waiting.</summary>
        public long Duplicates { get; private set; }

        /// <summary>Frames skipped because their packet never came while later ones waited.</summary>
        public long Lost { get; private set; }

        /// <summary>Forgets every packet and the sequence position.</summary>
        public void Reset()
        {
            for (int i = 0; i < SlotCount; i++) _filled[i] = false;
            _count = 0;
            _started = false;
            _playing = false;
            _playedAny = false;
        }

        /// <summary>
        /// Stores a payload with RTP sequence <paramref name="sequence"/>; false when it is dropped
        /// (late, duplicate or larger than a slot).
        /// </summary>
        public bool Put(int sequence, byte[] data, int offset, int count)
        {
            if (count > _capacity || count < 0) return false;
            sequence &= 0xFFFF;
            if (!_started)
            {
                _started = true;
                _next = sequence;
            }
            int ahead = Distance(_next, sequence);
            if (ahead >= ResyncDistance || ahead <= -ResyncDistance)
            {
                Reset();
                _started = true;
                _next = sequence;
                ahead = 0;
            }
            if (ahead < 0 && !_playedAny && ahead > -SlotCount && Furthest() - ahead < SlotCount)
            {
                _next = sequence; // the first packets came out of order: start from the earliest
                ahead = 0;
            }
            if (ahead < 0)
            {
                Late++;
                return false;
            }
            if (ahead >= SlotCount)
            {
                // Too far ahead for the slots: give up the oldest frames to make room.
                int skip = ahead - SlotCount + 1;
                for (int i = 0; i < skip; i++) Drop((_next + i) & 0xFFFF);
                _next = (_next + skip) & 0xFFFF;
            }
            int slot = sequence % SlotCount;
            if (_filled[slot])
            {
                Duplicates++;
                return false;
            }
            System.Array.Copy(data, offset, _payload[slot], 0, count);
            _length[slot] = count;
            _sequence[slot] = sequence;
            _filled[slot] = true;
            _count++;
            return true;
        }

        /// <summary>
        /// The next payload in sequence: its slot's bytes and length, or false for a frame of silence
        /// (filling up, lost, or empty). The bytes stay valid until the next <see cref="Put"/>.
        /// </summary>
        public bool TryTake(out byte[] data, out int count)
        {
            data = null;
            count = 0;
            if (!_playing)
            {
                if (_count < Depth) return false;
                _playing = true;
                _playedAny = true;
            }
            if (_count == 0)
            {
                _playing = false; // ran dry: fill up to Depth again
                return false;
            }
            int slot = _next % SlotCount;
            bool here = _filled[slot] && _sequence[slot] == _next;
            _next = (_next + 1) & 0xFFFF;
            if (!here)
            {
                Lost++;
                return false;
            }
            _filled[slot] = false;
            _count--;
            data = _payload[slot];
            count = _length[slot];
            return true;
        }

        /// <summary>How far after the next to play the furthest waiting packet is (0 when none waits).</summary>
        private int Furthest()
        {
            int furthest = 0;
            for (int i = 0; i < SlotCount; i++)
            {
                if (!_filled[i]) continue;
                int d = Distance(_next, _sequence[i]);
                if (d > furthest) furthest = d;
            }
            return furthest;
        }

        private void Drop(int sequence)
        {
            int slot = sequence % SlotCount;
            if (_filled[slot] && _sequence[slot] == sequence)
            {
                _filled[slot] = false;
                _count--;
            }
        }

        /// <summary>How far <paramref name="sequence"/> is after <paramref name="from"/>, -32768..32767.</summary>
        private static int Distance(int from, int sequence)
        {
            int d = (sequence - from) & 0xFFFF;
            return d >= 0x8000 ? d - 0x10000 : d;
        }
    }
}
