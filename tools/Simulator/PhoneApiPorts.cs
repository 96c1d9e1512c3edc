// Where each simulated phone's own control API (the device file's "api", for CRMs) listens.
using DeskPhone.Firmware.Config;

namespace DeskPhone.Simulator;

public sealed partial record HostOptions
{
    /// <summary>
    /// The port of every phone's own control API (device file "api", click-to-call from a CRM):
    /// null = each device file's "api.port", except that a port an earlier phone of this simulator
    /// already has becomes any free port; 0 = any free port for every phone (tests). Read the port
    /// chosen from GET /api/phones/{id} ("phoneApiPort").
    /// </summary>
    public int? PhoneApiPort { get; init; }
}

/// <summary>Chooses the phone API port of each simulated phone (they share 127.0.0.1).</summary>
internal static class PhoneApiPorts
{
    /// <summary>The override for the phone about to be built after <paramref name="earlier"/>: -1 keeps the file's port.</summary>
    public static int Choose(HostOptions options, DeviceConfig config, IEnumerable<SimPhone> earlier)
    {
        if (!config.Api.Enabled) return -1;
        if (options.PhoneApiPort != null) return options.PhoneApiPort.Value;
        bool taken = earlier.Any(p => p.Config.Api.Enabled && p.Config.Api.Port == config.Api.Port && p.Firmware.ApiPortOverride < 0);
        return taken ? 0 : -1;
    }
}
