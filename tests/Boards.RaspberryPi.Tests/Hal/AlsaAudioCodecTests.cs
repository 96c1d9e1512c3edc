// Frames through libasound's "null" PCM (present wherever libasound2 is): real ALSA calls, no sound card.
using DeskPhone.Boards.RaspberryPi.Hal;
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Boards.RaspberryPi.Linux.Alsa;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Tests.Hal;

public sealed class AlsaAudioCodecTests
{
    [Fact]
    public void Alsa_enum_values_are_the_ones_libasound_names()
    {
        Assert.Equal("S16_LE", AlsaNative.FormatName(AlsaNative.FormatS16Le));
        Assert.Equal("RW_INTERLEAVED", AlsaNative.AccessName(AlsaNative.AccessRwInterleaved));
        Assert.Equal("PLAYBACK", AlsaNative.StreamName(AlsaNative.StreamPlayback));
        Assert.Equal("CAPTURE", AlsaNative.StreamName(AlsaNative.StreamCapture));
    }

    [Theory]
    [InlineData(8000, 160)]
    [InlineData(16000, 320)]
    public void Null_device_opens_with_20_ms_periods_and_a_buffer_of_four(int rate, int frame)
    {
        using var pcm = AlsaPcm.Open("null", capture: true, rate, channels: 1, frame, PcmFramePump.Periods);
        Assert.Equal(rate, pcm.Rate);
        Assert.Equal(1, pcm.Channels);
        Assert.Equal(frame, pcm.PeriodFrames);
        Assert.Equal(4 * frame, pcm.BufferFrames);
    }

    [Theory]
    [InlineData(8000, 160)]
    [InlineData(16000, 320)]
    public void Each_step_hands_one_20_ms_frame_to_the_handler(int rate, int samples)
    {
        int calls = 0;
        int micLength = 0, speakerLength = 0;
        using var pump = PcmFramePump.Open("null", "null", rate, (mic, speaker) =>
        {
            calls++;
            micLength = mic.Length;
            speakerLength = speaker.Length;
            speaker[0] = 1000;
        });
        for (int i = 0; i < 10; i++) Assert.True(pump.Step(), pump.LastError);
        Assert.Equal(10, calls);
        Assert.Equal(10, pump.Frames);
        Assert.Equal(samples, micLength);
        Assert.Equal(samples, speakerLength);
        Assert.Equal(samples, pump.FrameSamples);
    }

    [Fact]
    public void The_speaker_frame_is_cleared_before_every_handler_call()
    {
        var seen = new List<short>();
        using var pump = PcmFramePump.Open("null", "null", 8000, (_, speaker) =>
        {
            seen.Add(speaker[5]);
            speaker[5] = 1234;
        });
        pump.Step();
        pump.Step();
        Assert.Equal([0, 0], seen);
    }

    [Fact]
    public void Codec_runs_frames_on_its_media_thread_until_stopped_and_none_follow_the_stop()
    {
        var log = new ListLog();
        using var codec = new AlsaAudioCodec("null", "null", log);
        int calls = 0;
        using var enough = new ManualResetEventSlim();
        Assert.True(codec.Start(16000, (mic, speaker) =>
        {
            if (Interlocked.Increment(ref calls) == 25) enough.Set();
        }));
        Assert.True(codec.IsRunning);
        Assert.Equal(16000, codec.SampleRate);
        Assert.True(enough.Wait(TimeSpan.FromMinutes(1)), "the media thread delivered fewer than 25 frames");   // a hang guard, not a timing check
        codec.Stop();
        int afterStop = Volatile.Read(ref calls);
        Assert.False(codec.IsRunning);
        Assert.Equal(0, codec.SampleRate);
        Assert.True(afterStop >= 25);
        Assert.Equal(afterStop, Volatile.Read(ref calls));
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(0)]
    public void Rates_other_than_8_and_16_kHz_are_refused(int rate)
    {
        using var codec = new AlsaAudioCodec("null", "null", new ListLog());
        Assert.False(codec.Start(rate, (_, _) => { }));
        Assert.False(codec.IsRunning);
    }

    [Fact]
    public void A_missing_device_fails_start_with_its_name_in_the_log()
    {
        var log = new ListLog();
        using var codec = new AlsaAudioCodec("hw:CARD=nosuchcarddeskphone,DEV=0", "null", log);
        Assert.False(codec.Start(8000, (_, _) => { }));
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("nosuchcarddeskphone"));
    }

    [Fact]
    public void A_missing_device_is_a_hardware_error_naming_it_and_the_fix()
    {
        var e = Assert.Throws<HardwareException>(() => AlsaPcm.Open("hw:CARD=nosuchcarddeskphone,DEV=0", capture: false, 8000, 1, 160, 4));
        Assert.Contains("playback device 'hw:CARD=nosuchcarddeskphone,DEV=0'", e.Message);
        Assert.Contains("dtoverlay", e.Message);
    }

    [Fact]
    public void Speaker_amplifier_is_on_only_for_the_speaker_route_while_frames_flow()
    {
        var amp = new FakeGpioLines(21);
        using var codec = new AlsaAudioCodec("null", "null", new ListLog(), amp);
        codec.SetRoute(AudioRoute.Speaker);
        Assert.False(amp.IsOn(21));
        codec.Start(8000, (_, _) => { });
        Assert.True(amp.IsOn(21));
        codec.SetRoute(AudioRoute.Handset);
        Assert.False(amp.IsOn(21));
        codec.SetRoute(AudioRoute.Speaker);
        codec.Stop();
        Assert.False(amp.IsOn(21));
    }
}
