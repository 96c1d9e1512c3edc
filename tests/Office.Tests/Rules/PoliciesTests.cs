// The office's call outcomes, recording policy and roles: what an admin may change, what is refused, and what each phone's device file gets.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Crypto;
using DeskPhone.Office.Files;
using DeskPhone.Office.Generation;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using RecordingMode = DeskPhone.Office.Model.RecordingMode;

namespace DeskPhone.Office.Tests.Rules;

public class PoliciesTests
{
    static DeviceConfig Load(OfficeDirectory office, string userId)
    {
        GeneratedDevice device = DeviceFiles.Generate(office).Single(d => d.User.Id == userId);
        Assert.True(DeviceConfigLoader.TryLoad(device.FileName, device.Text, out DeviceConfig config, out ConfigErrors errors), errors?.ToString());
        return config;
    }

    static OfficeDirectory WithOutcomes()
    {
        var office = TestOffice.Create();
        foreach (string label in new[] { "Reached", "Left voicemail", "No answer" }) Assert.True(Policies.AddOutcome(office, label).Ok);
        return office;
    }

    [Fact]
    public void Added_outcomes_get_ids_from_their_labels_and_reach_every_phone_in_order()
    {
        var office = WithOutcomes();
        Assert.Equal(new[] { "reached", "left-voicemail", "no-answer" }, office.Outcomes.Select(o => o.Id));
        DeviceConfig bob = Load(office, "bob");
        Assert.Equal(new[] { "Reached", "Left voicemail", "No answer" }, bob.EnabledOutcomes.Select(o => o.Label));
        Assert.Equal("left-voicemail", bob.OutcomeAt(1).Id);
    }

    [Fact]
    public void A_disabled_outcome_is_written_with_enabled_false_so_the_phones_stop_offering_it()
    {
        var office = WithOutcomes();
        Outcome done = Policies.SetOutcomeEnabled(office, "no-answer", false);
        Assert.Equal("outcome no-answer (\"No answer\") disabled: no longer offered; calls that have it keep it", done.Message);
        DeviceConfig bob = Load(office, "bob");
        Assert.Equal(3, bob.OutcomeCount);
        Assert.False(bob.OutcomeAt(2).Enabled);
        Assert.DoesNotContain("No answer", bob.EnabledOutcomes.Select(o => o.Label));
        Assert.True(Policies.SetOutcomeEnabled(office, "no-answer", true).Ok);
        Assert.Contains("No answer", Load(office, "bob").EnabledOutcomes.Select(o => o.Label));
    }

    [Fact]
    public void Renaming_keeps_the_id_and_deleting_takes_the_outcome_off_the_list()
    {
        var office = WithOutcomes();
        Assert.Equal("outcome reached renamed: \"Reached\" is now \"Spoke to them\" (calls already logged keep \"Reached\")",
            Policies.RenameOutcome(office, "reached", "Spoke to them").Message);
        Assert.True(Policies.DeleteOutcome(office, "no-answer").Ok);
        Assert.Equal(new[] { ("reached", "Spoke to them"), ("left-voicemail", "Left voicemail") }, office.Outcomes.Select(o => (o.Id, o.Label)));
    }

    [Theory]
    [InlineData("Reached", null, "outcome reached is already labelled \"Reached\"")]
    [InlineData("Reached again", "reached", "there is already an outcome 'reached' (Reached)")]
    [InlineData("A label far too long for the phone", null, "\"A label far too long for the phone\" is 34 characters long; a phone shows at most 24")]
    [InlineData("   ", null, "an outcome's label must not be empty")]
    [InlineData("!!!", null, "'' is not an outcome id (1-32 letters, digits, '-' and '_'); give one with --id")]
    public void A_wrong_outcome_is_refused_and_nothing_changes(string label, string? id, string why)
    {
        var office = WithOutcomes();
        Outcome refused = Policies.AddOutcome(office, label, id);
        Assert.Equal((false, why), (refused.Ok, refused.Message));
        Assert.Equal(3, office.Outcomes.Count);
    }

    [Fact]
    public void An_unknown_outcome_is_named_with_a_spelling_hint()
    {
        var office = WithOutcomes();
        Assert.Equal("no outcome 'reachd' (did you mean 'reached'?) (outcomes: reached, left-voicemail, no-answer)", Policies.DeleteOutcome(office, "reachd").Message);
    }

    [Fact]
    public void Only_an_admin_changes_the_outcome_list()
    {
        var office = WithOutcomes();
        Assert.Equal("only an admin can change the outcome list (bob is a user)", Policies.AddOutcome(office, "Sold", by: Actor.User("bob")).Message);
    }

    [Fact]
    public void At_most_twenty_outcomes()
    {
        var office = TestOffice.Create();
        for (int i = 1; i <= OutcomeChoice.Max; i++) Assert.True(Policies.AddOutcome(office, "Outcome " + i).Ok);
        Assert.False(Policies.AddOutcome(office, "One more").Ok);
    }

