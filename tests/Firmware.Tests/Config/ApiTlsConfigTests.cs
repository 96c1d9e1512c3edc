// The device file's "api.tls": HTTPS for the control API, its certificate and key files, and located errors.
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Config;

public class ApiTlsConfigTests
{
    private const string Token = "0123456789abcdef0123";

    private static string Api(string tls) =>
        Minimal.TrimEnd().TrimEnd('}') + ", \"api\": { \"enabled\": true, \"token\": \"" + Token + "\", \"tls\": " + tls + " } }";

    [Fact]
    public void An_api_with_tls_names_its_certificate_and_key_and_is_https_only()
    {
        var api = Load(Api("{ \"certificate\": \"api-cert.pem\", \"key\": \"keys/api-key.pem\" }")).Api;
        Assert.True(api.Enabled);
        Assert.True(api.Https);
        Assert.Equal("api-cert.pem", api.TlsCertificate);
        Assert.Equal("keys/api-key.pem", api.TlsKey);
    }

    [Fact]
    public void An_api_without_tls_is_plain_http()
    {
        var api = Load(Minimal.TrimEnd().TrimEnd('}') + ", \"api\": { \"enabled\": true, \"token\": \"" + Token + "\" } }").Api;
        Assert.True(api.Enabled);
        Assert.False(api.Https);
        Assert.Null(api.TlsCertificate);
    }

    [Theory]
    [InlineData("{ \"certificate\": \"api-cert.pem\" }", "api.tls: missing required field 'key'")]
    [InlineData("{ \"key\": \"api-key.pem\" }", "api.tls: missing required field 'certificate'")]
    [InlineData("{ \"certificate\": \"../etc/cert.pem\", \"key\": \"api-key.pem\" }", "api.tls.certificate: '../etc/cert.pem' is not a storage file name")]
    [InlineData("{ \"certificate\": \"/cert.pem\", \"key\": \"api-key.pem\" }", "api.tls.certificate: '/cert.pem' is not a storage file name")]
    [InlineData("{ \"certificate\": \"api-cert.pem\", \"key\": \"api key.pem\" }", "api.tls.key: 'api key.pem' is not a storage file name")]
    [InlineData("{ \"certificate\": \"api.pfx\", \"key\": \"api-key.pem\" }", "api.tls.certificate: 'api.pfx' must name a .pem file")]
    [InlineData("{ \"certificate\": \"both.pem\", \"key\": \"both.pem\" }", "api.tls.key: 'both.pem' is the certificate's file too")]
    [InlineData("{ \"certificate\": 5, \"key\": \"api-key.pem\" }", "api.tls.certificate: expected a string")]
    [InlineData("{ \"certificate\": \"a.pem\", \"key\": \"b.pem\", \"pasword\": \"x\" }", "api.tls.pasword: unknown field 'pasword'")]
    [InlineData("true", "api.tls: expected an object")]
    public void A_wrong_tls_field_is_a_located_error_naming_it(string tls, string message)
    {
        var errors = Errors(Api(tls));
        Assert.Contains(Messages(errors), m => m.StartsWith(message));
        Assert.All(Enumerable.Range(0, errors.Count), i => Assert.True(errors[i].Line > 0 && errors[i].Column > 0));
    }
}
