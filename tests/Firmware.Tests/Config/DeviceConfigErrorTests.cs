// A bad device file is reported completely: every error, named by file, line, column and field.
using DeskPhone.Firmware.Config;
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Config;

public class DeviceConfigErrorTests
{
    [Fact]
    public void A_key_with_a_target_that_is_not_a_SIP_URI_is_named_by_file_line_and_field()
    {
        const string text = """
            {
              "device": { "id": "front-desk-1", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
              "accounts": [
                { "id": "main", "user": "201", "domain": "office.example",
                  "registrar": "sip:127.0.0.1:5060" }
              ],
              "keys": [
                { "kind": "line", "account": "main" },
                { "kind": "blf", "target": "sip:202@office.example" },
                { "kind": "blf", "target": "sip:203@office.example" },
                {
                  "kind": "blf",
                  "label": "Bob",
                  "target": "sip:bob@"
                }
              ]
            }
            """;
        var errors = Errors(text, "front-desk.json");
        Assert.Equal(new[] { "front-desk.json:14:17: keys[3].target: 'sip:bob@' is not a SIP URI (no host)" }, Lines(errors));
        Assert.Equal(("front-desk.json", 14, 17, "keys[3].target"), (errors[0].FileName, errors[0].Line, errors[0].Column, errors[0].Path));
    }

    [Fact]
    public void A_misspelt_field_is_unknown_and_gets_a_suggestion()
    {
        var errors = Errors(Minimal.Replace("\"extension\"", "\"extention\""));
        Assert.Equal(new[]
        {
            "device: missing required field 'extension'",
            "device.extention: unknown field 'extention' in device (did you mean 'extension'?)",
        }, Messages(errors));
        Assert.Equal(2, errors[1].Line);
    }

    [Fact]
    public void An_unknown_field_far_from_any_known_one_gets_no_suggestion()
    {
        var errors = Errors(Minimal.Replace("{\n  \"device\"", "{\n  \"colour\": \"red\",\n  \"device\""));
        Assert.Equal(new[] { "colour: unknown field 'colour' at the top level" }, Messages(errors));
    }

    [Theory]
    [InlineData("\"expires\": \"600\"", "accounts[0].expires: expected a number, found a string")]
    [InlineData("\"expires\": 600.5", "accounts[0].expires: expected a whole number, found 600.5")]
    [InlineData("\"expires\": 30", "accounts[0].expires: 30 is out of range (60-86400)")]
    [InlineData("\"expires\": 86401", "accounts[0].expires: 86401 is out of range (60-86400)")]
    [InlineData("\"expires\": 99999999999999999999", "accounts[0].expires: expected a whole number, found 99999999999999999999")]
    [InlineData("\"password\": 1234", "accounts[0].password: expected a string, found a number")]
    [InlineData("\"password\": null", "accounts[0].password: expected a string, found null")]
    [InlineData("\"transport\": \"tpc\"", "accounts[0].transport: 'tpc' is not a transport (did you mean 'tcp'?); expected one of udp, tcp, tls")]
    [InlineData("\"transport\": \"UDP\"", "accounts[0].transport: 'UDP' is not a transport (did you mean 'udp'?); expected one of udp, tcp, tls")]
    [InlineData("\"outboundProxy\": \"127.0.0.1:5060\"", "accounts[0].outboundProxy: '127.0.0.1:5060' is not a SIP URI (no sip: or sips: scheme)")]
    [InlineData("\"backupProxy\": \"sip:127.0.0.2:0\"", "accounts[0].backupProxy: 'sip:127.0.0.2:0' is not a SIP URI (port 0 (expected 1-65535))")]
    [InlineData("\"displayName\": \"\"", "accounts[0].displayName: must not be empty (leave the field out for the default)")]
    [InlineData("\"displayName\": \"a\\u0000b\"", "accounts[0].displayName: contains a control character at position 2")]
    [InlineData("\"authUser\": [\"201\"]", "accounts[0].authUser: expected a string, found an array")]
    [InlineData("\"registar\": \"sip:x.example\"", "accounts[0].registar: unknown field 'registar' in accounts[0] (did you mean 'registrar'?)")]
    public void A_bad_account_field_is_explained(string field, string expected)
    {
        Assert.Equal(new[] { expected }, Messages(Errors(WithAccountFields(", " + field))));
    }

