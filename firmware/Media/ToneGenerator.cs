// Call-progress tones made on the phone: two sine waves with an on/off cadence.
using System;

namespace DeskPhone.Firmware.Media
{
    /// <summary>
    /// Generates dual-frequency tones (dial tone 350 + 440 Hz, ringback, busy) from a sine table
    /// with phase accumulators: no allocation and no floating point per sample, so it can run on
    /// the media thread of an ESP32. Set from the loop, read by the media thread.
    /// </summary>
    public sealed class ToneGenerator
    {
        private const int TableBits = 10;
        private const int TableSize = 1 << TableBits;
        private static short[] _sine;

        private readonly object _gate = new object();
        private Tone _tone; // set by the loop, read by the media thread: guarded by _gate
        private uint _phase1;
        private uint _phase2;
        private long _sampleInCycle;

        /// <summary>A silent generator.</summary>
        public ToneGenerator()
        {
            if (_sine == null)
            {
                short[] table = new short[TableSize];
                for (int i = 0; i < TableSize; i++) table[i] = (short)Math.Round(Math.Sin(2 * Math.PI * i / TableSize) * 32767);
                _sine = table;
            }
        }

        /// <summary>The tone playing, or null.</summary>
        public Tone Current
        {
            get { lock (_gate) { return _tone; } }
        }

        /// <summary>Starts <paramref name="tone"/> from the beginning of its cadence (null = silence).</summary>
        public void Play(Tone tone)
        {
            lock (_gate)
            {
                _phase1 = 0;
                _phase2 = 0;
                _sampleInCycle = 0;
                _tone = tone;
            }
        }

        /// <summary>Fills <paramref name="frame"/> with the next samples at <paramref name="sampleRate"/>.</summary>
        public void Fill(short[] frame, int sampleRate)
        {
            lock (_gate) { FillLocked(frame, sampleRate); }
        }

        private void FillLocked(short[] frame, int sampleRate)
        {
            Tone t = _tone;
            if (t == null)
            {
                for (int i = 0; i < frame.Length; i++) frame[i] = 0;
                return;
            }
            uint step1 = (uint)(((long)t.Frequency1 << 32) / sampleRate);
            uint step2 = (uint)(((long)t.Frequency2 << 32) / sampleRate);
            long onSamples = (long)t.OnMs * sampleRate / 1000;
            long cycleSamples = onSamples + (long)t.OffMs * sampleRate / 1000;
            for (int i = 0; i < frame.Length; i++)
            {
                bool on = t.OffMs == 0 || (t.Cadence == null ? _sampleInCycle < onSamples : t.IsOnAt(_sampleInCycle * 1000 / sampleRate));
                int v = 0;
                if (on)
                {
                    v = _sine[_phase1 >> (32 - TableBits)] * t.Level / 32767;
                    if (t.Frequency2 > 0) v += _sine[_phase2 >> (32 - TableBits)] * t.Level / 32767;
                }
                if (v > short.MaxValue) v = short.MaxValue; // two loud sines clip, never wrap around
                else if (v < short.MinValue) v = short.MinValue;
                frame[i] = (short)v;
                _phase1 += step1;
                _phase2 += step2;
                _sampleInCycle++;
                if (t.OffMs > 0 && _sampleInCycle >= cycleSamples) _sampleInCycle = 0;
            }
        }
    }
}
