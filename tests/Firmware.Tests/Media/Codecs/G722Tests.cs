using DeskPhone.Firmware.Media.Codecs;

namespace DeskPhone.Firmware.Tests.Media.Codecs;

/// <summary>
/// G.722 at 64 kbit/s, checked bit for bit against spandsp (an independent implementation whose
/// documentation says it passes the ITU test sequences), where spandsp departs from the ITU
/// reference checked against the reference's rule, plus quality, framing, reset and allocation.
/// </summary>
public class G722Tests
{
    private const int Rate = 16000;

    // ---- signals ----

    private static short[] Sweep(double amplitude, int length = Rate)
    {
        // Linear chirp 50 Hz → 7.5 kHz over the whole signal.
        var pcm = new short[length];
        double f0 = 50, f1 = 7500, seconds = (double)length / Rate;
        for (int i = 0; i < length; i++)
        {
            double t = (double)i / Rate;
            // Beyond full scale the wave is clipped, as a hot microphone would be.
            double x = Math.Round(amplitude * Math.Sin(2 * Math.PI * (f0 * t + (f1 - f0) * t * t / (2 * seconds))));
            pcm[i] = (short)Math.Clamp(x, short.MinValue, short.MaxValue);
        }
        return pcm;
    }

    private static short[] Tones(double f1, double f2, double amplitude, int length = Rate)
    {
        var pcm = new short[length];
        for (int i = 0; i < length; i++)
        {
            double t = (double)i / Rate;
            pcm[i] = (short)Math.Round(amplitude * (Math.Sin(2 * Math.PI * f1 * t) + Math.Sin(2 * Math.PI * f2 * t)) / 2);
        }
        return pcm;
    }

    private static short[] Noise(int seed, int amplitude, int length = Rate)
    {
        var random = new Random(seed);
        var pcm = new short[length];
        for (int i = 0; i < length; i++) pcm[i] = (short)random.Next(-amplitude, amplitude + 1);
        return pcm;
    }

    private static short[] Square(int period, short high, short low, int length = Rate)
    {
        var pcm = new short[length];
        for (int i = 0; i < length; i++) pcm[i] = i % period < period / 2 ? high : low;
        return pcm;
    }

    public static TheoryData<string> Signals => new()
    {
        "sweep", "quiet sweep", "two tones", "noise", "loud noise", "silence", "half-scale square", "DC offset",
    };

    private static short[] Signal(string name) => name switch
    {
        "sweep" => Sweep(12000),
        "quiet sweep" => Sweep(40),
        "two tones" => Tones(440, 5200, 14000),
        "noise" => Noise(722, 8000),
        "loud noise" => Noise(64, 16000),
        "silence" => new short[Rate],
        "half-scale square" => Square(40, 16000, -16000),
        "DC offset" => Square(Rate, 12000, 12000),
        _ => throw new ArgumentException(name),
    };

    // ---- our codec over whole signals ----

    private static byte[] EncodeOurs(short[] pcm)
    {
        var output = new byte[pcm.Length / 2];
        Assert.Equal(output.Length, new G722Encoder().Encode(pcm, 0, pcm.Length, output, 0));
        return output;
    }

    private static short[] DecodeOurs(byte[] payload)
    {
        var output = new short[payload.Length * 2];
        Assert.Equal(output.Length, new G722Decoder().Decode(payload, 0, payload.Length, output, 0));
        return output;
    }

    private static byte[] EncodeSpanDsp(short[] pcm)
    {
        using var encoder = SpanDspG722.Encoder();
        return encoder.Encode(pcm);
    }

    private static short[] DecodeSpanDsp(byte[] payload)
    {
        using var decoder = SpanDspG722.Decoder();
        return decoder.Decode(payload);
    }

