// Byte-level encoders and decoders for the GPIO v2 uAPI structs (little-endian, layouts in GpioV2).
using System.Buffers.Binary;
using System.Text;

namespace DeskPhone.Boards.RaspberryPi.Linux;

/// <summary>One gpio_v2_line_config_attribute: an attribute applied to the lines whose bit is set in <see cref="Mask"/>.</summary>
/// <param name="Id">Which attribute.</param>
/// <param name="Value">Flags, output values (bit i = line i of the request) or debounce µs, as <paramref name="Id"/> says.</param>
/// <param name="Mask">Bit i selects line i of the request.</param>
internal readonly record struct GpioLineAttribute(GpioAttributeId Id, ulong Value, ulong Mask);

/// <summary>One edge read from a line request.</summary>
/// <param name="TimestampNs">CLOCK_MONOTONIC time of the edge.</param>
/// <param name="Edge">Rising or falling, in logical terms: with ActiveLow, rising means "became active".</param>
/// <param name="Offset">The chip line offset (the BCM GPIO number on a Pi's gpiochip0).</param>
/// <param name="Seqno">Sequence number across all lines of the request.</param>
/// <param name="LineSeqno">Sequence number on this line.</param>
internal readonly record struct GpioLineEvent(ulong TimestampNs, GpioEdge Edge, uint Offset, uint Seqno, uint LineSeqno)
{
    /// <summary>Decodes one struct gpio_v2_line_event (<see cref="GpioV2.LineEvent.Size"/> bytes).</summary>
    public static GpioLineEvent Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < GpioV2.LineEvent.Size) throw new ArgumentException("a gpio_v2_line_event is 48 bytes", nameof(bytes));
        return new GpioLineEvent(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[GpioV2.LineEvent.TimestampNs..]),
            (GpioEdge)BinaryPrimitives.ReadUInt32LittleEndian(bytes[GpioV2.LineEvent.Id..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[GpioV2.LineEvent.Offset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[GpioV2.LineEvent.Seqno..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[GpioV2.LineEvent.LineSeqno..]));
    }
}

/// <summary>Writes the v2 request structs the ioctls take, byte by byte.</summary>
internal static class GpioV2Encoding
{
    /// <summary>
    /// A struct gpio_v2_line_request for <paramref name="offsets"/>: default <paramref name="flags"/>
    /// for every line, <paramref name="attributes"/> overriding them for some. The kernel fills in fd.
    /// </summary>
    public static byte[] LineRequest(ReadOnlySpan<uint> offsets, string consumer, GpioLineFlags flags,
        ReadOnlySpan<GpioLineAttribute> attributes, uint eventBufferSize)
    {
        if (offsets.Length == 0 || offsets.Length > GpioV2.LinesMax)
            throw new ArgumentOutOfRangeException(nameof(offsets), "a line request has 1 to 64 lines");
        var bytes = new byte[GpioV2.LineRequest.Size];
        var span = bytes.AsSpan();
        for (int i = 0; i < offsets.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(span[(GpioV2.LineRequest.Offsets + 4 * i)..], offsets[i]);
        WriteName(span.Slice(GpioV2.LineRequest.Consumer, GpioV2.MaxNameSize), consumer);
        LineConfig(span.Slice(GpioV2.LineRequest.Config, GpioV2.LineConfig.Size), flags, attributes);
        BinaryPrimitives.WriteUInt32LittleEndian(span[GpioV2.LineRequest.NumLines..], (uint)offsets.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[GpioV2.LineRequest.EventBufferSize..], eventBufferSize);
        return bytes;
    }

    /// <summary>Writes a struct gpio_v2_line_config into <paramref name="dest"/> (272 bytes, zeroed first).</summary>
    public static void LineConfig(Span<byte> dest, GpioLineFlags flags, ReadOnlySpan<GpioLineAttribute> attributes)
    {
        if (attributes.Length > GpioV2.NumAttrsMax)
            throw new ArgumentOutOfRangeException(nameof(attributes), "a line config has at most 10 attributes");
        dest = dest[..GpioV2.LineConfig.Size];
        dest.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(dest[GpioV2.LineConfig.Flags..], (ulong)flags);
        BinaryPrimitives.WriteUInt32LittleEndian(dest[GpioV2.LineConfig.NumAttrs..], (uint)attributes.Length);
        for (int i = 0; i < attributes.Length; i++)
        {
            var a = dest[(GpioV2.LineConfig.Attrs + i * GpioV2.LineConfigAttribute.Size)..];
            var attr = a[GpioV2.LineConfigAttribute.Attr..];
            BinaryPrimitives.WriteUInt32LittleEndian(attr[GpioV2.LineAttribute.Id..], (uint)attributes[i].Id);
            if (attributes[i].Id == GpioAttributeId.Debounce)
                BinaryPrimitives.WriteUInt32LittleEndian(attr[GpioV2.LineAttribute.Value..], (uint)attributes[i].Value);
            else
                BinaryPrimitives.WriteUInt64LittleEndian(attr[GpioV2.LineAttribute.Value..], attributes[i].Value);
            BinaryPrimitives.WriteUInt64LittleEndian(a[GpioV2.LineConfigAttribute.Mask..], attributes[i].Mask);
        }
    }

    /// <summary>Writes a struct gpio_v2_line_values (16 bytes).</summary>
    public static void LineValues(Span<byte> dest, ulong bits, ulong mask)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(dest[GpioV2.LineValues.Bits..], bits);
        BinaryPrimitives.WriteUInt64LittleEndian(dest[GpioV2.LineValues.Mask..], mask);
    }

    /// <summary>The bits member of a struct gpio_v2_line_values.</summary>
    public static ulong LineValuesBits(ReadOnlySpan<byte> values) => BinaryPrimitives.ReadUInt64LittleEndian(values[GpioV2.LineValues.Bits..]);

    /// <summary>The fd the kernel wrote into a line request.</summary>
    public static int RequestFd(ReadOnlySpan<byte> request) => BinaryPrimitives.ReadInt32LittleEndian(request[GpioV2.LineRequest.Fd..]);

    /// <summary>Decodes struct gpiochip_info: name, label and line count.</summary>
    public static (string Name, string Label, int Lines) ChipInfo(ReadOnlySpan<byte> info) => (
        ReadName(info.Slice(GpioV2.ChipInfo.Name, GpioV2.MaxNameSize)),
        ReadName(info.Slice(GpioV2.ChipInfo.Label, GpioV2.MaxNameSize)),
        (int)BinaryPrimitives.ReadUInt32LittleEndian(info[GpioV2.ChipInfo.Lines..]));

    /// <summary>A NUL-terminated name of at most 31 bytes (longer names are cut, as the kernel would).</summary>
    private static void WriteName(Span<byte> dest, string name)
    {
        dest.Clear();
        int n = Encoding.ASCII.GetBytes(name.Length > dest.Length - 1 ? name[..(dest.Length - 1)] : name, dest);
        dest[n] = 0;
    }

    private static string ReadName(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
