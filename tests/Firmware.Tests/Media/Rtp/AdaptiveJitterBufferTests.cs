// The adaptive jitter buffer: 2 packets on a calm network, deeper under jitter, back down when calm, never over 300 ms.
using DeskPhone.Firmware.Media.Rtp;
using DeskPhone.Firmware.Tests.Media;
using Xunit.Abstractions;

namespace DeskPhone.Firmware.Tests.Media.Rtp;

public class AdaptiveJitterBufferTests
{
    private readonly AdaptiveJitterBuffer _buffer = new(480, 160, 8000);
    private readonly ITestOutputHelper _output;

    public AdaptiveJitterBufferTests(ITestOutputHelper output) => _output = output;

    private bool Put(int sequence, long arrivalMs, int bytes = 160) =>
        _buffer.Put(sequence, (uint)(sequence * 160), Payload(sequence, bytes), 0, bytes, arrivalMs);

    private static byte[] Payload(int sequence, int bytes)
    {
        var p = new byte[bytes];
        for (int i = 0; i < bytes; i++) p[i] = (byte)(sequence + i / 160);
        return p;
    }

    /// <summary>Takes one tick: the first byte of a played frame (sequence & 0xFF, + slice index), -1 Empty, -2 Lost, -3 Drop.</summary>
    private int Take(long nowMs)
    {
        JitterResult r = _buffer.Take(nowMs, out var data, out var offset, out var count);
        return r switch
        {
            JitterResult.Packet => data[offset],
            JitterResult.Empty => -1,
            JitterResult.Lost => -2,
            _ => -3,
        };
    }

    /// <summary>Transit times 50 ± 40 ms, uniform, seeded.</summary>
    private static Func<int, long> Jittery(int seed, int spreadMs = 40)
    {
        var random = new Random(seed);
        var cache = new Dictionary<int, long>();
        return n => cache.TryGetValue(n, out long t) ? t : cache[n] = 50 + random.Next(-spreadMs, spreadMs + 1);
    }

    [Fact]
    public void On_a_calm_network_playout_starts_with_two_packets_and_stays_at_40_ms()
    {
        Put(0, 0);
        Assert.Equal(-1, Take(5)); // one packet: still filling
        Put(1, 20);
        Assert.Equal(0, Take(25));
        for (int n = 2; n < 200; n++)
        {
            Put(n, n * 20);
            Assert.Equal((n - 1) & 0xFF, Take(n * 20 + 5));
        }
        Assert.Equal(40, _buffer.TargetDelayMs);
        Assert.Equal(40, _buffer.CurrentDelayMs);
        Assert.Equal(0, _buffer.JitterMs);
        Assert.Equal(0, _buffer.Stretched + _buffer.Dropped + _buffer.Lost + _buffer.Late);
    }

    [Fact]
    public void Under_40_ms_of_jitter_the_target_grows_and_no_packet_comes_too_late()
    {
        var sim = new PlayoutSimulation(_buffer);
        sim.SendStream(1500, Jittery(11)); // 30 s
        int lastFrame = -1;
        long lateAfterTwoSeconds = -1;
        int maxTarget = 0;
        sim.Run(7, 1500, tick =>
        {
            if (tick.Result == JitterResult.Packet)
            {
                Assert.True(tick.Frame > lastFrame, "played out of order");
                lastFrame = tick.Frame;
            }
            if (tick.NowMs >= 2000 && lateAfterTwoSeconds < 0) lateAfterTwoSeconds = _buffer.Late;
            maxTarget = Math.Max(maxTarget, _buffer.TargetDelayMs);
        });
        _output.WriteLine($"jitter {_buffer.JitterMs} ms, target {_buffer.TargetDelayMs} ms (max {maxTarget}), current {_buffer.CurrentDelayMs} ms; " +
            $"played {_buffer.Played}, lost {_buffer.Lost}, late {_buffer.Late} ({lateAfterTwoSeconds} in the first 2 s), stretched {_buffer.Stretched}, dropped {_buffer.Dropped}");
        Assert.InRange(_buffer.JitterMs, 20, 35);
        Assert.InRange(_buffer.TargetDelayMs, 80, 140);
        Assert.Equal(lateAfterTwoSeconds, _buffer.Late); // none late once adapted
        Assert.Equal(_buffer.Late, _buffer.Lost); // nothing else went missing
    }

