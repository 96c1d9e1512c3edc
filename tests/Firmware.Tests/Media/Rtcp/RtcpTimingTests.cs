using DeskPhone.Firmware.Media.Rtcp;

namespace DeskPhone.Firmware.Tests.Media.Rtcp;

public class RtcpTimingTests
{
    [Fact]
    public void The_RFC_3550_round_trip_example_gives_6125_ms()
    {
        // §6.4.1 figure: A = 0xb710:8000, LSR = 0xb705:2000, DLSR = 0x0005:4000 -> 0x0006:2000 = 6.125 s.
        Assert.Equal(6125, NtpTime.RoundTripMs(0xB7108000, 0xB7052000, 0x00054000));
    }

    [Fact]
    public void A_block_without_LSR_or_with_a_negative_round_trip_gives_no_round_trip()
    {
        Assert.Equal(-1, NtpTime.RoundTripMs(0xB7108000, 0, 0));
        Assert.Equal(-1, NtpTime.RoundTripMs(0xB7050000, 0xB7052000, 0));
    }

    [Fact]
    public void The_Unix_epoch_is_2208988800_seconds_into_the_NTP_era()
    {
        NtpTime.FromUnixMs(0, out uint s, out uint f);
        Assert.Equal(2_208_988_800u, s);
        Assert.Equal(0u, f);
        NtpTime.FromUnixMs(500, out s, out f);
        Assert.Equal(0x8000_0000u, f);
        Assert.Equal((2_208_988_800u << 16) | 0x8000u, NtpTime.Middle(500));
    }

    [Fact]
    public void Times_after_2036_wrap_into_the_next_NTP_era()
    {
        NtpTime.FromUnixMs(2_085_978_496_000L, out uint s, out _);   // 2036-02-07 06:28:16 UTC
        Assert.Equal(0u, s);
    }

    [Theory]
    [InlineData(1000, 65536u)]
    [InlineData(5250, 0x54000u)]
    [InlineData(0, 0u)]
    [InlineData(-5, 0u)]
    public void Milliseconds_become_sixty_five_thousand_five_hundred_thirty_sixths_of_a_second(long ms, uint units)
    {
        Assert.Equal(units, NtpTime.UnitsFromMs(ms));
    }

    [Fact]
    public void The_interval_is_never_below_5_s_or_2_5_s_before_the_first_report()
    {
        Assert.Equal(5000, RtcpInterval.Deterministic(2, 2, true, 120, 80_000, false));
        Assert.Equal(2500, RtcpInterval.Deterministic(2, 2, true, 120, 80_000, true));
    }

    [Fact]
    public void A_narrow_session_bandwidth_stretches_the_interval()
    {
        // 5 % of 8 kbit/s = 50 bytes/s for RTCP; two members of 1000-byte reports: 40 s.
        Assert.Equal(40_000, RtcpInterval.Deterministic(2, 2, true, 1000, 8_000, false));
    }

    [Fact]
    public void When_senders_are_a_quarter_of_the_members_they_share_a_quarter_of_the_bandwidth()
    {
        // 8 members, 2 senders, 250-byte reports, 500 bytes/s: senders get 125 bytes/s for 2 -> 4 s -> 5 s
        // minimum; receivers get 375 bytes/s for 6 -> 4 s -> 5 s. With 1000-byte reports: 16 s each.
        Assert.Equal(16_000, RtcpInterval.Deterministic(8, 2, true, 1000, 80_000, false));
        Assert.Equal(16_000, RtcpInterval.Deterministic(8, 2, false, 1000, 80_000, false));
    }

    [Fact]
    public void The_randomized_interval_stays_between_half_and_one_and_a_half_times()
    {
        var rng = new Random(7);
        var values = Enumerable.Range(0, 2000).Select(_ => RtcpInterval.Randomized(5000, rng)).ToArray();
        Assert.All(values, v => Assert.InRange(v, 2500, 7500));
        Assert.True(values.Min() < 2700 && values.Max() > 7300, "spread over the whole range");
    }
}
