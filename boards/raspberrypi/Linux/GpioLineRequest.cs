// Requested GPIO lines: values through ioctls, edges by read() on the request's fd.
namespace DeskPhone.Boards.RaspberryPi.Linux;

/// <summary>
/// The fd GPIO_V2_GET_LINE_IOCTL returned. Reading events waits in poll() on the line fd and an
/// eventfd, so <see cref="Dispose"/> can wake a blocked reader (closing an fd does not).
/// </summary>
internal sealed unsafe class GpioLineRequest : IGpioLines
{
    private readonly object _io = new();
    private readonly int[] _offsets;
    private readonly string _chipPath;
    private int _fd;
    private int _wakeFd;

    internal GpioLineRequest(int fd, int[] offsets, string chipPath)
    {
        _fd = fd;
        _offsets = offsets;
        _chipPath = chipPath;
        _wakeFd = LibC.EventFd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
        if (_wakeFd < 0) throw new HardwareException("eventfd: " + LibC.Describe(LibC.LastErrno));
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> Offsets => _offsets;

    /// <inheritdoc/>
    public ulong GetValues(ulong mask)
    {
        byte* values = stackalloc byte[GpioV2.LineValues.Size];
        var span = new Span<byte>(values, GpioV2.LineValues.Size);
        GpioV2Encoding.LineValues(span, 0, mask);
        lock (_io)
        {
            if (_fd < 0) throw new ObjectDisposedException(nameof(GpioLineRequest));
            if (LibC.Ioctl(_fd, GpioV2.LineGetValuesIoctl, values) < 0) throw Failure("reading");
        }
        return GpioV2Encoding.LineValuesBits(span) & mask;
    }

    /// <inheritdoc/>
    public void SetValues(ulong bits, ulong mask)
    {
        byte* values = stackalloc byte[GpioV2.LineValues.Size];
        GpioV2Encoding.LineValues(new Span<byte>(values, GpioV2.LineValues.Size), bits, mask);
        lock (_io)
        {
            if (_fd < 0) throw new ObjectDisposedException(nameof(GpioLineRequest));
            if (LibC.Ioctl(_fd, GpioV2.LineSetValuesIoctl, values) < 0) throw Failure("setting");
        }
    }

    /// <inheritdoc/>
    public int ReadEvents(byte[] buffer)
    {
        if (buffer.Length < GpioV2.LineEvent.Size) throw new ArgumentException("room for one event at least", nameof(buffer));
        var fds = stackalloc LibC.PollFd[2];
        while (true)
        {
            int fd, wake;
            lock (_io)
            {
                fd = _fd;
                wake = _wakeFd;
            }
            if (fd < 0) return 0;
            fds[0] = new LibC.PollFd { Fd = fd, Events = LibC.POLLIN };
            fds[1] = new LibC.PollFd { Fd = wake, Events = LibC.POLLIN };
            if (LibC.Poll(fds, 2, -1) < 0)
            {
                if (LibC.LastErrno == LibC.EINTR) continue;
                throw Failure("waiting for edges on");
            }
            if (fds[1].Revents != 0) return 0;
            if ((fds[0].Revents & (LibC.POLLERR | LibC.POLLHUP | LibC.POLLNVAL)) != 0) return 0;
            if ((fds[0].Revents & LibC.POLLIN) == 0) continue;
            lock (_io)
            {
                if (_fd < 0) return 0;
                // Whole events only: the kernel fails a read whose buffer holds no complete event.
                int want = buffer.Length - buffer.Length % GpioV2.LineEvent.Size;
                fixed (byte* p = buffer)
                {
                    nint n = LibC.Read(_fd, p, (nuint)want);
                    if (n > 0) return (int)n;
                    if (n < 0 && LibC.LastErrno is LibC.EINTR or LibC.EAGAIN) continue;
                    if (n < 0) throw Failure("reading edges from");
                    return 0;
                }
            }
        }
    }

    /// <summary>Releases the lines (outputs keep their last level until another request takes them).</summary>
    public void Dispose()
    {
        int wake;
        lock (_io) wake = _wakeFd;
        if (wake >= 0)
        {
            ulong one = 1;
            LibC.Write(wake, (byte*)&one, 8);
        }
        lock (_io)
        {
            if (_fd >= 0) LibC.Close(_fd);
            if (_wakeFd >= 0) LibC.Close(_wakeFd);
            _fd = -1;
            _wakeFd = -1;
        }
    }

    private HardwareException Failure(string what) =>
        new($"{_chipPath}: {what} pins {string.Join(", ", _offsets)} failed: {LibC.Describe(LibC.LastErrno)}");
}
