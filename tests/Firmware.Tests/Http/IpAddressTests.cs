// IPv4 addresses and CIDR blocks of the API's allow-list.
using DeskPhone.Firmware.Http;

namespace DeskPhone.Firmware.Tests.Http;

public class IpAddressTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("256.1.1.1", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4.5", false)]
    [InlineData("01.2.3.4", false)]
    [InlineData("1..3.4", false)]
    [InlineData("a.b.c.d", false)]
    [InlineData("", false)]
    [InlineData("::1", false)]
    public void Only_dotted_quads_are_addresses(string text, bool ok)
    {
        Assert.Equal(ok, IpAddress.IsIPv4(text));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.255.1.2", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("192.168.4.0/22", "192.168.7.255", true)]
    [InlineData("192.168.4.0/22", "192.168.8.0", false)]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("127.0.0.1", "127.0.0.2", false)]
    [InlineData("0.0.0.0/0", "8.8.8.8", true)]
    [InlineData("127.0.0.1", "::ffff:127.0.0.1", true)]
    [InlineData("127.0.0.1", "garbage", false)]
    public void An_allow_list_takes_addresses_inside_its_blocks_only(string block, string address, bool allowed)
    {
        Assert.True(AddressAllowList.TryCreate(new[] { block }, out var list, out _, out var reason), reason);
        Assert.Equal(allowed, list.Allows(address));
    }

    [Theory]
    [InlineData("10.0.0.1/8", "host bits")]
    [InlineData("10.0.0.0/40", "0-32")]
    [InlineData("10.0.0.0/", "0-32")]
    [InlineData("ten.0.0.0/8", "not an IPv4 address")]
    public void A_bad_block_is_refused_with_a_reason(string block, string reason)
    {
        Assert.False(AddressAllowList.TryCreate(new[] { "127.0.0.1", block }, out _, out int bad, out var why));
        Assert.Equal(1, bad);
        Assert.Contains(reason, why);
    }
}
