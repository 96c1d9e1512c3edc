using DeskPhone.Firmware.Media.Rtcp;

namespace DeskPhone.Firmware.Tests.Media.Rtcp;

public class RtpReceiveStatsTests
{
    private const uint Far = 0xF00D;
    private readonly RtpReceiveStats _stats = new(8000);

    /// <summary>Packet <paramref name="seq"/> of a 20 ms G.711 stream, on time at 20 ms per packet (plus <paramref name="lateMs"/>).</summary>
    private bool Packet(int seq, int lateMs = 0, uint ssrc = Far, int firstSeq = 100)
    {
        int index = seq - firstSeq;
        return _stats.Update(ssrc, seq & 0xFFFF, (uint)(5000 + index * 160), 1_000 + index * 20L + lateMs);
    }

    private ReportBlock Report()
    {
        var b = new ReportBlock();
        _stats.FillBlock(ref b);
        return b;
    }

    [Fact]
    public void A_new_source_counts_only_after_two_packets_in_sequence()
    {
        Assert.False(Packet(100));
        Assert.True(Packet(101));
        Assert.True(_stats.IsValid);
        Assert.Equal(1, _stats.Received);
        Assert.Equal(1, _stats.Expected);
    }

    [Fact]
    public void A_source_out_of_sequence_during_probation_starts_probation_again()
    {
        Assert.False(Packet(100));
        Assert.False(Packet(105));
        Assert.True(Packet(106));
        Assert.Equal(1, _stats.Received);
    }

    [Fact]
    public void A_lost_packet_shows_in_cumulative_loss_and_the_fraction_of_the_interval()
    {
        for (int s = 100; s < 200; s++) if (s != 150) Packet(s);
        Assert.Equal(99, _stats.Expected);      // 101..199: the first packet was probation
        Assert.Equal(98, _stats.Received);
        Assert.Equal(1, _stats.CumulativeLost);
        var b = Report();
        Assert.Equal(Far, b.Ssrc);
        Assert.Equal(1, b.CumulativeLost);
        Assert.Equal(256 / 99, b.FractionLost);
        Assert.Equal(199u, b.HighestSequence);
    }

    [Fact]
    public void The_fraction_lost_covers_only_the_interval_since_the_last_report()
    {
        for (int s = 100; s < 200; s++) if (s % 10 != 5) Packet(s);      // 10 % lost
        Assert.Equal(25, Report().FractionLost);                           // 10 of 99 expected: 25/256
        for (int s = 200; s < 300; s++) Packet(s);                         // none lost
        var b = Report();
        Assert.Equal(0, b.FractionLost);
        Assert.Equal(10, b.CumulativeLost);
        Assert.False(_stats.ReceivedSinceReport);
    }

    [Fact]
    public void Sequence_numbers_wrapping_past_65535_count_a_cycle()
    {
        for (int s = 65530; s < 65536 + 10; s++) Packet(s, firstSeq: 65530);
        Assert.Equal(0x0001_0009u, _stats.ExtendedHighestSequence);
        Assert.Equal(15, _stats.Expected);
        Assert.Equal(15, _stats.Received);
        Assert.Equal(0, Report().CumulativeLost);
    }

    [Fact]
    public void Reordered_packets_are_not_losses()
    {
        foreach (int s in new[] { 100, 101, 102, 104, 103, 105, 107, 106 }) Packet(s);
        Assert.Equal(0, _stats.CumulativeLost);
        Assert.Equal(107u, _stats.ExtendedHighestSequence);
    }

    [Fact]
    public void A_reordered_packet_across_the_wrap_does_not_count_a_cycle()
    {
        foreach (int s in new[] { 65533, 65534, 0, 65535, 1 }) Packet(s < 100 ? s + 65536 : s, firstSeq: 65533);
        Assert.Equal(0x0001_0001u, _stats.ExtendedHighestSequence);
        Assert.Equal(0, _stats.CumulativeLost);
    }

