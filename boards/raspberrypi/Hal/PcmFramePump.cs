// One 20 ms step of the media thread: capture a period, hand it to the frame handler, play the answer.
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Boards.RaspberryPi.Linux.Alsa;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Hal;

/// <summary>
/// The capture and playback PCMs of one running call, with every buffer preallocated: a step
/// reads one 20 ms period (blocking: the capture clock paces the loop), takes the first channel
/// as the microphone, calls the handler, scales the speaker frame by the volume and writes it to
/// every playback channel. Playback starts two periods ahead (silence) to absorb scheduling jitter,
/// and again after an underrun.
/// </summary>
internal sealed class PcmFramePump : IDisposable
{
    /// <summary>Frame length.</summary>
    public const int FrameMs = 20;

    /// <summary>Periods in each ALSA ring buffer.</summary>
    public const int Periods = 4;

    /// <summary>Periods of silence queued before the first speaker frame.</summary>
    public const int PlaybackLead = 2;

    private readonly AlsaPcm _capture;
    private readonly AlsaPcm _playback;
    private readonly AudioFrameHandler _handler;
    private readonly short[] _mic;
    private readonly short[] _speaker;
    private readonly short[] _captureBuffer;
    private readonly short[] _playbackBuffer;
    private int _playbackRecoveries;

    private PcmFramePump(AlsaPcm capture, AlsaPcm playback, AudioFrameHandler handler, int frame)
    {
        _capture = capture;
        _playback = playback;
        _handler = handler;
        _mic = new short[frame];
        _speaker = new short[frame];
        _captureBuffer = new short[frame * capture.Channels];
        _playbackBuffer = new short[frame * playback.Channels];
    }

    /// <summary>The capture stream.</summary>
    public AlsaPcm Capture => _capture;

    /// <summary>The playback stream.</summary>
    public AlsaPcm Playback => _playback;

    /// <summary>Samples per frame (rate / 50).</summary>
    public int FrameSamples => _mic.Length;

    /// <summary>Frames handed to the handler.</summary>
    public long Frames { get; private set; }

    /// <summary>The Q15 speaker gain (<see cref="SoftwareVolume"/>); read once per frame.</summary>
    public volatile int GainQ15 = SoftwareVolume.Unity;

    /// <summary>Why the last step failed, or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>Opens both devices at <paramref name="rate"/> with 20 ms periods and queues the playback lead.</summary>
    /// <exception cref="HardwareException">A device is missing or refuses the configuration.</exception>
    public static PcmFramePump Open(string captureDevice, string playbackDevice, int rate, AudioFrameHandler handler)
    {
        int frame = rate * FrameMs / 1000;
        var capture = AlsaPcm.Open(captureDevice, capture: true, rate, channels: 1, frame, Periods);
        AlsaPcm playback;
        try { playback = AlsaPcm.Open(playbackDevice, capture: false, rate, channels: 1, frame, Periods); }
        catch
        {
            capture.Dispose();
            throw;
        }
        var pump = new PcmFramePump(capture, playback, handler, frame);
        if (!pump.QueueSilence(PlaybackLead))
        {
            string error = pump.LastError ?? "";
            pump.Dispose();
            throw new HardwareException(error);
        }
        return pump;
    }

    /// <summary>One frame: capture, handler, playback. False when a device failed beyond recovery (see <see cref="LastError"/>).</summary>
    public bool Step()
    {
        if (!_capture.Read(_captureBuffer, _mic.Length)) return Fail(_capture.LastError);
        int channels = _capture.Channels;
        for (int i = 0; i < _mic.Length; i++) _mic[i] = _captureBuffer[i * channels];
        Array.Clear(_speaker);
        _handler(_mic, _speaker);
        Frames++;
        SoftwareVolume.Apply(_speaker, _speaker.Length, GainQ15);
        channels = _playback.Channels;
        for (int i = 0; i < _speaker.Length; i++)
        {
            for (int c = 0; c < channels; c++) _playbackBuffer[i * channels + c] = _speaker[i];
        }
        if (!_playback.Write(_playbackBuffer, _speaker.Length)) return Fail(_playback.LastError);
        if (_playback.Recoveries != _playbackRecoveries)
        {
            // An underrun emptied the buffer: restore the lead so the next one is as far away.
            _playbackRecoveries = _playback.Recoveries;
            if (!QueueSilence(PlaybackLead - 1)) return false;
        }
        return true;
    }

    private bool QueueSilence(int periods)
    {
        Array.Clear(_playbackBuffer);
        for (int i = 0; i < periods; i++)
        {
            if (!_playback.Write(_playbackBuffer, _speaker.Length)) return Fail(_playback.LastError);
        }
        return true;
    }

    private bool Fail(string? error)
    {
        LastError = error ?? "unknown ALSA error";
        return false;
    }

    /// <summary>Closes both devices.</summary>
    public void Dispose()
    {
        _capture.Dispose();
        _playback.Dispose();
    }
}
