// Hostile or broken SDP bodies are refused with a reason naming the problem, and never throw.
using System.Text;
using DeskPhone.Firmware.Media.Sdp;

namespace DeskPhone.Firmware.Tests.Media.Sdp;

public class SdpRejectTests
{
    private const string Head = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";

    private static string Refuse(string? text)
    {
        Assert.False(SdpSession.TryParse(text!, out var session, out var reason));
        Assert.Null(session);
        Assert.False(string.IsNullOrEmpty(reason));
        return reason;
    }

    [Theory]
    [InlineData(null, "the SDP body is missing")]
    [InlineData("", "the SDP body is empty")]
    [InlineData("\r\n\r\n", "the SDP body is empty")]
    [InlineData("o=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n", "does not start with v=0 (line 1 is 'o=- 1 1 IN IP4 192.0.2.1')")]
    [InlineData("v=1\r\no=- 1 1 IN IP4 192.0.2.1\r\n", "line 1: version '1' is not 0")]
    [InlineData("v=0\r\ns=-\r\nt=0 0\r\n", "has no o= line")]
    [InlineData("v=0\r\no=- 1 IN IP4 192.0.2.1\r\n", "line 2: o= needs 6 fields")]
    [InlineData("v=0\r\no=- x 1 IN IP4 192.0.2.1\r\n", "line 2: o= session id 'x' is not a number")]
    [InlineData("v=0\r\no=- 1 18446744073709551616 IN IP4 192.0.2.1\r\n", "line 2: o= session version '18446744073709551616' is not a number below 2^64")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\no=- 1 1 IN IP4 b\r\n", "line 3: a second o= line")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nv=0\r\n", "line 3: a second v= line")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nc=IN IP4\r\n", "line 3: c= needs 3 fields")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nc=ATM NSAP 47.0091\r\n", "line 3: c= network type 'ATM' is not IN")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nc=IN IPX 1.2.3.4\r\n", "line 3: c= address type 'IPX' is not IP4 or IP6")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nhello\r\n", "line 3: 'hello' is not a line of the form <letter>=<value>")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nM=audio 1 RTP/AVP 0\r\n", "line 3: 'M=audio 1 RTP/AVP 0' is not a line of the form")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\na=\r\n", "line 3: a= has no attribute name")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\ns=x\0y\r\n", "line 3: contains a control character")]
    public void Broken_bodies_are_refused_with_a_reason(string? text, string expected)
    {
        Assert.Contains(expected, Refuse(text));
    }

    [Theory]
    [InlineData("m=audio abc RTP/AVP 0", "line 6: m= port 'abc' is not a number from 0 to 65535")]
    [InlineData("m=audio -1 RTP/AVP 0", "m= port '-1' is not a number from 0 to 65535")]
    [InlineData("m=audio 65536 RTP/AVP 0", "m= port '65536' is not a number from 0 to 65535")]
    [InlineData("m=audio 99999999999999999999 RTP/AVP 0", "m= port '99999999999999999999' is not a number")]
    [InlineData("m=audio 4000/0 RTP/AVP 0", "m= port count '0' is not a number from 1 to 65535")]
    [InlineData("m=audio 4000/x RTP/AVP 0", "m= port count 'x'")]
    [InlineData("m=audio /2 RTP/AVP 0", "m= port '' is not a number")]
    [InlineData("m=audio 4000", "m= needs a media type, a port and a protocol")]
    [InlineData("m=", "m= needs a media type, a port and a protocol")]
    public void Garbage_m_line_ports_are_refused_with_the_line_named(string mLine, string expected)
    {
        Assert.Contains(expected, Refuse(Head + mLine + "\r\na=rtpmap:0 PCMU/8000\r\n"));
    }

    [Fact]
    public void A_10_KB_line_is_refused_without_being_read()
    {
        string reason = Refuse(Head + "a=x-junk:" + new string('A', 10 * 1024) + "\r\nm=audio 4000 RTP/AVP 0\r\n");
        Assert.Equal("line 6: is 10249 characters long; at most 2048 are accepted", reason);
    }

    [Fact]
    public void A_body_beyond_32_KB_is_refused()
    {
        var sb = new StringBuilder(Head);
        while (sb.Length <= SdpSession.MaxLength) sb.Append("a=x-pad:0123456789012345678901234567890123456789\r\n");
        Assert.StartsWith("the SDP body is " + sb.Length + " characters long; at most 32768", Refuse(sb.ToString()));
    }

    [Fact]
    public void A_thousand_m_lines_are_refused_at_the_seventeenth()
    {
        var sb = new StringBuilder(Head);
        for (int i = 0; i < 1000; i++) sb.Append("m=audio ").Append(4000 + 2 * i).Append(" RTP/AVP 0\r\n");
        Assert.Equal("the SDP body has more than 16 m= lines", Refuse(sb.ToString()));
    }

    [Fact]
    public void Sixteen_m_lines_are_still_accepted()
    {
        var sb = new StringBuilder(Head);
        for (int i = 0; i < 16; i++) sb.Append("m=audio ").Append(4000 + 2 * i).Append(" RTP/AVP 0\r\n");
        Assert.True(SdpSession.TryParse(sb.ToString(), out var s, out _));
        Assert.Equal(16, s.MediaCount);
    }

    [Fact]
    public void Too_many_short_lines_are_refused()
    {
        var sb = new StringBuilder(Head);
        for (int i = 0; i < 600; i++) sb.Append("a=x\r\n");
        Assert.Equal("the SDP body has more than 512 lines", Refuse(sb.ToString()));
    }

    [Fact]
    public void Random_mutations_of_real_bodies_never_throw()
    {
        var random = new Random(4566);
        string[] seeds = { SdpSamples.Crlf(SdpSamples.BaresipOffer), SdpSamples.Crlf(SdpSamples.KamailioRelayedOffer), SdpSamples.Crlf(SdpSamples.Rfc4566Example) };
        const string alphabet = "v=om ac0123456789/:-\r\n\t\0RTP/AVPIN IP4.";
        var local = SdpSamples.LocalPhone();
        for (int n = 0; n < 5000; n++)
        {
            var chars = seeds[n % seeds.Length].ToCharArray();
            int edits = 1 + random.Next(6);
            for (int e = 0; e < edits; e++) chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            string text = new string(chars);
            if (SdpSession.TryParse(text, out var s, out var reason))
            {
                Assert.Null(reason);
                _ = s.ToString();
                var result = SdpNegotiator.Answer(s, local);
                Assert.True(result.Accepted || result.Status is 400 or 488, result.Reason);
                var offer = SdpNegotiator.CreateOffer(local, SdpDirection.SendRecv, 1);
                SdpNegotiator.ProcessAnswer(offer, s, out _, out _);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(reason));
            }
        }
    }
}
