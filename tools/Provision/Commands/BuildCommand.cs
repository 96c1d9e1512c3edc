// build: check every device file and its board profile; write OUT/<device-id>/ for each.
using DeskPhone.Provision.Cli;
using DeskPhone.Provision.Output;
using DeskPhone.Provision.Site;

namespace DeskPhone.Provision.Commands;

/// <summary>
/// Checks the whole site first; only when no file has an error does it write anything, so a typo
/// never leaves half a site provisioned.
/// </summary>
public sealed class BuildCommand : ICommand
{
    public string Name => "build";
    public IReadOnlyCollection<string> OptionNames { get; } = new[] { "devices", "profiles", "out" };
    public string Usage => "build --devices DIR --profiles DIR --out OUT";
    public string Summary => "check every DIR/*.json device file and its board profile; write OUT/<device-id>/device.json, board.json, manifest.json";

    public int Run(Options options, TextWriter output, TextWriter errors)
    {
        string devices = options.Required("devices");
        string profiles = options.Required("profiles");
        string outDir = options.Required("out");
        SiteCheckResult result = SiteCheck.Run(devices, profiles);
        if (!result.Ok)
        {
            foreach (SiteError error in result.Errors) errors.WriteLine(error);
            int files = result.Errors.Select(e => e.File).Distinct().Count();
            errors.WriteLine($"{result.Errors.Count} error(s) in {files} file(s); nothing written");
            return ProvisionApp.Failed;
        }
        foreach (ProvisionedDevice device in result.Devices)
        {
            string folder = DeviceFolder.Write(outDir, device);
            output.WriteLine($"{device.Id}: board {device.Board.Name} ({device.Board.Backend}) -> {folder}");
        }
        output.WriteLine($"{result.Devices.Count} device(s) written to {outDir}");
        return ProvisionApp.Ok;
    }
}
