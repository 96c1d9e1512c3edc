// A valid device file becomes a DeviceConfig with every field and every default in place.
using DeskPhone.Firmware.Config;
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Config;

public class DeviceConfigLoaderTests
{
    [Fact]
    public void The_schema_example_loads_with_every_field()
    {
        var config = Load(Complete, "front-desk.json");
        Assert.Equal("front-desk.json", config.FileName);
        Assert.Equal("front-desk-1", config.Device.Id);
        Assert.Equal("Reception", config.Device.Name);
        Assert.Equal("201", config.Device.Extension);
        Assert.Equal("sim-desk-8", config.Device.Board);

        var a = Assert.Single(config.Accounts);
        Assert.Equal(("main", "201", "Reception", "office.example"), (a.Id, a.User, a.DisplayName, a.Domain));
        Assert.Equal(("201", "secret"), (a.AuthUser, a.Password));
        Assert.Equal("sip:127.0.0.1:5060", a.Registrar.ToString());
        Assert.True(a.OutboundProxy.IsLooseRouter);
        Assert.Equal("127.0.0.2", a.BackupProxy.Host);
        Assert.Equal(AccountTransport.Udp, a.Transport);
        Assert.Equal(600, a.Expires);
        Assert.Equal("sip:201@office.example", a.AddressOfRecord);
        Assert.Same(a, config.DefaultAccount);
        Assert.Same(a, config.FindAccount("main"));
        Assert.Null(config.FindAccount("Main"));

        Assert.Equal(6, config.KeyCount);
        Assert.Equal(
            new[] { KeyKind.Line, KeyKind.Blf, KeyKind.Shared, KeyKind.SpeedDial, KeyKind.Park, KeyKind.Feature },
            config.Keys.Select(k => k.Kind));
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, config.Keys.Select(k => k.Index));
        var shared = config.KeyAt(2);
        Assert.Equal("Ann (exec)", shared.Label);
        Assert.Equal("sip:203@office.example", shared.Target);
        Assert.Equal("203", shared.TargetUri.User);
        Assert.Same(a, shared.Account);
        Assert.Equal("main", shared.AccountId);
        Assert.Equal("dnd", config.KeyAt(5).Feature);
        Assert.Equal(KeyFeatures.Dnd, config.KeyAt(5).Feature);
        Assert.Null(config.KeyAt(5).Account);
        Assert.Equal(8, config.KeyAt(1).Line);

        Assert.False(config.Features.Dnd);
        Assert.True(config.Features.CallWaiting);
        Assert.False(config.Features.AutoAnswer);
        Assert.True(config.Features.AcceptOnlyFromProxy);
        Assert.Equal(200, config.Display.Contrast);
        Assert.True(config.Display.Clock24h);
    }

    [Fact]
    public void Left_out_fields_take_their_documented_defaults()
    {
        var config = Load(Minimal);
        var a = config.DefaultAccount;
        Assert.Equal("Desk", a.DisplayName);
        Assert.Equal("300", a.AuthUser);
        Assert.Equal("", a.Password);
        Assert.Null(a.OutboundProxy);
        Assert.Null(a.BackupProxy);
        Assert.Equal(AccountTransport.Udp, a.Transport);
        Assert.Equal(AccountConfig.DefaultExpires, a.Expires);
        Assert.Equal(0, config.KeyCount);
        Assert.Empty(config.KeysOnPage(1));
        Assert.Equal(1, config.PageCount);
        Assert.False(config.Features.Dnd);
        Assert.True(config.Features.CallWaiting);
        Assert.False(config.Features.AutoAnswer);
        Assert.True(config.Features.AcceptOnlyFromProxy);
        Assert.Equal(200, config.Display.Contrast);
        Assert.True(config.Display.Clock24h);
    }

    [Fact]
    public void Keys_without_a_label_are_labelled_from_their_target_or_kind()
    {
        var config = Load(WithKeys("""
            { "kind": "line", "account": "main" },
            { "kind": "line", "account": "second" },
            { "kind": "blf", "target": "sip:202@office.example" },
            { "kind": "park", "target": "sip:park.office.example" },
            { "kind": "speeddial", "target": "*97" },
            { "kind": "speeddial", "target": "sip:a-very-long-user-name-for-a-label@office.example" },
            { "kind": "feature", "feature": "volume-up" },
            { "kind": "feature", "feature": "dnd" }
            """));
        Assert.Equal(
            new[] { "Line 1", "Line 2", "202", "park.office.example", "*97", "a-very-long-user-name-fo", "Vol +", "DND" },
            config.Keys.Select(k => k.Label));
    }

    [Fact]
    public void Keys_are_grouped_by_page_in_file_order()
    {
        var config = Load(WithKeys("""
            { "kind": "line", "account": "main" },
            { "kind": "blf", "target": "sip:202@office.example", "page": 2 },
            { "kind": "blf", "target": "sip:203@office.example" },
            { "kind": "blf", "target": "sip:204@office.example", "page": 2 }
            """));
        Assert.Equal(new[] { 0, 2 }, config.KeysOnPage(1).Select(k => k.Index));
        Assert.Equal(new[] { 1, 3 }, config.KeysOnPage(2).Select(k => k.Index));
        Assert.Empty(config.KeysOnPage(3));
        Assert.Equal(2, config.PageCount);
    }

    [Fact]
    public void Keys_that_name_no_account_use_the_first_one_and_line_keys_use_theirs()
    {
        var config = Load(WithKeys("""
            { "kind": "line", "account": "second" },
            { "kind": "blf", "target": "sip:202@office.example" },
            { "kind": "shared", "target": "sip:203@office.example", "account": "second" }
            """));
        Assert.Equal(new[] { "second", "main", "second" }, config.Keys.Select(k => k.AccountId));
    }

    [Fact]
    public void A_speed_dial_may_be_a_plain_dial_string()
    {
        var key = Load(WithKeys("""{ "kind": "speeddial", "target": "+4930#12*" }""")).KeyAt(0);
        Assert.Equal("+4930#12*", key.Target);
        Assert.Null(key.TargetUri);
    }

    [Fact]
    public void A_sips_registrar_defaults_to_TLS()
    {
        var config = Load(Minimal.Replace("\"sip:127.0.0.1\"", "\"sips:registrar.office.example\""));
        Assert.Equal(AccountTransport.Tls, config.DefaultAccount.Transport);
    }

    [Fact]
    public void Copies_of_the_key_and_account_lists_cannot_change_the_config()
    {
        var config = Load(Complete);
        var keys = config.Keys;
        keys[0] = null!;
        config.Accounts[0] = null!;
        Assert.NotNull(config.KeyAt(0));
        Assert.NotNull(config.AccountAt(0));
    }
}
