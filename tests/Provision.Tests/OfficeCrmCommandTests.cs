// 'office crm ...': an admin connects the phones to a CRM; provision writes api, webhooks and contacts into each device file.
using DeskPhone.Firmware.Config;

namespace DeskPhone.Provision.Tests;

public class OfficeCrmCommandTests
{
    static DeviceConfig Device(string outDir, string name)
    {
        string text = File.ReadAllText(Path.Combine(outDir, "devices", name + ".json"));
        Assert.True(DeviceConfigLoader.TryLoad(name + ".json", text, out DeviceConfig config, out ConfigErrors errors), errors?.ToString());
        return config;
    }

    static string Token(ProvisionSite site, string phone)
    {
        var office = DeskPhone.Office.Files.OfficeFile.Load(site.OfficePath);
        return office.FindPhone(phone)!.ApiToken!;
    }

    [Fact]
    public void An_installer_connects_the_office_to_a_crm_and_every_phone_gets_it_in_its_device_file()
    {
        using var site = new ProvisionSite();
        site.AddOffice();

        var hooks = site.Office("crm", "webhooks", "--url", "http://10.0.0.5:8000/phone-events", "--token", "crm-hook-secret", "--queue-limit", "500");
        var api = site.Run("office", "crm", "api", "on", "--port", "8090", "--allow", "10.0.0.0/8", "--allow", "127.0.0.1", "--office", site.OfficePath);
        var lookup = site.Office("crm", "lookup", "--url", "http://10.0.0.5:8000/lookup?number={number}");
        var address = site.Office("crm", "address", "--phone", "reception-1", "--address", "10.0.0.21");
        var provision = site.Provision(site.Out, "--profiles", site.Profiles);

        Assert.Equal((0, 0, 0, 0, 0), (hooks.Code, api.Code, lookup.Code, address.Code, provision.Code));
        Assert.StartsWith("control API on, port 8090, callers allowed from 10.0.0.0/8, 127.0.0.1; new API token for reception-1, assistant-bob, exec-ann;", api.Output);
        foreach (var (phone, file) in new[] { ("reception-1", "reception"), ("assistant-bob", "assistant"), ("exec-ann", "executive") })
        {
            DeviceConfig config = Device(site.Out, file);
            Assert.True(config.Api.Enabled);
            Assert.Equal((8090, Token(site, phone)), (config.Api.Port, config.Api.Token));
            Assert.True(config.Api.Allow.Allows("10.20.30.40"));
            Assert.Equal(("http://10.0.0.5:8000/phone-events", "crm-hook-secret", 500), (config.Webhooks.Url, config.Webhooks.Token, config.Webhooks.QueueLimit));
            Assert.Equal("http://10.0.0.5:8000/lookup?number={number}", config.ContactsLookup.Text);
        }
        Assert.Equal(3, new[] { "reception-1", "assistant-bob", "exec-ann" }.Select(p => Token(site, p)).Distinct().Count());
    }

    [Fact]
    public void Crm_show_gives_the_crm_admin_each_phones_api_url_or_port_and_its_token()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        site.Office("crm", "webhooks", "--url", "http://10.0.0.5:8000/phone-events", "--token", "crm-hook-secret");
        site.Run("office", "crm", "api", "on", "--allow", "10.0.0.0/8,127.0.0.1", "--office", site.OfficePath);
        site.Office("crm", "address", "--phone", "reception-1", "--address", "10.0.0.21");

        var (code, output, _) = site.Office("crm", "show");
        var shown = site.Office("show");

