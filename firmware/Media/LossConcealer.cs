// Packet loss concealment on linear PCM in the manner of ITU-T G.711 Appendix I: repeat the last pitch periods, fade out by 60 ms.
using System;

namespace DeskPhone.Firmware.Media
{
    /// <summary>
    /// Hides lost frames of one call's decoded audio (8000 or 16000 Hz, any frame length; the phone
    /// uses 20 ms). It keeps the last 48.75 ms played as history. When a frame is lost it finds the
    /// pitch period P in 5..15 ms by normalized cross-correlation (<see cref="PitchSearch"/>) and
    /// plays the last period over and over; after 10 ms of loss it repeats the last 2 periods, after
    /// 20 ms the last 3, each switch cross-faded over P/4. The end of the repeated stretch is
    /// overlap-added with the P/4 before it, so the wrap from its end to its start is smooth.
    /// From 10 ms on the output fades linearly by 20 % per 10 ms: silent at 60 ms.
    /// On the first good frame, the synthetic continuation is overlap-added into its start over
    /// P/4 plus 4 ms per 10 ms of loss beyond the first 10 (at most 10 ms), so there is no click.
    /// Unlike Appendix I there is no 3.75 ms output delay: instead of smoothing the last samples
    /// already played, the first P/4 synthetic samples carry the mismatch between the last sample
    /// and its one-period-earlier twin, fading to nothing. Not thread-safe; no allocation after
    /// construction.
    /// </summary>
    public sealed class LossConcealer
    {
        private readonly int _rate;
        private readonly int _ms10; // samples in 10 ms
        private readonly int _minPitch; // 5 ms
        private readonly int _maxPitch; // 15 ms
        private readonly int _window; // 20 ms: the stretch matched by the pitch search
        private readonly short[] _history; // the last samples played, oldest first
        private readonly short[] _copy; // the history as it was when the loss began

        private bool _inErasure;
        private bool _joinPending;
        private int _erased; // samples concealed since the loss began
        private int _pitch;
        private int _overlap;
        private int _periods;
        private int _pos;
        private int _fadePeriods; // the stretch being cross-faded out after a switch
        private int _fadePos;
        private int _fadeLeft;
        private int _joinStep;
        private int _joinLeft;

        /// <summary>A concealer for audio at <paramref name="sampleRate"/> Hz (8000 or 16000).</summary>
        public LossConcealer(int sampleRate)
        {
            if (sampleRate != 8000 && sampleRate != 16000) throw new ArgumentOutOfRangeException("sampleRate");
            _rate = sampleRate;
            _ms10 = sampleRate / 100;
            _minPitch = sampleRate / 200;
            _maxPitch = sampleRate * 3 / 200;
            _window = sampleRate / 50;
            int length = 3 * _maxPitch + _maxPitch / 4; // 390 samples at 8 kHz
            _history = new short[length];
            _copy = new short[length];
            _pitch = _maxPitch;
            _overlap = _maxPitch / 4;
        }

        /// <summary>The sample rate given at construction.</summary>
        public int SampleRate { get { return _rate; } }

        /// <summary>The pitch period (samples) found when the last loss began.</summary>
        public int PitchSamples { get { return _pitch; } }

        /// <summary>True from a <see cref="Conceal"/> until the next <see cref="Good"/>.</summary>
        public bool Concealing { get { return _inErasure; } }

        /// <summary>Frames concealed since construction or <see cref="Reset"/>.</summary>
        public long ConcealedFrames { get; private set; }

        /// <summary>Forgets the history (a new stream): a loss before any good audio conceals as silence.</summary>
        public void Reset()
        {
            for (int i = 0; i < _history.Length; i++) _history[i] = 0;
            _inErasure = false;
            _joinPending = false;
            _erased = 0;
            ConcealedFrames = 0;
        }

        /// <summary>
        /// A frame of received audio about to be played. After a loss (or a <see cref="Discontinuity"/>)
        /// its start is blended in place with the synthetic continuation; then it joins the history.
        /// </summary>
        public void Good(short[] frame, int offset, int count)
        {
            if (_inErasure || _joinPending)
            {
                if (!_inErasure) Begin(); // a join without a loss: the stream skipped a frame
                int erasedMs = _erased * 1000 / _rate;
                int length = _overlap + (erasedMs > 10 ? (erasedMs - 10) / 10 * (_rate / 250) : 0);
                if (length > _ms10) length = _ms10;
                if (length > count) length = count;
                for (int k = 0; k < length; k++)
                {
                    int synthetic = NextOutput();
                    int mixed = (frame[offset + k] * (k + 1) + synthetic * (length - k)) / (length + 1);
                    frame[offset + k] = Clamp(mixed);
                }
                _inErasure = false;
                _joinPending = false;
            }
            Remember(frame, offset, count);
        }

