// push copies a built device's files to its Pi with scp and restarts the service with ssh; fake programs record what ran.
namespace DeskPhone.Provision.Tests;

public class PushCommandTests
{
    private static ProvisionSite BuiltPiSite()
    {
        var site = new ProvisionSite();
        site.AddDevice("desk-9.json", ProvisionSite.Device("desk-9", "rpi-test-4"));
        Assert.Equal(0, site.Build().Code);
        return site;
    }

    [Fact]
    public void Push_stages_the_files_with_scp_then_installs_them_and_restarts_the_service_with_ssh()
    {
        using var site = BuiltPiSite();
        string ssh = site.FakeProgram("fake-ssh");
        string scp = site.FakeProgram("fake-scp");

        var (code, output, errors) = site.Run("push", "--device-id", "desk-9", "--pi", "pi@phone-9.lan", "--out", site.Out, "--ssh", ssh, "--scp", scp);

        Assert.Equal((0, ""), (code, errors));
        string folder = Path.Combine(site.Out, "desk-9");
        Assert.Equal(new[]
        {
            "== fake-ssh",
            "pi@phone-9.lan",
            "mkdir -p deskphone-provision/desk-9",
            "== fake-scp",
            Path.Combine(folder, "device.json"),
            Path.Combine(folder, "board.json"),
            Path.Combine(folder, "manifest.json"),
            "pi@phone-9.lan:deskphone-provision/desk-9/",
            "== fake-ssh",
            "pi@phone-9.lan",
            "sudo install -m 0640 -o root -g deskphone deskphone-provision/desk-9/device.json /etc/deskphone/device.json"
                + " && sudo install -m 0644 -o root -g root deskphone-provision/desk-9/board.json /etc/deskphone/board.json"
                + " && sudo install -m 0644 -o root -g root deskphone-provision/desk-9/manifest.json /etc/deskphone/manifest.json"
                + " && rm -r deskphone-provision/desk-9"
                + " && sudo systemctl restart deskphone",
        }, site.Calls());
        Assert.Contains("desk-9: pushed to pi@phone-9.lan:/etc/deskphone and restarted deskphone", output);
    }

    [Fact]
    public void The_remote_folder_and_service_name_can_be_changed_and_odd_ones_are_quoted_for_the_remote_shell()
    {
        using var site = BuiltPiSite();
        string ssh = site.FakeProgram("fake-ssh");
        string scp = site.FakeProgram("fake-scp");

        var (code, _, _) = site.Run("push", "--device-id", "desk-9", "--pi", "admin@10.0.0.9", "--out", site.Out,
            "--ssh", ssh, "--scp", scp, "--remote-dir", "/opt/desk phone/etc/", "--service", "deskphone-test");

        Assert.Equal(0, code);
        string install = site.Calls().Last();
        Assert.Contains("deskphone-provision/desk-9/device.json '/opt/desk phone/etc'/device.json", install);
        Assert.Contains("-g deskphone-test ", install);
        Assert.EndsWith("&& sudo systemctl restart deskphone-test", install);
    }

    [Fact]
    public void A_failed_copy_stops_before_the_restart_and_reports_scps_message()
    {
        using var site = BuiltPiSite();
        string ssh = site.FakeProgram("fake-ssh");
        string scp = site.FakeProgram("fake-scp", exitCode: 1, stderr: "Permission denied");

        var (code, _, errors) = site.Run("push", "--device-id", "desk-9", "--pi", "pi@phone-9.lan", "--out", site.Out, "--ssh", ssh, "--scp", scp);

        Assert.Equal(1, code);
        Assert.Contains("failed with exit code 1: Permission denied", errors);
        Assert.Equal(1, site.Calls().Count(line => line == "== fake-ssh")); // the mkdir only: no install, no restart
    }

    [Fact]
    public void Push_refuses_files_changed_since_the_build()
    {
        using var site = BuiltPiSite();
        string device = Path.Combine(site.Out, "desk-9", "device.json");
        File.AppendAllText(device, " ");
        string scp = site.FakeProgram("fake-scp");

        var (code, _, errors) = site.Run("push", "--device-id", "desk-9", "--pi", "pi@h", "--out", site.Out, "--ssh", scp, "--scp", scp);

        Assert.Equal(1, code);
        Assert.Equal($"deskphone-provision push: {device} does not match its checksum in manifest.json; run 'deskphone-provision build' again", errors.TrimEnd());
        Assert.Empty(site.Calls());
    }

    [Fact]
    public void Push_of_a_device_that_was_not_built_names_the_built_ones()
    {
        using var site = BuiltPiSite();

        var (code, _, errors) = site.Run("push", "--device-id", "desk-8", "--pi", "pi@h", "--out", site.Out);

        Assert.Equal(1, code);
        Assert.Equal($"deskphone-provision push: no build of device 'desk-8' in {site.Out} (built: desk-9); run 'deskphone-provision build' first", errors.TrimEnd());
    }

    [Fact]
    public void Push_refuses_a_device_whose_board_is_not_a_Raspberry_Pi()
    {
        using var site = new ProvisionSite();
        site.AddDevice("desk-9.json", ProvisionSite.Device("desk-9", "esp32-lyrat"));
        Assert.Equal(0, site.Build().Code);

        var (code, _, errors) = site.Run("push", "--device-id", "desk-9", "--pi", "pi@h", "--out", site.Out);

        Assert.Equal(1, code);
        Assert.Equal("deskphone-provision push: device 'desk-9' uses board 'esp32-lyrat' (backend esp32); push is for Raspberry Pi boards (use 'bundle --esp32' for an ESP32)", errors.TrimEnd());
    }
}
