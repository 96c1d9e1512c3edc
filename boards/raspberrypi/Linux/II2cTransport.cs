// Writes to one I2C device: the seam between the OLED driver and /dev/i2c-N (tests fake it).
namespace DeskPhone.Boards.RaspberryPi.Linux;

/// <summary>One I2C peripheral at a fixed address; each write is one I2C transaction (START … STOP).</summary>
internal interface II2cTransport
{
    /// <summary>Where the device is, for messages ("/dev/i2c-1 0x3C").</summary>
    string Name { get; }

    /// <summary>Sends <paramref name="bytes"/> in one transaction; false when the device did not take them.</summary>
    bool Write(ReadOnlySpan<byte> bytes);

    /// <summary>Why the last write failed ("no device answered"), or null.</summary>
    string? LastError { get; }
}