        /// <summary>Writes <paramref name="count"/> samples that stand in for a lost frame; they join the history.</summary>
        public void Conceal(short[] frame, int offset, int count)
        {
            if (!_inErasure)
            {
                Begin();
                _inErasure = true;
                _joinPending = false;
            }
            for (int k = 0; k < count; k++) frame[offset + k] = Clamp(NextOutput());
            Remember(frame, offset, count);
            ConcealedFrames++;
        }

        /// <summary>
        /// The next good frame does not follow the last one played (the jitter buffer dropped a
        /// frame): its start will be blended with a continuation of the history.
        /// </summary>
        public void Discontinuity()
        {
            if (!_inErasure) _joinPending = true;
        }

        /// <summary>Starts a synthetic continuation from the history as it is now.</summary>
        private void Begin()
        {
            Array.Copy(_history, _copy, _history.Length);
            int step = _rate / 4000; // coarse pass: every 2nd lag at 8 kHz, every 4th at 16 kHz
            _pitch = PitchSearch.Estimate(_copy, _copy.Length, _window, _minPitch, _maxPitch, step);
            _overlap = _pitch / 4 < 1 ? 1 : _pitch / 4;
            _periods = 1;
            _pos = 0;
            _fadeLeft = 0;
            int end = _copy.Length - 1;
            _joinStep = _copy[end] - _copy[end - _pitch];
            _joinLeft = _overlap;
            _erased = 0;
        }

        /// <summary>The next synthetic sample, faded as the loss lengthens.</summary>
        private int NextOutput()
        {
            int t = _erased++;
            if (t >= 6 * _ms10) return 0;
            if (t == _ms10 || t == 2 * _ms10) UsePeriods(_periods + 1);
            int s = NextSample();
            if (t < _ms10) return s;
            return s * (6 * _ms10 - t) / (5 * _ms10); // 100 % at 10 ms, 0 at 60 ms
        }

        /// <summary>Repeats a longer stretch from the same phase, cross-fading out of the current one.</summary>
        private void UsePeriods(int periods)
        {
            _fadePeriods = _periods;
            _fadePos = _pos;
            _fadeLeft = _overlap;
            _periods = periods; // the same index in the longer stretch is one period earlier: same phase
        }

        private int NextSample()
        {
            int s = Stretch(_periods, _pos);
            if (_fadeLeft > 0)
            {
                int old = Stretch(_fadePeriods, _fadePos);
                s = (old * _fadeLeft + s * (_overlap + 1 - _fadeLeft)) / (_overlap + 1);
                if (++_fadePos == _fadePeriods * _pitch) _fadePos = 0;
                _fadeLeft--;
            }
            if (_joinLeft > 0)
            {
                s += _joinStep * _joinLeft / (_overlap + 1);
                _joinLeft--;
            }
            if (++_pos == _periods * _pitch) _pos = 0;
            return s;
        }

        /// <summary>
        /// Sample <paramref name="k"/> of the last <paramref name="periods"/> pitch periods of the
        /// copied history; its last P/4 samples fade into the P/4 before the stretch, so that the
        /// wrap to its start continues as the signal did.
        /// </summary>
        private int Stretch(int periods, int k)
        {
            int length = periods * _pitch;
            int start = _copy.Length - length;
            if (k < length - _overlap) return _copy[start + k];
            int j = k - (length - _overlap);
            int late = _copy[start + k];
            int early = _copy[start - _overlap + j];
            return (late * (_overlap - j) + early * (j + 1)) / (_overlap + 1);
        }

        private void Remember(short[] frame, int offset, int count)
        {
            int length = _history.Length;
            if (count >= length)
            {
                Array.Copy(frame, offset + count - length, _history, 0, length);
                return;
            }
            Array.Copy(_history, count, _history, 0, length - count);
            Array.Copy(frame, offset, _history, length - count, count);
        }

        private static short Clamp(int s)
        {
            if (s > short.MaxValue) return short.MaxValue;
            if (s < short.MinValue) return short.MinValue;
            return (short)s;
        }
    }
}
