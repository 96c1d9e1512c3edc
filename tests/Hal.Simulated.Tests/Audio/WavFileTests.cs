// WAV reading and writing: round trips, stereo mixing, and refusals that say why.
using System.Buffers.Binary;
using System.Text;
using DeskPhone.Hal.Simulated.Audio;

namespace DeskPhone.Hal.Simulated.Tests.Audio;

public class WavFileTests
{
    /// <summary>A RIFF/WAVE file built chunk by chunk.</summary>
    private static byte[] Riff(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        var b = new byte[12 + body.Length];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(b, 0);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4), 4 + body.Length);
        Encoding.ASCII.GetBytes("WAVE").CopyTo(b, 8);
        body.CopyTo(b, 12);
        return b;
    }

    private static byte[] Chunk(string id, byte[] data, int? declaredSize = null)
    {
        var b = new byte[8 + data.Length + (data.Length & 1)];
        Encoding.ASCII.GetBytes(id).CopyTo(b, 0);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4), declaredSize ?? data.Length);
        data.CopyTo(b, 8);
        return b;
    }

    private static byte[] Fmt(int format = 1, int channels = 1, int rate = 8000, int bits = 16)
    {
        var f = new byte[16];
        BinaryPrimitives.WriteInt16LittleEndian(f, (short)format);
        BinaryPrimitives.WriteInt16LittleEndian(f.AsSpan(2), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(4), rate);
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(8), rate * channels * bits / 8);
        BinaryPrimitives.WriteInt16LittleEndian(f.AsSpan(12), (short)(channels * bits / 8));
        BinaryPrimitives.WriteInt16LittleEndian(f.AsSpan(14), (short)bits);
        return Chunk("fmt ", f);
    }

    private static byte[] Samples(params short[] s)
    {
        var b = new byte[s.Length * 2];
        for (int i = 0; i < s.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(2 * i), s[i]);
        return Chunk("data", b);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(44100)]
    public void A_written_file_reads_back_the_same_samples_and_rate(int rate)
    {
        var samples = Enumerable.Range(0, 1000).Select(i => (short)(i * 97 - 32768)).Append(short.MaxValue).Append(short.MinValue).ToArray();

        Assert.True(WavFile.TryRead(WavFile.Write(rate, samples), out var audio, out var reason), reason);

        Assert.Equal(rate, audio!.SampleRate);
        Assert.Equal(samples, audio.Samples);
        Assert.Equal("", reason);
    }

    [Fact]
    public void The_written_header_is_canonical_44_byte_PCM_mono()
    {
        var b = WavFile.Write(8000, new short[] { 1, -1 });

        Assert.Equal(48, b.Length);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(b, 0, 4));
        Assert.Equal(40, BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(4)));
        Assert.Equal("WAVEfmt ", Encoding.ASCII.GetString(b, 8, 8));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(20)));     // PCM
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(22)));     // mono
        Assert.Equal(16000, BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(28))); // byte rate
        Assert.Equal(2, BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(32)));     // block align
        Assert.Equal("data", Encoding.ASCII.GetString(b, 36, 4));
        Assert.Equal(4, BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(40)));
        Assert.Equal(new byte[] { 1, 0, 0xFF, 0xFF }, b[44..]);
    }

    [Fact]
    public void Stereo_is_mixed_to_mono_by_averaging_the_channels()
    {
        var wav = Riff(Fmt(channels: 2), Samples(1000, 3000, -32768, -32768, 32767, 32767, 100, -100, 5, 6));

        Assert.True(WavFile.TryRead(wav, out var audio, out var reason), reason);

        Assert.Equal(new short[] { 2000, -32768, 32767, 0, 5 }, audio!.Samples);
    }

    [Fact]
    public void Chunks_before_the_data_are_skipped_including_odd_sized_ones()
    {
        var wav = Riff(Chunk("LIST", new byte[] { 1, 2, 3 }), Fmt(), Chunk("fact", new byte[4]), Samples(7, 8, 9));

        Assert.True(WavFile.TryRead(wav, out var audio, out var reason), reason);
        Assert.Equal(new short[] { 7, 8, 9 }, audio!.Samples);
    }

    [Fact]
    public void A_data_chunk_longer_than_the_file_yields_the_samples_present()
    {
        var data = Samples(1, 2, 3, 4);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), 1_000_000);

        Assert.True(WavFile.TryRead(Riff(Fmt(), data), out var audio, out _));
        Assert.Equal(new short[] { 1, 2, 3, 4 }, audio!.Samples);
    }

    public static TheoryData<string, byte[], string> Refusals => new()
    {
        { "8-bit samples", Riff(Fmt(bits: 8), Samples(1)), "8-bit samples: 16-bit PCM is required" },
        { "24-bit samples", Riff(Fmt(bits: 24), Samples(1)), "24-bit samples: 16-bit PCM is required" },
        { "A-law", Riff(Fmt(format: 6), Samples(1)), "WAV format 6 is not PCM" },
        { "IMA ADPCM", Riff(Fmt(format: 0x11), Samples(1)), "WAV format 17 is not PCM" },
        { "six channels", Riff(Fmt(channels: 6), Samples(1)), "6 channels: mono or stereo is required" },
        { "zero channels", Riff(Fmt(channels: 0), Samples(1)), "0 channels: mono or stereo is required" },
        { "absurd rate", Riff(Fmt(rate: 1000), Samples(1)), "sample rate 1000 Hz is out of range" },
        { "truncated fmt", WavFile.Write(8000, new short[] { 1 })[..30], "fmt chunk is too short" },
        { "header cut inside RIFF", WavFile.Write(8000, new short[] { 1 })[..10], "not a RIFF/WAVE file" },
        { "empty", Array.Empty<byte>(), "not a RIFF/WAVE file" },
        { "not RIFF", Encoding.ASCII.GetBytes("OggS0000WAVE"), "not a RIFF/WAVE file" },
        { "no data chunk", Riff(Fmt()), "no data chunk" },
        { "data before fmt", Riff(Samples(1), Fmt()), "data chunk before fmt chunk" },
        { "negative chunk size", Riff(Chunk("LIST", new byte[4], declaredSize: -4), Fmt(), Samples(1)), "chunk 'LIST' has a negative size" },
        { "chunk size past the end", Riff(Fmt(), Chunk("LIST", new byte[4], declaredSize: int.MaxValue - 3)), "no data chunk" },
        { "short fmt", Riff(Chunk("fmt ", new byte[14]), Samples(1)), "fmt chunk is too short" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Files_that_are_not_16_bit_PCM_are_refused_with_the_reason(string what, byte[] wav, string reason)
    {
        Assert.False(WavFile.TryRead(wav, out var audio, out var why), what);
        Assert.Null(audio);
        Assert.Equal(reason, why);
    }

    [Fact]
    public void Resampling_to_the_same_rate_keeps_the_samples()
    {
        var audio = new WavAudio(8000, new short[] { 1, 2, 3 });
        Assert.Same(audio.Samples, WavFile.Resample(audio, 8000));
    }

    [Fact]
    public void Resampling_to_twice_the_rate_interpolates_between_samples()
    {
        var audio = new WavAudio(8000, new short[] { 0, 100, 200 });
        Assert.Equal(new short[] { 0, 50, 100, 150, 200, 200 }, WavFile.Resample(audio, 16000));
    }

    [Fact]
    public void Resampling_to_half_the_rate_keeps_every_other_sample()
    {
        var audio = new WavAudio(16000, new short[] { 0, 10, 20, 30, 40, 50 });
        Assert.Equal(new short[] { 0, 20, 40 }, WavFile.Resample(audio, 8000));
    }
}
