// The GPIO character device uAPI v2 (<linux/gpio.h>): flags, attribute ids, struct layouts, ioctls.
namespace DeskPhone.Boards.RaspberryPi.Linux;

/// <summary>GPIO_V2_LINE_FLAG_*: line configuration flags (a 64-bit mask).</summary>
[Flags]
internal enum GpioLineFlags : ulong
{
    None = 0,
    Used = 1UL << 0,
    ActiveLow = 1UL << 1,
    Input = 1UL << 2,
    Output = 1UL << 3,
    EdgeRising = 1UL << 4,
    EdgeFalling = 1UL << 5,
    OpenDrain = 1UL << 6,
    OpenSource = 1UL << 7,
    BiasPullUp = 1UL << 8,
    BiasPullDown = 1UL << 9,
    BiasDisabled = 1UL << 10,
    EventClockRealtime = 1UL << 11,
}

/// <summary>enum gpio_v2_line_attr_id.</summary>
internal enum GpioAttributeId : uint
{
    Flags = 1,
    OutputValues = 2,
    Debounce = 3,
}

/// <summary>enum gpio_v2_line_event_id.</summary>
internal enum GpioEdge : uint
{
    Rising = 1,
    Falling = 2,
}

/// <summary>
/// Sizes, member offsets and ioctl numbers of the v2 uAPI. Every 64-bit member is __aligned_u64
/// and every hole is an explicit padding member, so the layout is the same on x86_64 (where the
/// tests run) and arm64 (the Pi); both are little-endian. The encoders write these bytes directly.
/// </summary>
internal static class GpioV2
{
    public const int MaxNameSize = 32;        // GPIO_MAX_NAME_SIZE
    public const int LinesMax = 64;           // GPIO_V2_LINES_MAX
    public const int NumAttrsMax = 10;        // GPIO_V2_LINE_NUM_ATTRS_MAX
    private const int IoctlType = 0xB4;

    /// <summary>struct gpiochip_info.</summary>
    public static class ChipInfo
    {
        public const int Name = 0, Label = 32, Lines = 64, Size = 68;
        public static readonly UapiStruct Layout = new("gpiochip_info", Size, [
            new("name", Name, MaxNameSize), new("label", Label, MaxNameSize), new("lines", Lines, 4)], Alignment: 4);
    }

    /// <summary>struct gpio_v2_line_values.</summary>
    public static class LineValues
    {
        public const int Bits = 0, Mask = 8, Size = 16;
        public static readonly UapiStruct Layout = new("gpio_v2_line_values", Size, [
            new("bits", Bits, 8), new("mask", Mask, 8)]);
    }

    /// <summary>struct gpio_v2_line_attribute (the union of flags / values / debounce_period_us is at 8).</summary>
    public static class LineAttribute
    {
        public const int Id = 0, Padding = 4, Value = 8, Size = 16;
        public static readonly UapiStruct Layout = new("gpio_v2_line_attribute", Size, [
            new("id", Id, 4), new("padding", Padding, 4), new("flags", Value, 8)]);
    }

    /// <summary>struct gpio_v2_line_config_attribute.</summary>
    public static class LineConfigAttribute
    {
        public const int Attr = 0, Mask = 16, Size = 24;
        public static readonly UapiStruct Layout = new("gpio_v2_line_config_attribute", Size, [
            new("attr", Attr, LineAttribute.Size), new("mask", Mask, 8)]);
    }

    /// <summary>struct gpio_v2_line_config.</summary>
    public static class LineConfig
    {
        public const int Flags = 0, NumAttrs = 8, Padding = 12, Attrs = 32, Size = 272;
        public static readonly UapiStruct Layout = new("gpio_v2_line_config", Size, [
            new("flags", Flags, 8), new("num_attrs", NumAttrs, 4), new("padding", Padding, 5 * 4),
            new("attrs", Attrs, NumAttrsMax * LineConfigAttribute.Size)]);
    }

    /// <summary>struct gpio_v2_line_request.</summary>
    public static class LineRequest
    {
        public const int Offsets = 0, Consumer = 256, Config = 288, NumLines = 560, EventBufferSize = 564, Padding = 568, Fd = 588, Size = 592;
        public static readonly UapiStruct Layout = new("gpio_v2_line_request", Size, [
            new("offsets", Offsets, LinesMax * 4), new("consumer", Consumer, MaxNameSize),
            new("config", Config, LineConfig.Size), new("num_lines", NumLines, 4),
            new("event_buffer_size", EventBufferSize, 4), new("padding", Padding, 5 * 4), new("fd", Fd, 4)]);
    }

    /// <summary>struct gpio_v2_line_event: what a read() of a line request fd returns, one per edge.</summary>
    public static class LineEvent
    {
        public const int TimestampNs = 0, Id = 8, Offset = 12, Seqno = 16, LineSeqno = 20, Padding = 24, Size = 48;
        public static readonly UapiStruct Layout = new("gpio_v2_line_event", Size, [
            new("timestamp_ns", TimestampNs, 8), new("id", Id, 4), new("offset", Offset, 4),
            new("seqno", Seqno, 4), new("line_seqno", LineSeqno, 4), new("padding", Padding, 6 * 4)]);
    }

    /// <summary>Every struct the backend encodes or decodes.</summary>
    public static readonly UapiStruct[] AllLayouts =
        [ChipInfo.Layout, LineValues.Layout, LineAttribute.Layout, LineConfigAttribute.Layout, LineConfig.Layout, LineRequest.Layout, LineEvent.Layout];

    /// <summary>GPIO_GET_CHIPINFO_IOCTL = _IOR(0xB4, 0x01, struct gpiochip_info), on the chip fd.</summary>
    public static readonly uint GetChipInfoIoctl = IoctlNumber.Read(IoctlType, 0x01, ChipInfo.Size);

    /// <summary>GPIO_V2_GET_LINE_IOCTL = _IOWR(0xB4, 0x07, struct gpio_v2_line_request), on the chip fd.</summary>
    public static readonly uint GetLineIoctl = IoctlNumber.ReadWrite(IoctlType, 0x07, LineRequest.Size);

    /// <summary>GPIO_V2_LINE_SET_CONFIG_IOCTL = _IOWR(0xB4, 0x0D, struct gpio_v2_line_config), on the line fd.</summary>
    public static readonly uint LineSetConfigIoctl = IoctlNumber.ReadWrite(IoctlType, 0x0D, LineConfig.Size);

    /// <summary>GPIO_V2_LINE_GET_VALUES_IOCTL = _IOWR(0xB4, 0x0E, struct gpio_v2_line_values), on the line fd.</summary>
    public static readonly uint LineGetValuesIoctl = IoctlNumber.ReadWrite(IoctlType, 0x0E, LineValues.Size);

    /// <summary>GPIO_V2_LINE_SET_VALUES_IOCTL = _IOWR(0xB4, 0x0F, struct gpio_v2_line_values), on the line fd.</summary>
    public static readonly uint LineSetValuesIoctl = IoctlNumber.ReadWrite(IoctlType, 0x0F, LineValues.Size);
}
