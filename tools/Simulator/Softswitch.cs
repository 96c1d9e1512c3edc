// Starts the real Kamailio the simulated phones register with (demo, or run --softswitch).
using DeskPhone.Firmware.Config;
using DeskPhone.Softswitch;

namespace DeskPhone.Simulator;

/// <summary>The softswitch for a simulator run: Kamailio on 127.0.0.1:5060 with the devices' accounts as subscribers.</summary>
public static class Softswitch
{
    /// <summary>The port the example devices register to.</summary>
    public const int Port = 5060;

    /// <summary>
    /// Starts Kamailio for the accounts in <paramref name="deviceFiles"/> whose registrar is
    /// 127.0.0.1:5060. When the device files come from 'deskphone-provision provision' (OUT/devices,
    /// with OUT/softswitch beside it: the demo's examples/ and .sim/office), Kamailio gets that
    /// office's subscribers and delegation permissions too. Returns null (after saying why) when it cannot: the phones then show
    /// "Registration failed", which is what they would show with the softswitch down.
    /// </summary>
    public static KamailioProcess? Start(IEnumerable<string> deviceFiles, TextWriter say)
    {
        var accounts = new List<AccountConfig>();
        foreach (var file in deviceFiles)
        {
            var config = SimPhone.LoadConfig(file);
            accounts.AddRange(config.Accounts.Where(a => a.Registrar.Host == "127.0.0.1" && (a.Registrar.HasPort ? a.Registrar.Port : 5060) == Port));
        }
        if (accounts.Count == 0)
        {
            say.WriteLine("softswitch: no account registers to 127.0.0.1:5060, not starting Kamailio");
            return null;
        }
        string log = Checkout.Path(".sim", "kamailio.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var kamailio = new KamailioProcess(accounts[0].Domain, Port, log);
        string? office = OfficeData(deviceFiles);
        if (office != null)
            kamailio.UseOfficeData(office);
        else
            foreach (var a in accounts.GroupBy(a => a.AuthUser ?? a.User).Select(g => g.First()))
                kamailio.AddSubscriber(a.AuthUser ?? a.User, a.Password ?? "");
        try
        {
            kamailio.Start();
            say.WriteLine($"softswitch: Kamailio on 127.0.0.1:{Port}, domain {kamailio.Domain}, "
                + (office == null ? $"{accounts.Count} subscriber(s)" : $"the office's subscribers and pairings from {office}") + $"; log {log}");
            return kamailio;
        }
        catch (Exception e) when (e is InteropSetupException or InvalidOperationException)
        {
            kamailio.Dispose();
            say.WriteLine("softswitch: not started: " + e.Message.Split('\n')[0]);
            say.WriteLine("           the phones will show 'Registration failed'. Install it with tools/setup/install-packages.sh tools/setup/demo-packages.txt");
            return null;
        }
    }

    /// <summary>DIR/softswitch when every device file is in DIR/devices and the generated tables are there; else null.</summary>
    private static string? OfficeData(IEnumerable<string> deviceFiles)
    {
        var folders = deviceFiles.Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!).Distinct().ToList();
        if (folders.Count != 1 || Path.GetFileName(folders[0]) != "devices") return null;
        string dir = Path.Combine(Path.GetDirectoryName(folders[0])!, "softswitch");
        return File.Exists(Path.Combine(dir, "subscriber")) && File.Exists(Path.Combine(dir, "delegation")) ? dir : null;
    }
}
