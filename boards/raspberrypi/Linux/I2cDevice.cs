// An I2C peripheral through the Linux i2c-dev driver: open /dev/i2c-N, I2C_SLAVE, write().
namespace DeskPhone.Boards.RaspberryPi.Linux;

/// <summary>
/// A device on an I2C bus. The I2C_SLAVE ioctl binds the fd to the 7-bit address; every write()
/// then becomes one transaction to it (i2c-dev caps a write at 8192 bytes, far above an OLED page).
/// </summary>
internal sealed unsafe class I2cDevice : II2cTransport, IDisposable
{
    /// <summary>I2C_SLAVE from &lt;linux/i2c-dev.h&gt;: the argument is the address itself, not a pointer.</summary>
    public const uint I2cSlave = 0x0703;

    private readonly int _bus;
    private int _fd;

    private I2cDevice(int fd, int bus, string name)
    {
        _fd = fd;
        _bus = bus;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string? LastError { get; private set; }

    /// <summary>The device node of bus <paramref name="bus"/>.</summary>
    public static string BusPath(int bus) => "/dev/i2c-" + bus;

    /// <summary>Opens bus <paramref name="bus"/> and addresses <paramref name="address"/>.</summary>
    /// <exception cref="HardwareException">No such bus, no permission, or the address is held by a kernel driver.</exception>
    public static I2cDevice Open(int bus, int address)
    {
        string path = BusPath(bus);
        int fd = LibC.Open(path, LibC.O_RDWR | LibC.O_CLOEXEC);
        if (fd < 0)
        {
            throw HardwareException.Open(path, LibC.LastErrno, bus == 1
                ? "enable I2C with raspi-config (Interface Options → I2C) or dtparam=i2c_arm=on in /boot/firmware/config.txt, then reboot"
                : $"check display.i2cBus in the board profile (ls /dev/i2c-*)", "i2c");
        }
        if (LibC.IoctlValue(fd, I2cSlave, address) < 0)
        {
            int errno = LibC.LastErrno;
            LibC.Close(fd);
            throw errno == LibC.EBUSY
                ? new HardwareException($"{path}: address 0x{address:X2} is claimed by a kernel driver — remove the dtoverlay that binds it")
                : new HardwareException($"{path}: addressing 0x{address:X2} failed: {LibC.Describe(errno)}");
        }
        return new I2cDevice(fd, bus, $"{path} 0x{address:X2}");
    }

    /// <inheritdoc/>
    public bool Write(ReadOnlySpan<byte> bytes)
    {
        if (_fd < 0)
        {
            LastError = "closed";
            return false;
        }
        fixed (byte* p = bytes)
        {
            nint n = LibC.Write(_fd, p, (nuint)bytes.Length);
            if (n == bytes.Length)
            {
                LastError = null;
                return true;
            }
            int errno = LibC.LastErrno;
            LastError = n >= 0 ? $"only {n} of {bytes.Length} bytes were taken"
                : errno is LibC.EREMOTEIO or LibC.ENXIO ? $"no device answered (check the wiring and the address with: i2cdetect -y {_bus})"
                : LibC.Describe(errno);
            return false;
        }
    }

    /// <summary>Closes the bus fd.</summary>
    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) LibC.Close(fd);
    }
}
