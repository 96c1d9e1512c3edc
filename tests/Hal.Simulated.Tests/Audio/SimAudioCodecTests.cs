// The simulated codec: a 20 ms frame clock on virtual time, a microphone fed from WAV, a recorded speaker.
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Hal.Simulated.Tests.Audio;

public class SimAudioCodecTests
{
    private readonly VirtualClock _clock = new();
    private readonly VirtualTimeDriver _driver;
    private readonly SimAudioCodec _codec;
    private readonly List<(long at, short[] mic, int speakerLength)> _frames = new();

    public SimAudioCodecTests()
    {
        _driver = new VirtualTimeDriver(_clock);
        _codec = new SimAudioCodec(_clock);
    }

    private void Record(short[] mic, short[] speaker) => _frames.Add((_clock.NowMs, (short[])mic.Clone(), speaker.Length));

    [Theory]
    [InlineData(8000, 160)]
    [InlineData(16000, 320)]
    public void Frames_arrive_every_20_ms_of_virtual_time_with_rate_over_50_samples(int rate, int samples)
    {
        Assert.True(_codec.Start(rate, Record));
        Assert.True(_codec.IsRunning);
        Assert.Equal(rate, _codec.SampleRate);

        _driver.Advance(19);
        Assert.Empty(_frames);
        _driver.Advance(101);

        Assert.Equal(new long[] { 20, 40, 60, 80, 100, 120 }, _frames.Select(f => f.at));
        Assert.All(_frames, f => Assert.Equal(samples, f.mic.Length));
        Assert.All(_frames, f => Assert.Equal(samples, f.speakerLength));
        Assert.Equal(6, _codec.Frames);
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    [InlineData(0)]
    [InlineData(-8000)]
    public void Start_refuses_rates_other_than_8_and_16_kHz(int rate)
    {
        Assert.False(_codec.Start(rate, Record));
        Assert.False(_codec.IsRunning);
        Assert.Equal(0, _codec.SampleRate);
        Assert.Equal(0, _clock.PendingTimers);
    }

    [Fact]
    public void Microphone_samples_arrive_in_order_then_silence()
    {
        var fed = Enumerable.Range(1, 200).Select(i => (short)i).ToArray();
        _codec.FeedMicrophone(new WavAudio(8000, fed), 8000);
        Assert.Equal(200, _codec.MicrophoneBacklog);
        _codec.Start(8000, Record);

        _driver.Advance(60);

        var heard = _frames.SelectMany(f => f.mic).ToArray();
        Assert.Equal(480, heard.Length);
        Assert.Equal(fed, heard[..200]);
        Assert.All(heard[200..], s => Assert.Equal(0, s));
        Assert.Equal(0, _codec.MicrophoneBacklog);
    }

    [Fact]
    public void Microphone_audio_at_another_rate_is_resampled_to_the_calls_rate()
    {
        _codec.FeedMicrophone(new WavAudio(16000, new short[640]), 8000);
        Assert.Equal(320, _codec.MicrophoneBacklog);
    }

    [Fact]
    public void Capture_records_what_the_handler_put_in_the_speaker_frame()
    {
        short next = 0;
        _codec.Start(8000, (mic, speaker) => { for (int i = 0; i < speaker.Length; i++) speaker[i] = next++; });
        _driver.Advance(20);   // before the capture: not recorded
        _codec.StartCapture();

        _driver.Advance(40);

        var captured = _codec.Captured();
        Assert.Equal(Enumerable.Range(160, 320).Select(i => (short)i), captured);
        var wav = _codec.StopCapture();
        Assert.True(WavFile.TryRead(wav, out var audio, out var reason), reason);
        Assert.Equal(8000, audio!.SampleRate);
        Assert.Equal(captured, audio.Samples);

        _driver.Advance(40);
        Assert.Equal(320, _codec.Captured().Length);   // stopped capturing
    }

    [Fact]
    public void The_speaker_frame_is_silence_when_the_handler_leaves_it_alone()
    {
        _codec.Start(8000, (mic, speaker) => { if (_codec.Frames == 0) Array.Fill(speaker, (short)99); });
        _codec.StartCapture();

        _driver.Advance(40);

        var captured = _codec.Captured();
        Assert.All(captured[..160], s => Assert.Equal(99, s));
        Assert.All(captured[160..], s => Assert.Equal(0, s));
    }

    [Fact]
    public void Stop_stops_the_frames()
    {
        _codec.Start(8000, Record);
        _driver.Advance(40);

        _codec.Stop();
        _driver.Advance(1000);

        Assert.Equal(2, _frames.Count);
        Assert.False(_codec.IsRunning);
        Assert.Equal(0, _codec.SampleRate);
        Assert.Equal(0, _clock.PendingTimers);
    }

    [Fact]
    public void Starting_again_restarts_the_frame_clock_at_the_new_rate()
    {
        _codec.Start(8000, Record);
        _driver.Advance(30);
        _codec.Start(16000, Record);
        _driver.Advance(40);

        Assert.Equal(new long[] { 20, 50, 70 }, _frames.Select(f => f.at));
        Assert.Equal(new[] { 160, 320, 320 }, _frames.Select(f => f.mic.Length));
        Assert.Equal(2, _codec.Frames);
        Assert.Equal(1, _clock.PendingTimers);
    }

    [Fact]
    public void A_capture_stopped_while_the_codec_is_stopped_uses_the_given_rate()
    {
        _codec.StartCapture();
        Assert.True(WavFile.TryRead(_codec.StopCapture(16000), out var audio, out _));
        Assert.Equal(16000, audio!.SampleRate);
        Assert.Empty(audio.Samples);
    }

    [Theory]
    [InlineData(-3, 0)]
    [InlineData(7, 7)]
    [InlineData(11, 10)]
    public void Volume_is_kept_within_0_to_10(int asked, int kept)
    {
        _codec.SetVolume(asked);
        Assert.Equal(kept, _codec.Volume);
    }
}
