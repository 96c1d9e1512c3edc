// The jitter estimate (RFC 3550 §6.4.1) and the depth it asks for: up at once, down after a calm spell.
using DeskPhone.Firmware.Media.Rtp;

namespace DeskPhone.Firmware.Tests.Media.Rtp;

public class AdaptiveJitterBufferTargetTests
{
    private readonly JitterTarget _target = new(8000);

    /// <summary>Packets every 20 ms (160 timestamp units) from <paramref name="first"/>, each arriving transit(n) ms after it was sent.</summary>
    private void Stream(int first, int count, Func<int, long> transit, uint timestampBase = 1000)
    {
        for (int n = first; n < first + count; n++) _target.Arrived(timestampBase + (uint)(n * 160), n * 20L + transit(n));
    }

    [Fact]
    public void A_constant_transit_time_is_no_jitter_and_asks_for_two_frames()
    {
        Stream(0, 500, _ => 37);
        Assert.Equal(0, _target.JitterMs);
        Assert.Equal(JitterTarget.MinFrames, _target.Frames);
    }

    [Fact]
    public void Transit_alternating_by_20_ms_converges_to_20_ms_of_jitter_and_three_frames()
    {
        Stream(0, 500, n => n % 2 == 0 ? 30 : 50); // |D| = 20 ms = 160 units every packet
        Assert.InRange(_target.JitterMs, 19, 20);
        Assert.InRange(_target.JitterUnits, 159u, 160u);
        Assert.Equal(3, _target.Frames); // ceil((2 × 20 + 20) / 20)
    }

    [Fact]
    public void The_32_bit_timestamp_wrapping_around_is_not_jitter()
    {
        Stream(0, 100, _ => 40, timestampBase: uint.MaxValue - 160 * 50);
        Assert.Equal(0, _target.JitterMs);
    }

    [Fact]
    public void A_timestamp_jump_from_a_restarted_sender_is_a_new_reference_not_jitter()
    {
        Stream(0, 50, _ => 40);
        Stream(50, 50, _ => 40, timestampBase: 987654321);
        Assert.Equal(0, _target.JitterMs);
    }

    [Fact]
    public void The_target_rises_at_once_and_comes_down_a_frame_a_second_after_4_calm_seconds()
    {
        Stream(0, 200, n => n % 2 == 0 ? 20 : 170); // |D| = 150 ms: asks for the maximum
        Assert.Equal(JitterTarget.MaxFrames, _target.Frames);
        long calmFrom = 200 * 20L + 20; // the first calm arrival
        var steps = new List<(long After, int Frames)>();
        for (int n = 200; n < 1200; n++) // 20 s calm
        {
            int before = _target.Frames;
            long at = n * 20L + 20;
            _target.Arrived(1000 + (uint)(n * 160), at);
            if (_target.Frames != before) steps.Add((at - calmFrom, _target.Frames));
        }
        Assert.Equal(JitterTarget.MinFrames, _target.Frames);
        Assert.InRange(steps[0].After, JitterTarget.CalmMs, JitterTarget.CalmMs + 500);
        for (int i = 1; i < steps.Count; i++)
        {
            Assert.Equal(steps[i - 1].Frames - 1, steps[i].Frames);
            Assert.Equal(JitterTarget.StepMs, steps[i].After - steps[i - 1].After);
        }
        Stream(1200, 10, n => n % 2 == 0 ? 20 : 170); // 200 ms of jitter
        Assert.True(_target.Frames > JitterTarget.MinFrames + 4, "jitter again: up at once");
    }

    [Fact]
    public void The_target_never_leaves_two_to_fifteen_frames()
    {
        Stream(0, 300, n => n % 2 == 0 ? 0 : 900); // |D| = 900 ms, under the 1 s discontinuity limit
        Assert.Equal(15, _target.Frames);
        Assert.Equal(300, _target.Frames * JitterTarget.FrameMs);
        _target.Reset();
        Assert.Equal(2, _target.Frames);
        Assert.Equal(0, _target.JitterMs);
    }
}
