// The hand-encoded uAPI structs, ioctl numbers and constants, held against the kernel headers via the C probe.
using DeskPhone.Boards.RaspberryPi.Hal;
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Tests.Linux;

/// <summary>
/// The host is x86_64 and the Pi arm64. Both are LP64 little-endian and use the generic ioctl
/// encoding, and the v2 uAPI structs use __aligned_u64 with explicit padding members, so a layout
/// that matches here and has no implicit holes is the layout on the Pi too. These tests check both.
/// </summary>
public sealed class KernelLayoutTests(LayoutProbe probe) : IClassFixture<LayoutProbe>
{
    /// <summary>The header's value of <paramref name="name"/> equals ours.</summary>
    private void Header(string name, ulong ours) =>
        Assert.True(probe.Constant(name) == ours, $"{name}: the header says {probe.Constant(name)}, the C# side {ours}");

    public static TheoryData<string> Structs() => new(GpioV2.AllLayouts.Select(l => l.CName));

    [Theory]
    [MemberData(nameof(Structs))]
    public void Struct_size_matches_the_kernel_header(string cname)
    {
        var layout = GpioV2.AllLayouts.Single(l => l.CName == cname);
        Assert.Equal(probe.Sizes[cname], layout.Size);
    }

    [Theory]
    [MemberData(nameof(Structs))]
    public void Every_member_has_the_kernel_headers_offset_and_size(string cname)
    {
        var layout = GpioV2.AllLayouts.Single(l => l.CName == cname);
        var expected = probe.Fields[cname];
        Assert.Equal(expected, layout.Fields.Select(f => (f.Name, f.Offset, f.Size)).ToList());
    }

    [Theory]
    [MemberData(nameof(Structs))]
    public void Members_tile_the_struct_without_implicit_padding_so_arm64_lays_it_out_the_same(string cname)
    {
        var layout = GpioV2.AllLayouts.Single(l => l.CName == cname);
        int next = 0;
        foreach (var f in layout.Fields)
        {
            Assert.True(f.Offset == next, $"{cname}.{f.Name} starts at {f.Offset}, the previous member ends at {next}: an implicit hole");
            if (f.Size == 8) Assert.True(f.Offset % 8 == 0, $"{cname}.{f.Name} is a 64-bit member off an 8-byte boundary");
            next = f.Offset + f.Size;
        }
        Assert.Equal(layout.Size, next);
        Assert.True(layout.Size % layout.Alignment == 0, $"{cname}: {layout.Size} bytes is not a multiple of its alignment {layout.Alignment}: tail padding would differ");
    }

    [Fact]
    public void Pollfd_is_the_eight_bytes_the_libc_struct_is()
    {
        Assert.Equal(probe.Sizes["pollfd"], System.Runtime.InteropServices.Marshal.SizeOf<LibC.PollFd>());
        Assert.Equal(probe.Fields["pollfd"].Select(f => f.Offset), new[]
        {
            (int)System.Runtime.InteropServices.Marshal.OffsetOf<LibC.PollFd>(nameof(LibC.PollFd.Fd)),
            (int)System.Runtime.InteropServices.Marshal.OffsetOf<LibC.PollFd>(nameof(LibC.PollFd.Events)),
            (int)System.Runtime.InteropServices.Marshal.OffsetOf<LibC.PollFd>(nameof(LibC.PollFd.Revents)),
        });
    }

    [Fact]
    public void Ioctl_numbers_match_the_kernel_macros()
    {
        Header("GPIO_GET_CHIPINFO_IOCTL", GpioV2.GetChipInfoIoctl);
        Header("GPIO_V2_GET_LINE_IOCTL", GpioV2.GetLineIoctl);
        Header("GPIO_V2_LINE_SET_CONFIG_IOCTL", GpioV2.LineSetConfigIoctl);
        Header("GPIO_V2_LINE_GET_VALUES_IOCTL", GpioV2.LineGetValuesIoctl);
        Header("GPIO_V2_LINE_SET_VALUES_IOCTL", GpioV2.LineSetValuesIoctl);
        Header("I2C_SLAVE", I2cDevice.I2cSlave);
    }

    [Fact]
    public void Gpio_limits_flags_attribute_ids_and_edge_ids_match_the_header()
    {
        Header("GPIO_MAX_NAME_SIZE", (ulong)GpioV2.MaxNameSize);
        Header("GPIO_V2_LINES_MAX", (ulong)GpioV2.LinesMax);
        Header("GPIO_V2_LINE_NUM_ATTRS_MAX", (ulong)GpioV2.NumAttrsMax);
        var flags = new (string, GpioLineFlags)[]
        {
            ("USED", GpioLineFlags.Used), ("ACTIVE_LOW", GpioLineFlags.ActiveLow), ("INPUT", GpioLineFlags.Input),
            ("OUTPUT", GpioLineFlags.Output), ("EDGE_RISING", GpioLineFlags.EdgeRising), ("EDGE_FALLING", GpioLineFlags.EdgeFalling),
            ("OPEN_DRAIN", GpioLineFlags.OpenDrain), ("OPEN_SOURCE", GpioLineFlags.OpenSource), ("BIAS_PULL_UP", GpioLineFlags.BiasPullUp),
            ("BIAS_PULL_DOWN", GpioLineFlags.BiasPullDown), ("BIAS_DISABLED", GpioLineFlags.BiasDisabled),
            ("EVENT_CLOCK_REALTIME", GpioLineFlags.EventClockRealtime),
        };
        foreach (var (name, value) in flags) Header("GPIO_V2_LINE_FLAG_" + name, (ulong)value);
        Header("GPIO_V2_LINE_ATTR_ID_FLAGS", (ulong)GpioAttributeId.Flags);
        Header("GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES", (ulong)GpioAttributeId.OutputValues);
        Header("GPIO_V2_LINE_ATTR_ID_DEBOUNCE", (ulong)GpioAttributeId.Debounce);
        Header("GPIO_V2_LINE_EVENT_RISING_EDGE", (ulong)GpioEdge.Rising);
        Header("GPIO_V2_LINE_EVENT_FALLING_EDGE", (ulong)GpioEdge.Falling);
    }

