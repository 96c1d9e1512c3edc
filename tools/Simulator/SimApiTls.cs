// HTTPS for a simulated phone's own control API: the PEM certificate and key named by "api.tls" are taken from beside the device file.
using DeskPhone.Firmware.Config;
using DeskPhone.Hal;

namespace DeskPhone.Simulator;

/// <summary>
/// At start, the files the device file's "api.tls" names ("certificate", "key"), when they are next to
/// the device file, are written into the phone's storage, where the firmware reads them at boot. A file
/// that is missing is left out: the phone then logs which one and keeps its API off (never plain HTTP).
/// </summary>
public static class SimApiTls
{
    /// <summary>Copies the certificate and key beside <paramref name="deviceFile"/> into <paramref name="storage"/>; how many were copied.</summary>
    public static int Seed(string deviceFile, DeviceConfig config, IStorage storage)
    {
        if (!config.Api.Https) return 0;
        int copied = 0;
        foreach (var name in new[] { config.Api.TlsCertificate, config.Api.TlsKey })
        {
            string path = Beside(deviceFile, name);
            if (!File.Exists(path)) continue;
            byte[] data = File.ReadAllBytes(path);
            if (!storage.WriteAtomic(name, data, 0, data.Length))
                throw new SimulatorException("could not put " + path + " into the storage of " + config.Device.Id);
            copied++;
        }
        return copied;
    }

    /// <summary>Copies the certificate and key beside <paramref name="deviceFile"/>, if any, beside <paramref name="copy"/> (a copy of the device file elsewhere).</summary>
    public static void CopyBeside(string deviceFile, string copy)
    {
        var config = SimPhone.LoadConfig(deviceFile);
        if (!config.Api.Https) return;
        foreach (var name in new[] { config.Api.TlsCertificate, config.Api.TlsKey })
        {
            string from = Beside(deviceFile, name);
            if (!File.Exists(from)) continue;
            string to = Beside(copy, name);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
        }
    }

    private static string Beside(string deviceFile, string name) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(deviceFile)) ?? ".", name);
}
