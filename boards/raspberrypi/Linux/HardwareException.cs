// A device node that is missing, locked or refusing: the message says which and what to do.
namespace DeskPhone.Boards.RaspberryPi.Linux;

/// <summary>
/// Hardware could not be opened or used. The message names the device node and the fix, e.g.
/// "/dev/i2c-1: no such device — enable I2C with raspi-config". Startup prints it and exits non-zero.
/// </summary>
public sealed class HardwareException(string message) : Exception(message)
{
    /// <summary>"path: what went wrong — fix" for an errno from open().</summary>
    internal static HardwareException Open(string path, int errno, string missingHint, string permissionGroup) => errno switch
    {
        LibC.ENOENT or LibC.ENODEV or LibC.ENXIO => new HardwareException($"{path}: no such device — {missingHint}"),
        LibC.EACCES => new HardwareException($"{path}: permission denied — run as a member of group {permissionGroup} (the deskphone service user is)"),
        LibC.EBUSY => new HardwareException($"{path}: busy — another program holds it"),
        _ => new HardwareException($"{path}: {LibC.Describe(errno)}"),
    };
}
