// The minimal jitter buffer: order by sequence, drop late and duplicate packets, silence when empty.
using DeskPhone.Firmware.Media.Rtp;

namespace DeskPhone.Firmware.Tests.Media.Rtp;

public class JitterBufferTests
{
    private readonly JitterBuffer _buffer = new(16);

    private bool Put(int sequence) => _buffer.Put(sequence, new[] { (byte)sequence }, 0, 1);

    private int Take() => _buffer.TryTake(out var data, out var count) ? (count == 1 ? data[0] : -2) : -1;

    [Fact]
    public void Playout_waits_for_the_buffer_depth_then_plays_in_sequence_order()
    {
        Put(11);
        Put(10);
        Assert.Equal(-1, Take()); // filling
        Put(12);
        Assert.Equal(10, Take());
        Assert.Equal(11, Take());
        Assert.Equal(12, Take());
        Assert.Equal(-1, Take()); // empty: silence
    }

    [Fact]
    public void Late_and_duplicate_packets_are_dropped()
    {
        Put(1); Put(2); Put(3);
        Assert.Equal(1, Take());
        Assert.False(Put(1));
        Assert.False(Put(3));
        Assert.Equal(1, _buffer.Late);
        Assert.Equal(1, _buffer.Duplicates);
        Assert.Equal(2, Take());
        Assert.Equal(3, Take());
    }

    [Fact]
    public void A_missing_packet_is_skipped_when_later_ones_wait()
    {
        Put(5); Put(7); Put(8);
        Assert.Equal(5, Take());
        Assert.Equal(-1, Take());
        Assert.Equal(7, Take());
        Assert.Equal(1, _buffer.Lost);
    }

    [Fact]
    public void Sequence_numbers_wrap_around_at_65536()
    {
        Put(65534); Put(65535); Put(0); Put(1);
        Assert.Equal(65534 & 0xFF, Take());
        Assert.Equal(65535 & 0xFF, Take());
        Assert.Equal(0, Take());
        Assert.Equal(1, Take());
        Assert.False(Put(65535));
    }

    [Fact]
    public void A_packet_far_ahead_of_the_slots_moves_the_window_and_a_big_jump_starts_over()
    {
        Put(0); Put(1); Put(2);
        Assert.True(Put(10));     // beyond 8 slots: 0..2 give way
        Assert.Equal(1, _buffer.Count);
        Assert.True(Put(5000));   // a restarted sender
        Assert.Equal(1, _buffer.Count);
        Put(5001); Put(5002);
        Assert.Equal(5000 & 0xFF, Take());
    }

    [Fact]
    public void A_payload_larger_than_a_slot_is_refused()
    {
        Assert.False(_buffer.Put(1, new byte[17], 0, 17));
        Assert.Equal(0, _buffer.Count);
    }
}
