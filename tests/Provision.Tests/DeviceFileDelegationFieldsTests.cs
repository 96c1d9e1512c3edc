// The delegation fields the tool writes into device files, as the phone's own loader checks them (firmware/Config/DelegationSection.cs).
using DeskPhone.Firmware.Config;

namespace DeskPhone.Provision.Tests;

public class DeviceFileDelegationFieldsTests
{
    static string Device(string keys, string more = "") => $$"""
        {
          "device": { "id": "desk-2", "name": "Bob", "extension": "202", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "202", "domain": "office.example", "registrar": "sip:192.0.2.10" } ],
          "keys": [
            {{keys}}
          ]{{more}}
        }
        """;

    static string[] Errors(string text)
    {
        Assert.False(DeviceConfigLoader.TryLoad("desk.json", text, out _, out ConfigErrors errors));
        return Enumerable.Range(0, errors.Count).Select(i => errors[i].ToString()).ToArray();
    }

    [Fact]
    public void A_shared_key_takes_its_pairing_and_the_file_its_pending_pairings()
    {
        string text = Device(
            """{ "kind": "shared", "target": "sip:203@office.example", "delegation": { "pairing": "p1", "for": "Ann Lee", "permissions": ["place", "recording"], "vip": ["+15550100", "sip:boss@partner.example"] } }""",
            """, "pendingPairings": [ { "id": "p4", "role": "executive", "with": "Carol Diaz", "extension": "204", "permissions": [] } ]""");

        Assert.True(DeviceConfigLoader.TryLoad("desk.json", text, out DeviceConfig config, out ConfigErrors errors), errors?.ToString());

        KeyDelegation d = config.KeyAt(0).Delegation;
        Assert.Equal(("p1", "Ann Lee", true, false, false, false, true, 2), (d.PairingId, d.For, d.PlaceCalls, d.Answer, d.PickUpHeld, d.Voicemail, d.Recording, d.VipCount));
        PendingPairing p = config.PendingPairingAt(0);
        Assert.Equal(("p4", PairingRole.Executive, "Carol Diaz", "204", true, false), (p.Id, p.Role, p.With, p.Extension, p.Prompt, p.Requests("place")));
    }

    [Fact]
    public void A_shared_key_without_delegation_and_a_file_without_pending_pairings_still_load()
    {
        Assert.True(DeviceConfigLoader.TryLoad("desk.json", Device("""{ "kind": "shared", "target": "sip:203@office.example" }"""), out DeviceConfig config, out _));

        Assert.Null(config.KeyAt(0).Delegation);
        Assert.Equal(0, config.PendingPairingCount);
    }

    [Fact]
    public void Every_problem_in_the_delegation_fields_is_located()
    {
        string text = Device(
            """
            { "kind": "shared", "target": "sip:203@office.example", "delegation": { "for": "Ann", "permissions": ["place", "anwser", "place"], "vip": ["sip:x@", 7], "ring": 1 } },
                { "kind": "blf", "target": "sip:201@office.example", "delegation": { "for": "Reception", "permissions": [] } },
                { "kind": "shared", "target": "sip:204@office.example", "delegation": { "permissions": ["answer"] } }
            """,
            """, "pendingPairings": [ { "id": "p4", "role": "boss", "with": "Carol", "extension": "2O4", "permissions": ["place"] }, { "id": "p4", "role": "assistant", "with": "Dave", "extension": "205", "permissions": [], "prompt": "yes" } ]""");

        Assert.Equal(new[]
        {
            "desk.json:5:116: keys[0].delegation.permissions[1]: 'anwser' is not a permission (did you mean 'answer'?); expected one of place, answer, pickup, voicemail, recording",
            "desk.json:5:126: keys[0].delegation.permissions[2]: 'place' is listed twice",
            "desk.json:5:144: keys[0].delegation.vip[0]: 'sip:x@' is neither a SIP URI nor a dial string (digits, '*', '#' and '+')",
            "desk.json:5:154: keys[0].delegation.vip[1]: expected a string, found a number",
            "desk.json:5:158: keys[0].delegation.ring: unknown field 'ring' in keys[0].delegation",
            "desk.json:6:72: keys[1].delegation: 'delegation' does not apply to a blf key",
            "desk.json:7:75: keys[2].delegation: missing required field 'for'",
            "desk.json:8:49: pendingPairings[0].role: 'boss' is not a role; expected one of executive, assistant",
            "desk.json:8:87: pendingPairings[0].extension: '2O4' is not a dial string (digits, '*', '#' and '+')",
            "desk.json:8:130: pendingPairings[1].id: 'p4' is already the id of pendingPairings[0]",
            "desk.json:8:222: pendingPairings[1].prompt: expected true or false, found a string",
        }, Errors(text));
    }
}
