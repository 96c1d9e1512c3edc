// A GPIO chip (/dev/gpiochipN) opened through the character device, and line requests on it.
namespace DeskPhone.Boards.RaspberryPi.Linux;

/// <summary>
/// One GPIO chip. Lines are requested with GPIO_V2_GET_LINE_IOCTL, which hands back a new fd
/// carrying the lines' values and edge events (<see cref="GpioLineRequest"/>).
/// </summary>
internal sealed unsafe class GpioChip : IDisposable
{
    private int _fd;

    private GpioChip(string path, int fd, string name, string label, int lines)
    {
        Path = path;
        _fd = fd;
        Name = name;
        Label = label;
        Lines = lines;
    }

    /// <summary>The device node.</summary>
    public string Path { get; }

    /// <summary>The kernel's name ("gpiochip0").</summary>
    public string Name { get; }

    /// <summary>The driver's label ("pinctrl-bcm2711", "pinctrl-rp1").</summary>
    public string Label { get; }

    /// <summary>How many lines the chip has.</summary>
    public int Lines { get; }

    /// <summary>Opens <paramref name="path"/> and reads its chip info.</summary>
    /// <exception cref="HardwareException">Missing, not permitted, or not a GPIO chip.</exception>
    public static GpioChip Open(string path)
    {
        int fd = LibC.Open(path, LibC.O_RDWR | LibC.O_CLOEXEC);
        if (fd < 0)
            throw HardwareException.Open(path, LibC.LastErrno,
                "check gpio.chip in the board profile (ls /dev/gpiochip*; on a Pi 5 with an older kernel the header pins are on /dev/gpiochip4)", "gpio");
        byte* info = stackalloc byte[GpioV2.ChipInfo.Size];
        if (LibC.Ioctl(fd, GpioV2.GetChipInfoIoctl, info) < 0)
        {
            int errno = LibC.LastErrno;
            LibC.Close(fd);
            throw new HardwareException($"{path}: not a GPIO chip ({LibC.Describe(errno)})");
        }
        var (name, label, lines) = GpioV2Encoding.ChipInfo(new ReadOnlySpan<byte>(info, GpioV2.ChipInfo.Size));
        return new GpioChip(path, fd, name, label, lines);
    }

    /// <summary>
    /// Requests <paramref name="offsets"/> with default <paramref name="flags"/> and per-line
    /// <paramref name="attributes"/>; <paramref name="consumer"/> is what gpioinfo shows as the user.
    /// </summary>
    /// <exception cref="HardwareException">A pin is beyond the chip or already in use.</exception>
    public GpioLineRequest Request(IReadOnlyList<int> offsets, string consumer, GpioLineFlags flags,
        GpioLineAttribute[] attributes, uint eventBufferSize = 0)
    {
        foreach (int pin in offsets)
        {
            if (pin < 0 || pin >= Lines)
                throw new HardwareException($"{Path}: pin {pin} does not exist ({Name} '{Label}' has lines 0..{Lines - 1}) — check the board profile");
        }
        var uoffsets = offsets.Select(o => (uint)o).ToArray();
        byte[] request = GpioV2Encoding.LineRequest(uoffsets, consumer, flags, attributes, eventBufferSize);
        fixed (byte* p = request)
        {
            if (LibC.Ioctl(_fd, GpioV2.GetLineIoctl, p) < 0)
            {
                int errno = LibC.LastErrno;
                string pins = string.Join(", ", offsets);
                throw errno == LibC.EBUSY
                    ? new HardwareException($"{Path}: pins {pins}: one is already in use — 'gpioinfo {Name}' shows by whom (a dtoverlay or another program)")
                    : new HardwareException($"{Path}: requesting pins {pins} failed: {LibC.Describe(errno)}");
            }
        }
        int lineFd = GpioV2Encoding.RequestFd(request);
        return new GpioLineRequest(lineFd, offsets.ToArray(), Path);
    }

    /// <summary>Closes the chip; line requests stay valid.</summary>
    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) LibC.Close(fd);
    }
}
