// The screening greeting: a provisioned WAV at the call's rate, or a built-in chime; played once to the caller.
using System;

namespace DeskPhone.Firmware.Media.Recording
{
    /// <summary>
    /// Samples the caller hears when a call is screened. Made on the loop (<see cref="FromWav"/>,
    /// <see cref="Chime"/>), played on the media thread through <see cref="IFrameSource"/>: once, then
    /// silence. Held in RAM while it plays, so a greeting is kept short (<see cref="MaxSeconds"/>).
    /// </summary>
    public sealed class Greeting : IFrameSource
    {
        /// <summary>The longest greeting played; a longer WAV is cut there.</summary>
        public const int MaxSeconds = 10;

        private readonly short[] _samples;
        private readonly int _rate;
        private readonly object _gate = new object();
        private int _at;

        private Greeting(short[] samples, int rate)
        {
            _samples = samples;
            _rate = rate;
        }

        /// <summary>Samples per second.</summary>
        public int SampleRate { get { return _rate; } }

        /// <summary>Length in milliseconds.</summary>
        public int DurationMs { get { return (int)((long)_samples.Length * 1000 / _rate); } }

        /// <summary>True once every sample was played.</summary>
        public bool Done { get { lock (_gate) { return _at >= _samples.Length; } } }

        /// <inheritdoc/>
        public void Fill(short[] frame, int samples, int sampleRate)
        {
            lock (_gate)
            {
                for (int i = 0; i < samples; i++)
                {
                    frame[i] = sampleRate == _rate && _at < _samples.Length ? _samples[_at++] : (short)0;
                }
            }
        }

        /// <summary>
        /// The built-in greeting at <paramref name="rate"/>: a two-tone chime (880 Hz then 660 Hz, twice),
        /// then a longer 880 Hz beep after which the caller speaks: about 2.4 s.
        /// </summary>
        public static Greeting Chime(int rate)
        {
            int[] hz = { 880, 660, 0, 880, 660, 0, 880 };
            int[] ms = { 300, 300, 200, 300, 300, 400, 600 };
            int total = 0;
            for (int i = 0; i < ms.Length; i++) total += ms[i] * rate / 1000;
            short[] s = new short[total];
            int at = 0;
            for (int p = 0; p < hz.Length; p++)
            {
                int n = ms[p] * rate / 1000;
                for (int i = 0; i < n; i++)
                {
                    double fade = Math.Min(1.0, Math.Min(i, n - i) / (rate / 200.0)); // 5 ms ramps: no clicks
                    s[at++] = hz[p] == 0 ? (short)0 : (short)(6000 * fade * Math.Sin(2 * Math.PI * hz[p] * i / rate));
                }
            }
            return new Greeting(s, rate);
        }

        /// <summary>
        /// A greeting from WAV bytes (16-bit mono PCM at 8000 or 16000 Hz), converted to <paramref name="rate"/>
        /// (samples repeated or averaged) and cut at <see cref="MaxSeconds"/>; null with <paramref name="problem"/> when the bytes are not such a WAV.
        /// </summary>
        public static Greeting FromWav(byte[] wav, int rate, out string problem)
        {
            problem = null;
            int fileRate, dataAt, dataBytes;
            if (!ReadWav(wav, out fileRate, out dataAt, out dataBytes, out problem)) return null;
            int inCount = dataBytes / 2;
            if (inCount > MaxSeconds * fileRate) inCount = MaxSeconds * fileRate;
            int outCount = (int)((long)inCount * rate / fileRate);
            short[] s = new short[outCount];
            for (int i = 0; i < outCount; i++)
            {
                if (fileRate == rate) s[i] = Sample(wav, dataAt, i);
                else if (fileRate < rate)
                {
                    // 8 kHz to 16 kHz: halfway samples between neighbours
                    int j = i / 2;
                    int a = Sample(wav, dataAt, j);
                    int b = j + 1 < inCount ? Sample(wav, dataAt, j + 1) : a;
                    s[i] = (short)(i % 2 == 0 ? a : (a + b) / 2);
                }
                else s[i] = (short)((Sample(wav, dataAt, 2 * i) + Sample(wav, dataAt, 2 * i + 1)) / 2); // 16 kHz to 8 kHz
            }
            return new Greeting(s, rate);
        }

        private static short Sample(byte[] b, int dataAt, int i)
        {
            int at = dataAt + 2 * i;
            return (short)(b[at] | (b[at + 1] << 8));
        }

        /// <summary>Finds the format and the samples of a RIFF/WAVE file; false with the reason otherwise.</summary>
        private static bool ReadWav(byte[] b, out int rate, out int dataAt, out int dataBytes, out string problem)
        {
            rate = 0;
            dataAt = 0;
            dataBytes = 0;
            problem = null;
            if (b == null || b.Length < 12 || !Tag(b, 0, "RIFF") || !Tag(b, 8, "WAVE")) { problem = "not a RIFF/WAVE file"; return false; }
            bool haveFormat = false;
            int at = 12;
            while (at + 8 <= b.Length)
            {
                int size = WavHeader.ReadInt32(b, at + 4);
                if (size < 0 || size > b.Length - at - 8) size = b.Length - at - 8; // a header not patched: take what is there
                if (Tag(b, at, "fmt ") && size >= 16)
                {
                    int format = WavHeader.ReadInt16(b, at + 8);
                    int channels = WavHeader.ReadInt16(b, at + 10);
                    rate = WavHeader.ReadInt32(b, at + 12);
                    int bits = WavHeader.ReadInt16(b, at + 22);
                    if (format != 1 || channels != 1 || bits != 16) { problem = "not 16-bit mono PCM"; return false; }
                    if (rate != 8000 && rate != 16000) { problem = "sample rate " + rate.ToString() + " Hz (8000 or 16000 wanted)"; return false; }
                    haveFormat = true;
                }
                else if (Tag(b, at, "data"))
                {
                    if (!haveFormat) { problem = "samples before the format"; return false; }
                    dataAt = at + 8;
                    dataBytes = size & ~1;
                    if (dataBytes == 0) { problem = "no samples"; return false; }
                    return true;
                }
                at += 8 + size + (size & 1);
            }
            problem = haveFormat ? "no samples" : "no format chunk";
            return false;
        }

        private static bool Tag(byte[] b, int at, string tag)
        {
            for (int i = 0; i < 4; i++) if (b[at + i] != (byte)tag[i]) return false;
            return true;
        }
    }
}