    [Fact]
    public void Libc_open_poll_eventfd_and_errno_constants_match_the_headers()
    {
        var expected = new (string, long)[]
        {
            ("O_RDONLY", LibC.O_RDONLY), ("O_RDWR", LibC.O_RDWR), ("O_NONBLOCK", LibC.O_NONBLOCK), ("O_CLOEXEC", LibC.O_CLOEXEC),
            ("EFD_NONBLOCK", LibC.EFD_NONBLOCK), ("EFD_CLOEXEC", LibC.EFD_CLOEXEC),
            ("POLLIN", LibC.POLLIN), ("POLLERR", LibC.POLLERR), ("POLLHUP", LibC.POLLHUP), ("POLLNVAL", LibC.POLLNVAL),
            ("ENOENT", LibC.ENOENT), ("EINTR", LibC.EINTR), ("ENXIO", LibC.ENXIO), ("EBADF", LibC.EBADF), ("EAGAIN", LibC.EAGAIN),
            ("EACCES", LibC.EACCES), ("EBUSY", LibC.EBUSY), ("ENODEV", LibC.ENODEV), ("EINVAL", LibC.EINVAL), ("EPIPE", LibC.EPIPE),
            ("ESTRPIPE", LibC.ESTRPIPE), ("EREMOTEIO", LibC.EREMOTEIO),
        };
        foreach (var (name, value) in expected) Header(name, (ulong)value);
    }

    [Fact]
    public void Key_line_request_encodes_to_the_same_bytes_as_the_C_struct()
    {
        var keys = new[] { new KeyLine(5, KeyCodes.Line(1)), new KeyLine(6, KeyCodes.Hook), new KeyLine(26, KeyCodes.Mute, ActiveLow: false) };
        var (flags, attributes) = GpioKeyInput.Config(keys);
        byte[] bytes = GpioV2Encoding.LineRequest([5, 6, 26], "deskphone keys", flags, attributes, 0);
        Assert.Equal(Convert.ToHexString(probe.Samples["request_keys"]), Convert.ToHexString(bytes));
    }

    [Fact]
    public void Lamp_line_request_encodes_to_the_same_bytes_as_the_C_struct()
    {
        var lamps = new[] { new LampLine(0, -1, Green: 17, Red: 27), new LampLine(1, 22, -1, -1, ActiveLow: true) };
        var (pins, flags, attributes) = GpioLamps.Config(lamps);
        Assert.Equal(new[] { 17, 27, 22 }, pins);
        byte[] bytes = GpioV2Encoding.LineRequest(pins.Select(p => (uint)p).ToArray(), "deskphone lamps", flags, attributes, 0);
        Assert.Equal(Convert.ToHexString(probe.Samples["request_lamps"]), Convert.ToHexString(bytes));
    }

    [Fact]
    public void Debounce_attribute_writes_the_32_bit_union_member()
    {
        var bytes = new byte[GpioV2.LineConfig.Size];
        GpioV2Encoding.LineConfig(bytes, GpioLineFlags.Input, [new GpioLineAttribute(GpioAttributeId.Debounce, 10000, 0x3)]);
        Assert.Equal(Convert.ToHexString(probe.Samples["config_debounce"]), Convert.ToHexString(bytes));
    }

    [Fact]
    public void Line_values_encode_to_the_same_bytes_as_the_C_struct()
    {
        var bytes = new byte[GpioV2.LineValues.Size];
        GpioV2Encoding.LineValues(bytes, 0x5, 0x7);
        Assert.Equal(Convert.ToHexString(probe.Samples["values"]), Convert.ToHexString(bytes));
    }

    [Fact]
    public void An_event_written_by_C_decodes_field_by_field()
    {
        var e = GpioLineEvent.Decode(probe.Samples["event_falling_26"]);
        Assert.Equal(new GpioLineEvent(0x0102030405060708, GpioEdge.Falling, 26, 7, 3), e);
    }

    [Fact]
    public void Chip_info_written_by_C_decodes_to_name_label_and_line_count()
    {
        Assert.Equal(("gpiochip0", "pinctrl-bcm2711", 58), GpioV2Encoding.ChipInfo(probe.Samples["chipinfo"]));
    }
}
