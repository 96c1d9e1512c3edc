// A device file and its board profile, both checked, ready to be written out.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Config.Board;

namespace DeskPhone.Provision.Site;

/// <summary>One phone of the site: its device file and board profile exactly as written, and what they mean.</summary>
public sealed record ProvisionedDevice(string DeviceFile, byte[] DeviceBytes, DeviceConfig Config, string BoardFile, byte[] BoardBytes, BoardProfile Board)
{
    /// <summary>device.id.</summary>
    public string Id => Config.Device.Id;
}
