// The I2S codec through ALSA: a media thread moves 20 ms frames between the card and the firmware.
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Hal;

/// <summary>
/// IAudioCodec on an ALSA card. <see cref="Start"/> opens capture and playback at 8 or 16 kHz
/// with 20 ms periods and starts a high-priority media thread that runs <see cref="PcmFramePump.Step"/>
/// until <see cref="Stop"/>: the capture clock paces the frames. Volume is a software gain
/// (<see cref="SoftwareVolume"/>). Routes: the codec has one output; when the board has an
/// amplifier enable pin, it is driven on only for the speaker route while frames flow.
/// </summary>
public sealed class AlsaAudioCodec : IAudioCodec, IDisposable
{
    private readonly string _captureDevice;
    private readonly string _playbackDevice;
    private readonly ILog _log;
    private readonly IGpioLines? _amplifier;
    private readonly object _gate = new();
    private MediaRun? _run;
    private int _gain = SoftwareVolume.GainOf(5);
    private AudioRoute _route = AudioRoute.Handset;

    /// <summary>
    /// A codec on the ALSA devices named (often the same one). <paramref name="amplifier"/>, when
    /// given, is one output line enabling the loudspeaker amplifier.
    /// </summary>
    internal AlsaAudioCodec(string captureDevice, string playbackDevice, ILog log, IGpioLines? amplifier = null)
    {
        _captureDevice = captureDevice;
        _playbackDevice = playbackDevice;
        _log = log;
        _amplifier = amplifier;
    }

    /// <inheritdoc/>
    public bool IsRunning
    {
        get { lock (_gate) return _run != null && !_run.Ended; }
    }

    /// <inheritdoc/>
    public int SampleRate { get; private set; }

    /// <summary>The route last selected.</summary>
    public AudioRoute Route { get { lock (_gate) return _route; } }

    /// <summary>Frames delivered since the last start.</summary>
    public long Frames { get { lock (_gate) return _run?.Pump.Frames ?? 0; } }

    /// <inheritdoc/>
    public bool Start(int sampleRateHz, AudioFrameHandler onFrame)
    {
        ArgumentNullException.ThrowIfNull(onFrame);
        if (sampleRateHz != 8000 && sampleRateHz != 16000) return false;
        Stop();
        PcmFramePump pump;
        try
        {
            pump = PcmFramePump.Open(_captureDevice, _playbackDevice, sampleRateHz, onFrame);
        }
        catch (HardwareException e)
        {
            _log.Write(LogLevel.Error, "audio", e.Message);
            return false;
        }
        lock (_gate)
        {
            pump.GainQ15 = _gain;
            _run = new MediaRun(pump, _log);
            SampleRate = sampleRateHz;
            _run.Thread.Start();
        }
        _log.Write(LogLevel.Info, "audio", $"{sampleRateHz} Hz: capture '{_captureDevice}' {pump.Capture.Channels} ch, playback '{_playbackDevice}' {pump.Playback.Channels} ch, period {pump.Capture.PeriodFrames} frames, buffer {pump.Playback.BufferFrames}");
        DriveAmplifier();
        return true;
    }

    /// <inheritdoc/>
    public void Stop()
    {
        MediaRun? run;
        lock (_gate)
        {
            run = _run;
            _run = null;
            SampleRate = 0;
        }
        if (run == null) return;
        run.Stopping = true;
        if (run.Thread == Thread.CurrentThread)
        {
            run.DisposeWhenDone = true;   // called from the handler: the thread closes the devices as it ends
        }
        else
        {
            run.Thread.Join();   // at most one blocked 20 ms read
            run.Pump.Dispose();
        }
        DriveAmplifier();
    }

    /// <inheritdoc/>
    public void SetRoute(AudioRoute route)
    {
        lock (_gate) _route = route;
        DriveAmplifier();
    }

    /// <inheritdoc/>
    public void SetVolume(int level)
    {
        lock (_gate)
        {
            _gain = SoftwareVolume.GainOf(level);
            if (_run != null) _run.Pump.GainQ15 = _gain;
        }
    }

    /// <summary>Stops and releases the amplifier line.</summary>
    public void Dispose()
    {
        Stop();
        _amplifier?.Dispose();
    }


    private void DriveAmplifier()
    {
        if (_amplifier == null) return;
        bool on;
        lock (_gate) on = _run != null && _route == AudioRoute.Speaker;
        try { _amplifier.SetValues(on ? 1UL : 0UL, 1UL); }
        catch (HardwareException e) { _log.Write(LogLevel.Error, "audio", "amplifier enable: " + e.Message); }
    }

    /// <summary>One start-to-stop of the media thread, with its own stop flag.</summary>
    private sealed class MediaRun
    {
        public readonly PcmFramePump Pump;
        public readonly Thread Thread;
        private readonly ILog _log;
        public volatile bool Stopping;
        public volatile bool Ended;
        public volatile bool DisposeWhenDone;

        public MediaRun(PcmFramePump pump, ILog log)
        {
            Pump = pump;
            _log = log;
            Thread = new Thread(Loop) { IsBackground = true, Name = "media", Priority = ThreadPriority.Highest };
        }

        private void Loop()
        {
            while (!Stopping)
            {
                if (Pump.Step()) continue;
                _log.Write(LogLevel.Error, "audio", "audio stopped: " + Pump.LastError);
                break;
            }
            Ended = true;
            if (DisposeWhenDone) Pump.Dispose();
        }
    }
}
