using DeskPhone.Firmware.Media.Codecs;

namespace DeskPhone.Firmware.Tests.Media.Codecs;

public class G711Tests
{
    [Theory]
    // Points of the G.711 tables: linear input → code word.
    [InlineData(0, 0xFF)]
    [InlineData(-1, 0x7F)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    [InlineData(1000, 0xCE)]
    [InlineData(-1000, 0x4E)]
    public void Mu_law_encodes_known_points(short linear, int expected)
    {
        Assert.Equal((byte)expected, G711.LinearToMu(linear));
    }

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    [InlineData(1000, 0xFA)]
    [InlineData(-1000, 0x7A)]
    public void A_law_encodes_known_points(short linear, int expected)
    {
        Assert.Equal((byte)expected, G711.LinearToA(linear));
    }

    [Fact]
    public void Every_mu_law_code_survives_decode_then_encode()
    {
        for (int code = 0; code < 256; code++)
        {
            if (code == 0x7F) continue; // negative zero encodes back as positive zero
            Assert.Equal((byte)code, G711.LinearToMu(G711.MuToLinear((byte)code)));
        }
    }

    [Fact]
    public void Every_A_law_code_survives_decode_then_encode()
    {
        for (int code = 0; code < 256; code++) Assert.Equal((byte)code, G711.LinearToA(G711.AToLinear((byte)code)));
    }

    [Fact]
    public void Decoding_is_monotonic_and_close_to_the_input_across_the_range()
    {
        for (int s = -32768; s <= 32767; s += 7)
        {
            short mu = G711.MuToLinear(G711.LinearToMu((short)s));
            short a = G711.AToLinear(G711.LinearToA((short)s));
            double tolerance = Math.Max(16, Math.Abs(s) / 15.0);
            Assert.True(Math.Abs(mu - s) <= tolerance, $"µ-law {s} -> {mu}");
            Assert.True(Math.Abs(a - s) <= tolerance, $"A-law {s} -> {a}");
        }
    }

    [Fact]
    public void Frame_encoding_matches_sample_encoding_and_allocates_nothing()
    {
        var pcm = new short[160];
        for (int i = 0; i < pcm.Length; i++) pcm[i] = (short)(Math.Sin(i / 5.0) * 12000);
        var mu = new byte[160];
        var back = new short[160];
        G711.EncodeMu(pcm, 0, mu, 0, 160);
        G711.DecodeMu(mu, 0, back, 0, 160);
        Assert.Equal(0, Allocations.Steady(() =>
        {
            for (int n = 0; n < 1000; n++)
            {
                G711.EncodeMu(pcm, 0, mu, 0, 160);
                G711.DecodeMu(mu, 0, back, 0, 160);
                G711.EncodeA(pcm, 0, mu, 0, 160);
                G711.DecodeA(mu, 0, back, 0, 160);
            }
        }));
        for (int i = 0; i < 160; i++) Assert.Equal(G711.AToLinear(G711.LinearToA(pcm[i])), back[i]);
    }
}
