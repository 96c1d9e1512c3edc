using DeskPhone.Firmware.Media.Dtmf;
using DeskPhone.Firmware.Media.Rtp;

namespace DeskPhone.Firmware.Tests.Media.Dtmf;

public class DtmfReceiverTests
{
    private readonly DtmfReceiver _receiver = new();
    private int _seq = 100;

    private char Receive(int ev, uint ts, int duration, bool end = false, bool marker = false, uint ssrc = 0xCAFE)
    {
        var payload = new byte[4];
        new DtmfEvent { Event = ev, End = end, Volume = 10, Duration = duration }.WriteTo(payload, 0);
        var h = new RtpHeader { PayloadType = 101, Marker = marker, Sequence = _seq++, Timestamp = ts, Ssrc = ssrc };
        return _receiver.Receive(h, payload, 0, 4);
    }

    [Fact]
    public void A_digit_is_reported_on_its_first_packet_and_not_again_for_its_updates_or_end_packets()
    {
        Assert.Equal('5', Receive(5, 1000, 160, marker: true));
        Assert.True(_receiver.IsActive);
        Assert.Equal('\0', Receive(5, 1000, 320));
        Assert.Equal('\0', Receive(5, 1000, 800, end: true));
        Assert.Equal('\0', Receive(5, 1000, 800, end: true));
        Assert.Equal('\0', Receive(5, 1000, 800, end: true));
        Assert.False(_receiver.IsActive);
        Assert.Equal(800, _receiver.Duration);
        Assert.Equal(1, _receiver.Digits);
        Assert.Equal(4, _receiver.Repeats);
    }

    [Fact]
    public void A_lost_first_packet_still_gives_the_digit_on_the_next_one()
    {
        Assert.Equal('#', Receive(11, 1000, 320));
        Assert.Equal('\0', Receive(11, 1000, 480));
    }

    [Fact]
    public void Only_an_end_packet_arriving_still_gives_the_digit_once()
    {
        Assert.Equal('7', Receive(7, 1000, 800, end: true));
        Assert.Equal('\0', Receive(7, 1000, 800, end: true));
        Assert.False(_receiver.IsActive);
    }

    [Fact]
    public void The_same_digit_pressed_twice_is_two_events_by_timestamp()
    {
        Assert.Equal('1', Receive(1, 1000, 160, marker: true));
        Assert.Equal('\0', Receive(1, 1000, 800, end: true));
        Assert.Equal('1', Receive(1, 2600, 160, marker: true));
        Assert.Equal(2, _receiver.Digits);
    }

    [Fact]
    public void A_late_end_packet_of_the_previous_event_is_not_a_new_digit()
    {
        Assert.Equal('1', Receive(1, 1000, 800, end: true));
        Assert.Equal('2', Receive(2, 2600, 160, marker: true));
        Assert.Equal('\0', Receive(1, 1000, 800, end: true));
        Assert.Equal(1, _receiver.Late);
    }

    [Fact]
    public void A_retransmitted_first_packet_is_not_reported_again()
    {
        Assert.Equal('9', Receive(9, 1000, 160, marker: true));
        Assert.Equal('\0', Receive(9, 1000, 160, marker: true));
    }

    [Fact]
    public void The_next_segment_of_a_long_event_continues_it()
    {
        Assert.Equal('0', Receive(0, 1000, 65440, marker: true));
        Assert.Equal('\0', Receive(0, 1000, 65535));
        Assert.Equal('\0', Receive(0, 1000 + 65535, 545));
        Assert.Equal('\0', Receive(0, 1000 + 65535, 1825, end: true));
        Assert.Equal(1, _receiver.Digits);
    }

    [Fact]
    public void A_new_source_starts_a_new_event_even_with_the_same_timestamp()
    {
        Assert.Equal('4', Receive(4, 1000, 160, marker: true, ssrc: 1));
        Assert.Equal('4', Receive(4, 1000, 160, marker: true, ssrc: 2));
    }

