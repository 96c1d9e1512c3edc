// The codec registry: names to codecs, and which SDP codecs the phone can play.
using DeskPhone.Firmware.Media.Codecs;
using DeskPhone.Firmware.Media.Sdp;

namespace DeskPhone.Firmware.Tests.Media.Codecs;

public class VoiceCodecsTests
{
    [Theory]
    [InlineData("PCMU", 8000)]
    [InlineData("pcma", 8000)]
    [InlineData("G722", 16000)]
    public void Each_name_makes_a_fresh_codec_whose_rates_are_what_Plays_accepts(string name, int sampleRate)
    {
        var a = VoiceCodecs.Create(name)!;
        Assert.NotSame(a, VoiceCodecs.Create(name));
        Assert.Equal(sampleRate, a.SampleRate);
        Assert.Equal(8000, a.RtpClockRate);
        Assert.True(VoiceCodecs.Plays(new SdpCodec(name, 96, a.RtpClockRate, a.SampleRate, null)));
    }

    [Fact]
    public void Codecs_the_phone_lacks_or_at_other_rates_are_not_played()
    {
        Assert.Null(VoiceCodecs.Create("GSM"));
        Assert.False(VoiceCodecs.Plays(new SdpCodec("GSM", 3, 8000, 8000, null)));
        Assert.False(VoiceCodecs.Plays(new SdpCodec("G722", 9, 16000, 16000, null))); // the RFC 3551 clock is 8000
        Assert.False(VoiceCodecs.Plays(new SdpCodec("PCMU", 0, 8000, 16000, null)));
        Assert.False(VoiceCodecs.Plays(SdpCodec.TelephoneEvent));
        Assert.False(VoiceCodecs.Plays(null!));
        Assert.True(VoiceCodecs.Plays(SdpCodec.G722) && VoiceCodecs.Plays(SdpCodec.Pcmu) && VoiceCodecs.Plays(SdpCodec.Pcma));
    }

    [Fact]
    public void Asking_whether_a_codec_plays_allocates_nothing()
    {
        Assert.Equal(0, Allocations.Steady(() => { for (int i = 0; i < 100; i++) VoiceCodecs.Plays(SdpCodec.G722); }));
    }
}