    [Fact]
    public void When_the_network_calms_down_the_delay_shrinks_back_to_two_packets_slowly()
    {
        var sim = new PlayoutSimulation(_buffer);
        var jitter = Jittery(5);
        sim.SendStream(1250, n => n < 500 ? jitter(n) : 50); // 10 s of jitter, then 15 s calm
        int targetAtJitterEnd = 0, targetTwoSecondsLater = 0;
        long backAt = 0;
        sim.Run(7, 1250, tick =>
        {
            if (tick.NowMs == 10_007) targetAtJitterEnd = _buffer.TargetDelayMs;
            if (tick.NowMs == 12_007) targetTwoSecondsLater = _buffer.TargetDelayMs;
            if (backAt == 0 && tick.NowMs > 10_007 && _buffer.TargetDelayMs == 40 && _buffer.CurrentDelayMs <= 50) backAt = tick.NowMs;
        });
        _output.WriteLine($"target {targetAtJitterEnd} ms at the end of the jitter, {targetTwoSecondsLater} ms 2 s later, {_buffer.TargetDelayMs} ms after 15 s; " +
            $"current {_buffer.CurrentDelayMs} ms; back under 50 ms {(backAt - 10_007) / 1000.0:F1} s into the calm; dropped {_buffer.Dropped}, stretched {_buffer.Stretched}");
        Assert.True(targetAtJitterEnd >= 80);
        Assert.Equal(targetAtJitterEnd, targetTwoSecondsLater); // not at the first quiet moment
        Assert.Equal(40, _buffer.TargetDelayMs);
        Assert.InRange(_buffer.CurrentDelayMs, 40, 50);
        Assert.True(_buffer.Dropped > 0);
    }

    [Fact]
    public void The_delay_never_exceeds_300_ms_even_under_wild_jitter_and_a_burst()
    {
        var sim = new PlayoutSimulation(_buffer);
        var wild = Jittery(3, 250);
        sim.SendStream(1000, n => n >= 400 && n < 450 ? 1200 - (n - 400) * 20 : 260 + wild(n)); // a 1 s freeze delivered at once
        int maxTarget = 0, maxAfterPlay = 0;
        sim.Run(7, 1000, tick =>
        {
            maxTarget = Math.Max(maxTarget, _buffer.TargetDelayMs);
            if (tick.Result == JitterResult.Packet) maxAfterPlay = Math.Max(maxAfterPlay, _buffer.BufferedMs + PlayoutSimulation.FrameMs);
        });
        _output.WriteLine($"max target {maxTarget} ms, max delay at play {maxAfterPlay} ms, jitter {_buffer.JitterMs} ms, dropped {_buffer.Dropped}, late {_buffer.Late}");
        Assert.Equal(300, maxTarget);
        Assert.InRange(maxAfterPlay, 200, 300);
    }

    [Fact]
    public void Late_and_duplicate_packets_are_dropped_and_counted()
    {
        Put(1, 0); Put(2, 20);
        Assert.Equal(1, Take(25));
        Assert.False(Put(1, 30)); // its turn has passed
        Assert.False(Put(2, 31)); // already waiting
        Assert.Equal(1, _buffer.Late);
        Assert.Equal(1, _buffer.Duplicates);
        Assert.Equal(2, Take(45));
    }

    [Fact]
    public void Packets_reordered_within_the_depth_play_in_order()
    {
        // Pairs swapped on the way: 1 0 3 2 5 4 ...
        var played = new List<int>();
        for (int n = 0; n < 200; n++)
        {
            int sequence = n % 2 == 0 ? n + 1 : n - 1;
            Put(sequence, n * 20);
            int b = Take(n * 20 + 5);
            if (b >= 0) played.Add(b);
        }
        Assert.Equal(Enumerable.Range(0, played.Count), played);
        Assert.True(played.Count > 180);
        Assert.Equal(0, _buffer.Lost + _buffer.Late);
    }

