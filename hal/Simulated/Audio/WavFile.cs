// Reads and writes 16-bit PCM mono WAV files, the format the simulator's audio API speaks.
using System.Buffers.Binary;
using System.Text;

namespace DeskPhone.Hal.Simulated.Audio;

/// <summary>16-bit PCM samples with their rate.</summary>
public sealed record WavAudio(int SampleRate, short[] Samples);

/// <summary>WAV (RIFF/WAVE, PCM) reading and writing. Stereo input is mixed to mono.</summary>
public static class WavFile
{
    /// <summary>Writes mono 16-bit PCM.</summary>
    public static byte[] Write(int sampleRate, ReadOnlySpan<short> samples)
    {
        var b = new byte[44 + samples.Length * 2];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(b, 0);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4), 36 + samples.Length * 2);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(b, 8);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(28), sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(34), 16);
        Encoding.ASCII.GetBytes("data").CopyTo(b, 36);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(40), samples.Length * 2);
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(44 + 2 * i), samples[i]);
        return b;
    }

    /// <summary>Reads a PCM WAV; false with a reason for anything else (compressed, 8-bit, truncated).</summary>
    public static bool TryRead(byte[] b, out WavAudio? audio, out string reason)
    {
        audio = null;
        reason = "";
        if (b.Length < 12 || Encoding.ASCII.GetString(b, 0, 4) != "RIFF" || Encoding.ASCII.GetString(b, 8, 4) != "WAVE")
        {
            reason = "not a RIFF/WAVE file";
            return false;
        }
        int at = 12, rate = 0, channels = 0, bits = 0;
        bool haveFmt = false;
        while (at + 8 <= b.Length)
        {
            string id = Encoding.ASCII.GetString(b, at, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(at + 4));
            int body = at + 8;
            if (size < 0) { reason = "chunk '" + id + "' has a negative size"; return false; }
            if (id == "fmt ")
            {
                if (size < 16 || body + 16 > b.Length) { reason = "fmt chunk is too short"; return false; }
                int format = BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(body));
                channels = BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(body + 2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(body + 4));
                bits = BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(body + 14));
                if (format != 1 && format != unchecked((short)0xFFFE)) { reason = "WAV format " + format + " is not PCM"; return false; }
                if (bits != 16) { reason = bits + "-bit samples: 16-bit PCM is required"; return false; }
                if (channels < 1 || channels > 2) { reason = channels + " channels: mono or stereo is required"; return false; }
                if (rate < 4000 || rate > 96000) { reason = "sample rate " + rate + " Hz is out of range"; return false; }
                haveFmt = true;
            }
            else if (id == "data")
            {
                if (!haveFmt) { reason = "data chunk before fmt chunk"; return false; }
                int avail = Math.Min(size, b.Length - body);
                int frames = avail / (2 * channels);
                var samples = new short[frames];
                for (int i = 0; i < frames; i++)
                {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) sum += BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(body + 2 * (i * channels + c)));
                    samples[i] = (short)(sum / channels);
                }
                audio = new WavAudio(rate, samples);
                return true;
            }
            if (size > b.Length - body) break; // the chunk runs past the end: no data chunk can follow
            at = body + size + (size & 1);
        }
        reason = "no data chunk";
        return false;
    }

    /// <summary>Linear resampling to <paramref name="rate"/> (enough for test tones and speech).</summary>
    public static short[] Resample(WavAudio audio, int rate)
    {
        if (audio.SampleRate == rate) return audio.Samples;
        int n = (int)((long)audio.Samples.Length * rate / audio.SampleRate);
        var result = new short[n];
        for (int i = 0; i < n; i++)
        {
            double src = (double)i * audio.SampleRate / rate;
            int j = (int)src;
            double f = src - j;
            short a = audio.Samples[Math.Min(j, audio.Samples.Length - 1)];
            short c = audio.Samples[Math.Min(j + 1, audio.Samples.Length - 1)];
            result[i] = (short)Math.Round(a + (c - a) * f);
        }
        return result;
    }
}
