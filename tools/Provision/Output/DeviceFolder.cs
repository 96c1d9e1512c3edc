// OUT/<device-id>: the files build writes for one phone, and the checked way push and bundle read them.
using DeskPhone.Provision.Site;

namespace DeskPhone.Provision.Output;

/// <summary>
/// A device's build output: device.json and board.json exactly as the checked source files, plus
/// <see cref="Manifest"/>. <see cref="Open"/> verifies every checksum before anything is copied to a phone.
/// </summary>
public sealed class DeviceFolder
{
    public const string DeviceFile = "device.json";
    public const string BoardFile = "board.json";

    private DeviceFolder(string path, Manifest manifest)
    {
        Path = path;
        Manifest = manifest;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Its manifest.</summary>
    public Manifest Manifest { get; }

    /// <summary>The full paths of the files to copy to a phone, manifest last.</summary>
    public IReadOnlyList<string> Files =>
        Manifest.Files.Select(f => System.IO.Path.Combine(Path, f.Name)).Append(System.IO.Path.Combine(Path, Manifest.FileName)).ToList();

    /// <summary>Writes OUT/&lt;id&gt;/ for <paramref name="device"/>; returns the folder.</summary>
    public static string Write(string outDir, ProvisionedDevice device)
    {
        string folder = System.IO.Path.Combine(outDir, device.Id);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(System.IO.Path.Combine(folder, DeviceFile), device.DeviceBytes);
        File.WriteAllBytes(System.IO.Path.Combine(folder, BoardFile), device.BoardBytes);
        var manifest = new Manifest(device.Id, device.Board.Name, device.Board.Backend, new[]
        {
            Manifest.Describe(DeviceFile, device.DeviceBytes),
            Manifest.Describe(BoardFile, device.BoardBytes),
        });
        File.WriteAllBytes(System.IO.Path.Combine(folder, Manifest.FileName), manifest.ToBytes());
        return folder;
    }

    /// <summary>OUT/&lt;id&gt;/ as build left it; throws <see cref="ProvisionException"/> if it is missing or changed.</summary>
    public static DeviceFolder Open(string outDir, string deviceId)
    {
        string folder = System.IO.Path.Combine(outDir, deviceId);
        string manifestPath = System.IO.Path.Combine(folder, Manifest.FileName);
        if (!File.Exists(manifestPath))
        {
            string[] built = Directory.Exists(outDir)
                ? Directory.GetDirectories(outDir).Where(d => File.Exists(System.IO.Path.Combine(d, Manifest.FileName)))
                    .Select(System.IO.Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToArray()
                : Array.Empty<string>();
            throw new ProvisionException($"no build of device '{deviceId}' in {outDir}"
                + (built.Length == 0 ? "" : $" (built: {string.Join(", ", built)})")
                + "; run 'deskphone-provision build' first");
        }
        Manifest manifest = Manifest.Read(manifestPath);
        if (manifest.DeviceId != deviceId)
        {
            throw new ProvisionException($"{manifestPath} is for device '{manifest.DeviceId}', not '{deviceId}'");
        }
        foreach (ManifestFile file in manifest.Files)
        {
            string path = System.IO.Path.Combine(folder, file.Name);
            if (!File.Exists(path) || Manifest.Sha256Of(File.ReadAllBytes(path)) != file.Sha256)
            {
                throw new ProvisionException($"{path} does not match its checksum in {Manifest.FileName}; run 'deskphone-provision build' again");
            }
        }
        return new DeviceFolder(folder, manifest);
    }
}
