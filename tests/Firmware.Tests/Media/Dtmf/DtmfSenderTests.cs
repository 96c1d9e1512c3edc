using DeskPhone.Firmware.Media.Dtmf;

namespace DeskPhone.Firmware.Tests.Media.Dtmf;

public class DtmfSenderTests
{
    private readonly DtmfSender _sender = new(8000, 20);
    private readonly byte[] _buf = new byte[16];
    private int _frame;

    private sealed record Packet(int Frame, bool Marker, uint Timestamp, int Event, bool End, int Volume, int Duration, byte[] Bytes);

    /// <summary>Runs <paramref name="frames"/> frames (timestamps 1000 + 160 per frame); null where voice goes out.</summary>
    private List<Packet?> Run(int frames)
    {
        var list = new List<Packet?>();
        for (int i = 0; i < frames; i++, _frame++)
        {
            if (!_sender.Frame((uint)(1000 + _frame * 160), _buf, 2)) { list.Add(null); continue; }
            Assert.True(DtmfEvent.TryRead(_buf, 2, 4, out var e));
            list.Add(new Packet(_frame, _sender.Marker, _sender.Timestamp, e.Event, e.End, e.Volume, e.Duration, _buf[2..6]));
        }
        return list;
    }

    [Fact]
    public void A_tap_is_a_100_ms_event_with_the_marker_first_growing_durations_and_three_end_packets()
    {
        Assert.True(_sender.Send('5', 0));
        var p = Run(10);
        Assert.Equal(new byte[] { 0x05, 0x0A, 0x00, 0xA0 }, p[0]!.Bytes);     // event 5, volume 10, 160
        Assert.Equal(new[] { true, false, false, false, false }, p.Take(5).Select(x => x!.Marker));
        Assert.Equal(new[] { 160, 320, 480, 640, 800, 800, 800 }, p.Take(7).Select(x => x!.Duration));
        Assert.All(p.Take(7), x => Assert.Equal(1000u, x!.Timestamp));
        Assert.Equal(new[] { false, false, false, false, true, true, true }, p.Take(7).Select(x => x!.End));
        Assert.Equal(new byte[] { 0x05, 0x8A, 0x03, 0x20 }, p[4]!.Bytes);     // E, volume 10, 800
        Assert.All(p.Skip(7), Assert.Null);                                    // voice again
        Assert.False(_sender.IsBusy);
    }

    [Fact]
    public void The_next_queued_digit_starts_100_ms_after_the_end_of_the_previous_tone()
    {
        _sender.Send('1', 0);
        _sender.Send('2', 0);
        var p = Run(20);
        Assert.All(p.Skip(7).Take(3), Assert.Null);
        var second = p[10]!;
        Assert.Equal(2, second.Event);
        Assert.True(second.Marker);
        Assert.Equal(1000u + 10 * 160, second.Timestamp);
        Assert.Equal(160, second.Duration);
    }

    [Fact]
    public void A_held_key_sounds_until_it_is_released()
    {
        _sender.Press('#');
        var held = Run(10);
        Assert.All(held, x => Assert.False(x!.End));
        Assert.Equal('#', _sender.Current);
        _sender.Release();
        var end = Run(4);
        Assert.Equal(11, end[0]!.Event);
        Assert.True(end[0]!.End);
        Assert.Equal(11 * 160, end[0]!.Duration);
        Assert.True(end[1]!.End && end[2]!.End);
        Assert.Null(end[3]);
    }

    [Fact]
    public void A_key_released_before_its_tone_started_still_sounds_for_the_minimum()
    {
        _sender.Press('3');
        _sender.Release();
        var p = Run(8);
        Assert.Equal(new[] { false, false, false, false, true }, p.Take(5).Select(x => x!.End));
        Assert.Equal(800, p[4]!.Duration);
    }

    [Fact]
    public void A_key_released_after_40_ms_still_sounds_for_100_ms()
    {
        _sender.Press('3');
        Run(2);
        _sender.Release();
        var p = Run(3);
        Assert.Equal(new[] { false, false, true }, p.Select(x => x!.End));
        Assert.Equal(800, p[2]!.Duration);
    }

    [Fact]
    public void A_digit_sent_for_a_given_time_lasts_that_long()
    {
        _sender.Send('7', 240);
        var p = Run(15);
        var end = p.First(x => x!.End)!;
        Assert.Equal(1920, end.Duration);      // 240 ms at 8 kHz
        Assert.Equal(11, end.Frame);
    }

    [Fact]
    public void An_event_longer_than_65535_units_goes_on_in_a_new_segment_without_marker()
    {
        _sender.Press('0');
        var p = Run(420);
        Assert.Equal(65440, p[408]!.Duration);
        var segmentEnd = p.Skip(409).Take(3).ToList();                        // 65600 units would not fit
        Assert.All(segmentEnd, x => { Assert.Equal(65535, x!.Duration); Assert.False(x.End); Assert.Equal(1000u, x.Timestamp); });
        var next = p[412]!;
        Assert.False(next.Marker);
        Assert.Equal(1000u + 65535, next.Timestamp);
        Assert.Equal(413 * 160 - 65535, next.Duration);
        _sender.Release();
        var end = Run(1)[0]!;
        Assert.True(end.End);
        Assert.Equal(421 * 160 - 65535, end.Duration);
        Assert.Equal(1000u + 65535, end.Timestamp);
        Assert.Equal(1, p.Count(x => x!.Marker));
    }

    [Fact]
    public void The_clock_rate_of_a_wideband_telephone_event_sets_the_units_per_frame()
    {
        var wide = new DtmfSender(16000, 20);
        wide.Send('9', 0);
        Assert.True(wide.Frame(0, _buf, 0));
        Assert.True(DtmfEvent.TryRead(_buf, 0, 4, out var e));
        Assert.Equal(320, e.Duration);
    }

    [Fact]
    public void Characters_that_are_not_DTMF_digits_are_refused()
    {
        Assert.False(_sender.Send('x', 100));
        Assert.False(_sender.Press('+'));
        Assert.False(_sender.IsBusy);
    }

    [Fact]
    public void A_full_queue_refuses_more_digits()
    {
        for (int i = 0; i < DtmfSender.Capacity; i++) Assert.True(_sender.Send('1', 0));
        Assert.False(_sender.Send('2', 0));
        Assert.Equal(DtmfSender.Capacity, _sender.Pending);
    }

    [Fact]
    public void Clearing_stops_at_once_and_voice_goes_out_in_the_next_frame()
    {
        _sender.Send('4', 0);
        _sender.Send('5', 0);
        Run(2);
        _sender.Clear();
        Assert.Null(Run(1)[0]);
        Assert.False(_sender.IsBusy);
    }

    [Fact]
    public void Sending_digits_frame_by_frame_allocates_nothing()
    {
        Assert.Equal(0, Allocations.Steady(() =>
        {
            _sender.Send('1', 0);
            _sender.Send('#', 0);
            for (int i = 0; i < 40; i++) _sender.Frame((uint)(i * 160), _buf, 0);
        }));
    }
}
