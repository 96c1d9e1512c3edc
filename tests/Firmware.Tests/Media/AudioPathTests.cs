// The audio path on the simulated codec: tones reach the speaker frame by frame in virtual time.
using DeskPhone.Firmware.Media;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Media;

public class AudioPathTests
{
    private readonly VirtualClock _clock = new();
    private readonly VirtualTimeDriver _driver;
    private readonly SimAudioCodec _codec;
    private readonly AudioPath _path;

    public AudioPathTests()
    {
        _driver = new VirtualTimeDriver(_clock);
        _codec = new SimAudioCodec(_clock);
        _path = new AudioPath(_codec);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Dial_tone_played_on_an_open_path_reaches_the_speaker(int rate)
    {
        Assert.True(_path.Open(rate, AudioRoute.Handset));
        _path.Play(Tone.Dial);
        _codec.StartCapture();

        _driver.Advance(200);

        var heard = _codec.Captured();
        Assert.Equal(10 * rate / 50, heard.Length);
        Assert.True(Goertzel.Power(heard, rate, 350) > 1000 * Goertzel.Power(heard, rate, 1000));
        Assert.Same(Tone.Dial, _path.Tone);
    }

    [Fact]
    public void Opening_selects_the_route_and_starts_the_codec()
    {
        Assert.False(_path.IsOpen);
        Assert.True(_path.Open(8000, AudioRoute.Speaker));

        Assert.True(_path.IsOpen);
        Assert.Equal(AudioRoute.Speaker, _codec.Route);
        Assert.Equal(8000, _codec.SampleRate);

        _path.Route(AudioRoute.Headset);
        Assert.Equal(AudioRoute.Headset, _codec.Route);
    }

    [Fact]
    public void Opening_again_at_the_same_rate_keeps_the_frame_clock_running()
    {
        _path.Open(8000, AudioRoute.Handset);
        _driver.Advance(60);
        Assert.True(_path.Open(8000, AudioRoute.Speaker));

        Assert.Equal(3, _codec.Frames);
        Assert.Equal(AudioRoute.Speaker, _codec.Route);
    }

    [Fact]
    public void Opening_at_another_rate_restarts_the_codec_at_that_rate()
    {
        _path.Open(8000, AudioRoute.Handset);
        _path.Play(Tone.Dial);
        Assert.True(_path.Open(16000, AudioRoute.Handset));
        _codec.StartCapture();

        _driver.Advance(100);

        Assert.Equal(16000, _codec.SampleRate);
        var heard = _codec.Captured();
        Assert.Equal(5 * 320, heard.Length);
        Assert.True(Goertzel.Power(heard, 16000, 440) > 1000 * Goertzel.Power(heard, 16000, 1000));
        Assert.Equal(1, _clock.PendingTimers);
    }

    [Fact]
    public void An_unsupported_rate_is_refused()
    {
        Assert.False(_path.Open(44100, AudioRoute.Handset));
        Assert.False(_path.IsOpen);
    }

    [Fact]
    public void Close_stops_the_tone_and_the_frames()
    {
        _path.Open(8000, AudioRoute.Handset);
        _path.Play(Tone.Busy);
        _driver.Advance(40);

        _path.Close();
        long frames = _codec.Frames;
        _driver.Advance(1000);

        Assert.False(_path.IsOpen);
        Assert.Null(_path.Tone);
        Assert.Equal(frames, _codec.Frames);
        Assert.Equal(0, _clock.PendingTimers);
    }

    [Fact]
    public void With_no_tone_the_speaker_is_silent()
    {
        _path.Open(8000, AudioRoute.Handset);
        _codec.StartCapture();
        _driver.Advance(100);

        var heard = _codec.Captured();
        Assert.Equal(800, heard.Length);
        Assert.All(heard, s => Assert.Equal(0, s));
    }
}
