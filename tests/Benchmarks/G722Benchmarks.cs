// G.722 on the media thread: one 20 ms frame each way, must not allocate.
using BenchmarkDotNet.Attributes;
using DeskPhone.Firmware.Media.Codecs;

namespace DeskPhone.Benchmarks;

[MemoryDiagnoser]
public class G722Benchmarks
{
    private readonly G722Codec _codec = new();
    private readonly short[] _frame = new short[320];
    private readonly byte[] _payload = new byte[160];
    private readonly short[] _decoded = new short[320];

    [GlobalSetup]
    public void Setup()
    {
        // Speech-band content in both sub-bands: 440 Hz plus 5.2 kHz.
        for (int i = 0; i < _frame.Length; i++)
            _frame[i] = (short)(6000 * Math.Sin(2 * Math.PI * 440 * i / 16000) + 3000 * Math.Sin(2 * Math.PI * 5200 * i / 16000));
        _codec.Encode(_frame, 0, _frame.Length, _payload, 0);
    }

    /// <summary>320 samples (20 ms at 16 kHz) to 160 octets (expect 0 bytes allocated).</summary>
    [Benchmark]
    public int Encode_one_20ms_frame() => _codec.Encode(_frame, 0, 320, _payload, 0);

    /// <summary>160 octets to 320 samples (expect 0 bytes allocated).</summary>
    [Benchmark]
    public int Decode_one_20ms_frame() => _codec.Decode(_payload, 0, 160, _decoded, 0);
}
