// Each phone's device file from the office: shared keys from active pairings, pending ones to prompt, all loadable by the phone.
using DeskPhone.Firmware.Config;
using DeskPhone.Office.Generation;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;

namespace DeskPhone.Office.Tests.Generation;

public class DeviceFilesTests
{
    static DeviceConfig Load(OfficeDirectory office, string userId)
    {
        GeneratedDevice device = DeviceFiles.Generate(office).Single(d => d.User.Id == userId);
        Assert.True(DeviceConfigLoader.TryLoad(device.FileName, device.Text, out DeviceConfig config, out ConfigErrors errors), errors?.ToString());
        return config;
    }

    [Fact]
    public void An_assistant_gets_a_shared_key_per_active_pairing_with_its_permissions_whose_line_it_is_and_the_VIP_callers()
    {
        var office = TestOffice.Create();
        office.FindUser("ann")!.VipCallers.AddRange(new[] { "sip:+15550100@office.example", "0312345678" });
        office.Pair("ann", "bob", Permissions.Answer | Permissions.PickUpHeld | Permissions.Voicemail);
        office.Pair("reception", "bob", Permissions.PlaceCalls);

        string text = DeviceFiles.Generate(office).Single(d => d.User.Id == "bob").Text;
        DeviceConfig bob = Load(office, "bob");

        Assert.Contains("""
                { "kind": "shared", "label": "Ann (exec)", "target": "sip:203@office.example", "account": "main", "delegation": { "pairing": "p1", "for": "Ann Lee", "permissions": ["answer", "pickup", "voicemail"], "vip": ["sip:+15550100@office.example", "0312345678"] } },
            """, text);
        KeyConfig[] shared = bob.Keys.Where(k => k.Kind == KeyKind.Shared).ToArray();
        Assert.Equal(new[] { "sip:203@office.example", "sip:201@office.example" }, shared.Select(k => k.Target));
        KeyDelegation forAnn = shared[0].Delegation;
        Assert.Equal(("p1", "Ann Lee", false, true, true, true, false),
            (forAnn.PairingId, forAnn.For, forAnn.PlaceCalls, forAnn.Answer, forAnn.PickUpHeld, forAnn.Voicemail, forAnn.Recording));
        Assert.Equal(new[] { "sip:+15550100@office.example", "0312345678" }, Enumerable.Range(0, forAnn.VipCount).Select(forAnn.VipAt));
        Assert.Equal(("Reception (exec)", true, false, 0), (shared[1].Label, shared[1].Delegation.PlaceCalls, shared[1].Delegation.Answer, shared[1].Delegation.VipCount));
    }

    [Fact]
    public void The_generated_keys_are_the_lines_then_the_shared_keys_then_the_phones_own_keys()
    {
        var office = TestOffice.Create();
        office.Phones.Single(p => p.User == "bob").Keys.Add(new System.Text.Json.Nodes.JsonObject { ["kind"] = "blf", ["target"] = "sip:201@office.example" });
        office.Pair("ann", "bob");

        DeviceConfig bob = Load(office, "bob");

        Assert.Equal(new[] { KeyKind.Line, KeyKind.Line, KeyKind.Shared, KeyKind.Blf }, bob.Keys.Select(k => k.Kind));
        Assert.Equal(("Bob Stone", "202", "202", "bob-secret"), (bob.Device.Name, bob.Device.Extension, bob.DefaultAccount.User, bob.DefaultAccount.Password));
    }

