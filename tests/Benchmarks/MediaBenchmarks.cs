// Tones on the media thread: must not allocate.
using BenchmarkDotNet.Attributes;
using DeskPhone.Firmware.Media;

namespace DeskPhone.Benchmarks;

[MemoryDiagnoser]
public class MediaBenchmarks
{
    private readonly ToneGenerator _tones = new();
    private readonly short[] _frame8k = new short[160];
    private readonly short[] _frame16k = new short[320];

    [GlobalSetup]
    public void Setup() => _tones.Play(Tone.Busy);

    /// <summary>One 20 ms frame of busy tone at 8 kHz (expect 0 bytes allocated).</summary>
    [Benchmark]
    public short Fill_one_8kHz_frame()
    {
        _tones.Fill(_frame8k, 8000);
        return _frame8k[10];
    }

    /// <summary>One 20 ms frame at 16 kHz.</summary>
    [Benchmark]
    public short Fill_one_16kHz_frame()
    {
        _tones.Fill(_frame16k, 16000);
        return _frame16k[10];
    }
}
