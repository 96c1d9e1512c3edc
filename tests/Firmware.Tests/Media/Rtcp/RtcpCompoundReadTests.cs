using DeskPhone.Firmware.Media.Rtcp;
using static DeskPhone.Firmware.Tests.Media.Rtcp.RtcpWireTests;

namespace DeskPhone.Firmware.Tests.Media.Rtcp;

public class RtcpCompoundReadTests
{
    private const uint Us = 0x11223344;
    private readonly RtcpReceived _in = new();

    /// <summary>
    /// Laid out the way another implementation may send it (RFC 3550 §6.1, §6.4.2, §6.5, §6.6, §6.7):
    /// an RR with two blocks (ours second), SDES with two chunks and several items, an APP packet,
    /// and a BYE with a reason, padded as the last packet.
    /// </summary>
    private const string ForeignCompound = """
        82 C9 00 0D  0A 0B 0C 0D
        99 99 99 99  00 00 00 00  00 00 00 01  00 00 00 00  00 00 00 00  00 00 00 00
        11 22 33 44  19 FF FF FE  00 02 00 10  00 00 00 50  55 55 AA AA  00 00 80 00
        82 CA 00 08  0A 0B 0C 0D  01 0C 66 61 72 40 31 30 2E 30 2E 30 2E 39  06 01 78  00 00 00
                     01 02 03 04  02 01 42 00
        80 CC 00 02  0A 0B 0C 0D  54 45 53 54
        A1 CB 00 03  0A 0B 0C 0D  03 62 79 65  00 00 00 04
        """;

    [Fact]
    public void A_compound_from_another_implementation_yields_its_block_about_us_its_CNAME_and_its_BYE()
    {
        var p = Hex(ForeignCompound);
        Assert.True(RtcpCompound.TryRead(p, 0, p.Length, Us, _in));
        Assert.Equal(0x0A0B0C0Du, _in.SenderSsrc);
        Assert.False(_in.HasSenderInfo);
        Assert.Equal(2, _in.BlockCount);
        Assert.True(_in.HasBlockForUs);
        Assert.Equal(Us, _in.BlockForUs.Ssrc);
        Assert.Equal(25, _in.BlockForUs.FractionLost);
        Assert.Equal(-2, _in.BlockForUs.CumulativeLost);
        Assert.Equal(0x00020010u, _in.BlockForUs.HighestSequence);
        Assert.Equal(80u, _in.BlockForUs.Jitter);
        Assert.Equal(0x5555AAAAu, _in.BlockForUs.LastSr);
        Assert.Equal(0x8000u, _in.BlockForUs.DelaySinceLastSr);
        Assert.True(_in.HasCname);
        Assert.Equal("far@10.0.0.9", _in.CnameText());
        Assert.True(_in.Bye);
        Assert.Equal(4, _in.Packets);
    }

    [Fact]
    public void Our_own_compound_reads_back_with_its_sender_info()
    {
        var bye = new Bye { Ssrc = Us };
        var buf = new byte[120];
        int n = RtcpCompound.Write(buf, 10, Sr(), Cname(), bye);
        Assert.True(RtcpCompound.TryRead(buf, 10, n, 0xAABBCCDD, _in));
        Assert.Equal(Us, _in.SenderSsrc);
        Assert.True(_in.HasSenderInfo);
        Assert.Equal(0xB3C48000u, _in.NtpMiddle);
        Assert.Equal(5u, _in.PacketCount);
        Assert.True(_in.HasBlockForUs);
        Assert.Equal(64, _in.BlockForUs.FractionLost);
        Assert.Equal("ab@host", _in.CnameText());
        Assert.True(_in.Bye);
        Assert.Equal(3, _in.Packets);
    }

    [Fact]
    public void A_report_without_a_block_for_our_SSRC_says_so()
    {
        var p = Hex(ForeignCompound);
        Assert.True(RtcpCompound.TryRead(p, 0, p.Length, 0x77777777, _in));
        Assert.False(_in.HasBlockForUs);
    }

