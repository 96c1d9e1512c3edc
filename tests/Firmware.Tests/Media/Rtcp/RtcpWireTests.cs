using DeskPhone.Firmware.Media.Rtcp;

namespace DeskPhone.Firmware.Tests.Media.Rtcp;

public class RtcpWireTests
{
    internal static byte[] Hex(string text) => Convert.FromHexString(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));

    internal const string SrWithOneBlock = """
        81 C8 00 0C  11 22 33 44
        E1 A2 B3 C4  80 00 00 00  00 00 1F 40  00 00 00 05  00 00 03 20
        AA BB CC DD  40 00 00 03  00 01 00 05  00 00 00 10  12 34 56 78  00 01 00 00
        """;

    internal const string SdesAbAtHost = "81 CA 00 04  11 22 33 44  01 07 61 62 40 68 6F 73 74 00 00 00";

    internal const string ByeWithReason = "81 CB 00 02  11 22 33 44  03 62 79 65";

    internal static SenderReport Sr()
    {
        var sr = new SenderReport(1)
        {
            Ssrc = 0x11223344, NtpSeconds = 0xE1A2B3C4, NtpFraction = 0x80000000,
            RtpTimestamp = 8000, PacketCount = 5, OctetCount = 800, BlockCount = 1,
        };
        sr.Blocks[0] = new ReportBlock
        {
            Ssrc = 0xAABBCCDD, FractionLost = 64, CumulativeLost = 3, HighestSequence = 0x00010005,
            Jitter = 16, LastSr = 0x12345678, DelaySinceLastSr = 0x00010000,
        };
        return sr;
    }

    internal static Sdes Cname(string name = "ab@host")
    {
        var s = new Sdes { Ssrc = 0x11223344 };
        s.SetCname(name);
        return s;
    }

    [Fact]
    public void A_sender_report_with_one_block_encodes_byte_for_byte()
    {
        var buf = new byte[52];
        Assert.Equal(52, Sr().WriteTo(buf, 0));
        Assert.Equal(Hex(SrWithOneBlock), buf);
    }

    [Fact]
    public void An_empty_receiver_report_is_the_header_and_our_SSRC()
    {
        var rr = new ReceiverReport(1) { Ssrc = 0x11223344 };
        var buf = new byte[8];
        Assert.Equal(8, rr.WriteTo(buf, 0));
        Assert.Equal(Hex("80 C9 00 01  11 22 33 44"), buf);
    }

    [Fact]
    public void A_receiver_report_block_carries_a_negative_cumulative_loss_as_24_bit_twos_complement()
    {
        var rr = new ReceiverReport(1) { Ssrc = 1, BlockCount = 1 };
        rr.Blocks[0] = new ReportBlock { Ssrc = 2, FractionLost = 0, CumulativeLost = -2, HighestSequence = 7 };
        var buf = new byte[32];
        rr.WriteTo(buf, 0);
        Assert.Equal(Hex("81 C9 00 07  00 00 00 01  00 00 00 02  00 FF FF FE  00 00 00 07"), buf[..20]);
        var back = new ReceiverReport(1);
        Assert.True(back.TryRead(buf, 0, buf.Length));
        Assert.Equal(-2, back.Blocks[0].CumulativeLost);
    }

    [Theory]
    [InlineData(10_000_000, "7F FF FF")]
    [InlineData(-10_000_000, "80 00 00")]
    public void A_cumulative_loss_beyond_24_bits_is_clamped(int lost, string wire)
    {
        var buf = new byte[24];
        new ReportBlock { CumulativeLost = lost }.WriteTo(buf, 0);
        Assert.Equal(Hex(wire), buf[5..8]);
    }

    [Fact]
    public void An_SDES_CNAME_is_ended_by_null_octets_up_to_a_word_boundary()
    {
        var buf = new byte[20];
        Assert.Equal(20, Cname().WriteTo(buf, 0));
        Assert.Equal(Hex(SdesAbAtHost), buf);
    }

    [Theory]
    [InlineData("", 12)]        // SSRC, type, length 0, two nulls
    [InlineData("a", 12)]       // SSRC, type, length, "a", one null
    [InlineData("ab", 16)]      // SSRC, type, length, "ab" fill two words: a third word of nulls ends the list
    [InlineData("abcdef", 20)]
    public void An_SDES_chunk_always_has_at_least_one_null_octet(string name, int length)
    {
        var s = Cname(name);
        Assert.Equal(length, s.Length);
        var buf = new byte[length];
        s.WriteTo(buf, 0);
        Assert.Equal(0, buf[^1]);
        Assert.Equal(length / 4 - 1, buf[3]);
    }

    [Fact]
    public void A_BYE_with_a_reason_pads_the_reason_to_a_word()
    {
        var bye = new Bye { Ssrc = 0x11223344 };
        bye.SetReason("bye");
        var buf = new byte[12];
        Assert.Equal(12, bye.WriteTo(buf, 0));
        Assert.Equal(Hex(ByeWithReason), buf);
    }

    [Fact]
    public void A_BYE_without_reason_is_eight_bytes()
    {
        var buf = new byte[8];
        Assert.Equal(8, new Bye { Ssrc = 0x11223344 }.WriteTo(buf, 0));
        Assert.Equal(Hex("81 CB 00 01  11 22 33 44"), buf);
    }

    [Fact]
    public void A_compound_is_the_SR_then_SDES_CNAME_then_BYE_byte_for_byte()
    {
        var bye = new Bye { Ssrc = 0x11223344 };
        bye.SetReason("bye");
        var buf = new byte[100];
        int n = RtcpCompound.Write(buf, 4, Sr(), Cname(), bye);
        Assert.Equal(52 + 20 + 12, n);
        Assert.Equal(Hex(SrWithOneBlock + SdesAbAtHost + ByeWithReason), buf[4..(4 + n)]);
    }

    [Fact]
    public void A_compound_receiver_report_starts_with_the_RR()
    {
        var buf = new byte[64];
        int n = RtcpCompound.Write(buf, 0, new ReceiverReport(1) { Ssrc = 0x11223344 }, Cname(), null);
        Assert.Equal(Hex("80 C9 00 01  11 22 33 44" + SdesAbAtHost), buf[..n]);
    }

    [Fact]
    public void A_compound_that_does_not_fit_the_buffer_writes_nothing()
    {
        var buf = new byte[60];
        Assert.Equal(0, RtcpCompound.Write(buf, 0, Sr(), Cname(), null));
        Assert.All(buf, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_sender_report_reads_back_what_was_written()
    {
        var buf = Hex(SrWithOneBlock);
        var sr = new SenderReport(4);
        Assert.True(sr.TryRead(buf, 0, buf.Length));
        Assert.Equal(0x11223344u, sr.Ssrc);
        Assert.Equal(0xE1A2B3C4u, sr.NtpSeconds);
        Assert.Equal(0xB3C48000u, sr.NtpMiddle);
        Assert.Equal(8000u, sr.RtpTimestamp);
        Assert.Equal(5u, sr.PacketCount);
        Assert.Equal(800u, sr.OctetCount);
        Assert.Equal(1, sr.BlockCount);
        Assert.Equal(Sr().Blocks[0], sr.Blocks[0]);
    }

    [Fact]
    public void A_receiver_report_is_not_read_as_a_sender_report_nor_the_other_way_round()
    {
        var sr = Hex(SrWithOneBlock);
        var rr = Hex("80 C9 00 01  11 22 33 44");
        Assert.False(new ReceiverReport(1).TryRead(sr, 0, sr.Length));
        Assert.False(new SenderReport(1).TryRead(rr, 0, rr.Length));
        Assert.False(new SenderReport(1).TryRead(sr, 0, sr.Length - 4));  // cut short
    }
}
