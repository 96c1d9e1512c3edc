// Parsing and printing back SDP bodies (RFC 4566).
using DeskPhone.Firmware.Media.Sdp;
using static DeskPhone.Firmware.Tests.Media.Sdp.SdpSamples;

namespace DeskPhone.Firmware.Tests.Media.Sdp;

public class SdpParseTests
{
    [Fact]
    public void The_RFC_4566_example_parses_into_its_parts()
    {
        var s = Parse(Rfc4566Example);
        Assert.Equal("jdoe", s.Origin.Username);
        Assert.Equal("2890844526", s.Origin.SessionId);
        Assert.Equal(2890842807UL, s.Origin.SessionVersion);
        Assert.Equal("10.47.16.5", s.Origin.Address);
        Assert.Equal("SDP Seminar", s.SessionName);
        Assert.Equal("A Seminar on the session description protocol", s.FindLine('i'));
        Assert.Equal("224.2.17.12", s.Connection!.Address);
        Assert.Equal("IN IP4 224.2.17.12/127", s.Connection.Value);
        Assert.Equal("2873397496 2873404696", s.Timing);
        Assert.Equal(SdpDirection.RecvOnly, s.Attributes.Direction);
        Assert.Equal(2, s.MediaCount);
        Assert.Equal("audio", s.Media(0).MediaType);
        Assert.Equal(49170, s.Media(0).Port);
        Assert.Equal(new[] { "0" }, s.Media(0).Formats);
        Assert.Equal(SdpDirection.RecvOnly, s.DirectionOf(s.Media(0)));
        Assert.Equal("h263-1998", s.Media(1).Attributes.RtpMap(99)!.Encoding);
        Assert.Equal(90000, s.Media(1).Attributes.RtpMap(99)!.ClockRate);
    }

    [Theory]
    [InlineData(Rfc4566Example)]
    [InlineData(Rfc3264BasicOffer)]
    [InlineData(Rfc3264BasicAnswer)]
    [InlineData(BaresipOffer)]
    [InlineData(KamailioRelayedOffer)]
    [InlineData(OldStyleHoldOffer)]
    public void A_well_formed_body_prints_back_line_for_line_with_CRLF(string sample)
    {
        Assert.Equal(Crlf(sample), Parse(Crlf(sample)).ToString());
    }

    [Fact]
    public void Bare_LF_line_ends_and_blank_lines_are_tolerated()
    {
        var s = Parse("v=0\n\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 0\n\n");
        Assert.Equal(4000, s.Media(0).Port);
        Assert.Equal("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n", s.ToString());
    }

    [Fact]
    public void Unknown_attributes_and_line_types_are_kept_in_place()
    {
        var s = Parse(Crlf(BaresipOffer));
        Assert.Equal("baresip 3.10.1", s.Attributes.Value("tool"));
        Assert.True(s.Media(0).Attributes.Has("rtcp-mux"));
        Assert.Equal("AS:64", s.Media(0).FindLine('b'));
        var text = s.ToString();
        Assert.Contains("m=audio 10692 RTP/AVP 9 0 8 101\r\nb=AS:64\r\na=rtpmap:9 G722/8000\r\n", text);
        Assert.Contains("a=ssrc:3418710587 cname:4d5e6f70-8192-a3b4-c5d6-e7f809112233\r\n", text);
    }

    [Fact]
    public void Lines_out_of_RFC_order_print_back_in_RFC_order()
    {
        var s = Parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nc=IN IP4 192.0.2.1\r\nb=CT:128\r\ni=info\r\nm=audio 4000 RTP/AVP 0\r\n");
        Assert.Equal("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\ni=info\r\nc=IN IP4 192.0.2.1\r\nb=CT:128\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n", s.ToString());
    }

    [Fact]
    public void An_empty_session_name_and_a_missing_t_line_are_tolerated()
    {
        var s = Parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=\r\nc=IN IP4 192.0.2.1\r\nm=audio 4000 RTP/AVP 0\r\n");
        Assert.Equal("", s.SessionName);
        Assert.Equal("0 0", s.Timing);
        Assert.Contains("s=\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n", s.ToString());
    }

    [Fact]
    public void Media_level_c_line_wins_over_the_session_one()
    {
        var s = Parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 0\nc=IN IP4 198.51.100.2\nm=audio 4002 RTP/AVP 8\n");
        Assert.Equal("198.51.100.2", s.ConnectionOf(s.Media(0))!.Address);
        Assert.Equal("192.0.2.1", s.ConnectionOf(s.Media(1))!.Address);
    }

