// The simulated codec: a 20 ms frame clock on the HAL clock, a microphone fed from WAV, a recorded speaker.
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Audio;

/// <summary>
/// An audio codec whose frame clock is a periodic timer on the injected clock (virtual time in
/// tests). The microphone plays samples queued by <see cref="FeedMicrophone"/> (silence when none);
/// the speaker's frames are appended to a recording while <see cref="StartCapture"/> is on.
/// </summary>
public sealed class SimAudioCodec : IAudioCodec
{
    /// <summary>Frame length.</summary>
    public const int FrameMs = 20;

    private readonly IClock _clock;
    private readonly object _gate = new();
    private readonly Queue<short> _mic = new();
    private readonly List<short> _capture = new();
    private IHalTimer? _timer;
    private AudioFrameHandler? _handler;
    private short[] _micFrame = Array.Empty<short>();
    private short[] _speakerFrame = Array.Empty<short>();
    private bool _capturing;
    private long _framesSinceStart;

    /// <summary>A stopped codec on <paramref name="clock"/>.</summary>
    public SimAudioCodec(IClock clock) { _clock = clock; }

    /// <inheritdoc/>
    public bool IsRunning { get { lock (_gate) return _timer != null; } }

    /// <inheritdoc/>
    public int SampleRate { get; private set; }

    /// <summary>The route last selected.</summary>
    public AudioRoute Route { get; private set; }

    /// <summary>The volume last set.</summary>
    public int Volume { get; private set; } = 5;

    /// <summary>Frames delivered since the last start.</summary>
    public long Frames { get { lock (_gate) return _framesSinceStart; } }

    /// <summary>Microphone samples still queued.</summary>
    public int MicrophoneBacklog { get { lock (_gate) return _mic.Count; } }

    /// <inheritdoc/>
    public bool Start(int sampleRateHz, AudioFrameHandler onFrame)
    {
        if (sampleRateHz != 8000 && sampleRateHz != 16000) return false;
        lock (_gate)
        {
            _timer?.Cancel();
            SampleRate = sampleRateHz;
            _handler = onFrame;
            _micFrame = new short[sampleRateHz / 50];
            _speakerFrame = new short[sampleRateHz / 50];
            _framesSinceStart = 0;
            _timer = _clock.StartTimer(FrameMs, FrameMs, OnFrameClock);
        }
        return true;
    }

    /// <inheritdoc/>
    public void Stop()
    {
        lock (_gate)
        {
            _timer?.Cancel();
            _timer = null;
            _handler = null;
            SampleRate = 0;
        }
    }

    /// <inheritdoc/>
    public void SetRoute(AudioRoute route) => Route = route;

    /// <inheritdoc/>
    public void SetVolume(int level) => Volume = Math.Clamp(level, 0, 10);

    /// <summary>Queues a WAV's samples for the microphone, resampled to <paramref name="rateHz"/> (the call's rate).</summary>
    public void FeedMicrophone(WavAudio audio, int rateHz)
    {
        var samples = WavFile.Resample(audio, rateHz);
        lock (_gate) foreach (var s in samples) _mic.Enqueue(s);
    }

    /// <summary>Starts recording the speaker (clearing any earlier recording).</summary>
    public void StartCapture()
    {
        lock (_gate)
        {
            _capture.Clear();
            _capturing = true;
        }
    }

    /// <summary>Stops recording and returns it as a WAV at the codec's current (or last) rate.</summary>
    public byte[] StopCapture(int rateIfStopped = 8000)
    {
        lock (_gate)
        {
            _capturing = false;
            return WavFile.Write(SampleRate == 0 ? rateIfStopped : SampleRate, _capture.ToArray());
        }
    }

    /// <summary>The speaker samples recorded so far.</summary>
    public short[] Captured() { lock (_gate) return _capture.ToArray(); }

    private void OnFrameClock()
    {
        lock (_gate)
        {
            if (_handler == null) return;
            for (int i = 0; i < _micFrame.Length; i++) _micFrame[i] = _mic.Count > 0 ? _mic.Dequeue() : (short)0;
            Array.Clear(_speakerFrame);
            _handler(_micFrame, _speakerFrame);
            if (_capturing) _capture.AddRange(_speakerFrame);
            _framesSinceStart++;
        }
    }
}
