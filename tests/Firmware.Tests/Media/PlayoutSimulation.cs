// A 20 ms RTP stream through a simulated network into an AdaptiveJitterBuffer, played out on 20 ms ticks in virtual time.
using DeskPhone.Firmware.Media.Rtp;

namespace DeskPhone.Firmware.Tests.Media;

/// <summary>
/// The test's network and media thread. <see cref="Send"/> schedules frame n (sequence
/// firstSequence + n, timestamp firstTimestamp + 160·n) to arrive at a given millisecond;
/// <see cref="Run"/> then ticks every 20 ms: it puts every packet due by the tick (in arrival
/// order), takes one frame (looping over Drop as the owner must) and reports the tick.
/// </summary>
public sealed class PlayoutSimulation
{
    public const int FrameMs = 20;

    private readonly AdaptiveJitterBuffer _buffer;
    private readonly int _firstSequence;
    private readonly uint _firstTimestamp;
    private readonly List<(long At, int Frame, byte[] Payload)> _arrivals = new();

    public PlayoutSimulation(AdaptiveJitterBuffer buffer, int firstSequence = 1000, uint firstTimestamp = 123456)
    {
        _buffer = buffer;
        _firstSequence = firstSequence;
        _firstTimestamp = firstTimestamp;
    }

    /// <summary>One played tick: what Take said, which frame (by send order; -1 for Empty), and how many frames were dropped first.</summary>
    public readonly record struct Tick(long NowMs, JitterResult Result, int Frame, byte[]? Payload, int Offset, int Count, int DroppedFirst);

    public void Send(int frame, long arrivalMs, byte[]? payload = null)
    {
        _arrivals.Add((arrivalMs, frame, payload ?? new[] { (byte)frame, (byte)(frame >> 8) }));
    }

    /// <summary>Sends frames 0..frames-1 at 20 ms intervals, each arriving transit(n) ms after it was sent, unless lost(n).</summary>
    public void SendStream(int frames, Func<int, long> transit, Func<int, bool>? lost = null)
    {
        for (int n = 0; n < frames; n++)
        {
            if (lost != null && lost(n)) continue;
            Send(n, (long)n * FrameMs + transit(n));
        }
    }

    /// <summary>Ticks at firstTickMs, +20, ... and hands each tick to <paramref name="onTick"/>.</summary>
    public void Run(long firstTickMs, int ticks, Action<Tick> onTick)
    {
        var due = _arrivals.OrderBy(a => a.At).ToList(); // stable: equal times keep send order
        int nextArrival = 0;
        for (int t = 0; t < ticks; t++)
        {
            long now = firstTickMs + (long)t * FrameMs;
            while (nextArrival < due.Count && due[nextArrival].At <= now)
            {
                var a = due[nextArrival++];
                int sequence = (_firstSequence + a.Frame) & 0xFFFF;
                uint timestamp = _firstTimestamp + (uint)(a.Frame * 160);
                _buffer.Put(sequence, timestamp, a.Payload, 0, a.Payload.Length, a.At);
            }
            int dropped = 0;
            JitterResult result;
            byte[] payload;
            int offset, count;
            while ((result = _buffer.Take(now, out payload, out offset, out count)) == JitterResult.Drop) dropped++;
            int frame = result == JitterResult.Empty ? -1 : (_buffer.LastSequence - _firstSequence) & 0xFFFF;
            onTick(new Tick(now, result, frame, payload, offset, count, dropped));
        }
    }
}
