using DeskPhone.Softswitch;
// tools/softswitch/kamailio/kamailio.cfg is valid for every documented option, and its modules load.
using System.Diagnostics;
using DeskPhone.Interop.Tests.Harness;

namespace DeskPhone.Interop.Tests;

public sealed class SoftswitchConfigTests
{
    [Theory]
    [InlineData("")]
    [InlineData("LOOPBACK_MEDIA")]
    [InlineData("WITHOUT_PRESENCE")]
    [InlineData("WITHOUT_SCA")]
    [InlineData("WITHOUT_PRESENCE WITHOUT_SCA")]
    [InlineData("PAIRING_SERVICE=\"sip:127.0.0.1:5099\" CTL_SOCKET=\"unix:/tmp/deskphone-ctl-check\"")]
    public async Task The_softswitch_config_parses_with_each_option(string defines)
    {
        var kamailio = InteropTools.RequireExecutable("kamailio", "kamailio");
        var info = new ProcessStartInfo(kamailio)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add(Path.Combine(InteropTools.SoftswitchDir, "kamailio.cfg"));
        foreach (var d in defines.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            info.ArgumentList.Add("-A");
            info.ArgumentList.Add(d);
        }

        using var check = ProcessReaper.Start(info);
        var stdoutTask = check.StandardOutput.ReadToEndAsync();
        var stderr = await check.StandardError.ReadToEndAsync();
        var stdout = await stdoutTask;
        Assert.True(check.WaitForExit(15_000), "kamailio -c did not finish");
        ProcessReaper.Kill(check);

        Assert.True(check.ExitCode == 0, $"kamailio -c {defines} failed:\n{stderr}{stdout}");
    }

    [Fact]
    public void Presence_dialoginfo_and_sca_modules_load_in_the_running_softswitch()
    {
        var kamailio = new KamailioProcess().Start();
        kamailio.Dispose(); // drains Kamailio's output into the log

        var log = File.ReadAllText(kamailio.LogPath);

        Assert.DoesNotContain("ERROR: <core> [core/sr_module.c", log);
        Assert.Contains("sca_mod_init(): SCA initialized", log);
        Assert.Contains("pua_dialoginfo", log); // its start-up notes prove it was initialised
    }
}
