// The real Linux classes where no hardware is needed: missing nodes, a non-GPIO node, and a line request on a pipe.
using System.Runtime.InteropServices;
using DeskPhone.Boards.RaspberryPi.Linux;

namespace DeskPhone.Boards.RaspberryPi.Tests.Linux;

public sealed partial class DeviceNodeTests
{
    [LibraryImport("libc.so.6", EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe2([Out] int[] fds, int flags);

    [LibraryImport("libc.so.6", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteFd(int fd, byte[] buffer, nuint count);

    [LibraryImport("libc.so.6", EntryPoint = "close")]
    private static partial int CloseFd(int fd);

    /// <summary>A line request whose "line fd" is the read end of a pipe the test writes events into.</summary>
    private static (GpioLineRequest Lines, int WriteEnd) OnPipe()
    {
        var fds = new int[2];
        Assert.Equal(0, Pipe2(fds, LibC.O_CLOEXEC));
        return (new GpioLineRequest(fds[0], [5, 6], "/dev/gpiochip-test"), fds[1]);
    }

    [Fact]
    public void A_missing_gpio_chip_is_named_with_the_fix()
    {
        var e = Assert.Throws<HardwareException>(() => GpioChip.Open("/dev/gpiochip99"));
        Assert.StartsWith("/dev/gpiochip99: no such device — check gpio.chip in the board profile", e.Message);
    }

    [Fact]
    public void A_node_that_is_not_a_gpio_chip_is_refused()
    {
        var e = Assert.Throws<HardwareException>(() => GpioChip.Open("/dev/null"));
        Assert.StartsWith("/dev/null: not a GPIO chip", e.Message);
    }

    [Fact]
    public void A_missing_i2c_bus_is_named_with_the_fix()
    {
        var e = Assert.Throws<HardwareException>(() => I2cDevice.Open(29, 0x3C));
        Assert.Equal("/dev/i2c-29: no such device — check display.i2cBus in the board profile (ls /dev/i2c-*)", e.Message);
    }

    [Fact]
    public void Whole_events_written_to_the_line_fd_come_back_from_read_events()
    {
        var (lines, writeEnd) = OnPipe();
        using (lines)
        {
            byte[] events = EdgeBytes.Of((5, GpioEdge.Rising), (6, GpioEdge.Falling));
            Assert.Equal(events.Length, (int)WriteFd(writeEnd, events, (nuint)events.Length));
            var buffer = new byte[4 * GpioV2.LineEvent.Size + 7];
            int n = lines.ReadEvents(buffer);
            Assert.Equal(events, buffer[..n]);
        }
        CloseFd(writeEnd);
    }

    [Fact]
    public void Dispose_wakes_a_reader_waiting_for_edges_and_it_returns_zero()
    {
        var (lines, writeEnd) = OnPipe();
        int result = -1;
        var reader = new Thread(() => result = lines.ReadEvents(new byte[GpioV2.LineEvent.Size]));
        reader.Start();
        lines.Dispose();
        Assert.True(reader.Join(TimeSpan.FromMinutes(1)), "the reader did not wake");   // a hang guard, not a timing check
        Assert.Equal(0, result);
        Assert.Equal(0, lines.ReadEvents(new byte[GpioV2.LineEvent.Size]));
        CloseFd(writeEnd);
    }

    [Fact]
    public void A_failing_values_ioctl_is_a_hardware_error_naming_chip_and_pins()
    {
        var (lines, writeEnd) = OnPipe();
        using (lines)
        {
            var e = Assert.Throws<HardwareException>(() => lines.SetValues(1, 1));
            Assert.StartsWith("/dev/gpiochip-test: setting pins 5, 6 failed: ", e.Message);
            Assert.Throws<HardwareException>(() => lines.GetValues(3));
        }
        Assert.Throws<ObjectDisposedException>(() => lines.SetValues(1, 1));
        CloseFd(writeEnd);
    }
}
