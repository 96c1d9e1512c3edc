// Keys and the hookswitch as GPIO inputs: kernel edge events become raw key edges (no debounce here).
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Hal;

/// <summary>A key wired to a GPIO line.</summary>
/// <param name="Pin">The chip line offset (BCM number).</param>
/// <param name="KeyCode">The logical key (<see cref="KeyCodes"/>).</param>
/// <param name="ActiveLow">True for a button to ground with a pull-up: pressed reads low.</param>
public readonly record struct KeyLine(int Pin, int KeyCode, bool ActiveLow = true);

/// <summary>
/// Reports every edge of the key lines, bounces included: the portable Keypad debounces. Lines are
/// requested with both edges and ActiveLow where wired so, which makes the kernel report edges
/// in logical terms: rising = pressed (hookswitch: handset lifted), falling = released. A reader
/// thread waits for events; the handler runs on it.
/// </summary>
public sealed class GpioKeyInput : IKeyInput, IDisposable
{
    private readonly IGpioLines _lines;
    private readonly Dictionary<int, int> _keyOfPin = new();
    private readonly ILog _log;
    private readonly Action<ThreadStart> _startReader;
    private KeyEdgeHandler? _onEdge;

    /// <summary>
    /// Keys on <paramref name="lines"/> (requested as <see cref="Request"/> does);
    /// <paramref name="startReader"/> runs the reader loop (default: a background thread).
    /// </summary>
    internal GpioKeyInput(IGpioLines lines, IReadOnlyList<KeyLine> keys, ILog log, Action<ThreadStart>? startReader = null)
    {
        _lines = lines;
        _log = log;
        foreach (var k in keys) _keyOfPin[k.Pin] = k.KeyCode;
        _startReader = startReader ?? (run => new Thread(run) { IsBackground = true, Name = "gpio keys", Priority = ThreadPriority.AboveNormal }.Start());
    }

    /// <summary>Edges read so far (known pins only).</summary>
    public int Edges { get; private set; }

    /// <summary>Requests <paramref name="keys"/> from <paramref name="chip"/> as inputs with both edges, biased to their idle level.</summary>
    internal static IGpioLines Request(GpioChip chip, IReadOnlyList<KeyLine> keys)
    {
        var (flags, attributes) = Config(keys);
        return chip.Request(keys.Select(k => k.Pin).ToArray(), "deskphone keys", flags, attributes);
    }

    /// <summary>
    /// The line config: active-low keys (the usual) get the default flags, pull-up and ActiveLow;
    /// active-high keys an attribute with pull-down, masked to their lines.
    /// </summary>
    internal static (GpioLineFlags Flags, GpioLineAttribute[] Attributes) Config(IReadOnlyList<KeyLine> keys)
    {
        const GpioLineFlags edges = GpioLineFlags.Input | GpioLineFlags.EdgeRising | GpioLineFlags.EdgeFalling;
        ulong activeHigh = 0;
        for (int i = 0; i < keys.Count; i++)
        {
            if (!keys[i].ActiveLow) activeHigh |= 1UL << i;
        }
        var flags = edges | GpioLineFlags.ActiveLow | GpioLineFlags.BiasPullUp;
        return activeHigh == 0
            ? (flags, [])
            : (flags, [new GpioLineAttribute(GpioAttributeId.Flags, (ulong)(edges | GpioLineFlags.BiasPullDown), activeHigh)]);
    }

    /// <inheritdoc/>
    public void Open(KeyEdgeHandler onEdge)
    {
        ArgumentNullException.ThrowIfNull(onEdge);
        if (_onEdge != null) throw new InvalidOperationException("the keys are already open");
        _onEdge = onEdge;
        // Keys already down at boot (typically the handset off the hook) are reported as edges.
        ulong all = _lines.Offsets.Count == 64 ? ulong.MaxValue : (1UL << _lines.Offsets.Count) - 1;
        ulong down = _lines.GetValues(all);
        for (int i = 0; i < _lines.Offsets.Count; i++)
        {
            if ((down & (1UL << i)) != 0 && _keyOfPin.TryGetValue(_lines.Offsets[i], out int code)) onEdge(code, true);
        }
        _startReader(ReadLoop);
    }

    /// <summary>Dispatches every whole event in <paramref name="bytes"/>; returns how many were for known pins.</summary>
    internal int Dispatch(ReadOnlySpan<byte> bytes)
    {
        int n = 0;
        for (int at = 0; at + GpioV2.LineEvent.Size <= bytes.Length; at += GpioV2.LineEvent.Size)
        {
            var e = GpioLineEvent.Decode(bytes[at..]);
            if (!_keyOfPin.TryGetValue((int)e.Offset, out int code))
            {
                _log.Write(LogLevel.Warning, "keys", $"edge on pin {e.Offset}, which no key uses");
                continue;
            }
            if (e.Edge != GpioEdge.Rising && e.Edge != GpioEdge.Falling) continue;
            _onEdge?.Invoke(code, e.Edge == GpioEdge.Rising);
            n++;
        }
        Edges += n;
        return n;
    }

    private void ReadLoop()
    {
        var buffer = new byte[16 * GpioV2.LineEvent.Size];
        try
        {
            int count;
            while ((count = _lines.ReadEvents(buffer)) > 0) Dispatch(buffer.AsSpan(0, count));
        }
        catch (Exception e) when (e is HardwareException or ObjectDisposedException)
        {
            _log.Write(LogLevel.Error, "keys", "key input stopped: " + e.Message);
        }
    }

    /// <summary>Releases the lines; the reader ends.</summary>
    public void Dispose() => _lines.Dispose();
}
