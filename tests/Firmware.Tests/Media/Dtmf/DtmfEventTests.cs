using DeskPhone.Firmware.Media.Dtmf;

namespace DeskPhone.Firmware.Tests.Media.Dtmf;

public class DtmfEventTests
{
    [Fact]
    public void An_event_encodes_byte_for_byte()
    {
        var buf = new byte[4];
        Assert.Equal(4, new DtmfEvent { Event = 11, End = true, Volume = 10, Duration = 0x0320 }.WriteTo(buf, 0));
        Assert.Equal(new byte[] { 0x0B, 0x8A, 0x03, 0x20 }, buf);
    }

    [Fact]
    public void An_event_that_has_not_ended_has_the_E_bit_clear()
    {
        var buf = new byte[6];
        new DtmfEvent { Event = 5, Volume = 10, Duration = 160 }.WriteTo(buf, 2);
        Assert.Equal(new byte[] { 0, 0, 0x05, 0x0A, 0x00, 0xA0 }, buf);
    }

    [Fact]
    public void A_duration_past_16_bits_is_written_as_the_largest()
    {
        var buf = new byte[4];
        new DtmfEvent { Event = 1, Duration = 70_000 }.WriteTo(buf, 0);
        Assert.Equal(new byte[] { 0x01, 0x00, 0xFF, 0xFF }, buf);
    }

    [Fact]
    public void An_event_reads_back_and_the_reserved_bit_is_ignored()
    {
        var p = new byte[] { 0x09, 0xCA, 0x12, 0x34 };   // E and R set, volume 10
        Assert.True(DtmfEvent.TryRead(p, 0, 4, out var e));
        Assert.Equal(9, e.Event);
        Assert.True(e.End);
        Assert.Equal(10, e.Volume);
        Assert.Equal(0x1234, e.Duration);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    public void A_payload_shorter_than_four_bytes_is_refused(int count)
    {
        Assert.False(DtmfEvent.TryRead(new byte[] { 1, 2, 3, 4 }, 0, count, out _));
    }

    [Fact]
    public void A_count_that_runs_past_the_array_is_refused()
    {
        Assert.False(DtmfEvent.TryRead(new byte[] { 1, 2, 3, 4 }, 2, 4, out _));
        Assert.False(DtmfEvent.TryRead(null!, 0, 4, out _));
    }

    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('d', 15)]
    public void Keypad_digits_map_to_the_RFC_4733_event_codes(char digit, int code)
    {
        Assert.Equal(code, DtmfDigits.EventOf(digit));
        Assert.Equal(char.ToUpperInvariant(digit), DtmfDigits.DigitOf(code));
    }

    [Fact]
    public void Other_characters_and_events_are_not_digits()
    {
        Assert.Equal(-1, DtmfDigits.EventOf('E'));
        Assert.Equal(-1, DtmfDigits.EventOf('+'));
        Assert.Equal('\0', DtmfDigits.DigitOf(16));   // hook flash
        Assert.Equal('\0', DtmfDigits.DigitOf(-1));
    }
}
