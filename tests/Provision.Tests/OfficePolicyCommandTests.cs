// The admin's commands for call outcomes, recording and roles: saved only when allowed, and carried into every device file by provision.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Crypto;

namespace DeskPhone.Provision.Tests;

public class OfficePolicyCommandTests
{
    static DeviceConfig Device(ProvisionSite site, string name)
    {
        string text = File.ReadAllText(Path.Combine(site.Out, "devices", name + ".json"));
        Assert.True(DeviceConfigLoader.TryLoad(name + ".json", text, out DeviceConfig config, out ConfigErrors errors), errors?.ToString());
        return config;
    }

    [Fact]
    public void An_admin_adds_renames_disables_and_deletes_outcomes_and_provision_gives_the_phones_the_list()
    {
        using var site = new ProvisionSite();
        site.AddOffice();

        var added = site.Office("outcome", "add", "--label", "Demo booked", "--id", "demo");
        var renamed = site.Office("outcome", "rename", "--id", "reached", "--label", "Spoke to them");
        var disabled = site.Office("outcome", "disable", "--id", "no-answer");
        var deleted = site.Office("outcome", "delete", "--id", "call-back-later");
        var listed = site.Office("outcome", "list");

        Assert.Equal((0, ""), (added.Code, added.Errors));
        Assert.StartsWith("outcome demo added: \"Demo booked\"\n", added.Output);
        Assert.Equal(0, renamed.Code + disabled.Code + deleted.Code);
        Assert.Equal("outcomes:\n  reached              Spoke to them\n  left-voicemail       Left voicemail\n  no-answer            No answer  (disabled)\n  demo                 Demo booked\n", listed.Output);
        Assert.Equal(0, site.Provision(site.Out).Code);
        DeviceConfig reception = Device(site, "reception");
        Assert.Equal(4, reception.OutcomeCount);
        Assert.Equal(new[] { "Spoke to them", "Left voicemail", "Demo booked" }, reception.EnabledOutcomes.Select(o => o.Label));
    }

    [Fact]
    public void A_refused_outcome_change_exits_with_1_says_why_and_leaves_the_file_as_it_was()
    {
        using var site = new ProvisionSite();
        string path = site.AddOffice();
        byte[] before = File.ReadAllBytes(path);

        var twice = site.Office("outcome", "add", "--label", "Reached");
        var unknown = site.Office("outcome", "enable", "--id", "reachd");
        var byUser = site.Office("outcome", "delete", "--id", "reached", "--as", "bob");

        Assert.Equal((1, "refused: outcome reached is already labelled \"Reached\"\n"), (twice.Code, twice.Errors));
        Assert.Equal((1, "refused: no outcome 'reachd' (did you mean 'reached'?) (outcomes: reached, left-voicemail, no-answer, call-back-later)\n"), (unknown.Code, unknown.Errors));
        Assert.Equal((1, "refused: only an admin can change the outcome list (bob is a user)\n"), (byUser.Code, byUser.Errors));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_missing_option_is_a_usage_error_naming_the_three_word_command()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        var (code, _, errors) = site.Office("outcome", "rename", "--id", "reached");
        Assert.Equal(2, code);
        Assert.StartsWith("deskphone-provision office outcome rename: --label is required\nusage: office outcome rename --id ID --label", errors);
    }

    [Fact]
    public void The_recording_policy_is_stored_and_written_into_every_device_file()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        var set = site.Office("recording", "forced", "--download", "yes", "--notice", "no");
        var wrong = site.Office("recording", "on", "--download", "maybe");

        Assert.StartsWith("recording forced: every call is recorded; downloads allowed; the far end is not told\n", set.Output);
        Assert.Equal(2, wrong.Code);
        Assert.Contains("--download is yes or no, not 'maybe'", wrong.Errors);
        Assert.Contains("\"recording\": { \"mode\": \"forced\", \"download\": true, \"notice\": false }", File.ReadAllText(site.OfficePath));
        Assert.Equal(0, site.Provision(site.Out).Code);
        foreach (string name in new[] { "reception", "assistant", "executive" })
            Assert.Contains("\"recording\": { \"mode\": \"forced\", \"download\": true, \"notice\": false }", File.ReadAllText(Path.Combine(site.Out, "devices", name + ".json")));
    }

    [Fact]
    public void Roles_set_with_the_tool_reach_the_phones_as_a_PIN_hash_and_a_restriction()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        var pin = site.Office("roles", "--admin-pin", "4711");
        var own = site.Office("roles", "--admin-pin", "2468", "--phone", "exec-ann");
        var restricted = site.Office("roles", "--restricted", "yes", "--user", "bob");
        var numbers = site.Office("roles", "--emergency", "112,999", "--internal", "2XX,7XX");
        var shown = site.Office("show");

        Assert.Equal(0, pin.Code + own.Code + restricted.Code + numbers.Code);
        Assert.StartsWith("bob's phones restricted: answer calls, dial only emergency and internal numbers, settings locked\n", restricted.Output);
        Assert.Contains("roles: admin PIN set, emergency 112, 999, internal 2XX, 7XX", shown.Output);
        Assert.Contains("(restricted)", shown.Output);
        Assert.Equal(0, site.Provision(site.Out).Code);
        DeviceConfig bob = Device(site, "assistant");
        Assert.True(bob.Roles.Restricted);
        Assert.Equal(Sha256.ComputeHex("assistant-bob:4711"), bob.Roles.AdminPinSha256);
        Assert.Equal(Sha256.ComputeHex("exec-ann:2468"), Device(site, "executive").Roles.AdminPinSha256);
        Assert.False(Device(site, "reception").Roles.Restricted);
        Assert.True(bob.Roles.IsEmergency("999") && bob.Roles.IsInternal("701"));
    }

    [Fact]
    public void A_broken_policy_in_office_json_is_reported_with_file_line_and_column()
    {
        using var site = new ProvisionSite();
        string path = site.AddOffice(text => text.Replace("\"mode\": \"on\"", "\"mode\": \"always\""));
        var (code, _, errors) = site.Office("outcome", "list");
        Assert.Equal(1, code);
        Assert.Equal($"{path}:10:26: recording.mode: 'always' is not one of off, on, forced\n1 error(s) in {path}; nothing changed\n", errors);
    }
}
