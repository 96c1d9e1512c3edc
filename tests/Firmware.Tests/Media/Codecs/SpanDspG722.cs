// spandsp's G.722 (Debian libspandsp2, a dependency of baresip-core) as an independent reference for our codec.
using System.Runtime.InteropServices;

namespace DeskPhone.Firmware.Tests.Media.Codecs;

/// <summary>
/// A spandsp G.722 encoder or decoder at 64 kbit/s with 16 kHz audio and one code per octet
/// (rate 64000, options 0: neither G722_SAMPLE_RATE_8000 nor G722_PACKED). The state is allocated
/// by spandsp (init with a null state) and freed on dispose.
/// <para>
/// <see cref="BypassQmf"/> switches on spandsp's ITU test mode, which has no API: it is the first
/// <c>int</c> of both state structs (<c>itu_test_mode</c> in spandsp's private/g722.h; checked in the
/// disassembly of Debian's 0.0.6 build, where g722_encode and g722_decode test <c>(%rbx)</c> first).
/// In that mode the encoder feeds each input sample, shifted right once, to both sub-band
/// encoders and writes one octet per sample; the decoder writes RL·2 and RH·2 for each octet.
/// </para>
/// </summary>
public sealed class SpanDspG722 : IDisposable
{
    private const string Library = "libspandsp.so.2";

    private readonly bool _encoder;
    private IntPtr _state;

    private SpanDspG722(bool encoder)
    {
        _encoder = encoder;
        _state = encoder ? g722_encode_init(IntPtr.Zero, 64000, 0) : g722_decode_init(IntPtr.Zero, 64000, 0);
        if (_state == IntPtr.Zero) throw new InvalidOperationException("spandsp could not allocate a G.722 state");
    }

    public static SpanDspG722 Encoder() => new(true);

    public static SpanDspG722 Decoder() => new(false);

    /// <summary>Switches the QMF off (ITU test mode): see the class remarks.</summary>
    public SpanDspG722 BypassQmf()
    {
        Marshal.WriteInt32(_state, 0, 1);
        return this;
    }

    /// <summary>With the QMF bypassed: one octet per input sample.</summary>
    public byte[] EncodeBypassed(short[] amp)
    {
        var output = new byte[amp.Length];
        int written = g722_encode(_state, output, amp, amp.Length);
        if (written != output.Length) throw new InvalidOperationException($"spandsp wrote {written} octets, expected {output.Length}");
        return output;
    }

    /// <summary>Encodes a whole signal (even length) to one octet per sample pair.</summary>
    public byte[] Encode(short[] pcm)
    {
        var output = new byte[pcm.Length / 2];
        int written = g722_encode(_state, output, pcm, pcm.Length);
        if (written != output.Length) throw new InvalidOperationException($"spandsp wrote {written} octets, expected {output.Length}");
        return output;
    }

    /// <summary>Decodes octets to two samples each.</summary>
    public short[] Decode(byte[] payload)
    {
        var output = new short[payload.Length * 2];
        int written = g722_decode(_state, output, payload, payload.Length);
        if (written != output.Length) throw new InvalidOperationException($"spandsp wrote {written} samples, expected {output.Length}");
        return output;
    }

    public void Dispose()
    {
        if (_state == IntPtr.Zero) return;
        if (_encoder) g722_encode_free(_state);
        else g722_decode_free(_state);
        _state = IntPtr.Zero;
    }

    [DllImport(Library)]
    private static extern IntPtr g722_encode_init(IntPtr state, int rate, int options);

    [DllImport(Library)]
    private static extern int g722_encode(IntPtr state, [Out] byte[] g722Data, short[] amp, int len);

    [DllImport(Library)]
    private static extern int g722_encode_free(IntPtr state);

    [DllImport(Library)]
    private static extern IntPtr g722_decode_init(IntPtr state, int rate, int options);

    [DllImport(Library)]
    private static extern int g722_decode(IntPtr state, [Out] short[] amp, byte[] g722Data, int len);

    [DllImport(Library)]
    private static extern int g722_decode_free(IntPtr state);
}
