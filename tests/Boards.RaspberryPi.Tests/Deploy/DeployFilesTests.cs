// The systemd unit and the scripts an installer runs: present, well-formed, saying what the README says.
using System.Diagnostics;

namespace DeskPhone.Boards.RaspberryPi.Tests.Deploy;

public sealed class DeployFilesTests
{
    private static string Deploy(string file) => Checkout.Path("boards", "raspberrypi", "deploy", file);

    private static Dictionary<string, string> UnitSettings()
    {
        var settings = new Dictionary<string, string>();
        foreach (string line in File.ReadAllLines(Deploy("deskphone.service")))
        {
            if (line.Length == 0 || line[0] is '#' or '[') continue;
            int eq = line.IndexOf('=');
            settings[line[..eq]] = line[(eq + 1)..];
        }
        return settings;
    }

    [Fact]
    public void Service_restarts_on_failure_but_not_after_a_configuration_error()
    {
        var unit = UnitSettings();
        Assert.Equal("on-failure", unit["Restart"]);
        Assert.Equal(Program.ConfigError.ToString(), unit["RestartPreventExitStatus"]);
    }

    [Fact]
    public void Service_runs_as_deskphone_with_the_device_groups_a_state_directory_and_journal_output()
    {
        var unit = UnitSettings();
        Assert.Equal("deskphone", unit["User"]);
        Assert.Equal(["gpio", "i2c", "audio"], unit["SupplementaryGroups"].Split(' '));
        Assert.Equal("deskphone", unit["StateDirectory"]);
        Assert.Equal("journal", unit["StandardOutput"]);
        Assert.Equal("journal", unit["StandardError"]);
        Assert.Equal("multi-user.target", unit["WantedBy"]);
    }

    [Fact]
    public void Service_starts_the_installed_program_on_the_installed_files()
    {
        var unit = UnitSettings();
        Assert.Equal("/opt/deskphone/deskphone-pi --device /etc/deskphone/device.json --board /etc/deskphone/board.json --state /var/lib/deskphone", unit["ExecStart"]);
        Assert.True(Program.TryParse(unit["ExecStart"].Split(' ')[1..], out var options, out _));
        Assert.Equal("/var/lib/deskphone", options.StateDirectory);
    }

    [Theory]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    [InlineData("install.sh", "bash")]
    [InlineData("publish.sh", "sh")]
    public void Script_parses_and_is_executable(string script, string shell)
    {
        string path = Deploy(script);
        Assert.True((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, script + " is not executable");
        var psi = new ProcessStartInfo(shell) { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-n");
        psi.ArgumentList.Add(path);
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, script + ": " + err);
    }

    [Fact]
    public void Install_script_checks_the_gpio_chip_i2c_bus_and_sound_card_and_runs_the_programs_check()
    {
        string script = File.ReadAllText(Deploy("install.sh"));
        Assert.Contains("/dev/gpiochip", script);
        Assert.Contains("/dev/i2c-", script);
        Assert.Contains("/proc/asound/", script);
        Assert.Contains("deskphone-pi\" --check", script);
        Assert.Contains("systemctl enable deskphone", script);
    }

    [Fact]
    public void The_example_device_file_is_for_a_shipped_pi_profile()
    {
        string text = File.ReadAllText(Deploy("device.example.json"));
        Assert.True(DeskPhone.Firmware.Config.DeviceConfigLoader.TryLoad("device.example.json", text, out var config, out var errors), errors?.ToString());
        Assert.True(File.Exists(Checkout.Path("boards", "profiles", config.Device.Board + ".json")));
    }
}
