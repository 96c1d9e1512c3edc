// The device file's "pairingService": where the phone sends its answers to pairing requests.
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Config;

public class PairingServiceConfigTests
{
    private static string WithService(string value) => Minimal.TrimEnd().TrimEnd('}') + ", \"pairingService\": " + value + " }";

    [Fact]
    public void The_pairing_service_is_the_files_uri()
    {
        var c = Load(WithService("\"sip:pairing@office.example;transport=udp\""));
        Assert.Equal("sip:pairing@office.example;transport=udp", c.PairingService!.ToString());
        Assert.Equal("sip:pairing@office.example;transport=udp", c.PairingServiceUri);
    }

    [Fact]
    public void Without_one_answers_go_to_the_pairing_user_of_the_default_accounts_domain()
    {
        var c = Load(Minimal);
        Assert.Null(c.PairingService);
        Assert.Equal("sip:pairing@office.example", c.PairingServiceUri);
    }

    [Theory]
    [InlineData("\"pairing\"", "pairingService: 'pairing' is not a SIP URI")]
    [InlineData("\"sip:office.example\"", "pairingService: 'sip:office.example' has no user part; write it like sip:pairing@office.example")]
    [InlineData("42", "pairingService: expected a string, found a number")]
    public void A_wrong_pairing_service_is_a_located_error(string value, string message)
    {
        Assert.Contains(Messages(Errors(WithService(value))), m => m.StartsWith(message));
    }

    [Fact]
    public void A_misspelt_field_name_gets_a_suggestion()
    {
        Assert.Contains(Messages(Errors(Minimal.TrimEnd().TrimEnd('}') + ", \"pairingServise\": \"sip:pairing@office.example\" }")),
            m => m.Contains("unknown field 'pairingServise'") && m.Contains("did you mean 'pairingService'?"));
    }
}