    [Fact]
    public void A_second_c_line_at_one_level_is_kept_and_the_first_is_used()
    {
        var text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\nc=IN IP4 224.2.1.1/127\r\nc=IN IP4 224.2.1.2/127\r\nb=AS:64\r\n";
        var s = Parse(text);
        Assert.Equal("224.2.1.1", s.ConnectionOf(s.Media(0))!.Address);
        Assert.Equal(text, s.ToString());
    }

    [Fact]
    public void Media_direction_overrides_the_session_direction_and_sendrecv_is_the_default()
    {
        var s = Parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\na=sendonly\nm=audio 4000 RTP/AVP 0\na=inactive\nm=audio 4002 RTP/AVP 0\n");
        Assert.Equal(SdpDirection.Inactive, s.DirectionOf(s.Media(0)));
        Assert.Equal(SdpDirection.SendOnly, s.DirectionOf(s.Media(1)));
        var plain = Parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 0\n");
        Assert.Equal(SdpDirection.SendRecv, plain.DirectionOf(plain.Media(0)));
        Assert.False(plain.Media(0).Attributes.HasDirection);
    }

    [Fact]
    public void Ptime_maxptime_fmtp_and_rtcp_are_read_from_their_attributes()
    {
        var m = Parse(Crlf(KamailioRelayedOffer)).Media(0);
        Assert.Equal(20, m.Attributes.Ptime);
        Assert.Equal(150, m.Attributes.MaxPtime);
        Assert.Equal("0-16", m.Attributes.Fmtp("96"));
        Assert.Null(m.Attributes.Fmtp("8"));
        Assert.Equal(30445, m.Attributes.RtcpPort);
        Assert.Null(m.Attributes.RtcpAddress);
    }

    [Fact]
    public void An_rtcp_attribute_with_an_address_gives_port_and_address()
    {
        var m = Parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 0\na=rtcp:53020 IN IP4 126.16.64.4\n").Media(0);
        Assert.Equal(53020, m.Attributes.RtcpPort);
        Assert.Equal("126.16.64.4", m.Attributes.RtcpAddress);
    }

    [Theory]
    [InlineData("a=ptime:abc", 0)]
    [InlineData("a=ptime:", 0)]
    [InlineData("a=ptime:0", 0)]
    [InlineData("a=ptime:20.0", 20)]
    [InlineData("a=ptime: 30 ", 30)]
    [InlineData("a=ptime:99999999999", 0)]
    public void Odd_ptime_values_read_as_absent_or_whole_milliseconds(string line, int expected)
    {
        var m = Parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 0\n" + line + "\n").Media(0);
        Assert.Equal(expected, m.Attributes.Ptime);
    }

    [Fact]
    public void Static_payload_types_without_rtpmap_are_known_by_their_RFC_3551_names()
    {
        var m = Parse(Rfc4566Example).Media(0);
        Assert.Equal("PCMU", m.FormatMap(0)!.Encoding);
        var g722 = Parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 9 97\n").Media(0);
        Assert.Equal("G722", g722.FormatMap(0)!.Encoding);
        Assert.Equal(8000, g722.FormatMap(0)!.ClockRate);
        Assert.Null(g722.FormatMap(1));
    }

    [Fact]
    public void A_port_count_and_an_IPv6_connection_are_read_and_printed_back()
    {
        var text = "v=0\r\no=- 1 1 IN IP6 2001:db8::1\r\ns=-\r\nc=IN IP6 2001:db8::1\r\nt=0 0\r\nm=audio 4000/2 RTP/AVP 0\r\n";
        var s = Parse(text);
        Assert.Equal(2, s.Media(0).PortCount);
        Assert.Equal("IP6", s.Connection!.AddressType);
        Assert.Equal(text, s.ToString());
    }

    [Fact]
    public void A_session_version_up_to_2_to_the_64_minus_1_is_accepted()
    {
        var s = Parse("v=0\no=- 18446744073709551615 18446744073709551615 IN IP4 192.0.2.1\ns=-\nt=0 0\n");
        Assert.Equal(ulong.MaxValue, s.Origin.SessionVersion);
    }

    [Fact]
    public void A_copy_can_change_without_touching_the_original()
    {
        var original = Parse(Crlf(BaresipOffer));
        var text = original.ToString();
        var copy = original.Copy();
        copy.Media(0).Port = 0;
        copy.Media(0).Direction = SdpDirection.Inactive;
        copy.Attributes.Add("x-copy", null);
        Assert.Equal(text, original.ToString());
        Assert.Contains("a=inactive\r\n", copy.ToString());
        Assert.DoesNotContain("a=sendrecv", copy.ToString());
    }
}