    [Fact]
    public void Duplicates_count_as_received_so_the_loss_can_go_negative()
    {
        foreach (int s in new[] { 100, 101, 102, 102, 103, 103 }) Packet(s);
        Assert.Equal(3, _stats.Expected);
        Assert.Equal(5, _stats.Received);
        Assert.Equal(-2, Report().CumulativeLost);
        Assert.Equal(0, _stats.LastFractionLost);
    }

    [Fact]
    public void A_sender_that_restarts_its_sequence_is_followed_once_the_next_packet_confirms_it()
    {
        for (int s = 100; s <= 110; s++) Packet(s);
        Assert.False(_stats.Update(Far, 30000, 99_000, 2_000));  // a jump: not believed yet
        Assert.True(_stats.Update(Far, 30001, 99_160, 2_020));   // confirmed: statistics start over
        Assert.Equal(1, _stats.Received);
        Assert.Equal(1, _stats.Expected);
        Assert.True(_stats.Update(Far, 30002, 99_320, 2_040));
        Assert.Equal(0, _stats.CumulativeLost);
        Assert.Equal(0u, _stats.Jitter); // the timestamp jump is not taken for jitter
    }

    [Fact]
    public void A_single_stray_jump_is_dropped_and_the_stream_goes_on()
    {
        for (int s = 100; s <= 110; s++) Packet(s);
        Assert.False(_stats.Update(Far, 40000, 1, 1_300));
        Assert.True(Packet(111));
        Assert.Equal(11, _stats.Received);
        Assert.Equal(0, _stats.CumulativeLost);
    }

    [Fact]
    public void A_packet_from_a_new_SSRC_starts_over_with_probation()
    {
        for (int s = 100; s <= 110; s++) Packet(s);
        Assert.False(_stats.Update(0xBEEF, 7, 0, 2_000));
        Assert.Equal(0xBEEFu, _stats.Ssrc);
        Assert.Equal(0, _stats.Received);
        Assert.True(_stats.Update(0xBEEF, 8, 160, 2_020));
        Assert.Equal(1, _stats.Received);
    }

    [Fact]
    public void Packets_arriving_exactly_on_time_have_no_jitter()
    {
        for (int s = 100; s < 200; s++) Packet(s);
        Assert.Equal(0u, _stats.Jitter);
    }

    [Fact]
    public void Arrivals_alternating_10_ms_late_converge_to_80_units_of_jitter()
    {
        for (int s = 100; s < 400; s++) Packet(s, lateMs: s % 2 == 0 ? 10 : 0);
        Assert.InRange(_stats.Jitter, 79u, 80u);   // |D| = 80 units (10 ms at 8 kHz) every packet
        Assert.Equal(10, _stats.JitterMs);         // 79 units: 9.9 ms
    }

    [Fact]
    public void One_late_packet_adds_a_sixteenth_of_its_transit_change()
    {
        Packet(100);
        Packet(101);
        Packet(102, lateMs: 20);                   // D = 160 units
        Assert.Equal(10u, _stats.Jitter);          // 160 / 16
    }

    [Fact]
    public void Jitter_in_ms_follows_the_clock_rate()
    {
        var wide = new RtpReceiveStats(16000);
        for (int i = 0; i < 300; i++) wide.Update(Far, i, (uint)(i * 320), 1000 + i * 20L + (i % 2 == 0 ? 10 : 0));
        Assert.InRange(wide.Jitter, 158u, 160u);
        Assert.Equal(10, wide.JitterMs);
    }

    [Fact]
    public void Telephone_events_count_for_loss_but_not_for_jitter()
    {
        Packet(100);
        Packet(101);
        Assert.True(_stats.UpdateSequenceOnly(Far, 102));
        Assert.True(_stats.UpdateSequenceOnly(Far, 103));
        Packet(104);
        Assert.Equal(4, _stats.Received);
        Assert.Equal(0u, _stats.Jitter);
    }
}
