// Click-to-call numbers from a CRM: tel:, sip:, callto: and plain entries normalised, garbage refused with a reason.
using DeskPhone.Firmware.Crm;

namespace DeskPhone.Firmware.Tests.Crm;

public class DialNumberTests
{
    [Theory]
    [InlineData("202", "202")]
    [InlineData("  (030) 123-45 67 ", "0301234567")]
    [InlineData("+41 44 668 18 00", "+41446681800")]
    [InlineData("+1.202.555.0123", "+12025550123")]
    [InlineData("*8202", "*8202")]
    [InlineData("%2B49%2030%20123", "+4930123")]
    [InlineData("tel:+1-201-555-0123", "+12015550123")]
    [InlineData("TEL:+1 (201) 555-0123", "+12015550123")]
    [InlineData("tel:+1-201-555-0123;ext=1234", "+12015550123")]
    [InlineData("tel:7042;phone-context=example.com", "7042")]
    [InlineData("tel:%2B44%2020%207946%200958", "+442079460958")]
    [InlineData("callto:+4930123456", "+4930123456")]
    [InlineData("callto://+49 30 123456/", "+4930123456")]
    [InlineData("callto:202", "202")]
    [InlineData("sip:202@office.example", "202")]
    [InlineData("sip:202@OFFICE.example;transport=udp?subject=hi", "202")]
    [InlineData("sip:+1-202-555-0123;user=phone@office.example", "+12025550123")]
    [InlineData("sip:bob@partner.example", "sip:bob@partner.example")]
    [InlineData("sip:+4930123@gw.partner.example:5070;user=phone", "sip:+4930123@gw.partner.example:5070")]
    [InlineData("sips:alice@secure.example", "sips:alice@secure.example")]
    [InlineData("sips:202@office.example", "sips:202@office.example")]
    [InlineData("sip:%61lice@partner.example", "sip:alice@partner.example")]
    [InlineData("bob@partner.example", "sip:bob@partner.example")]
    public void A_crm_link_or_number_becomes_what_the_phone_dials(string input, string expected)
    {
        Assert.True(DialNumber.TryNormalize(input, "office.example", out var target, out var reason), reason);
        Assert.Equal(expected, target);
    }

    [Theory]
    [InlineData("", "no number")]
    [InlineData("   ", "no number")]
    [InlineData("hello", "has letters")]
    [InlineData("1-800-FLOWERS", "has letters")]
    [InlineData("tel:abc", "has letters")]
    [InlineData("- . ( )", "nothing to dial")]
    [InlineData("tel:;ext=5", "nothing to dial")]
    [InlineData("+", "nothing to dial")]
    [InlineData("12+34", "'+' may only start")]
    [InlineData("20%2", "%-encoding")]
    [InlineData("sip:office.example", "no user part")]
    [InlineData("sip:bob@", "no host")]
    [InlineData("sip:bob@bad host", "bad host")]
    [InlineData("mailto:bob@example.com", "not a tel:, sip: or callto:")]
    [InlineData("http://evil.example/", "not a tel:, sip: or callto:")]
    [InlineData("callto:sip:bob", "must be followed by a number")]
    [InlineData("2020202020202020202020202020202020", "longer than 32 digits")]
    [InlineData("20;2", "cannot be dialed")]
    public void Garbage_is_refused_with_a_reason(string input, string reason)
    {
        Assert.False(DialNumber.TryNormalize(input, "office.example", out var target, out var why));
        Assert.Null(target);
        Assert.Contains(reason, why);
    }

    [Fact]
    public void A_huge_input_is_refused_before_any_work()
    {
        Assert.False(DialNumber.TryNormalize(new string('1', 100_000), "office.example", out _, out var why));
        Assert.Contains("longer than 256", why);
    }
}
