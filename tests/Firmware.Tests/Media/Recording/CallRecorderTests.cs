// The recorder alone: the ring between the media thread and the loop, the WAV header, failures.
using DeskPhone.Firmware.Media.Recording;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Storage;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Media.Recording;

public class CallRecorderTests
{
    private readonly MemoryStorage _storage = new();
    private readonly SimLog _log = new(new VirtualClock());
    private readonly CallRecorder _recorder;
    private readonly short[] _sent = new short[160];
    private readonly short[] _heard = new short[160];

    public CallRecorderTests() { _recorder = new CallRecorder(_storage, _log); }

    private void Frames(int n)
    {
        for (int i = 0; i < n; i++) _recorder.Frame(_sent, _heard, 160, 8000);
    }

    [Fact]
    public void Start_writes_a_header_and_stop_patches_both_sizes()
    {
        Assert.True(_recorder.Start("rec/x.wav", 8000, 60));
        Assert.Equal(44, _storage.Length("rec/x.wav"));
        Frames(10);
        _recorder.Drain();
        Frames(5);

        Assert.Equal("rec/x.wav", _recorder.Stop());

        var b = _storage.Read("rec/x.wav")!;
        Assert.Equal(44 + 15 * 320, b.Length);
        Assert.Equal(b.Length - 8, BitConverter.ToInt32(b, 4));
        Assert.Equal(15 * 320, BitConverter.ToInt32(b, 40));
        Assert.Equal(8000, BitConverter.ToInt32(b, 24));
        Assert.Equal(16000, BitConverter.ToInt32(b, 28));
    }

    [Fact]
    public void Both_sides_are_added_and_clipped_not_wrapped()
    {
        _sent[0] = 1000; _heard[0] = 234;
        _sent[1] = 30000; _heard[1] = 10000;
        _sent[2] = -30000; _heard[2] = -10000;
        Assert.True(_recorder.Start("rec/y.wav", 8000, 60));
        Frames(1);
        _recorder.Stop();

        var b = _storage.Read("rec/y.wav")!;
        Assert.Equal(1234, BitConverter.ToInt16(b, 44));
        Assert.Equal(short.MaxValue, BitConverter.ToInt16(b, 46));
        Assert.Equal(short.MinValue, BitConverter.ToInt16(b, 48));
    }

    [Fact]
    public void When_the_loop_falls_behind_frames_beyond_the_ring_are_dropped_and_counted()
    {
        Assert.True(_recorder.Start("rec/z.wav", 8000, 60));

        Frames(CallRecorder.RingFrames + 5);
        Assert.Equal(5, _recorder.DroppedFrames);
        _recorder.Drain();
        Frames(3);
        _recorder.Stop();

        Assert.Equal(44 + (CallRecorder.RingFrames + 3) * 320, _storage.Length("rec/z.wav"));
    }

    [Fact]
    public void The_ring_wraps_around_and_keeps_the_order_of_frames()
    {
        Assert.True(_recorder.Start("rec/w.wav", 8000, 60));
        for (int f = 0; f < 100; f++)
        {
            _sent[0] = (short)f;
            Frames(1);
            if (f % 7 == 6) _recorder.Drain();
        }
        _recorder.Stop();

        var b = _storage.Read("rec/w.wav")!;
        for (int f = 0; f < 100; f++) Assert.Equal(f, BitConverter.ToInt16(b, 44 + f * 320));
    }

    [Fact]
    public void Frames_of_another_rate_are_not_mixed_in()
    {
        Assert.True(_recorder.Start("rec/v.wav", 8000, 60));
        _recorder.Frame(new short[320], new short[320], 320, 16000);
        _recorder.Stop();

        Assert.Equal(44, _storage.Length("rec/v.wav"));
    }

    [Fact]
    public void The_maximum_length_stops_the_taking_of_frames()
    {
        Assert.True(_recorder.Start("rec/u.wav", 8000, 10));
        for (int i = 0; i < 600; i++) { Frames(1); if (i % 10 == 0) _recorder.Drain(); }

        Assert.True(_recorder.LimitReached);
        Assert.False(_recorder.IsRecording);
        Assert.False(_recorder.Resume());
        _recorder.Stop();
        Assert.Equal(44 + 500 * 320, _storage.Length("rec/u.wav"));
    }

    [Fact]
    public void A_drive_that_refuses_the_file_is_logged_and_start_says_no()
    {
        _storage.Full = true;

        Assert.False(_recorder.Start("rec/t.wav", 8000, 60));

        Assert.False(_recorder.IsRecording);
        Assert.Null(_recorder.Stop());
        Assert.Contains(_log.Lines(), l => l.Level == LogLevel.Warning && l.Message.Contains("rec/t.wav"));
    }

    [Fact]
    public void A_drive_that_fills_up_ends_the_recording_once_with_one_warning()
    {
        Assert.True(_recorder.Start("rec/s.wav", 8000, 60));
        Frames(5);
        Assert.True(_recorder.Drain());
        _storage.Full = true;
        Frames(5);

        Assert.False(_recorder.Drain());
        Frames(5);
        Assert.False(_recorder.Drain());

        Assert.True(_recorder.Failed);
        Assert.False(_recorder.IsRecording);
        Assert.Single(_log.Lines(), l => l.Level == LogLevel.Warning);
        _storage.Full = false;
        _recorder.Stop();
        Assert.Equal(44 + 5 * 320, _storage.Length("rec/s.wav"));
    }
}
