// The only fakes: the I2C transport and the GPIO line set (the seams to the kernel), and a log that keeps lines.
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Tests;

/// <summary>An I2C device that records every transaction and can be made to stop answering.</summary>
internal sealed class FakeI2c : II2cTransport
{
    public List<byte[]> Writes { get; } = new();

    public bool Answering { get; set; } = true;

    public string Name => "/dev/i2c-fake 0x3C";

    public string? LastError { get; private set; }

    public bool Write(ReadOnlySpan<byte> bytes)
    {
        if (!Answering)
        {
            LastError = "no device answered";
            return false;
        }
        Writes.Add(bytes.ToArray());
        LastError = null;
        return true;
    }

    public string[] Hex() => Writes.Select(w => Convert.ToHexString(w)).ToArray();
}

/// <summary>
/// Requested lines as the kernel would hold them: logical values per line, a record of every
/// SetValues, and queued event bytes that ReadEvents hands out in order, then 0 (closed).
/// </summary>
internal sealed class FakeGpioLines(params int[] offsets) : IGpioLines
{
    public ulong Values { get; set; }

    public List<(ulong Bits, ulong Mask)> Sets { get; } = new();

    public Queue<byte[]> Reads { get; } = new();

    public bool Disposed { get; private set; }

    public IReadOnlyList<int> Offsets => offsets;

    public ulong GetValues(ulong mask) => Values & mask;

    public void SetValues(ulong bits, ulong mask)
    {
        Sets.Add((bits, mask));
        Values = (Values & ~mask) | (bits & mask);
    }

    public int ReadEvents(byte[] buffer)
    {
        if (Reads.Count == 0) return 0;
        byte[] next = Reads.Dequeue();
        next.CopyTo(buffer, 0);
        return next.Length;
    }

    /// <summary>True when line <paramref name="pin"/> is driven active.</summary>
    public bool IsOn(int pin) => (Values & (1UL << Array.IndexOf(offsets, pin))) != 0;

    public void Dispose() => Disposed = true;
}

/// <summary>A log that keeps its lines.</summary>
internal sealed class ListLog : ILog
{
    public List<(LogLevel Level, string Source, string Message)> Lines { get; } = new();

    public void Write(LogLevel level, string source, string message)
    {
        lock (Lines) Lines.Add((level, source, message));
    }
}

/// <summary>Crafts struct gpio_v2_line_event bytes as the kernel writes them (layout checked against the header elsewhere).</summary>
internal static class EdgeBytes
{
    public static byte[] Of(params (int Offset, GpioEdge Edge)[] edges)
    {
        var bytes = new byte[edges.Length * GpioV2.LineEvent.Size];
        for (int i = 0; i < edges.Length; i++)
        {
            var e = bytes.AsSpan(i * GpioV2.LineEvent.Size);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(e[GpioV2.LineEvent.TimestampNs..], 1_000_000UL * (ulong)(i + 1));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(e[GpioV2.LineEvent.Id..], (uint)edges[i].Edge);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(e[GpioV2.LineEvent.Offset..], (uint)edges[i].Offset);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(e[GpioV2.LineEvent.Seqno..], (uint)(i + 1));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(e[GpioV2.LineEvent.LineSeqno..], 1);
        }
        return bytes;
    }
}
