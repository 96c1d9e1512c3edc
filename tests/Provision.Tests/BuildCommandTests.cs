// build checks a whole site with the phones' own loaders and writes each device's folder only when every file is clean.
using System.Security.Cryptography;
using System.Text.Json;

namespace DeskPhone.Provision.Tests;

public class BuildCommandTests
{
    [Fact]
    public void Build_writes_device_board_and_manifest_files_for_every_device()
    {
        using var site = new ProvisionSite();
        site.AddDevice("reception.json", ProvisionSite.Example("reception"));
        site.AddDevice("desk-9.json", ProvisionSite.Device("desk-9", "esp32-lyrat"));

        var (code, output, errors) = site.Build();

        Assert.Equal((0, ""), (code, errors));
        Assert.Contains("reception-1: board sim-desk-8 (simulator)", output);
        Assert.Contains("desk-9: board esp32-lyrat (esp32)", output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Devices, "reception.json")), File.ReadAllBytes(Path.Combine(site.Out, "reception-1", "device.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Profiles, "esp32-lyrat.json")), File.ReadAllBytes(Path.Combine(site.Out, "desk-9", "board.json")));
    }

    [Fact]
    public void The_manifest_names_device_board_and_backend_and_holds_each_files_SHA256()
    {
        using var site = new ProvisionSite();
        site.AddDevice("desk-9.json", ProvisionSite.Device("desk-9", "rpi-test-4"));
        Assert.Equal(0, site.Build().Code);

        string folder = Path.Combine(site.Out, "desk-9");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(("desk-9", "rpi-test-4", "raspberrypi"), (root.GetProperty("deviceId").GetString(), root.GetProperty("board").GetString(), root.GetProperty("backend").GetString()));
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(new[] { "device.json", "board.json" }, files.Select(f => f.GetProperty("name").GetString()));
        foreach (var file in files)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(folder, file.GetProperty("name").GetString()!));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
            Assert.Equal(bytes.Length, file.GetProperty("bytes").GetInt64());
        }
    }

    [Fact]
    public void Every_error_of_every_file_is_reported_with_file_line_and_column_and_nothing_is_written()
    {
        using var site = new ProvisionSite();
        string a = site.AddDevice("a.json", ProvisionSite.Device("a", "sim-desk-8").Replace("\"extension\": \"301\"", "\"extension\": \"3O1\""));
        string b = site.AddDevice("b.json", ProvisionSite.Device("b", "sim-desk-8").Replace("\"registrar\"", "\"registar\""));
        site.AddDevice("c.json", ProvisionSite.Device("c", "sim-desk-8"));

        var (code, output, errors) = site.Build();

        Assert.Equal(1, code);
        Assert.Equal(new[]
        {
            $"{a}:2:57: device.extension: '3O1' is not a dial string (digits, '*', '#' and '+')",
            $"{b}:3:17: accounts[0]: missing required field 'registrar'",
            $"{b}:3:76: accounts[0].registar: unknown field 'registar' in accounts[0] (did you mean 'registrar'?)",
            "3 error(s) in 2 file(s); nothing written",
        }, errors.TrimEnd().Split('\n'));
        Assert.Equal("", output);
        Assert.False(Directory.Exists(site.Out));
    }

    [Fact]
    public void A_device_naming_a_board_without_a_profile_is_an_error_at_its_board_field()
    {
        using var site = new ProvisionSite();
        string file = site.AddDevice("a.json", ProvisionSite.Device("a", "sim-desk-9"));

        var (code, _, errors) = site.Build();

        Assert.Equal(1, code);
        Assert.StartsWith($"{file}:2:73: device.board: no board profile 'sim-desk-9' in {site.Profiles} (profiles: ", errors);
        Assert.Contains("rpi-test-4, sim-desk-16-mono, sim-desk-8)", errors);
    }

    [Fact]
    public void A_broken_board_profile_is_reported_once_under_its_own_file_name()
    {
        using var site = new ProvisionSite();
        string profile = Path.Combine(site.Profiles, "rpi-test-4.json");
        File.WriteAllText(profile, ProvisionSite.PiProfile.Replace("\"pin\": 6", "\"pin\": 5"));
        site.AddDevice("a.json", ProvisionSite.Device("a", "rpi-test-4"));
        site.AddDevice("b.json", ProvisionSite.Device("b", "rpi-test-4", "302"));

        var (code, _, errors) = site.Build();

        Assert.Equal(1, code);
        Assert.Equal(new[]
        {
            $"{profile}:9:67: keys[1].pin: GPIO 5 is already used by keys[0].pin",
            "1 error(s) in 1 file(s); nothing written",
        }, errors.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Two_devices_with_the_same_id_are_an_error_at_the_second_ones_id()
    {
        using var site = new ProvisionSite();
        string first = site.AddDevice("a.json", ProvisionSite.Device("front", "sim-desk-8"));
        string second = site.AddDevice("b.json", ProvisionSite.Device("front", "sim-desk-8", "302"));

        var (code, _, errors) = site.Build();

        Assert.Equal(1, code);
        Assert.StartsWith($"{second}:2:21: device.id: 'front' is already the id of {first}", errors);
    }

    [Fact]
    public void A_page_with_more_keys_than_the_board_has_line_keys_is_an_error_at_the_first_key_that_does_not_fit()
    {
        using var site = new ProvisionSite();
        string file = site.AddDevice("reception.json", ProvisionSite.Example("reception", t => t.Replace("\"sim-desk-8\"", "\"esp32-lyrat\"")));

        var (code, _, errors) = site.Build();

        Assert.Equal(1, code);
        Assert.StartsWith($"{file}:20:5: keys[2]: page 1 has 7 keys but board 'esp32-lyrat' has 2 line keys; move keys to another page (\"page\": 2)", errors);
    }

    [Fact]
    public void The_example_office_builds_against_the_shipped_profiles()
    {
        using var site = new ProvisionSite();
        foreach (string name in new[] { "reception", "executive", "assistant" }) site.AddDevice(name + ".json", ProvisionSite.Example(name));

        var (code, output, _) = site.Build();

        Assert.Equal(0, code);
        Assert.Contains("3 device(s) written", output);
        Assert.Equal(new[] { "assistant-bob", "exec-ann", "reception-1" }, Directory.GetDirectories(site.Out).Select(Path.GetFileName).Order());
    }
}