    [Theory]
    [InlineData("\"user\": \"300\"", "\"user\": \"bob smith\"", "accounts[0].user: 'bob smith' cannot be the user part of a SIP URI (escape special characters as %XX)")]
    [InlineData("\"domain\": \"office.example\"", "\"domain\": \"office_example\"", "accounts[0].domain: 'office_example' is not a host name or IP address")]
    [InlineData("\"registrar\": \"sip:127.0.0.1\"", "\"registrar\": \"sip:300@127.0.0.1\"", "accounts[0].registrar: 'sip:300@127.0.0.1' has a user part; a registrar is written sip:host[:port]")]
    [InlineData("\"registrar\": \"sip:127.0.0.1\"", "\"registrar\": \"sips:127.0.0.1\", \"transport\": \"udp\"", "accounts[0].transport: a sips: registrar needs transport 'tls'")]
    [InlineData("\"id\": \"a\"", "\"id\": \"main line\"", "accounts[0].id: 'main line' may only contain letters, digits, '-' and '_'")]
    [InlineData("\"id\": \"a\", ", "", "accounts[0]: missing required field 'id'")]
    [InlineData("\"user\": \"300\", ", "", "accounts[0]: missing required field 'user'")]
    [InlineData("\"registrar\": \"sip:127.0.0.1\"", "\"registrar\": \"\"", "accounts[0].registrar: must not be empty")]
    public void A_bad_required_account_field_is_explained(string good, string bad, string expected)
    {
        var text = Minimal.Replace(good, bad);
        Assert.NotEqual(Minimal, text);
        Assert.Equal(new[] { expected }, Messages(Errors(text)));
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_in_file_order()
    {
        const string text = """
            {
              "device": { "id": "front desk", "name": "", "extension": "2O1", "board": "sim-desk-8", "color": 1 },
              "accounts": [
                { "id": "main", "user": "201", "domain": "office.example", "registrar": "sip:127.0.0.1", "expires": 5 },
                { "id": "main", "user": "202", "domain": "office.example", "registrar": "sip:bob@" }
              ],
              "keys": [
                { "kind": "lin", "account": "main" },
                { "kind": "line" },
                { "kind": "line", "account": "mian" },
                { "kind": "blf", "target": "sip:202@office.example", "page": 0, "label": "A label far too long for the key" },
                { "kind": "feature", "feature": "dnd", "target": "sip:x@y.example" },
                { "kind": "feature", "feature": "flash" },
                { "kind": "speeddial", "target": "lobby" },
                "not a key"
              ],
              "features": { "dnd": "no" },
              "display": { "contrast": 300 }
            }
            """;
        var lines = Lines(Errors(text, "bad.json"));
        Assert.Equal(new[]
        {
            "bad.json:2:21: device.id: 'front desk' may only contain letters, digits, '-' and '_'",
            "bad.json:2:43: device.name: must not be empty",
            "bad.json:2:60: device.extension: '2O1' is not a dial string (digits, '*', '#' and '+')",
            "bad.json:2:90: device.color: unknown field 'color' in device",
            "bad.json:4:105: accounts[0].expires: 5 is out of range (60-86400)",
            "bad.json:5:13: accounts[1].id: account id 'main' is already used by accounts[0]",
            "bad.json:5:77: accounts[1].registrar: 'sip:bob@' is not a SIP URI (no host)",
            "bad.json:8:15: keys[0].kind: 'lin' is not a key kind (did you mean 'line'?); expected one of line, shared, blf, park, speeddial, feature",
            "bad.json:9:5: keys[1]: missing required field 'account'",
            "bad.json:10:34: keys[2].account: there is no account with id 'mian' (did you mean 'main'?)",
            "bad.json:11:66: keys[3].page: 0 is out of range (at least 1)",
            "bad.json:11:78: keys[3].label: is 32 characters long; at most 24 are allowed",
            "bad.json:12:54: keys[4].target: 'target' does not apply to a feature key",
            "bad.json:13:37: keys[5].feature: 'flash' is not a feature; expected one of dnd, transfer, park, record, mute, hold, headset, speaker, redial, page, volume-up, volume-down, history, voicemail",
            "bad.json:14:38: keys[6].target: 'lobby' is neither a SIP URI nor a dial string (digits, '*', '#' and '+')",
            "bad.json:15:5: keys[7]: expected an object, found a string",
            "bad.json:17:24: features.dnd: expected true or false, found a string",
            "bad.json:18:28: display.contrast: 300 is out of range (0-255)",
        }, lines);
    }

    [Fact]
    public void Missing_sections_are_each_reported()
    {
        Assert.Equal(new[]
        {
            ": missing required field 'device'",
            ": missing required field 'accounts'",
        }, Messages(Errors("{}")));
        Assert.Equal("test.json:1:1: missing required field 'device'", Errors("{}")[0].ToString());
    }

    [Fact]
    public void An_empty_account_list_is_an_error()
    {
        var text = Minimal.Substring(0, Minimal.IndexOf("[", StringComparison.Ordinal)) + "[] }";
        Assert.Equal(new[] { "accounts: at least one account is required" }, Messages(Errors(text)));
    }

    [Theory]
    [InlineData("[]", ": expected an object, found an array")]
    [InlineData("{\"device\": [], \"accounts\": {}}", "device: expected an object, found an array")]
    [InlineData("{\"device\": {\"id\": 7, \"name\": true, \"extension\": 201, \"board\": null}, \"accounts\": 1}", "device.id: expected a string, found a number")]
    public void Wrong_types_are_named_with_what_was_found(string text, string first)
    {
        Assert.Equal(first, Messages(Errors(text))[0]);
    }

    [Fact]
    public void A_JSON_syntax_error_is_reported_with_file_and_position()
    {
        var text = Complete.Replace("\"extension\": \"201\",", "\"extension\": \"201\"");
        Assert.Equal(new[] { "test.json:2:79: device: expected ',' or '}' after a field, found '\"' (missing comma?)" }, Lines(Errors(text)));
    }

    [Fact]
    public void Duplicate_fields_are_reported_together_with_the_other_errors()
    {
        var text = Minimal.Replace("\"name\": \"Desk\"", "\"name\": \"Desk\", \"name\": \"Other\", \"board\": \"b\"");
        Assert.Equal(new[]
        {
            "device.name: duplicate field 'name' (first at line 2, column 27)",
            "device.board: duplicate field 'board' (first at line 2, column 60)",
        }, Messages(Errors(text)));
    }

    [Fact]
    public void Keys_naming_a_broken_account_are_not_reported_a_second_time()
    {
        var text = WithKeys("""{ "kind": "line", "account": "main" }""").Replace("\"registrar\": \"sip:127.0.0.1\" },", "\"registrar\": \"sip:\" },");
        Assert.Equal(new[] { "accounts[0].registrar: 'sip:' is not a SIP URI (no host)" }, Messages(Errors(text)));
    }

    [Theory]
    [InlineData("""{ "kind": "blf" }""", "keys[0]: missing required field 'target'")]
    [InlineData("""{ "kind": "shared", "target": "sip:203@office.example", "account": "boss" }""", "keys[0].account: there is no account with id 'boss'")]
    [InlineData("""{ "kind": "line", "account": "main", "target": "sip:201@office.example" }""", "keys[0].target: 'target' does not apply to a line key")]
    [InlineData("""{ "kind": "line", "account": "main", "feature": "dnd" }""", "keys[0].feature: 'feature' does not apply to a line key")]
    [InlineData("""{ "kind": "feature" }""", "keys[0]: missing required field 'feature'")]
    [InlineData("""{ "kind": "feature", "feature": "dnd", "account": "main" }""", "keys[0].account: 'account' does not apply to a feature key")]
    [InlineData("""{ "kind": "feature", "feature": "volume_up" }""", "keys[0].feature: 'volume_up' is not a feature (did you mean 'volume-up'?); expected one of dnd, transfer, park, record, mute, hold, headset, speaker, redial, page, volume-up, volume-down, history, voicemail")]
    [InlineData("""{ "kind": "bfl", "target": "sip:202@office.example" }""", "keys[0].kind: 'bfl' is not a key kind (did you mean 'blf'?); expected one of line, shared, blf, park, speeddial, feature")]
    [InlineData("""{ "label": "x" }""", "keys[0]: missing required field 'kind'")]
    [InlineData("""{ "kind": "park", "target": "701" }""", "keys[0].target: '701' is not a SIP URI (no sip: or sips: scheme)")]
    [InlineData("""{ "kind": "speeddial", "target": "sip:210@" }""", "keys[0].target: 'sip:210@' is not a SIP URI (no host)")]
    [InlineData("""{ "kind": "blf", "target": "sip:202@office.example", "page": "2" }""", "keys[0].page: expected a number, found a string")]
    [InlineData("""{ "kind": "blf", "target": "sip:202@office.example", "lable": "Bob" }""", "keys[0].lable: unknown field 'lable' in keys[0] (did you mean 'label'?)")]
    public void A_bad_key_is_explained(string key, string expected)
    {
        Assert.Equal(new[] { expected }, Messages(Errors(WithKeys(key))));
    }

    [Fact]
    public void A_key_list_that_is_not_an_array_is_an_error()
    {
        var text = Minimal.Replace("\n}", ", \"keys\": {} }");
        Assert.Equal(new[] { "keys: expected an array, found an object" }, Messages(Errors(text)));
    }

    [Fact]
    public void A_device_id_longer_than_32_characters_is_an_error()
    {
        var text = Minimal.Replace("\"d1\"", "\"" + new string('d', 33) + "\"");
        Assert.Equal(new[] { "device.id: is 33 characters long; at most 32 are allowed" }, Messages(Errors(text)));
    }
}
