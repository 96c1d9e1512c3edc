// The device file's "api" and "webhooks" sections: defaults, values, and located errors.
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Config;

public class CrmConfigTests
{
    private static string With(string field, string value) => Minimal.TrimEnd().TrimEnd('}') + ", \"" + field + "\": " + value + " }";

    private const string Token = "0123456789abcdef0123";

    [Fact]
    public void Without_an_api_section_the_api_is_off_and_without_webhooks_no_events_go_out()
    {
        var c = Load(Minimal);
        Assert.False(c.Api.Enabled);
        Assert.Null(c.Webhooks);
    }

    [Fact]
    public void An_api_section_without_enabled_true_stays_off()
    {
        Assert.False(Load(With("api", "{ \"port\": 9000, \"token\": \"" + Token + "\" }")).Api.Enabled);
    }

    [Fact]
    public void An_enabled_api_has_its_port_token_and_allow_list()
    {
        var api = Load(With("api", "{ \"enabled\": true, \"port\": 9000, \"token\": \"" + Token + "\", \"allow\": [\"127.0.0.1\", \"10.0.0.0/8\"] }")).Api;
        Assert.True(api.Enabled);
        Assert.Equal(9000, api.Port);
        Assert.Equal(Token, api.Token);
        Assert.True(api.Allow.Allows("127.0.0.1"));
        Assert.True(api.Allow.Allows("10.200.3.4"));
        Assert.False(api.Allow.Allows("127.0.0.2"));
        Assert.False(api.Allow.Allows("11.0.0.1"));
    }

    [Fact]
    public void An_enabled_api_without_allow_takes_only_the_phone_itself_on_the_default_port()
    {
        var api = Load(With("api", "{ \"enabled\": true, \"token\": \"" + Token + "\" }")).Api;
        Assert.Equal(8088, api.Port);
        Assert.True(api.Allow.Allows("127.0.0.1"));
        Assert.False(api.Allow.Allows("192.168.1.10"));
    }

    [Fact]
    public void Webhooks_have_their_url_token_and_queue_limit()
    {
        var w = Load(With("webhooks", "{ \"url\": \"http://10.0.0.5:8000/phone-events\", \"token\": \"crm\", \"queueLimit\": 50 }")).Webhooks!;
        Assert.Equal("http://10.0.0.5:8000/phone-events", w.Url);
        Assert.Equal("crm", w.Token);
        Assert.Equal(50, w.QueueLimit);
        Assert.Equal(1000, Load(With("webhooks", "{ \"url\": \"https://10.0.0.5/e\" }")).Webhooks!.QueueLimit);
    }

    [Theory]
    [InlineData("api", "{ \"enabled\": true }", "api: missing required field 'token'")]
    [InlineData("api", "{ \"enabled\": true, \"token\": \"short\" }", "api.token: is 5 characters long; at least 16 are needed")]
    [InlineData("api", "{ \"enabled\": true, \"token\": \"0123456789abcdef 123\" }", "api.token: must be printable ASCII without spaces")]
    [InlineData("api", "{ \"enabled\": \"yes\", \"token\": \"0123456789abcdef0123\" }", "api.enabled: expected true or false")]
    [InlineData("api", "{ \"enabled\": true, \"port\": 70000, \"token\": \"0123456789abcdef0123\" }", "api.port: 70000 is out of range (0-65535)")]
    [InlineData("api", "{ \"enabled\": true, \"token\": \"0123456789abcdef0123\", \"allow\": [] }", "api.allow: is empty")]
    [InlineData("api", "{ \"enabled\": true, \"token\": \"0123456789abcdef0123\", \"allow\": [\"10.0.0.1/33\"] }", "api.allow: entry 1 '10.0.0.1/33' prefix length must be 0-32")]
    [InlineData("api", "{ \"enabled\": true, \"token\": \"0123456789abcdef0123\", \"allow\": [\"127.0.0.1\", \"crm.local\"] }", "api.allow: entry 2 'crm.local' is not an IPv4 address")]
    [InlineData("api", "{ \"enabled\": true, \"token\": \"0123456789abcdef0123\", \"allow\": [\"10.0.0.1/8\"] }", "api.allow: entry 1 '10.0.0.1/8' has host bits set")]
    [InlineData("api", "{ \"enabled\": true, \"token\": \"0123456789abcdef0123\", \"allow\": [5] }", "api.allow: entry 1: expected a string")]
    [InlineData("api", "{ \"enabeld\": true }", "api.enabeld: unknown field 'enabeld' in api (did you mean 'enabled'?)")]
    [InlineData("webhooks", "{ }", "webhooks: missing required field 'url'")]
    [InlineData("webhooks", "{ \"url\": \"ftp://10.0.0.5/\" }", "webhooks.url: 'ftp://10.0.0.5/' must start with http:// or https://")]
    [InlineData("webhooks", "{ \"url\": \"http://crm.example/x\" }", "webhooks.url: 'http://crm.example/x' host 'crm.example' must be an IPv4 address")]
    [InlineData("webhooks", "{ \"url\": \"http://10.0.0.5/x\", \"queueLimit\": 0 }", "webhooks.queueLimit: 0 is out of range (1-10000)")]
    [InlineData("webhooks", "[]", "webhooks: expected an object")]
    public void A_wrong_field_is_a_located_error_naming_it(string section, string value, string message)
    {
        var errors = Errors(With(section, value));
        Assert.Contains(Messages(errors), m => m.StartsWith(message));
        Assert.All(Enumerable.Range(0, errors.Count), i => Assert.True(errors[i].Line > 0));
    }
}