    [Fact]
    public void Sequence_numbers_wrap_around_from_65535_to_0()
    {
        var played = new List<int>();
        for (int n = 0; n < 8; n++)
        {
            int sequence = (65533 + n) & 0xFFFF;
            _buffer.Put(sequence, (uint)(n * 160), new[] { (byte)n }, 0, 1, n * 20);
            JitterResult r = _buffer.Take(n * 20 + 5, out var data, out var offset, out _);
            if (r == JitterResult.Packet) played.Add(data[offset]);
        }
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5, 6 }, played); // 65533 .. 65535, 0 .. 3
        Assert.Equal(3, _buffer.LastSequence);
        Assert.False(_buffer.Put(65535, 320, new byte[1], 0, 1, 200)); // late, not a restart
        Assert.Equal(0, _buffer.Lost);
    }

    [Fact]
    public void A_missing_packet_is_reported_lost_when_later_ones_wait()
    {
        Put(5, 0); Put(6, 20);
        Assert.Equal(5, Take(25));
        Put(8, 60);
        Assert.Equal(6, Take(65));
        Assert.Equal(-2, Take(85));
        Assert.Equal(7, _buffer.LastSequence);
        Assert.Equal(8, Take(105));
        Assert.Equal(1, _buffer.Lost);
    }

    [Fact]
    public void Slots_grow_once_for_60_ms_packets_after_which_a_60_ms_stream_allocates_nothing()
    {
        for (int n = 0; n < 4; n++) Put(n, n * 20); // 20 ms packets in one-frame slots
        var payload = new byte[480];
        int sequence = 4;
        long now = 80;
        Assert.Equal(0, Allocations.Steady(() => // the first round grows every slot; the rounds measured do not
        {
            for (int i = 0; i < 200; i++)
            {
                _buffer.Put(sequence & 0xFFFF, (uint)(sequence * 480), payload, 0, 480, now);
                sequence++;
                for (int tick = 0; tick < 3; tick++)
                {
                    now += 20;
                    while (_buffer.Take(now + 5, out _, out _, out _) == JitterResult.Drop) { }
                }
            }
        }));
        Assert.Equal(0, _buffer.Late + _buffer.Duplicates);
    }

    [Fact]
    public void A_60_ms_packet_plays_as_three_20_ms_slices()
    {
        Put(0, 0, 480);
        var slices = new List<(int Offset, int Count)>();
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(JitterResult.Packet, _buffer.Take(5 + t * 20, out _, out int offset, out int count));
            slices.Add((offset, count));
        }
        Assert.Equal(new[] { (0, 160), (160, 160), (320, 160) }, slices);
        Assert.Equal(0, _buffer.Count);
    }

    [Fact]
    public void A_big_sequence_jump_is_a_restarted_sender_and_the_buffer_starts_over()
    {
        Put(0, 0); Put(1, 20); Put(2, 40);
        Assert.Equal(0, Take(45));
        Assert.True(Put(5000, 60));
        Assert.Equal(1, _buffer.Count);
        Assert.Equal(-1, Take(65)); // filling again
        Put(5001, 80);
        Assert.Equal(5000 & 0xFF, Take(85));
    }

    [Fact]
    public void Reset_forgets_packets_and_the_jitter_estimate()
    {
        var sim = new PlayoutSimulation(_buffer);
        sim.SendStream(300, Jittery(2));
        sim.Run(7, 300, _ => { });
        Assert.True(_buffer.TargetDelayMs > 40);
        _buffer.Reset();
        Assert.Equal(0, _buffer.Count);
        Assert.Equal(40, _buffer.TargetDelayMs);
        Assert.Equal(0, _buffer.JitterMs);
        Assert.Equal(-1, Take(10_000));
    }

    [Fact]
    public void A_surplus_frame_is_dropped_with_its_payload_and_the_next_one_plays_in_the_same_tick()
    {
        for (int n = 0; n < 6; n++) Put(n, 0); // a burst: 6 frames where 2 would do
        var results = new List<int>();
        long now = 5;
        int sequence = 6;
        while (_buffer.Dropped == 0 && now < 2000)
        {
            Put(sequence, now - 1);
            sequence++;
            results.Add(Take(now));
            now += 20;
        }
        Assert.Equal(-3, results[^1]); // Drop
        int dropped = _buffer.LastSequence;
        Assert.Equal((dropped + 1) & 0xFF, Take(now - 20)); // called again in the same tick
        Assert.True(now - 20 - 5 >= AdaptiveJitterBuffer.ShrinkAfterMs); // not sooner after playout began
    }

    [Fact]
    public void After_three_lost_frames_the_rest_of_a_long_gap_is_dropped_rather_than_waited_through()
    {
        Put(0, 0); Put(1, 20);
        Assert.Equal(0, Take(25));
        Assert.Equal(1, Take(45));
        for (int n = 10; n < 17; n++) Put(n, 50 + (n - 10)); // 2..9 never come
        var results = new List<int>();
        for (int t = 0; t < 5; t++)
        {
            int r;
            while ((r = Take(65 + t * 20)) == -3) { }
            results.Add(r);
        }
        Assert.Equal(new[] { -2, -2, -2, 10, 11 }, results); // 2..4 concealed, 5..9 dropped
        Assert.Equal(8, _buffer.Lost);
        Assert.Equal(5, _buffer.Dropped);
    }

    [Fact]
    public void Put_and_Take_do_not_allocate()
    {
        var payload = new byte[160];
        int sequence = 0;
        long now = 0;
        Assert.Equal(0, Allocations.Steady(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                _buffer.Put(sequence & 0xFFFF, (uint)(sequence * 160), payload, 0, 160, now);
                sequence++;
                now += 20;
                while (_buffer.Take(now + 5, out _, out _, out _) == JitterResult.Drop) { }
            }
        }));
    }
}
