// The receive path per 20 ms: the adaptive jitter buffer and loss concealment must not allocate.
using BenchmarkDotNet.Attributes;
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Media.Rtp;

namespace DeskPhone.Benchmarks;

[MemoryDiagnoser]
public class JitterBenchmarks
{
    private readonly AdaptiveJitterBuffer _buffer = new(480, 160, 8000);
    private readonly byte[] _payload = new byte[160];
    private readonly LossConcealer _concealer8k = new(8000);
    private readonly LossConcealer _concealer16k = new(16000);
    private readonly short[] _voice8k = new short[160];
    private readonly short[] _voice16k = new short[320];
    private readonly short[] _frame8k = new short[160];
    private readonly short[] _frame16k = new short[320];
    private int _sequence;
    private long _now;

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < _voice8k.Length; i++) _voice8k[i] = (short)(6000 * Math.Sin(i * 2 * Math.PI * 150 / 8000));
        for (int i = 0; i < _voice16k.Length; i++) _voice16k[i] = (short)(6000 * Math.Sin(i * 2 * Math.PI * 150 / 16000));
        for (int i = 0; i < 5; i++)
        {
            _concealer8k.Good((short[])_voice8k.Clone(), 0, 160);
            _concealer16k.Good((short[])_voice16k.Clone(), 0, 320);
        }
        for (int i = 0; i < 3; i++) Put_and_take_one_packet();
    }

    /// <summary>One received packet in, one frame out on the playout tick (expect 0 B).</summary>
    [Benchmark]
    public int Put_and_take_one_packet()
    {
        _buffer.Put(_sequence & 0xFFFF, (uint)(_sequence * 160), _payload, 0, 160, _now);
        _sequence++;
        _now += 20;
        JitterResult r;
        int count;
        while ((r = _buffer.Take(_now + 5, out _, out _, out count)) == JitterResult.Drop) { }
        return count;
    }

    /// <summary>A lost 20 ms frame at 8 kHz (pitch search included) and the blended good frame after it (expect 0 B).</summary>
    [Benchmark]
    public short Conceal_one_8kHz_frame_and_recover()
    {
        _concealer8k.Conceal(_frame8k, 0, 160);
        Array.Copy(_voice8k, _frame8k, 160);
        _concealer8k.Good(_frame8k, 0, 160);
        return _frame8k[10];
    }

    /// <summary>The same at 16 kHz (G.722).</summary>
    [Benchmark]
    public short Conceal_one_16kHz_frame_and_recover()
    {
        _concealer16k.Conceal(_frame16k, 0, 320);
        Array.Copy(_voice16k, _frame16k, 320);
        _concealer16k.Good(_frame16k, 0, 320);
        return _frame16k[10];
    }
}