    [Fact]
    public void Pending_pairings_are_listed_on_both_phones_and_only_the_side_that_answers_is_prompted()
    {
        var office = TestOffice.Create();
        Delegation.AddPairing(office, "ann", "bob", Actor.User("bob"), Permissions.PlaceCalls | Permissions.Answer);

        DeviceConfig ann = Load(office, "ann");
        DeviceConfig bob = Load(office, "bob");

        PendingPairing atAnn = ann.PendingPairingAt(0);
        PendingPairing atBob = bob.PendingPairingAt(0);
        Assert.Equal(("p1", PairingRole.Executive, "Bob Stone", "202", true), (atAnn.Id, atAnn.Role, atAnn.With, atAnn.Extension, atAnn.Prompt));
        Assert.Equal(("p1", PairingRole.Assistant, "Ann Lee", "203", false), (atBob.Id, atBob.Role, atBob.With, atBob.Extension, atBob.Prompt));
        Assert.True(atAnn.Requests("place") && atAnn.Requests("answer") && !atAnn.Requests("pickup"));
        Assert.Contains("""
              "pendingPairings": [
                { "id": "p1", "role": "executive", "with": "Bob Stone", "extension": "202", "permissions": ["place", "answer"], "prompt": true }
              ]
            """, DeviceFiles.Generate(office).Single(d => d.User.Id == "ann").Text);
    }

    [Fact]
    public void Pending_and_declined_pairings_give_no_shared_key_and_a_declined_one_is_not_listed()
    {
        var office = TestOffice.Create();
        Delegation.AddPairing(office, "ann", "bob", Actor.User("ann"));
        Delegation.AddPairing(office, "reception", "bob", Actor.User("reception"));
        Delegation.Decline(office, "p2", Actor.User("bob"));

        DeviceConfig bob = Load(office, "bob");

        Assert.DoesNotContain(bob.Keys, k => k.Kind == KeyKind.Shared);
        Assert.Equal(1, bob.PendingPairingCount);
        Assert.Equal("p1", bob.PendingPairingAt(0).Id);
    }

    [Fact]
    public void A_deactivated_users_phone_gets_no_device_file()
    {
        var office = TestOffice.Create();
        office.FindUser("dave")!.Active = false;

        Assert.DoesNotContain(DeviceFiles.Generate(office), d => d.User.Id == "dave");
        Assert.Equal(4, DeviceFiles.Generate(office).Count);
    }

    [Fact]
    public void A_long_executive_name_still_gives_a_label_of_at_most_24_characters()
    {
        var office = TestOffice.Create();
        office.FindUser("ann")!.Name = "Annabelle-Marguerite-Josephine Lee";
        office.Pair("ann", "bob");

        KeyConfig key = Load(office, "bob").Keys.Single(k => k.Kind == KeyKind.Shared);

        Assert.Equal("Annabelle-Marguer (exec)", key.Label);
        Assert.Equal("Annabelle-Marguerite-Josephine Lee", key.Delegation.For);
    }

    [Fact]
    public void An_executive_with_an_active_pairing_gets_a_shared_key_on_her_own_line_and_a_pending_one_gives_none()
    {
        var office = TestOffice.Create();
        Delegation.AddPairing(office, "ann", "bob", Actor.User("bob"));
        Assert.DoesNotContain(Load(office, "ann").Keys, k => k.Kind == KeyKind.Shared);

        office.Pair("ann", "reception");

        KeyConfig own = Load(office, "ann").Keys.Single(k => k.Kind == KeyKind.Shared);
        Assert.Equal((DeviceFiles.OwnSharedLabel, "sip:203@office.example", (KeyDelegation?)null), (own.Label, own.Target, own.Delegation));
        Assert.DoesNotContain(Load(office, "reception").Keys, k => k.Kind == KeyKind.Shared && k.Target == "sip:201@office.example");
    }

    [Fact]
    public void Every_device_file_of_a_busy_office_loads_through_the_phones_own_loader()
    {
        var office = TestOffice.Create(extraUsers: 10);
        for (int i = 1; i <= 10; i++) office.Pair("ann", "u" + i, i % 2 == 0 ? PermissionNames.Default : Permissions.Answer | Permissions.Recording);
        for (int i = 1; i <= 5; i++) Delegation.AddPairing(office, "u" + i, "bob", Actor.User("bob"));

        foreach (GeneratedDevice d in DeviceFiles.Generate(office))
        {
            Assert.True(DeviceConfigLoader.TryLoad(d.FileName, d.Text, out _, out ConfigErrors errors), d.FileName + ": " + errors);
        }
    }
}
