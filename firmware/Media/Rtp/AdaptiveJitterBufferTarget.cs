// Interarrival jitter (RFC 3550 §6.4.1, A.8) and the playout depth it calls for: raised at once, lowered after a calm spell.
namespace DeskPhone.Firmware.Media.Rtp
{
    /// <summary>
    /// Estimates the interarrival jitter J of one RTP stream exactly as RFC 3550 §6.4.1 does
    /// (J += (|D| − J) / 16, with D the change in transit time between two packets in arrival
    /// order, kept ×16 in timestamp units as in A.8) and turns it into a target playout depth in
    /// 20 ms frames: ceil((k·J + frame) / frame) with k = <see cref="MultiplierQuarters"/> / 4, clamped to
    /// <see cref="MinFrames"/>..<see cref="MaxFrames"/>. A higher target takes effect at once; a
    /// lower one only after the estimate has stayed below the target for <see cref="CalmMs"/>,
    /// then one frame per <see cref="StepMs"/>. No allocation.
    /// </summary>
    public sealed class JitterTarget
    {
        /// <summary>Milliseconds in one playout frame (the media thread's tick).</summary>
        public const int FrameMs = 20;

        /// <summary>The least depth: the frame playing plus one waiting (40 ms).</summary>
        public const int MinFrames = 2;

        /// <summary>The greatest playout delay the buffer keeps.</summary>
        public const int MaxDelayMs = 300;

        /// <summary>The greatest depth: <see cref="MaxDelayMs"/> in frames (15).</summary>
        public const int MaxFrames = MaxDelayMs / FrameMs;

        /// <summary>
        /// k in quarters (8: k = 2): frames enough for k times the jitter, plus one frame. In the
        /// tests' simulations (uniform ±10..±60 ms, Gaussian σ 20..40 ms) k = 2 let no packet come
        /// late once adapted; 2.5 and 3 only added delay.
        /// </summary>
        public const int MultiplierQuarters = 8;

        /// <summary>How long the jitter must stay low before the target comes down.</summary>
        public const int CalmMs = 4000;

        /// <summary>After the first step down, one more frame down per this interval while calm lasts.</summary>
        public const int StepMs = 1000;

        /// <summary>A transit change larger than this (in seconds of clock) is a new timing reference, not jitter.</summary>
        private const int DiscontinuitySeconds = 1;

        private readonly int _clockRate;
        private readonly int _frameUnits;
        private long _jitterQ4; // J × 16, in timestamp units (RFC 3550 A.8)
        private bool _hasLast;
        private long _lastArrival; // in timestamp units
        private uint _lastTimestamp;
        private int _frames = MinFrames;
        private long _calmSinceMs;

        /// <summary>An estimator for a stream whose RTP clock runs at <paramref name="clockRate"/> Hz (8000 for G.711 and G.722).</summary>
        public JitterTarget(int clockRate)
        {
            if (clockRate < 1000) throw new System.ArgumentOutOfRangeException("clockRate");
            _clockRate = clockRate;
            _frameUnits = clockRate * FrameMs / 1000;
        }

        /// <summary>The interarrival jitter in milliseconds (RFC 3550 J, converted from timestamp units).</summary>
        public int JitterMs { get { return (int)((_jitterQ4 * 1000 / 16 + _clockRate / 2) / _clockRate); } }

        /// <summary>The interarrival jitter in timestamp units, as an RTCP receiver report carries it.</summary>
        public uint JitterUnits { get { return (uint)(_jitterQ4 >> 4); } }

        /// <summary>The target depth in frames, <see cref="MinFrames"/>..<see cref="MaxFrames"/>.</summary>
        public int Frames { get { return _frames; } }

        /// <summary>The depth the current jitter alone asks for, before the slow way down.</summary>
        public int WantedFrames
        {
            get
            {
                // ceil((k·J + F) / F) with J = _jitterQ4 / 16 and k = MultiplierQuarters / 4
                long wanted = (MultiplierQuarters * _jitterQ4 + 128L * _frameUnits - 1) / (64L * _frameUnits);
                if (wanted < MinFrames) return MinFrames;
                return wanted > MaxFrames ? MaxFrames : (int)wanted;
            }
        }

        /// <summary>Forgets the estimate: back to <see cref="MinFrames"/>.</summary>
        public void Reset()
        {
            _jitterQ4 = 0;
            _frames = MinFrames;
            _hasLast = false;
        }

        /// <summary>Keeps the estimate but takes the next packet as a new timing reference (a restarted sender).</summary>
        public void Restart()
        {
            _hasLast = false;
        }

        /// <summary>Updates J with a packet of RTP <paramref name="timestamp"/> that arrived at <paramref name="arrivalMs"/>.</summary>
        public void Arrived(uint timestamp, long arrivalMs)
        {
            long arrival = arrivalMs * _clockRate / 1000;
            if (_hasLast)
            {
                // uint difference cast to int: the 32-bit timestamp wraps around.
                long d = (arrival - _lastArrival) - (int)(timestamp - _lastTimestamp);
                if (d < 0) d = -d;
                if (d <= (long)DiscontinuitySeconds * _clockRate) _jitterQ4 += d - ((_jitterQ4 + 8) >> 4);
            }
            else
            {
                _calmSinceMs = arrivalMs;
            }
            _hasLast = true;
            _lastArrival = arrival;
            _lastTimestamp = timestamp;
            Follow(arrivalMs);
        }

        private void Follow(long nowMs)
        {
            int wanted = WantedFrames;
            if (wanted >= _frames)
            {
                _frames = wanted; // up at once
                _calmSinceMs = nowMs;
                return;
            }
            if (nowMs - _calmSinceMs < CalmMs) return;
            _frames--;
            _calmSinceMs = nowMs - CalmMs + StepMs;
        }
    }
}
