// URI comparison follows RFC 3261 §19.1.4, using the RFC's own example pairs.
using DeskPhone.Firmware.Sip;

namespace DeskPhone.Firmware.Tests.Sip;

public class SipUriEquivalenceTests
{
    private static SipUri Parse(string text)
    {
        Assert.True(SipUri.TryParse(text, out var uri, out var reason), reason);
        return uri;
    }

    [Theory]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    [InlineData("SIP:bob@Example.COM", "sip:bob@example.com")]
    public void RFC_equivalent_URIs_are_equivalent(string a, string b)
    {
        Assert.True(Parse(a).IsEquivalentTo(Parse(b)));
        Assert.True(Parse(b).IsEquivalentTo(Parse(a)));
    }

    [Theory]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")]
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off")]
    [InlineData("sip:bob@example.com", "sips:bob@example.com")]
    [InlineData("sip:bob:one@example.com", "sip:bob:two@example.com")]
    [InlineData("sip:bob@example.com", "sip:example.com")]
    public void RFC_different_URIs_are_not_equivalent(string a, string b)
    {
        Assert.False(Parse(a).IsEquivalentTo(Parse(b)));
        Assert.False(Parse(b).IsEquivalentTo(Parse(a)));
    }

    [Fact]
    public void Nothing_is_equivalent_to_null()
    {
        Assert.False(Parse("sip:a.example").IsEquivalentTo(null));
    }
}
