// The device file's additions for issue 5: "mailbox" and "ring" on accounts, "ring" on line keys, the history and voicemail features.
using DeskPhone.Firmware.Config;
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Config;

public class RingMailboxConfigTests
{
    [Fact]
    public void An_account_may_name_its_mailbox_and_its_ring()
    {
        var c = Load(WithAccountFields(""", "mailbox": "sip:*97@office.example", "ring": { "cadence": "vip", "volume": 9 } """));
        var a = c.DefaultAccount;
        Assert.Equal("sip:*97@office.example", a.Mailbox!.ToString());
        Assert.Equal((RingCadence.Vip, 9), (a.Ring!.Cadence, a.Ring.Volume));
    }

    [Fact]
    public void Without_them_there_is_no_mailbox_and_no_ring_and_a_ring_without_volume_leaves_it_to_the_user()
    {
        Assert.Null(Load(Minimal).DefaultAccount.Mailbox);
        Assert.Null(Load(Minimal).DefaultAccount.Ring);
        var c = Load(WithKeys("""{ "kind": "line", "account": "main", "ring": { "cadence": "triple" } }"""));
        Assert.Equal((RingCadence.Triple, -1), (c.KeyAt(0).Ring!.Cadence, c.KeyAt(0).Ring!.Volume));
        Assert.Equal(RingCadence.Standard, Load(WithKeys("""{ "kind": "line", "account": "main", "ring": { } }""")).KeyAt(0).Ring!.Cadence);
    }

    [Fact]
    public void History_and_voicemail_are_features_with_their_own_labels()
    {
        var c = Load(WithKeys("""{ "kind": "feature", "feature": "history" }, { "kind": "feature", "feature": "voicemail" }"""));
        Assert.Equal((KeyFeatures.History, "History"), (c.KeyAt(0).Feature, c.KeyAt(0).Label));
        Assert.Equal((KeyFeatures.Voicemail, "Voicemail"), (c.KeyAt(1).Feature, c.KeyAt(1).Label));
    }

    [Theory]
    [InlineData("""{ "kind": "line", "account": "main", "ring": { "cadence": "loud" } }""",
        "keys[0].ring.cadence: 'loud' is not a ring cadence; expected one of standard, short, triple, vip")]
    [InlineData("""{ "kind": "line", "account": "main", "ring": { "cadence": "tripple" } }""",
        "keys[0].ring.cadence: 'tripple' is not a ring cadence (did you mean 'triple'?); expected one of standard, short, triple, vip")]
    [InlineData("""{ "kind": "line", "account": "main", "ring": { "volume": 11 } }""",
        "keys[0].ring.volume: 11 is out of range (0-10)")]
    [InlineData("""{ "kind": "line", "account": "main", "ring": { "volume": "loud" } }""",
        "keys[0].ring.volume: expected a number, found a string")]
    [InlineData("""{ "kind": "line", "account": "main", "ring": { "cadance": "vip" } }""",
        "keys[0].ring.cadance: unknown field 'cadance' in keys[0].ring (did you mean 'cadence'?)")]
    [InlineData("""{ "kind": "line", "account": "main", "ring": "vip" }""",
        "keys[0].ring: expected an object, found a string")]
    [InlineData("""{ "kind": "blf", "target": "sip:202@office.example", "ring": { "cadence": "vip" } }""",
        "keys[0].ring: 'ring' does not apply to a blf key")]
    [InlineData("""{ "kind": "feature", "feature": "voicemale" }""",
        "keys[0].feature: 'voicemale' is not a feature (did you mean 'voicemail'?); expected one of dnd, ")]
    public void Wrong_rings_and_features_are_located_errors(string key, string message)
    {
        Assert.Contains(Messages(Errors(WithKeys(key))), m => m.StartsWith(message));
    }

    [Theory]
    [InlineData(""", "mailbox": "voicemail" """, "accounts[0].mailbox: 'voicemail' is not a SIP URI")]
    [InlineData(""", "ring": { "volume": -1 } """, "accounts[0].ring.volume: -1 is out of range (0-10)")]
    public void A_wrong_mailbox_or_account_ring_is_a_located_error(string fields, string start)
    {
        Assert.Contains(Messages(Errors(WithAccountFields(fields))), m => m.StartsWith(start));
    }
}
