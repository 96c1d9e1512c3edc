// P/Invoke into libasound.so.2: PCM open, hardware parameters, interleaved read/write, recovery.
using System.Runtime.InteropServices;

namespace DeskPhone.Boards.RaspberryPi.Linux.Alsa;

/// <summary>
/// The slice of alsa-lib's PCM API the codec uses. snd_pcm_uframes_t is unsigned long and
/// snd_pcm_sframes_t is long: pointer-sized on both x86_64 and arm64, hence nuint / nint.
/// Enum values are alsa-lib's ABI; tests check them against libasound's own name functions.
/// </summary>
internal static unsafe partial class AlsaNative
{
    private const string Library = "libasound.so.2";

    public const int StreamPlayback = 0;         // SND_PCM_STREAM_PLAYBACK
    public const int StreamCapture = 1;          // SND_PCM_STREAM_CAPTURE
    public const int AccessRwInterleaved = 3;    // SND_PCM_ACCESS_RW_INTERLEAVED
    public const int FormatS16Le = 2;            // SND_PCM_FORMAT_S16_LE

    [LibraryImport(Library, EntryPoint = "snd_pcm_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PcmOpen(out nint pcm, string name, int stream, int mode);

    [LibraryImport(Library, EntryPoint = "snd_pcm_close")]
    public static partial int PcmClose(nint pcm);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_malloc")]
    public static partial int HwParamsMalloc(out nint parameters);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_free")]
    public static partial void HwParamsFree(nint parameters);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_any")]
    public static partial int HwParamsAny(nint pcm, nint parameters);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_set_access")]
    public static partial int HwParamsSetAccess(nint pcm, nint parameters, int access);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_set_format")]
    public static partial int HwParamsSetFormat(nint pcm, nint parameters, int format);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_set_channels_near")]
    public static partial int HwParamsSetChannelsNear(nint pcm, nint parameters, ref uint channels);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_set_rate_near")]
    public static partial int HwParamsSetRateNear(nint pcm, nint parameters, ref uint rate, ref int dir);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_set_period_size_near")]
    public static partial int HwParamsSetPeriodSizeNear(nint pcm, nint parameters, ref nuint frames, ref int dir);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_set_buffer_size_near")]
    public static partial int HwParamsSetBufferSizeNear(nint pcm, nint parameters, ref nuint frames);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params")]
    public static partial int HwParams(nint pcm, nint parameters);

    [LibraryImport(Library, EntryPoint = "snd_pcm_prepare")]
    public static partial int PcmPrepare(nint pcm);

    [LibraryImport(Library, EntryPoint = "snd_pcm_drop")]
    public static partial int PcmDrop(nint pcm);

    [LibraryImport(Library, EntryPoint = "snd_pcm_readi")]
    public static partial nint PcmReadi(nint pcm, short* buffer, nuint frames);

    [LibraryImport(Library, EntryPoint = "snd_pcm_writei")]
    public static partial nint PcmWritei(nint pcm, short* buffer, nuint frames);

    [LibraryImport(Library, EntryPoint = "snd_pcm_recover")]
    public static partial int PcmRecover(nint pcm, int error, int silent);

    [LibraryImport(Library, EntryPoint = "snd_strerror")]
    private static partial nint StrError(int error);

    [LibraryImport(Library, EntryPoint = "snd_pcm_format_name")]
    private static partial nint FormatNamePtr(int format);

    [LibraryImport(Library, EntryPoint = "snd_pcm_access_name")]
    private static partial nint AccessNamePtr(int access);

    [LibraryImport(Library, EntryPoint = "snd_pcm_stream_name")]
    private static partial nint StreamNamePtr(int stream);

    /// <summary>alsa-lib's text for a negative error code.</summary>
    public static string Describe(int error) => Marshal.PtrToStringUTF8(StrError(error)) ?? ("error " + error);

    /// <summary>alsa-lib's name of a format value ("S16_LE").</summary>
    public static string? FormatName(int format) => Marshal.PtrToStringUTF8(FormatNamePtr(format));

    /// <summary>alsa-lib's name of an access value ("RW_INTERLEAVED").</summary>
    public static string? AccessName(int access) => Marshal.PtrToStringUTF8(AccessNamePtr(access));

    /// <summary>alsa-lib's name of a stream value ("PLAYBACK", "CAPTURE").</summary>
    public static string? StreamName(int stream) => Marshal.PtrToStringUTF8(StreamNamePtr(stream));
}
