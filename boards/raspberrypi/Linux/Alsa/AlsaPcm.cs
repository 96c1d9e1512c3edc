// One ALSA PCM stream (capture or playback) set up for 16-bit interleaved frames at a fixed rate.
namespace DeskPhone.Boards.RaspberryPi.Linux.Alsa;

/// <summary>
/// An open, configured PCM: S16_LE, RW interleaved, the requested rate exactly, as close to the
/// requested channel count as the device allows (a stereo-only I2S card gives 2), a period of
/// the requested frames and a buffer of a few periods. Reads and writes block and run whole
/// periods; an overrun or underrun is recovered with snd_pcm_recover and counted.
/// </summary>
internal sealed unsafe class AlsaPcm : IDisposable
{
    private nint _pcm;

    private AlsaPcm(nint pcm, string device, bool capture, int rate, int channels, int periodFrames, int bufferFrames)
    {
        _pcm = pcm;
        Device = device;
        IsCapture = capture;
        Rate = rate;
        Channels = channels;
        PeriodFrames = periodFrames;
        BufferFrames = bufferFrames;
    }

    /// <summary>The ALSA device name ("plughw:CARD=wm8960soundcard,DEV=0", "null").</summary>
    public string Device { get; }

    /// <summary>True for capture, false for playback.</summary>
    public bool IsCapture { get; }

    /// <summary>Frames per second.</summary>
    public int Rate { get; }

    /// <summary>Samples per frame, interleaved.</summary>
    public int Channels { get; }

    /// <summary>Frames per period as negotiated.</summary>
    public int PeriodFrames { get; }

    /// <summary>Frames in the ring buffer as negotiated.</summary>
    public int BufferFrames { get; }

    /// <summary>Overruns/underruns recovered so far.</summary>
    public int Recoveries { get; private set; }

    /// <summary>Why the last read or write failed, or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>Opens and configures <paramref name="device"/>.</summary>
    /// <exception cref="HardwareException">The device is missing or refuses the format, rate or sizes.</exception>
    public static AlsaPcm Open(string device, bool capture, int rate, int channels, int periodFrames, int periods)
    {
        string what = $"ALSA {(capture ? "capture" : "playback")} device '{device}'";
        int err = AlsaNative.PcmOpen(out nint pcm, device, capture ? AlsaNative.StreamCapture : AlsaNative.StreamPlayback, 0);
        if (err < 0)
            throw new HardwareException($"{what}: {AlsaNative.Describe(err)} — check codec.alsaDevice in the board profile against 'aplay -L' / 'arecord -L' and the codec's dtoverlay in config.txt");
        nint hw = 0;
        try
        {
            Check(AlsaNative.HwParamsMalloc(out hw), what, "allocating hardware parameters");
            Check(AlsaNative.HwParamsAny(pcm, hw), what, "reading its capabilities");
            Check(AlsaNative.HwParamsSetAccess(pcm, hw, AlsaNative.AccessRwInterleaved), what, "interleaved access");
            Check(AlsaNative.HwParamsSetFormat(pcm, hw, AlsaNative.FormatS16Le), what, "16-bit little-endian samples (use a plughw: device to convert)");
            uint ch = (uint)channels;
            Check(AlsaNative.HwParamsSetChannelsNear(pcm, hw, ref ch), what, $"{channels} channel(s)");
            uint r = (uint)rate;
            int dir = 0;
            Check(AlsaNative.HwParamsSetRateNear(pcm, hw, ref r, ref dir), what, $"{rate} Hz");
            if (r != rate)
                throw new HardwareException($"{what}: does not run at {rate} Hz (nearest {r} Hz) — use a plughw: device, which resamples");
            nuint period = (nuint)periodFrames;
            dir = 0;
            Check(AlsaNative.HwParamsSetPeriodSizeNear(pcm, hw, ref period, ref dir), what, $"a period of {periodFrames} frames");
            nuint buffer = period * (nuint)periods;
            Check(AlsaNative.HwParamsSetBufferSizeNear(pcm, hw, ref buffer), what, $"a buffer of {periods} periods");
            Check(AlsaNative.HwParams(pcm, hw), what, "applying the hardware parameters");
            Check(AlsaNative.PcmPrepare(pcm), what, "preparing");
            return new AlsaPcm(pcm, device, capture, rate, (int)ch, (int)period, (int)buffer);
        }
        catch
        {
            AlsaNative.PcmClose(pcm);
            throw;
        }
        finally
        {
            if (hw != 0) AlsaNative.HwParamsFree(hw);
        }
    }

    /// <summary>Reads exactly <paramref name="frames"/> frames into <paramref name="interleaved"/>; false on an unrecoverable error.</summary>
    public bool Read(short[] interleaved, int frames)
    {
        fixed (short* p = interleaved)
            return Transfer(p, frames, capture: true);
    }

    /// <summary>Writes exactly <paramref name="frames"/> frames from <paramref name="interleaved"/>; false on an unrecoverable error.</summary>
    public bool Write(short[] interleaved, int frames)
    {
        fixed (short* p = interleaved)
            return Transfer(p, frames, capture: false);
    }

    private bool Transfer(short* samples, int frames, bool capture)
    {
        if (_pcm == 0)
        {
            LastError = "closed";
            return false;
        }
        int done = 0;
        while (done < frames)
        {
            short* at = samples + done * Channels;
            nint n = capture
                ? AlsaNative.PcmReadi(_pcm, at, (nuint)(frames - done))
                : AlsaNative.PcmWritei(_pcm, at, (nuint)(frames - done));
            if (n >= 0)
            {
                done += (int)n;
                continue;
            }
            if (n == -LibC.EAGAIN) continue;
            // -EPIPE (xrun), -ESTRPIPE (suspend) and -EINTR are what snd_pcm_recover handles.
            int recovered = AlsaNative.PcmRecover(_pcm, (int)n, 1);
            if (recovered < 0)
            {
                LastError = $"{Device}: {AlsaNative.Describe((int)n)} (recovery failed: {AlsaNative.Describe(recovered)})";
                return false;
            }
            Recoveries++;
        }
        LastError = null;
        return true;
    }

    /// <summary>Stops at once (drops pending frames) and closes.</summary>
    public void Dispose()
    {
        nint pcm = Interlocked.Exchange(ref _pcm, 0);
        if (pcm == 0) return;
        AlsaNative.PcmDrop(pcm);
        AlsaNative.PcmClose(pcm);
    }

    private static void Check(int err, string what, string step)
    {
        if (err < 0) throw new HardwareException($"{what}: {step}: {AlsaNative.Describe(err)}");
    }
}
