// Each SDP line type encodes byte for byte.
using System.Text;
using DeskPhone.Firmware.Media.Sdp;

namespace DeskPhone.Firmware.Tests.Media.Sdp;

public class SdpWireUnitTests
{
    private static string Encode(SdpAttribute a)
    {
        var sb = new StringBuilder();
        a.Encode(sb);
        return sb.ToString();
    }

    [Fact]
    public void A_value_attribute_encodes_as_name_colon_value_CRLF()
    {
        Assert.Equal("a=rtpmap:0 PCMU/8000\r\n", Encode(new SdpAttribute("rtpmap", "0 PCMU/8000")));
    }

    [Fact]
    public void A_property_attribute_encodes_without_a_colon()
    {
        Assert.Equal("a=sendonly\r\n", Encode(new SdpAttribute("sendonly", null)));
        Assert.Equal("a=x-empty:\r\n", Encode(new SdpAttribute("x-empty", "")));
    }

    [Fact]
    public void An_attribute_value_keeps_everything_after_the_first_colon()
    {
        var a = SdpAttribute.FromLineValue("rtcp:53020 IN IP6 2001:db8::5");
        Assert.Equal("rtcp", a.Name);
        Assert.Equal("53020 IN IP6 2001:db8::5", a.Value);
        Assert.Equal("a=rtcp:53020 IN IP6 2001:db8::5", a.ToString());
    }

    [Theory]
    [InlineData("9 G722/8000", 9, "G722", 8000, 1)]
    [InlineData("101 telephone-event/8000", 101, "telephone-event", 8000, 1)]
    [InlineData("111 opus/48000/2", 111, "opus", 48000, 2)]
    [InlineData("0  PCMU/8000", 0, "PCMU", 8000, 1)]
    public void An_rtpmap_reads_and_writes_back(string value, int pt, string name, int clock, int channels)
    {
        Assert.True(SdpRtpMap.TryParse(value, out var map));
        Assert.Equal(pt, map.PayloadType);
        Assert.Equal(name, map.Encoding);
        Assert.Equal(clock, map.ClockRate);
        Assert.Equal(channels, map.Channels);
        Assert.Equal(value.Replace("  ", " "), map.Value);
        Assert.Equal("a=rtpmap:" + map.Value, map.ToAttribute().ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("128 X/8000")]
    [InlineData("x PCMU/8000")]
    [InlineData("0 PCMU")]
    [InlineData("0 PCMU/0")]
    [InlineData("0 /8000")]
    [InlineData("0 PCMU/8000/0")]
    [InlineData("0 PCMU/8000/1/1")]
    public void A_malformed_rtpmap_is_not_read(string value)
    {
        Assert.False(SdpRtpMap.TryParse(value, out var map));
        Assert.Null(map);
    }

    [Fact]
    public void An_origin_writes_its_six_fields()
    {
        var o = new SdpOrigin("-", "3900000000", 3900000001, "IN", "IP4", "192.0.2.10");
        Assert.Equal("o=- 3900000000 3900000001 IN IP4 192.0.2.10", o.ToString());
        Assert.Equal("o=- 3900000000 7 IN IP4 192.0.2.10", o.WithVersion(7).ToString());
    }

    [Fact]
    public void A_connection_picks_IP4_or_IP6_from_the_address()
    {
        Assert.Equal("c=IN IP4 192.0.2.10", SdpConnection.For("192.0.2.10").ToString());
        Assert.Equal("c=IN IP6 2001:db8::10", SdpConnection.For("2001:db8::10").ToString());
        Assert.True(SdpConnection.For("0.0.0.0").IsUnspecified);
    }

    [Fact]
    public void An_m_line_writes_media_port_count_proto_and_formats()
    {
        var m = new SdpMedia("audio", 40000, "RTP/AVP", new[] { "9", "0", "101" });
        Assert.Equal("m=audio 40000 RTP/AVP 9 0 101", m.ToString());
        m.PortCount = 2;
        Assert.Equal("m=audio 40000/2 RTP/AVP 9 0 101", m.ToString());
    }

    [Theory]
    [InlineData(SdpDirection.SendRecv, "sendrecv", SdpDirection.SendRecv)]
    [InlineData(SdpDirection.SendOnly, "sendonly", SdpDirection.RecvOnly)]
    [InlineData(SdpDirection.RecvOnly, "recvonly", SdpDirection.SendOnly)]
    [InlineData(SdpDirection.Inactive, "inactive", SdpDirection.Inactive)]
    public void Directions_have_their_attribute_names_and_mirror_images(SdpDirection d, string name, SdpDirection mirror)
    {
        Assert.Equal(name, SdpDirections.Name(d));
        Assert.True(SdpDirections.TryParse(name.ToUpperInvariant(), out var read));
        Assert.Equal(d, read);
        Assert.Equal(mirror, SdpDirections.Mirror(d));
    }

    [Fact]
    public void Setting_a_direction_replaces_the_one_there_in_place()
    {
        var list = new SdpAttributeList();
        list.Add("rtpmap", "0 PCMU/8000");
        list.Add("sendrecv", null);
        list.Add("ptime", "20");
        list.Add("inactive", null);
        list.SetDirection(SdpDirection.SendOnly);
        Assert.Equal(3, list.Count);
        Assert.Equal("sendonly", list[1].Name);
        Assert.Equal(SdpDirection.SendOnly, list.Direction);
    }

    [Theory]
    [InlineData(null, "0-16", "0-15")]
    [InlineData("0-15", "0-16", "0-15")]
    [InlineData("0-16", "0-16", "0-16")]
    [InlineData("0-15,66,70", "0-16", "0-15")]
    [InlineData("0-11, 16", "0-16", "0-11,16")]
    [InlineData("garbage", "0-16", "0-15")]
    [InlineData("32-40", "0-16", null)]
    public void Telephone_event_lists_intersect_into_ranges(string? offered, string ours, string? expected)
    {
        Assert.Equal(expected, TelephoneEvents.Intersect(offered!, ours));
    }
}