    [Theory]
    [InlineData("80 C9 00 01  11 22 33")]                                  // not a whole word
    [InlineData("80 C9 00 01")]                                            // shorter than a header and an SSRC
    [InlineData("40 C9 00 01  11 22 33 44")]                               // version 1
    [InlineData("81 CA 00 02  11 22 33 44  01 00 00 00")]                  // SDES first
    [InlineData("A0 C9 00 01  11 22 33 44")]                               // padding on the first packet
    [InlineData("80 C9 00 02  11 22 33 44")]                               // length beyond the datagram
    [InlineData("80 C9 00 01  11 22 33 44  00 00 00 00")]                  // a trailing word that is not version 2
    [InlineData("81 C9 00 01  11 22 33 44")]                               // one block announced, none there
    [InlineData("80 C9 00 01  11 22 33 44  A1 CB 00 01  11 22 33 44")]     // padding count 0x44 larger than the packet
    [InlineData("80 C9 00 01  11 22 33 44  A1 CB 00 01  11 22 33 00")]     // padding count 0
    [InlineData("80 C9 00 01  11 22 33 44  A0 CB 00 00  80 CB 00 00")]     // padding on a packet that is not the last
    [InlineData("80 C9 00 01  11 22 33 44  81 CA 00 02  11 22 33 44  01 09 61 62")]  // SDES item longer than the packet
    [InlineData("80 C9 00 01  11 22 33 44  81 CA 00 02  11 22 33 44  01 02 61 62")]  // SDES list without its null end
    [InlineData("80 C9 00 01  11 22 33 44  82 CA 00 02  11 22 33 44  00 00 00 00")]  // two SDES chunks announced, one there
    [InlineData("80 C9 00 01  11 22 33 44  82 CB 00 01  11 22 33 44")]     // two BYE sources announced, one there
    [InlineData("80 C9 00 01  11 22 33 44  81 CB 00 02  11 22 33 44  08 62 79 65")]  // BYE reason longer than the packet
    [InlineData("80 C8 00 01  11 22 33 44")]                               // an SR without sender info
    public void Malformed_compounds_are_refused(string hex)
    {
        var p = Hex(hex);
        Assert.False(RtcpCompound.TryRead(p, 0, p.Length, Us, _in));
    }

    [Fact]
    public void A_count_beyond_the_buffer_is_refused_rather_than_read_past_it()
    {
        var p = Hex("80 C9 00 01  11 22 33 44");
        Assert.False(RtcpCompound.TryRead(p, 4, 8, Us, _in));
        Assert.False(RtcpCompound.TryRead(p, -4, 8, Us, _in));
        Assert.False(RtcpCompound.TryRead(null!, 0, 8, Us, _in));
    }

    [Fact]
    public void Every_truncation_of_a_compound_that_cuts_a_packet_is_refused()
    {
        var p = Hex(ForeignCompound);
        int[] boundaries = { 56, 92, 104, 120 };
        for (int n = 0; n < p.Length; n++)
        {
            bool ok = RtcpCompound.TryRead(p, 0, n, Us, _in);
            if (!boundaries.Contains(n)) Assert.False(ok, $"{n} bytes");
        }
    }

    [Fact]
    public void Hundreds_of_seeded_mutations_never_throw_and_never_read_past_the_count()
    {
        var rng = new Random(3550);
        var original = Hex(ForeignCompound);
        var sr = new byte[120];
        int srLength = RtcpCompound.Write(sr, 0, Sr(), Cname(), new Bye { Ssrc = Us });
        var seeds = new[] { original, sr[..srLength] };
        int accepted = 0;
        for (int i = 0; i < 600; i++)
        {
            var source = seeds[i % 2];
            var p = (byte[])source.Clone();
            int flips = 1 + rng.Next(4);
            for (int f = 0; f < flips; f++) p[rng.Next(p.Length)] = (byte)rng.Next(256);
            int count = rng.Next(3) == 0 ? rng.Next(p.Length + 1) & ~3 : p.Length;
            // Surround the datagram with bytes that would be read if the walk overran the count.
            var framed = new byte[count + 64];
            Array.Fill(framed, (byte)0x81);
            Array.Copy(p, 0, framed, 32, count);
            bool ok = RtcpCompound.TryRead(framed, 32, count, Us, _in);
            bool okAlone = RtcpCompound.TryRead(p[..count], 0, count, Us, _in);
            Assert.Equal(okAlone, ok);
            if (ok) accepted++;
        }
        Assert.InRange(accepted, 1, 599); // some mutations stay valid (a flipped jitter byte), most do not
    }
}
