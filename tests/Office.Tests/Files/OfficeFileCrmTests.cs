// office.json's "crm" section and each phone's "apiToken" and "address": round trip, and hand edits checked with the phones' own rules.
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;

namespace DeskPhone.Office.Tests.Files;

public class OfficeFileCrmTests
{
    static string Example => File.ReadAllText(Path.Combine(TestOffice.RepoRoot(), "examples", "office.json"));

    /// <summary>A small office with a "crm" section; <paramref name="crm"/> and <paramref name="phones"/> are spliced in.</summary>
    static string Office(string crm, string phones) => $$"""
        {
          "office": { "domain": "office.example", "registrar": "sip:127.0.0.1" },
          "crm": {{crm}},
          "users": [
            { "id": "ann", "name": "Ann Lee", "extension": "203", "password": "ann-secret" }
          ],
          "phones": [
        {{phones}}
          ]
        }
        """;

    [Fact]
    public void The_crm_section_and_the_phones_tokens_and_addresses_read_back_byte_for_byte()
    {
        OfficeDirectory office = OfficeFile.Parse("office.json", Example);
        Crm.SetApi(office, true, 8090, new[] { "10.0.0.0/8", "127.0.0.1" });
        Crm.SetWebhooks(office, "http://10.0.0.5:8000/phone-events", "crm-hook-secret", 250);
        Crm.SetLookup(office, "http://10.0.0.5:8000/lookup?number={number}");
        Crm.SetAddress(office, "reception-1", "10.0.0.21");

        string text = OfficeFile.Format(office);
        OfficeDirectory again = OfficeFile.Parse("office.json", text);

        Assert.Equal(text, OfficeFile.Format(again));
        Assert.Contains("""
              "crm": {
                "api": { "enabled": true, "port": 8090, "allow": ["10.0.0.0/8", "127.0.0.1"] },
                "webhooks": { "url": "http://10.0.0.5:8000/phone-events", "token": "crm-hook-secret", "queueLimit": 250 },
                "lookupUrl": "http://10.0.0.5:8000/lookup?number={number}"
              },
            """.Replace("\r\n", "\n"), text);
        Assert.Equal(office.Phones.Select(p => p.ApiToken), again.Phones.Select(p => p.ApiToken));
        Assert.Equal("10.0.0.21", again.FindPhone("reception-1")!.Address);
        Assert.Contains($"\"apiToken\": \"{office.Phones[0].ApiToken}\",\n      \"address\": \"10.0.0.21\"", text);
    }

    [Fact]
    public void An_office_without_crm_writes_no_crm_section()
    {
        OfficeDirectory office = OfficeFile.Parse("office.json", Example);
        Assert.True(office.Crm.IsEmpty);
        Assert.DoesNotContain("crm", OfficeFile.Format(office));
    }

    [Fact]
    public void Hand_edits_the_phones_would_refuse_are_errors_at_their_place_in_office_json()
    {
        string text = Office(
            """{ "api": { "enabled": true, "allow": ["10.0.0.0/8", "10.1.2.3/8"] }, "webhooks": { "url": "http://crm.example/x", "queueLimit": 0 }, "lookupUrl": "http://10.0.0.5/lookup" }""",
            """
                { "id": "desk-1", "user": "ann", "board": "sim-desk-8", "apiToken": "short", "address": "10.0.0" },
                { "id": "desk-2", "user": "ann", "board": "sim-desk-8", "apiToken": "0123456789abcdef0123456789abcdef" },
                { "id": "desk-3", "user": "ann", "board": "sim-desk-8", "apiToken": "0123456789abcdef0123456789abcdef" }
            """);

        Assert.False(OfficeFile.TryParse("office.json", text, out _, out var errors));

        Assert.Equal(new[]
        {
            "office.json:3:47: crm.api.allow: entry 2 '10.1.2.3/8' has host bits set after the /8 prefix",
            "office.json:3:100: crm.webhooks.url: 'http://crm.example/x' host 'crm.example' must be an IPv4 address (the phone does not look names up)",
            "office.json:3:138: crm.webhooks.queueLimit: 0 is out of range (1-10000)",
            "office.json:3:156: crm.lookupUrl: 'http://10.0.0.5/lookup' has no {number} placeholder where the caller's number goes",
            "office.json:8:73: phones[0].apiToken: is 5 characters long; at least 16 are needed (a random one: openssl rand -hex 16)",
            "office.json:8:93: phones[0].address: '10.0.0' is not an IPv4 address like 10.0.0.21",
            "office.json:10:73: phones[2].apiToken: is the same as phones[1]'s; each phone needs its own ('office crm token --phone ID --rotate')",
        }, errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void An_unknown_crm_field_gets_a_did_you_mean()
    {
        string text = Office("""{ "lookupUri": "http://10.0.0.5/l?n={number}" }""", """    { "id": "desk-1", "user": "ann", "board": "sim-desk-8" }""");
        Assert.False(OfficeFile.TryParse("office.json", text, out _, out var errors));
        Assert.Equal("office.json:3:12: crm.lookupUri: unknown field 'lookupUri' in crm (did you mean 'lookupUrl'?)", Assert.Single(errors).ToString());
    }
}
