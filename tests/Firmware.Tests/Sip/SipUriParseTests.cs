// SIP URIs from RFC 3261 §19.1 and RFC 4475 parse into the right parts and print back unchanged.
using DeskPhone.Firmware.Sip;

namespace DeskPhone.Firmware.Tests.Sip;

public class SipUriParseTests
{
    private static SipUri Parse(string text)
    {
        Assert.True(SipUri.TryParse(text, out var uri, out var reason), reason);
        Assert.Null(reason);
        return uri;
    }

    // RFC 3261 §19.1.3 examples plus RFC 4475 / RFC 5118 forms; every one prints back as written.
    [Theory]
    [InlineData("sip:alice@atlanta.com")]
    [InlineData("sip:alice:secretword@atlanta.com;transport=tcp")]
    [InlineData("sips:alice@atlanta.com?subject=project%20x&priority=urgent")]
    [InlineData("sip:+1-212-555-1212:1234@gateway.com;user=phone")]
    [InlineData("sips:1212@gateway.com")]
    [InlineData("sip:alice@192.0.2.4")]
    [InlineData("sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com")]
    [InlineData("sip:alice;day=tuesday@atlanta.com")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com")]
    [InlineData("sip:user;par=u%40example.net@example.com")]
    [InlineData("sip:[2001:db8::10]:5070")]
    [InlineData("sip:alice@[2001:db8::10:5070]")]
    [InlineData("sip:[::ffff:192.0.2.10]")]
    [InlineData("sip:[2001:db8:0:0:1:0:0:1]")]
    [InlineData("sip:[::1]")]
    [InlineData("sip:[::]")]
    [InlineData("sip:127.0.0.1:5060")]
    [InlineData("sip:127.0.0.1:5060;lr")]
    [InlineData("sip:201@office.example")]
    [InlineData("sip:bob:@host.example")]
    [InlineData("sip:host.example.")]
    [InlineData("sip:a-b.c-d.example:65535;maddr=239.255.255.1;ttl=15")]
    [InlineData("sip:*21%23@pbx.example")]
    [InlineData("sip:-_.!~*'()&=+$,;?/@x.example")]
    [InlineData("sip:x.example;p=[]/:&+$?h=[]/?:+$&e=")]
    [InlineData("sip:x.example;lr=on;lr")]
    public void RFC_example_URIs_parse_and_print_back_unchanged(string text)
    {
        Assert.Equal(text, Parse(text).ToString());
    }

    [Fact]
    public void A_full_URI_is_split_into_its_parts()
    {
        var uri = Parse("sips:alice:secretword@atlanta.com:5061;transport=tls;lr?subject=project%20x&priority=urgent");
        Assert.Equal("sips", uri.Scheme);
        Assert.True(uri.IsSecure);
        Assert.Equal("alice", uri.User);
        Assert.Equal("secretword", uri.Password);
        Assert.Equal("atlanta.com", uri.Host);
        Assert.Equal(SipHostKind.Name, uri.HostKind);
        Assert.Equal(5061, uri.Port);
        Assert.Equal("atlanta.com:5061", uri.HostPort);
        Assert.Equal(2, uri.ParameterCount);
        Assert.Equal("transport", uri.ParameterName(0));
        Assert.Equal("tls", uri.ParameterValue(0));
        Assert.Equal("lr", uri.ParameterName(1));
        Assert.Equal("", uri.ParameterValue(1));
        Assert.Equal("tls", uri.Transport);
        Assert.True(uri.IsLooseRouter);
        Assert.Equal(2, uri.HeaderCount);
        Assert.Equal("subject", uri.HeaderName(0));
        Assert.Equal("project%20x", uri.HeaderValue(0));
        Assert.Equal("urgent", uri.GetHeader("PRIORITY"));
    }

    [Fact]
    public void A_URI_without_user_or_port_says_so()
    {
        var uri = Parse("sip:127.0.0.1");
        Assert.Null(uri.User);
        Assert.Null(uri.Password);
        Assert.False(uri.HasPort);
        Assert.Equal(0, uri.Port);
        Assert.Equal(5060, uri.PortOrDefault);
        Assert.Equal(SipHostKind.IPv4, uri.HostKind);
        Assert.Equal(5061, Parse("sips:a.example").PortOrDefault);
    }

    [Fact]
    public void An_IPv6_host_is_kept_without_brackets_and_printed_with_them()
    {
        var uri = Parse("sip:bob@[2001:DB8::1]:5070");
        Assert.Equal("2001:DB8::1", uri.Host);
        Assert.Equal(SipHostKind.IPv6, uri.HostKind);
        Assert.Equal("[2001:DB8::1]:5070", uri.HostPort);
    }

    [Fact]
    public void Parameter_lookup_ignores_case_and_keeps_the_first_of_a_repeated_name()
    {
        var uri = Parse("sip:a.example;Transport=TCP;x=1;X=2;flag");
        Assert.Equal("TCP", uri.GetParameter("transport"));
        Assert.Equal("tcp", uri.Transport);
        Assert.Equal("1", uri.GetParameter("x"));
        Assert.Equal("", uri.GetParameter("flag"));
        Assert.True(uri.HasParameter("FLAG"));
        Assert.Null(uri.GetParameter("missing"));
        Assert.False(uri.IsLooseRouter);
    }

    [Fact]
    public void The_scheme_is_case_insensitive_and_printed_in_lower_case()
    {
        var uri = Parse("SIP:ALICE@AtLanTa.CoM;Transport=udp");
        Assert.Equal("sip", uri.Scheme);
        Assert.Equal("ALICE", uri.User);
        Assert.Equal("sip:ALICE@AtLanTa.CoM;Transport=udp", uri.ToString());
    }

    [Fact]
    public void Leading_zeros_in_the_port_are_dropped()
    {
        Assert.Equal("sip:a.example:5060", Parse("sip:a.example:05060").ToString());
    }

    [Theory]
    [InlineData("%61lice", "alice")]
    [InlineData("a%2Fb%2fc", "a/b/c")]
    [InlineData("100%", "100%")]
    [InlineData("%zz", "%zz")]
    [InlineData("plain", "plain")]
    public void Unescape_decodes_percent_escapes(string text, string expected)
    {
        Assert.Equal(expected, SipUri.Unescape(text));
    }

    [Theory]
    [InlineData("office.example", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]", true)]
    [InlineData("::1", false)]
    [InlineData("bad_host", false)]
    [InlineData("", false)]
    public void IsValidHost_accepts_names_and_addresses(string host, bool ok)
    {
        Assert.Equal(ok, SipUri.IsValidHost(host));
    }

    [Theory]
    [InlineData("201", true)]
    [InlineData("alice.smith", true)]
    [InlineData("a%20b", true)]
    [InlineData("a b", false)]
    [InlineData("a@b", false)]
    [InlineData("", false)]
    public void IsValidUser_follows_the_user_grammar(string user, bool ok)
    {
        Assert.Equal(ok, SipUri.IsValidUser(user));
    }
}