        Assert.Equal(0, code);
        Assert.Contains("crm: control API on, port 8088, webhooks http://10.0.0.5:8000/phone-events, lookup none ('office crm show' for the tokens)\n", shown.Output);
        Assert.Equal(
            "control API: on, port 8088, callers allowed from 10.0.0.0/8, 127.0.0.1; each request needs 'Authorization: Bearer TOKEN' (the phone's token)\n"
            + "webhooks: POST http://10.0.0.5:8000/phone-events with 'Authorization: Bearer crm-hook-secret', up to 1000 events kept while the CRM is down\n"
            + "contact lookup: none\n"
            + "phones:\n"
            + $"  reception-1      Reception        http://10.0.0.21:8088/api          token {Token(site, "reception-1")}\n"
            + $"  assistant-bob    Bob Stone        (address not in office.json) port 8088 token {Token(site, "assistant-bob")}\n"
            + $"  exec-ann         Ann Lee          (address not in office.json) port 8088 token {Token(site, "exec-ann")}\n"
            + "note: a phone without an address is reached at its own IPv4 address (its network settings or the DHCP server) on that port; 'office crm address --phone ID --address 10.0.0.21' records it here\n",
            output);
    }

    [Fact]
    public void Rotating_one_phones_token_changes_only_that_phones_device_file()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        site.Run("office", "crm", "api", "on", "--allow", "10.0.0.0/8", "--office", site.OfficePath);
        string first = Path.Combine(site.Root, "first"), second = Path.Combine(site.Root, "second");
        Assert.Equal(0, site.Provision(first).Code);
        string old = Token(site, "assistant-bob");

        var rotated = site.Office("crm", "token", "--phone", "assistant-bob", "--rotate");
        Assert.Equal(0, site.Provision(second).Code);

        Assert.StartsWith($"phone assistant-bob: API token replaced {Token(site, "assistant-bob")}", rotated.Output);
        Assert.NotEqual(old, Device(second, "assistant").Api.Token);
        Assert.Equal(Token(site, "assistant-bob"), Device(second, "assistant").Api.Token);
        foreach (string name in new[] { "reception", "executive" })
            Assert.Equal(File.ReadAllText(Path.Combine(first, "devices", name + ".json")), File.ReadAllText(Path.Combine(second, "devices", name + ".json")));
        Assert.NotEqual(File.ReadAllText(Path.Combine(first, "devices", "assistant.json")), File.ReadAllText(Path.Combine(second, "devices", "assistant.json")));
    }

    [Fact]
    public void Provision_refuses_a_phone_without_a_token_while_the_api_is_on_and_says_which_command_fixes_it()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        site.Run("office", "crm", "api", "on", "--allow", "10.0.0.0/8", "--office", site.OfficePath);
        // A phone added to office.json by hand after the API was turned on.
        string text = File.ReadAllText(site.OfficePath).Replace("  \"pairings\": [", """
              "pairings": [
            """);
        text = text.Replace("\n  ],\n  \"pairings\"", ",\n    { \"id\": \"lobby-1\", \"user\": \"reception\", \"board\": \"sim-desk-8\", \"file\": \"lobby\" }\n  ],\n  \"pairings\"");
        File.WriteAllText(site.OfficePath, text);
        byte[] before = File.ReadAllBytes(site.OfficePath);

        string fresh = Path.Combine(site.Root, "fresh");
        var refused = site.Provision(fresh);
        var token = site.Office("crm", "token", "--phone", "lobby-1");
        var again = site.Provision(site.Out);

        Assert.Equal(1, refused.Code);
        Assert.Equal($"{site.OfficePath}: phone lobby-1 has no API token and the control API is on; run 'deskphone-provision office crm token --phone lobby-1 --office {site.OfficePath}'\n"
            + $"1 phone(s) without an API token in {site.OfficePath}; nothing written\n", refused.Errors);
        Assert.False(Directory.Exists(fresh));
        Assert.Equal(0, token.Code);
        Assert.Equal(0, again.Code);
        Assert.Equal(Token(site, "lobby-1"), Device(site.Out, "lobby").Api.Token);
        Assert.NotEqual(before, File.ReadAllBytes(site.OfficePath));
    }

    [Fact]
    public void Refused_crm_changes_exit_with_1_say_why_and_leave_office_json_as_it_was()
    {
        using var site = new ProvisionSite();
        string path = site.AddOffice();
        byte[] before = File.ReadAllBytes(path);

        var byUser = site.Run("office", "crm", "api", "on", "--as", "bob", "--office", path);
        var badUrl = site.Office("crm", "webhooks", "--url", "http://crm.example/phone-events");
        var badCidr = site.Run("office", "crm", "api", "on", "--allow", "10.0.0.0/33", "--office", path);
        var unknownPhone = site.Office("crm", "token", "--phone", "assistant-bbo");
        var badLookup = site.Office("crm", "lookup", "--url", "http://10.0.0.5/lookup");
        var noHooks = site.Run("office", "crm", "webhooks", "off", "--office", path);
        var apiOff = site.Run("office", "crm", "api", "off", "--office", path);

        Assert.Equal((1, "refused: only an admin can change the CRM integration (bob is a user)\n"), (byUser.Code, byUser.Errors));
        Assert.Equal((1, "refused: the webhook URL 'http://crm.example/phone-events' host 'crm.example' must be an IPv4 address (the phone does not look names up)\n"), (badUrl.Code, badUrl.Errors));
        Assert.Equal(1, badCidr.Code);
        Assert.StartsWith("refused: the allow list entry 1 '10.0.0.0/33' ", badCidr.Errors);
        Assert.Equal((1, "refused: no phone 'assistant-bbo' in the office (did you mean 'assistant-bob'?)\n"), (unknownPhone.Code, unknownPhone.Errors));
        Assert.Equal((1, "refused: the lookup URL 'http://10.0.0.5/lookup' has no {number} placeholder where the caller's number goes\n"), (badLookup.Code, badLookup.Errors));
        Assert.Equal((1, "refused: the office has no webhooks\n"), (noHooks.Code, noHooks.Errors));
        Assert.Equal((1, "refused: the control API is already off\n"), (apiOff.Code, apiOff.Errors));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Turning_things_off_takes_them_out_of_the_device_files_and_keeps_the_tokens()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        site.Office("crm", "webhooks", "--url", "http://10.0.0.5:8000/phone-events");
        site.Run("office", "crm", "api", "on", "--allow", "10.0.0.5", "--office", site.OfficePath);
        site.Office("crm", "lookup", "--url", "http://10.0.0.5:8000/lookup?number={number}");
        string token = Token(site, "exec-ann");

        var offs = new[]
        {
            site.Run("office", "crm", "webhooks", "off", "--office", site.OfficePath),
            site.Run("office", "crm", "api", "off", "--office", site.OfficePath),
            site.Run("office", "crm", "lookup", "off", "--office", site.OfficePath),
        };
        Assert.Equal(0, site.Provision(site.Out).Code);

        Assert.All(offs, r => Assert.Equal((0, ""), (r.Code, r.Errors)));
        string text = File.ReadAllText(Path.Combine(site.Out, "devices", "executive.json"));
        Assert.DoesNotContain("\"api\"", text);
        Assert.DoesNotContain("\"webhooks\"", text);
        Assert.DoesNotContain("\"contacts\"", text);
        Assert.Equal(token, Token(site, "exec-ann"));
        Assert.Contains("\"api\": { \"enabled\": false, \"port\": 8088, \"allow\": [\"10.0.0.5\"] }", File.ReadAllText(site.OfficePath));
    }

    [Fact]
    public void A_wrong_crm_command_line_is_a_usage_error()
    {
        using var site = new ProvisionSite();
        site.AddOffice();

        var noUrl = site.Office("crm", "webhooks", "--token", "x");
        var badPort = site.Run("office", "crm", "api", "on", "--port", "70000", "--office", site.OfficePath);
        var portOff = site.Run("office", "crm", "api", "off", "--port", "8088", "--office", site.OfficePath);
        var twice = site.Office("crm", "lookup", "--url", "a", "--url", "b");
        var unknown = site.Office("crm", "hooks");

        Assert.Equal(2, noUrl.Code);
        Assert.StartsWith("deskphone-provision office crm webhooks: --url is required\nusage: office crm webhooks --url", noUrl.Errors);
        Assert.Equal(2, badPort.Code);
        Assert.Contains("--port must be a whole number from 1 to 65535, not '70000'", badPort.Errors);
        Assert.Equal(2, portOff.Code);
        Assert.Contains("unknown option '--port' for office crm api off", portOff.Errors);
        Assert.Contains("--url is given twice", twice.Errors);
        Assert.Equal(2, unknown.Code);
        Assert.StartsWith("deskphone-provision: unknown office crm command 'hooks'", unknown.Errors);
    }

    [Fact]
    public void A_hand_edited_crm_error_in_office_json_is_reported_with_file_line_and_column()
    {
        using var site = new ProvisionSite();
        string path = site.AddOffice(text => text.Replace("  \"users\": [", "  \"crm\": { \"lookupUrl\": \"http://crm.example/l?n={number}\" },\n  \"users\": ["));

        var (code, _, errors) = site.Provision(site.Out);

        Assert.Equal(1, code);
        Assert.StartsWith($"{path}:12:25: crm.lookupUrl: ", errors);
        Assert.Contains("host 'crm.example' must be an IPv4 address (the phone does not look names up)", errors);
        Assert.EndsWith($"1 error(s) in {path}; nothing changed\n", errors);
    }
}
