// push: copy one device's files to its Raspberry Pi and restart the phone service there.
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Provision.Cli;
using DeskPhone.Provision.Output;
using DeskPhone.Provision.Remote;

namespace DeskPhone.Provision.Commands;

/// <summary>
/// Verifies OUT/&lt;id&gt; against its manifest, copies device.json, board.json and manifest.json with
/// scp into a staging folder in the Pi user's home, then, in one ssh command, installs them into the
/// config folder with the owners and modes boards/raspberrypi/deploy/install.sh uses (the folder is
/// root:deskphone 0750, so a plain scp into it would fail) and restarts the service. The ssh and scp
/// programs are options, so an installer can point at a wrapper (and the tests at a recorder).
/// </summary>
public sealed class PushCommand : ICommand
{
    public const string DefaultRemoteDir = "/etc/deskphone";
    public const string DefaultService = "deskphone";
    public const string DefaultStaging = "deskphone-provision";

    public string Name => "push";
    public IReadOnlyCollection<string> OptionNames { get; } = new[] { "device-id", "pi", "out", "ssh", "scp", "remote-dir", "service", "staging" };
    public string Usage => "push --device-id ID --pi USER@HOST [--out OUT] [--ssh ssh] [--scp scp] [--remote-dir /etc/deskphone] [--service deskphone] [--staging deskphone-provision]";
    public string Summary => "copy OUT/ID's files to the Pi with scp, install them into /etc/deskphone and restart the phone service with ssh (OUT defaults to ./out)";

    public int Run(Options options, TextWriter output, TextWriter errors)
    {
        string id = options.Required("device-id");
        string pi = options.Required("pi");
        string outDir = options.Optional("out", "out");
        string ssh = options.Optional("ssh", "ssh");
        string scp = options.Optional("scp", "scp");
        string remoteDir = options.Optional("remote-dir", DefaultRemoteDir).TrimEnd('/');
        string service = options.Optional("service", DefaultService);
        string staging = options.Optional("staging", DefaultStaging).TrimEnd('/') + "/" + id;
        if (pi.StartsWith('-') || pi.Contains(' ')) throw new UsageException($"--pi '{pi}' is not USER@HOST");

        DeviceFolder folder = DeviceFolder.Open(outDir, id);
        if (folder.Manifest.Backend != BoardBackends.RaspberryPi)
        {
            throw new ProvisionException($"device '{id}' uses board '{folder.Manifest.Board}' (backend {folder.Manifest.Backend}); "
                + "push is for Raspberry Pi boards" + (folder.Manifest.Backend == BoardBackends.Esp32 ? " (use 'bundle --esp32' for an ESP32)" : ""));
        }

        Step(ssh, new[] { pi, "mkdir -p " + Quote(staging) }, output);
        Step(scp, folder.Files.Append(pi + ":" + staging + "/").ToList(), output);
        Step(ssh, new[] { pi, InstallAndRestart(staging, remoteDir, service) }, output);
        output.WriteLine($"{id}: pushed to {pi}:{remoteDir} and restarted {service}");
        return ProvisionApp.Ok;
    }

    /// <summary>
    /// The remote command: device.json root:SERVICE 0640 (it holds the SIP password), board.json and
    /// manifest.json root:root 0644, the staging copies removed, the service restarted.
    /// </summary>
    public static string InstallAndRestart(string staging, string remoteDir, string service)
    {
        string from = Quote(staging) + "/";
        string to = Quote(remoteDir) + "/";
        return string.Join(" && ", new[]
        {
            $"sudo install -m 0640 -o root -g {Quote(service)} {from}{DeviceFolder.DeviceFile} {to}{DeviceFolder.DeviceFile}",
            $"sudo install -m 0644 -o root -g root {from}{DeviceFolder.BoardFile} {to}{DeviceFolder.BoardFile}",
            $"sudo install -m 0644 -o root -g root {from}{Manifest.FileName} {to}{Manifest.FileName}",
            $"rm -r {Quote(staging)}",
            $"sudo systemctl restart {Quote(service)}",
        });
    }

    /// <summary>A word for the remote shell: left bare when it is plain, single-quoted otherwise.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '~')
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";

    private static void Step(string program, IReadOnlyList<string> arguments, TextWriter output)
    {
        string described = CommandRunner.Describe(program, arguments);
        output.WriteLine("$ " + described);
        CommandResult result = CommandRunner.Run(program, arguments);
        if (result.ExitCode != 0)
        {
            string detail = result.Errors.Trim();
            throw new ProvisionException($"'{described}' failed with exit code {result.ExitCode}" + (detail.Length == 0 ? "" : ": " + detail));
        }
    }
}