    private static int FirstDifference<T>(T[] a, T[] b)
    {
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++) if (!EqualityComparer<T>.Default.Equals(a[i], b[i])) return i;
        return -1;
    }

    // ---- bit-exactness against spandsp ----

    [Theory]
    [MemberData(nameof(Signals))]
    public void Encoding_is_byte_identical_to_spandsp(string signal)
    {
        short[] pcm = Signal(signal);
        byte[] ours = EncodeOurs(pcm);
        byte[] theirs = EncodeSpanDsp(pcm);
        int at = FirstDifference(ours, theirs);
        Assert.True(at < 0, $"{signal}: octet {at} is {(at < 0 ? 0 : ours[at]):X2}, spandsp {(at < 0 ? 0 : theirs[at]):X2}");
    }

    [Theory]
    [MemberData(nameof(Signals))]
    public void Decoding_is_sample_identical_to_spandsp(string signal)
    {
        byte[] payload = EncodeSpanDsp(Signal(signal));
        short[] ours = DecodeOurs(payload);
        short[] theirs = DecodeSpanDsp(payload);
        int at = FirstDifference(ours, theirs);
        Assert.True(at < 0, $"{signal}: sample {at} is {(at < 0 ? 0 : ours[at])}, spandsp {(at < 0 ? 0 : theirs[at])}");
    }

    [Fact]
    public void Silence_encodes_to_the_same_octet_as_spandsp_from_the_first_pair()
    {
        byte[] ours = EncodeOurs(new short[320]);
        Assert.Equal(EncodeSpanDsp(new short[320]), ours);
        Assert.Equal(0xFA, ours[0]); // lower band: positive code of interval 4 (58); higher band: inner level (3)
    }

    // ---- the ADPCM alone (QMF bypassed), over the full 15-bit range ----

    public static TheoryData<string> Extremes => new() { "full-range noise", "full-scale square", "full-scale sweep", "alternating extremes" };

    private static short[] Extreme(string name) => name switch
    {
        "full-range noise" => Noise(2012, 32767),
        "full-scale square" => Square(48, 32767, -32768),
        "full-scale sweep" => Sweep(32767),
        "alternating extremes" => Square(2, 32767, -32768),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Extremes))]
    public void Sub_band_encoders_match_spandsp_with_the_QMF_bypassed_over_the_full_range(string signal)
    {
        // spandsp's ITU test mode gives both sub-band encoders the input shifted right once.
        short[] pcm = Extreme(signal);
        short[] band = pcm.Select(x => (short)(x >> 1)).ToArray();
        var ours = new byte[pcm.Length];
        Assert.Equal(pcm.Length, new G722Encoder().EncodeBands(band, band, 0, band.Length, ours, 0));
        using var spandsp = SpanDspG722.Encoder().BypassQmf();
        byte[] theirs = spandsp.EncodeBypassed(pcm);
        int at = FirstDifference(ours, theirs);
        Assert.True(at < 0, $"{signal}: octet {at}");
        Assert.True(ours.Distinct().Count() > 16, "the signal should exercise many codes");
    }

    [Fact]
    public void Sub_band_decoders_match_spandsp_with_the_QMF_bypassed_for_any_octets()
    {
        // Random octets include the low-band codes 0-3 no encoder sends, and drive RL/RH into their limits.
        var payload = new byte[16000];
        new Random(9).NextBytes(payload);
        var low = new short[payload.Length];
        var high = new short[payload.Length];
        Assert.Equal(payload.Length, new G722Decoder().DecodeBands(payload, 0, payload.Length, low, high, 0));
        using var spandsp = SpanDspG722.Decoder().BypassQmf();
        short[] theirs = spandsp.Decode(payload);
        for (int i = 0; i < payload.Length; i++)
        {
            Assert.Equal(theirs[2 * i], (short)(low[i] * 2));
            Assert.Equal(theirs[2 * i + 1], (short)(high[i] * 2));
        }
        Assert.Contains((short)16383, low);
        Assert.Contains((short)-16384, low);
    }

    // ---- where spandsp departs from the ITU reference: the clipping corners ----

    // The QMF coefficients h(0)…h(23) as the recommendation tabulates them (×2^13).
    private static readonly int[] H =
        { 3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876, 3876, 951, -805, -210, 362, 32, -156, 12, 53, -11, -11, 3 };

    /// <summary>Transmit QMF straight from its definition: xL = xA + xB, xH = xA − xB, not limited.</summary>
    private static (short[] Low, short[] High) Analyse(short[] pcm)
    {
        int pairs = pcm.Length / 2;
        var low = new short[pairs];
        var high = new short[pairs];
        for (int k = 0; k < pairs; k++)
        {
            int j = 2 * k + 1;
            long xa = 0, xb = 0;
            for (int i = 0; i < 12; i++)
            {
                if (j - 2 * i >= 0) xa += H[2 * i] * pcm[j - 2 * i];
                if (j - 2 * i - 1 >= 0) xb += H[2 * i + 1] * pcm[j - 2 * i - 1];
            }
            low[k] = checked((short)((xa + xb) >> 14));
            high[k] = checked((short)((xa - xb) >> 14));
        }
        return (low, high);
    }

    private static short[] Limit15(short[] band) => band.Select(x => (short)Math.Clamp((int)x, -16384, 16383)).ToArray();

    [Theory]
    [InlineData("full-scale square")]
    [InlineData("clipped sweep")]
    public void Full_scale_input_is_limited_to_15_bits_after_the_QMF_where_spandsp_is_not(string signal)
    {
        short[] pcm = signal == "clipped sweep" ? Sweep(60000) : Square(32, 32767, -32768);
        var (low, high) = Analyse(pcm);
        Assert.Contains(low.Concat(high), x => x > 16383 || x < -16384); // the corner is reached

        var viaBands = new byte[low.Length];
        byte[] ours = EncodeOurs(pcm);
        new G722Encoder().EncodeBands(Limit15(low), Limit15(high), 0, low.Length, viaBands, 0);
        Assert.Equal(viaBands, ours); // ITU reference: LIMIT after the QMF

        var unlimited = new byte[low.Length];
        new G722Encoder().EncodeBands(low, high, 0, low.Length, unlimited, 0);
        byte[] theirs = EncodeSpanDsp(pcm);
        Assert.Equal(unlimited, theirs); // spandsp: the same ADPCM fed the unlimited band signals
        Assert.NotEqual(theirs, ours);
    }

    [Theory]
    [InlineData("random octets")]
    [InlineData("full-scale square")]
    public void Decoder_saturates_the_QMF_output_where_spandsp_wraps_around(string stream)
    {
        byte[] payload;
        if (stream == "random octets")
        {
            payload = new byte[16000];
            new Random(77).NextBytes(payload);
        }
        else payload = EncodeOurs(Square(32, 32767, -32768));

        // Receive QMF straight from its definition over the decoded sub-bands, in 64-bit.
        var low = new short[payload.Length];
        var high = new short[payload.Length];
        new G722Decoder().DecodeBands(payload, 0, payload.Length, low, high, 0);
        var exact = new long[2 * payload.Length];
        for (int k = 0; k < payload.Length; k++)
        {
            long first = 0, second = 0;
            for (int i = 0; i < 12 && i <= k; i++)
            {
                first += H[2 * i] * (long)(low[k - i] - high[k - i]);
                second += H[2 * i + 1] * (long)(low[k - i] + high[k - i]);
            }
            exact[2 * k] = first >> 11;
            exact[2 * k + 1] = second >> 11;
        }
        Assert.Contains(exact, x => x > short.MaxValue || x < short.MinValue); // the corner is reached

        short[] ours = DecodeOurs(payload);
        short[] theirs = DecodeSpanDsp(payload);
        for (int i = 0; i < exact.Length; i++)
        {
            Assert.Equal((short)Math.Clamp(exact[i], short.MinValue, short.MaxValue), ours[i]);
            Assert.Equal(unchecked((short)exact[i]), theirs[i]);
        }
    }

    // ---- quality, framing, state ----

    /// <summary>The lag (0…63 samples) at which the decoded signal best matches the input.</summary>
    private static int Delay(short[] input, short[] output)
    {
        int delay = 0;
        double best = double.MinValue;
        for (int lag = 0; lag < 64; lag++)
        {
            double c = 0;
            for (int i = 1000; i < input.Length - 64; i++) c += (double)input[i] * output[i + lag];
            if (c > best) (best, delay) = (c, lag);
        }
        return delay;
    }

    [Fact]
    public void The_codec_delays_the_signal_by_22_samples()
    {
        // Two 24-tap QMFs delay by 11.5 samples each; each output pair is written where the input
        // pair began, one sample ahead of the second sample the analysis is aligned to.
        // White noise is used because, unlike a tone, its correlation has a single peak.
        short[] noise = Noise(3, 8000, 8000);
        Assert.Equal(CodecDelay, Delay(noise, DecodeOurs(EncodeOurs(noise))));
    }

    [Fact]
    public void A_1_kHz_tone_survives_the_round_trip_with_high_SNR()
    {
        var pcm = new short[2 * Rate];
        for (int i = 0; i < pcm.Length; i++) pcm[i] = (short)Math.Round(10000 * Math.Sin(2 * Math.PI * 1000 * i / Rate));
        short[] decoded = DecodeOurs(EncodeOurs(pcm));
        const int delay = CodecDelay;

        double signal = 0, noise = 0;
        for (int i = 4000; i < pcm.Length - delay; i++)
        {
            signal += (double)pcm[i] * pcm[i];
            double e = decoded[i + delay] - pcm[i];
            noise += e * e;
        }
        double snr = 10 * Math.Log10(signal / noise);
        Assert.True(snr > MinimumSnrDb, $"SNR {snr:F1} dB");
        Console.WriteLine($"G.722 1 kHz round trip: SNR {snr:F1} dB");
    }

    private const int CodecDelay = 22;

    private const double MinimumSnrDb = 40; // measured 47.3 dB

    [Fact]
    public void Encoding_frame_by_frame_equals_encoding_the_whole_signal()
    {
        short[] pcm = Sweep(12000);
        var codec = new G722Codec();
        var framed = new byte[pcm.Length / 2];
        for (int off = 0; off < pcm.Length; off += 320)
            Assert.Equal(160, codec.Encode(pcm, off, 320, framed, off / 2));
        Assert.Equal(EncodeOurs(pcm), framed);
    }

    [Fact]
    public void Decoding_frame_by_frame_equals_decoding_the_whole_stream()
    {
        byte[] payload = EncodeOurs(Tones(440, 5200, 14000));
        var codec = new G722Codec();
        var framed = new short[payload.Length * 2];
        for (int off = 0; off < payload.Length; off += 160)
            Assert.Equal(320, codec.Decode(payload, off, 160, framed, off * 2));
        Assert.Equal(DecodeOurs(payload), framed);
    }

    [Fact]
    public void Reset_makes_the_codec_encode_and_decode_like_a_new_one()
    {
        short[] first = Noise(1, 9000, 3200);
        short[] second = Sweep(12000, 3200);
        byte[] stream = EncodeOurs(first);
        var used = new G722Codec();
        var scratchBytes = new byte[1600];
        var scratchPcm = new short[3200];
        used.Encode(first, 0, first.Length, scratchBytes, 0);
        used.Decode(stream, 0, stream.Length, scratchPcm, 0);

        used.Reset();

        var afterReset = new byte[1600];
        used.Encode(second, 0, second.Length, afterReset, 0);
        Assert.Equal(EncodeOurs(second), afterReset);
        var decodedAfterReset = new short[3200];
        used.Decode(afterReset, 0, afterReset.Length, decodedAfterReset, 0);
        Assert.Equal(DecodeOurs(afterReset), decodedAfterReset);
    }

    [Fact]
    public void Encoding_and_decoding_a_frame_allocate_nothing()
    {
        IVoiceCodec codec = new G722Codec();
        short[] pcm = Tones(697, 1209, 12000, 320);
        var payload = new byte[160];
        var decoded = new short[320];
        Assert.Equal(0, Allocations.Steady(() =>
        {
            for (int n = 0; n < 200; n++)
            {
                codec.Encode(pcm, 0, 320, payload, 0);
                codec.Decode(payload, 0, 160, decoded, 0);
            }
        }));
        Assert.Contains(decoded, s => s != 0);
    }

    [Fact]
    public void Codec_is_G722_at_16_kHz_with_an_8_kHz_RTP_clock_and_one_octet_per_two_samples()
    {
        IVoiceCodec codec = new G722Codec();
        Assert.Equal("G722", codec.Name);
        Assert.Equal(16000, codec.SampleRate);
        Assert.Equal(8000, codec.RtpClockRate);
        Assert.Equal(160, codec.EncodedBytes(320));
        Assert.Equal(320, codec.DecodedSamples(160));
    }

    [Fact]
    public void An_odd_number_of_samples_is_refused()
    {
        var codec = new G722Codec();
        Assert.Throws<ArgumentException>(() => codec.Encode(new short[321], 0, 321, new byte[161], 0));
    }
}