    [Fact]
    public void Events_that_are_not_DTMF_digits_report_nothing()
    {
        Assert.Equal('\0', Receive(16, 1000, 160, marker: true));    // hook flash
        Assert.Equal(0, _receiver.Digits);
    }

    [Fact]
    public void A_short_payload_is_counted_as_malformed()
    {
        var h = new RtpHeader { PayloadType = 101, Timestamp = 1, Ssrc = 1 };
        Assert.Equal('\0', _receiver.Receive(h, new byte[3], 0, 3));
        Assert.Equal(1, _receiver.Malformed);
    }

    [Fact]
    public void Receiving_events_allocates_nothing()
    {
        var payload = new byte[4];
        var h = new RtpHeader { PayloadType = 101, Ssrc = 5 };
        Assert.Equal(0, Allocations.Steady(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                new DtmfEvent { Event = i % 16, Duration = 160, End = i % 5 == 4 }.WriteTo(payload, 0);
                h.Timestamp += (uint)(i % 5 == 0 ? 1600 : 0);
                _receiver.Receive(h, payload, 0, 4);
            }
        }));
    }
}

public class DtmfRoundTripTests
{
    /// <summary>
    /// The sender's packets as RTP (sequence per packet, the sender's marker and timestamp), through
    /// <paramref name="lose"/> (packet index, packet → lost?), into a receiver. Returns the digits reported.
    /// </summary>
    private static string RoundTrip(string digits, Func<int, DtmfEvent, bool, bool> lose, int frames = 2000)
    {
        var sender = new DtmfSender(8000, 20);
        foreach (char d in digits) Assert.True(sender.Send(d, 0));
        var receiver = new DtmfReceiver();
        var buf = new byte[RtpHeader.Size + 4];
        var got = new System.Text.StringBuilder();
        int seq = 0;
        for (int f = 0; f < frames; f++)
        {
            if (!sender.Frame((uint)(7777 + f * 160), buf, RtpHeader.Size)) continue;
            var header = new RtpHeader { PayloadType = 101, Marker = sender.Marker, Sequence = seq & 0xFFFF, Timestamp = sender.Timestamp, Ssrc = 0x1234 };
            header.WriteTo(buf, 0);
            int index = seq++;
            Assert.True(DtmfEvent.TryRead(buf, RtpHeader.Size, 4, out var e));
            if (lose(index, e, sender.Marker)) continue;
            Assert.True(RtpHeader.TryRead(buf, 0, buf.Length, out var h, out int at, out int len));
            char c = receiver.Receive(h, buf, at, len);
            if (c != '\0') got.Append(c);
        }
        Assert.False(sender.IsBusy);
        return got.ToString();
    }

    private const string All = "0123456789*#ABCD";

    [Fact]
    public void Every_digit_arrives_once_over_a_clean_path()
    {
        Assert.Equal(All, RoundTrip(All, (_, _, _) => false));
    }

    [Fact]
    public void Losing_the_first_packet_of_every_digit_still_gives_every_digit()
    {
        Assert.Equal(All, RoundTrip(All, (_, _, marker) => marker));
    }

    [Fact]
    public void Losing_one_of_the_three_end_packets_gives_each_digit_exactly_once()
    {
        int ends = 0;
        Assert.Equal("5555", RoundTrip("5555", (_, e, _) => e.End && ends++ % 3 == 1));
    }

    [Fact]
    public void Losing_everything_but_the_end_packets_still_gives_each_digit_once()
    {
        Assert.Equal("1212", RoundTrip("1212", (_, e, _) => !e.End));
    }

    [Fact]
    public void A_seeded_lossy_path_losing_a_fifth_of_the_packets_gives_each_digit_once()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var rng = new Random(seed);
            Assert.Equal(All + All, RoundTrip(All + All, (_, _, _) => rng.Next(5) == 0));
        }
    }
}
