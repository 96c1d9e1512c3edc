// Malformed SIP URIs are refused without exceptions, with a reason that quotes the text.
using DeskPhone.Firmware.Sip;

namespace DeskPhone.Firmware.Tests.Sip;

public class SipUriRejectTests
{
    [Theory]
    [InlineData("sip:bob@", "'sip:bob@' has no host", "no host")]
    [InlineData("sip:", "'sip:' has no host", "no host")]
    [InlineData("sip:;lr", "'sip:;lr' has no host", "no host")]
    [InlineData("bob@office.example", "'bob@office.example' is not a sip: or sips: URI", "no sip: or sips: scheme")]
    [InlineData("tel:+15551234", "'tel:+15551234' is not a sip: or sips: URI", "no sip: or sips: scheme")]
    [InlineData("", "'' is empty", "is empty")]
    [InlineData("sip:@host.example", "'sip:@host.example' has an empty user part before '@'", "an empty user part before '@'")]
    [InlineData("sip:a@b@c.example", "'sip:a@b@c.example' has more than one '@'", "more than one '@'")]
    [InlineData("sip:bob@host:0", "'sip:bob@host:0' has port 0 (expected 1-65535)", "port 0 (expected 1-65535)")]
    [InlineData("sip:bob@host:65536", "'sip:bob@host:65536' has port 65536 (expected 1-65535)", "port 65536 (expected 1-65535)")]
    [InlineData("sip:bob@host:99999999999", "'sip:bob@host:99999999999' has port 99999999999 (expected 1-65535)", "port 99999999999 (expected 1-65535)")]
    [InlineData("sip:bob@host:50a", "'sip:bob@host:50a' has a bad port '50a' (expected 1-65535)", "a bad port '50a' (expected 1-65535)")]
    [InlineData("sip:bob@host:", "'sip:bob@host:' has an empty port after ':'", "an empty port after ':'")]
    [InlineData("sip:bob@ho st", "'sip:bob@ho st' contains a space", "contains a space")]
    [InlineData("sip:bob@-host.example", "'sip:bob@-host.example' has a bad host name '-host.example'", "a bad host name '-host.example'")]
    [InlineData("sip:bob@host..example", "'sip:bob@host..example' has a bad host name 'host..example'", "a bad host name 'host..example'")]
    [InlineData("sip:bob@exa_mple.com", "'sip:bob@exa_mple.com' has a bad host name 'exa_mple.com'", "a bad host name 'exa_mple.com'")]
    [InlineData("sip:bob@123", "'sip:bob@123' has a bad IPv4 address '123'", "a bad IPv4 address '123'")]
    [InlineData("sip:bob@1.2.3.256", "'sip:bob@1.2.3.256' has a bad IPv4 address '1.2.3.256'", "a bad IPv4 address '1.2.3.256'")]
    [InlineData("sip:bob@1.2.3", "'sip:bob@1.2.3' has a bad IPv4 address '1.2.3'", "a bad IPv4 address '1.2.3'")]
    [InlineData("sip:bob@[::1", "'sip:bob@[::1' has an IPv6 address without its closing ']'", "an IPv6 address without its closing ']'")]
    [InlineData("sip:bob@[1::2::3]", "'sip:bob@[1::2::3]' has a bad IPv6 address '1::2::3'", "a bad IPv6 address '1::2::3'")]
    [InlineData("sip:bob@[1:2:3:4:5:6:7]", "'sip:bob@[1:2:3:4:5:6:7]' has a bad IPv6 address '1:2:3:4:5:6:7'", "a bad IPv6 address '1:2:3:4:5:6:7'")]
    [InlineData("sip:bob@[1:2:3:4:5:6:7:8:9]", "'sip:bob@[1:2:3:4:5:6:7:8:9]' has a bad IPv6 address '1:2:3:4:5:6:7:8:9'", "a bad IPv6 address '1:2:3:4:5:6:7:8:9'")]
    [InlineData("sip:bob@[12345::1]", "'sip:bob@[12345::1]' has a bad IPv6 address '12345::1'", "a bad IPv6 address '12345::1'")]
    [InlineData("sip:bob@[::g]", "'sip:bob@[::g]' has a bad IPv6 address '::g'", "a bad IPv6 address '::g'")]
    [InlineData("sip:bob@[]", "'sip:bob@[]' has a bad IPv6 address ''", "a bad IPv6 address ''")]
    [InlineData("sip:bob@[::1]x", "'sip:bob@[::1]x' has a bad character 'x' after the host", "a bad character 'x' after the host")]
    [InlineData("sip:bob@host;=x", "'sip:bob@host;=x' has an empty parameter name", "an empty parameter name")]
    [InlineData("sip:bob@host;;lr", "'sip:bob@host;;lr' has an empty parameter name", "an empty parameter name")]
    [InlineData("sip:bob@host;x=", "'sip:bob@host;x=' has no value after 'x='", "no value after 'x='")]
    [InlineData("sip:bob@host;a\"b", "'sip:bob@host;a\"b' has a bad character '\"' in the parameter name 'a\"b'", "a bad character '\"' in the parameter name 'a\"b'")]
    [InlineData("sip:bob@host?", "'sip:bob@host?' has '?' with no headers after it", "'?' with no headers after it")]
    [InlineData("sip:bob@host?subject", "'sip:bob@host?subject' has a header 'subject' without '='", "a header 'subject' without '='")]
    [InlineData("sip:bob@host?=x", "'sip:bob@host?=x' has an empty header name", "an empty header name")]
    [InlineData("sip:b%zzob@host", "'sip:b%zzob@host' has a bad escape '%zz' in the user part", "a bad escape '%zz' in the user part")]
    [InlineData("sip:bob%4@host", "'sip:bob%4@host' has a bad escape '%4' in the user part", "a bad escape '%4' in the user part")]
    [InlineData("sip:bob<@host", "'sip:bob<@host' has a bad character '<' in the user part", "a bad character '<' in the user part")]
    [InlineData("sip:bob:pa;ss@host", "'sip:bob:pa;ss@host' has a bad character ';' in the password", "a bad character ';' in the password")]
    [InlineData("sip:#21@host", "'sip:#21@host' has a bad character '#' in the user part", "a bad character '#' in the user part")]
    [InlineData("<sip:bob@host>", "'<sip:bob@host>' is not a sip: or sips: URI", "no sip: or sips: scheme")]
    [InlineData("sip:bob@host\u0001", "'sip:bob@host?' contains a control character", "contains a control character")]
    [InlineData("sip:bob@hôst", "'sip:bob@h?st' contains a non-ASCII character (write it as %XX escapes)", "contains a non-ASCII character (write it as %XX escapes)")]
    public void A_malformed_URI_is_refused_with_a_reason(string text, string reason, string problem)
    {
        Assert.False(SipUri.TryParse(text, out var uri, out var actualReason, out var actualProblem));
        Assert.Null(uri);
        Assert.Equal(reason, actualReason);
        Assert.Equal(problem, actualProblem);
    }

    [Fact]
    public void A_null_text_is_refused_not_thrown()
    {
        Assert.False(SipUri.TryParse(null!, out var uri, out var reason));
        Assert.Null(uri);
        Assert.Equal("the URI is empty", reason);
    }

    [Fact]
    public void A_huge_URI_is_quoted_shortened_in_the_reason()
    {
        var text = "sip:" + new string('a', 10_000) + "@";
        Assert.False(SipUri.TryParse(text, out _, out var reason));
        Assert.True(reason.Length < 120, reason);
        Assert.EndsWith("...' has no host", reason);
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new Random(3261);
        const string alphabet = "sip:@[]%;?&=.:-_1aZ9 \0\u00e9/";
        for (int round = 0; round < 5000; round++)
        {
            var chars = new char[random.Next(0, 30)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }
            var text = (random.Next(2) == 0 ? "sip:" : "") + new string(chars);
            if (SipUri.TryParse(text, out var uri, out var reason))
            {
                Assert.True(SipUri.TryParse(uri.ToString(), out var again, out _), uri.ToString());
                Assert.Equal(uri.ToString(), again.ToString());
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(reason));
            }
        }
    }
}