    [Fact]
    public void The_recording_policy_is_written_into_every_device_file()
    {
        var office = TestOffice.Create();
        Assert.Equal("recording forced: every call is recorded; downloads allowed; the far end is told",
            Policies.SetRecording(office, RecordingMode.Forced, download: true, notice: null).Message);
        foreach (GeneratedDevice d in DeviceFiles.Generate(office))
            Assert.Contains("\"recording\": { \"mode\": \"forced\", \"download\": true, \"notice\": true }", d.Text);
    }

    [Fact]
    public void A_phones_own_admin_PIN_goes_before_the_offices_and_only_its_hash_with_the_device_id_reaches_the_phone()
    {
        var office = TestOffice.Create();
        Assert.True(Policies.SetRoles(office, new Policies.RoleChange(AdminPin: "1234")).Ok);
        Assert.True(Policies.SetRoles(office, new Policies.RoleChange(AdminPin: "987654", Phone: "phone-bob")).Ok);
        Assert.Equal(Sha256.ComputeHex("phone-bob:987654"), Load(office, "bob").Roles.AdminPinSha256);
        Assert.Equal(Sha256.ComputeHex("phone-ann:1234"), Load(office, "ann").Roles.AdminPinSha256);
        Assert.DoesNotContain(DeviceFiles.Generate(office), d => d.Text.Contains("987654") || d.Text.Contains("\"1234\""));
    }

    [Fact]
    public void A_restricted_user_gets_restricted_phones_with_the_offices_emergency_and_internal_numbers()
    {
        var office = TestOffice.Create();
        Outcome done = Policies.SetRoles(office, new Policies.RoleChange(User: "bob", Restricted: true));
        Assert.Equal(new[] { "restricted phones may call only emergency numbers until internal patterns are set (--internal 2XX)" }, done.Warnings);
        Assert.True(Policies.SetRoles(office, new Policies.RoleChange(Emergency: new[] { "112" }, Internal: new[] { "2XX" })).Ok);
        PhoneRoles bob = Load(office, "bob").Roles;
        Assert.True(bob.Restricted);
        Assert.True(bob.IsEmergency("112") && !bob.IsEmergency("911"));
        Assert.True(bob.IsInternal("205"));
        Assert.False(Load(office, "ann").Roles.Restricted);
    }

    [Theory]
    [InlineData("12", null, null, "a PIN is 4-12 digits")]
    [InlineData(null, "nobody", null, "no user 'nobody' in the office")]
    [InlineData(null, null, true, "say whom to restrict: --user USER or --phone PHONE")]
    public void Wrong_roles_are_refused(string? pin, string? user, bool? restricted, string why)
    {
        var office = TestOffice.Create();
        Outcome refused = Policies.SetRoles(office, new Policies.RoleChange(AdminPin: pin, User: user, Restricted: restricted ?? (user != null ? true : null)));
        Assert.False(refused.Ok);
        Assert.StartsWith(why, refused.Message);
        Assert.Null(office.Roles);
    }

    [Fact]
    public void Policies_survive_a_save_and_reload_of_office_json()
    {
        var office = WithOutcomes();
        Policies.SetOutcomeEnabled(office, "no-answer", false);
        Policies.SetRecording(office, RecordingMode.On, false, true);
        Policies.SetRoles(office, new Policies.RoleChange(AdminPin: "4711", Internal: new[] { "2XX" }));
        Policies.SetRoles(office, new Policies.RoleChange(User: "bob", Restricted: true));
        Policies.SetRoles(office, new Policies.RoleChange(Phone: "phone-ann", Restricted: true));
        string text = OfficeFile.Format(office);
        OfficeDirectory back = OfficeFile.Parse("office.json", text);
        Assert.Equal(text, OfficeFile.Format(back));
        Assert.False(back.FindOutcome("no-answer")!.Enabled);
        Assert.Equal(("4711", RecordingMode.On, true, true), (back.Roles!.AdminPin, back.Recording!.Mode, back.FindUser("bob")!.Restricted, back.FindPhone("phone-ann")!.Restricted));
    }

    [Fact]
    public void A_hand_edited_outcome_list_with_mistakes_is_reported_with_file_line_and_column()
    {
        string text = OfficeFile.Format(WithOutcomes()).Replace("\"id\": \"no-answer\"", "\"id\": \"reached\"");
        var policies = """
              "recording": { "mode": "sometimes" },
              "roles": { "adminPin": "12ab", "internal": ["2YY"] },
            """;
        text = text.Replace("  \"users\":", policies + "\n  \"users\":");
        Assert.False(OfficeFile.TryParse("office.json", text, out _, out var errors));
        string[] lines = errors.Select(e => e.ToString()).ToArray();
        Assert.Contains(lines, l => l.StartsWith("office.json:7:") && l.Contains("outcomes[2].id: 'reached' is already the id of another outcome"));
        Assert.Contains(lines, l => l.Contains("recording.mode: 'sometimes' is not one of off, on, forced"));
        Assert.Contains(lines, l => l.Contains("roles.adminPin: a PIN is 4-12 digits"));
        Assert.Contains(lines, l => l.Contains("roles.internal: '2YY' is not a number pattern"));
    }
}
