// provision: device files and softswitch data from office.json; a pairing change and a re-run change them, nothing by hand.
using DeskPhone.Firmware.Config;

namespace DeskPhone.Provision.Tests;

public class ProvisionCommandTests
{
    static string Read(string dir, params string[] path) => File.ReadAllText(Path.Combine(new[] { dir }.Concat(path).ToArray()));

    [Fact]
    public void Provision_writes_each_phones_device_file_and_the_softswitch_tables()
    {
        using var site = new ProvisionSite();
        site.AddOffice();

        var (code, output, errors) = site.Provision(site.Out, "--profiles", site.Profiles);

        Assert.Equal((0, ""), (code, errors));
        Assert.Contains($"assistant-bob: Bob Stone (202) -> {Path.Combine(site.Out, "devices", "assistant.json")}, 1 shared line(s)", output);
        Assert.Equal(new[] { "assistant.json", "executive.json", "reception.json" }, Directory.GetFiles(Path.Combine(site.Out, "devices")).Select(Path.GetFileName).Order());
        Assert.Equal(new[] { "delegation", "subscriber" }, Directory.GetFiles(Path.Combine(site.Out, "softswitch")).Select(Path.GetFileName).Order());
        Assert.Contains("3 subscriber(s), 1 active pairing(s)", output);
    }

    [Fact]
    public void The_committed_example_device_files_and_softswitch_tables_are_what_provision_generates_from_examples_office_json()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        string examples = Path.Combine(ProvisionSite.RepoRoot(), "examples");

        Assert.Equal(0, site.Provision(site.Out).Code);

        foreach (string sub in new[] { "devices", "softswitch" })
        {
            string[] generated = Directory.GetFiles(Path.Combine(site.Out, sub)).Select(Path.GetFileName).Order().ToArray()!;
            Assert.Equal(generated, Directory.GetFiles(Path.Combine(examples, sub)).Select(Path.GetFileName).Order().ToArray());
            foreach (string name in generated)
            {
                // If this fails: deskphone-provision provision --office examples/office.json --out examples
                Assert.True(Read(examples, sub, name) == Read(site.Out, sub, name), $"examples/{sub}/{name} differs from what examples/office.json generates");
            }
        }
    }

    [Fact]
    public void Changing_a_pairing_and_provisioning_again_changes_the_phones_and_the_softswitch_with_no_hand_edits()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        string first = Path.Combine(site.Root, "first"), second = Path.Combine(site.Root, "second"), third = Path.Combine(site.Root, "third");
        site.Provision(first);

        site.Office("permit", "--pairing", "p1", "--allow", "answer");
        site.Provision(second);
        site.Office("unpair", "--pairing", "p1");
        site.Office("pair", "--executive", "ann", "--assistant", "reception", "--as", "reception");
        site.Provision(third);

        Assert.Contains("\"permissions\": [\"place\", \"answer\", \"pickup\"]", Read(first, "devices", "assistant.json"));
        Assert.Contains("3:place/203/202:0:1:1:0", Read(first, "softswitch", "delegation"));
        Assert.Contains("\"delegation\": { \"pairing\": \"p1\", \"for\": \"Ann Lee\", \"permissions\": [\"answer\"] }", Read(second, "devices", "assistant.json"));
        Assert.DoesNotContain("place/203/202", Read(second, "softswitch", "delegation"));
        Assert.Contains("answer/203/202", Read(second, "softswitch", "delegation"));
        Assert.DoesNotContain("\"shared\"", Read(third, "devices", "assistant.json"));
        Assert.Equal("id(int,auto) key_name(string) key_type(int) value_type(int) key_value(string) expires(int) \n1:office:0:1:1:0\n", Read(third, "softswitch", "delegation"));
        Assert.Contains("{ \"id\": \"p1\", \"role\": \"executive\", \"with\": \"Reception\", \"extension\": \"201\", \"permissions\": [\"place\", \"answer\", \"pickup\"], \"prompt\": true }",
            Read(third, "devices", "executive.json"));
    }

    [Fact]
    public void Generated_device_files_load_through_the_phones_own_loader_and_carry_the_delegation()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        site.Provision(site.Out);
        string file = Path.Combine(site.Out, "devices", "assistant.json");

        Assert.True(DeviceConfigLoader.TryLoad(file, File.ReadAllText(file), out DeviceConfig bob, out ConfigErrors errors), errors?.ToString());
        KeyDelegation d = bob.Keys.Single(k => k.Kind == KeyKind.Shared).Delegation;
        Assert.Equal(("Ann Lee", true, true, true, false, false), (d.For, d.PlaceCalls, d.Answer, d.PickUpHeld, d.Voicemail, d.Recording));
    }

    [Fact]
    public void The_generated_devices_folder_is_what_build_takes()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        string generated = Path.Combine(site.Root, "office-out");
        site.Provision(generated);

        var (code, output, _) = site.Run("build", "--devices", Path.Combine(generated, "devices"), "--profiles", site.Profiles, "--out", site.Out);

        Assert.Equal(0, code);
        Assert.Contains("3 device(s) written", output);
    }

    [Fact]
    public void A_phone_key_the_phone_would_refuse_is_reported_in_the_generated_file_and_nothing_is_written()
    {
        using var site = new ProvisionSite();
        site.AddOffice(t => t.Replace("\"target\": \"sip:210@office.example\"", "\"target\": \"sip:210@\""));

        var (code, output, errors) = site.Provision(site.Out);

        Assert.Equal((1, ""), (code, output));
        Assert.StartsWith($"{Path.Combine(site.Out, "devices", "assistant.json")}:19:", errors);
        Assert.Contains("keys[4].target: 'sip:210@' is not a SIP URI", errors);
        Assert.EndsWith("1 error(s) in the device files generated from " + site.OfficePath + " (the phones' keys, account, features or display there, or their board); nothing written\n", errors);
        Assert.False(Directory.Exists(site.Out));
    }

    [Fact]
    public void With_board_profiles_a_phone_with_more_keys_than_its_board_is_refused()
    {
        using var site = new ProvisionSite();
        site.AddOffice(t => t.Replace("\"board\": \"sim-desk-8\",\n      \"file\": \"reception\"", "\"board\": \"esp32-lyrat\",\n      \"file\": \"reception\""));

        var (code, _, errors) = site.Provision(site.Out, "--profiles", site.Profiles);

        Assert.Equal(1, code);
        Assert.Contains("reception.json:20:5: keys[2]: page 1 has 7 keys but board 'esp32-lyrat' has 2 line keys", errors);
        Assert.False(Directory.Exists(site.Out));
    }

    [Fact]
    public void A_deactivated_users_phone_is_skipped_and_their_account_leaves_the_softswitch()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        site.Office("deactivate", "--user", "bob");

        var (_, output, _) = site.Provision(site.Out);

        Assert.Contains("assistant-bob: skipped, bob is deactivated", output);
        Assert.False(File.Exists(Path.Combine(site.Out, "devices", "assistant.json")));
        Assert.DoesNotContain(":202:", Read(site.Out, "softswitch", "subscriber"));
    }
}
