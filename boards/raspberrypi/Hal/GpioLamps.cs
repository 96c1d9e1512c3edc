// Key lamps as GPIO outputs: one LED per lamp, or a red and a green LED (amber = both).
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Hal;

/// <summary>The LED(s) of one lamp. Pins not wired are -1.</summary>
/// <param name="Index">The lamp (0 = line key 1).</param>
/// <param name="Pin">A single-colour LED, or -1.</param>
/// <param name="Green">The green LED of a two-colour lamp, or -1.</param>
/// <param name="Red">The red LED of a two-colour lamp, or -1.</param>
/// <param name="ActiveLow">True when the LED lights with the pin low (wired to 3.3 V through its resistor).</param>
public readonly record struct LampLine(int Index, int Pin, int Green, int Red, bool ActiveLow = false)
{
    /// <summary>The pins this lamp uses.</summary>
    public IEnumerable<int> Pins => new[] { Pin, Green, Red }.Where(p => p >= 0);
}

/// <summary>
/// Drives the lamp LEDs, all lines in one output request. Two-colour lamps: green, red, amber =
/// both on. A single-colour lamp lights for any colour. Setting the colour a lamp already shows
/// sends nothing. Called on the event loop.
/// </summary>
public sealed class GpioLamps : ILamps, IDisposable
{
    private readonly IGpioLines? _lines;   // null when no lamp is wired
    private readonly ulong[] _green;   // per lamp: the lines lit for green (the single LED for single-colour lamps)
    private readonly ulong[] _red;     // per lamp: the lines lit for red
    private readonly LampColour?[] _shown;

    /// <summary><paramref name="count"/> lamps on <paramref name="lines"/>, requested as <see cref="Request"/> does.</summary>
    internal GpioLamps(IGpioLines? lines, int count, IReadOnlyList<LampLine> lamps, bool twoColours)
    {
        _lines = lines;
        HasTwoColours = twoColours;
        _green = new ulong[count];
        _red = new ulong[count];
        _shown = new LampColour?[count];
        foreach (var lamp in lamps)
        {
            if (lamp.Index < 0 || lamp.Index >= count) throw new ArgumentOutOfRangeException(nameof(lamps), $"lamp {lamp.Index} is beyond {count} lamps");
            if (lamp.Pin >= 0)
            {
                _green[lamp.Index] = _red[lamp.Index] = Bit(lamp.Pin);
            }
            else
            {
                if (lamp.Green >= 0) _green[lamp.Index] = Bit(lamp.Green);
                if (lamp.Red >= 0) _red[lamp.Index] = Bit(lamp.Red);
            }
        }
    }

    /// <inheritdoc/>
    public int Count => _green.Length;

    /// <inheritdoc/>
    public bool HasTwoColours { get; }

    /// <summary>Requests every lamp pin from <paramref name="chip"/> as an output, initially off.</summary>
    internal static IGpioLines Request(GpioChip chip, IReadOnlyList<LampLine> lamps)
    {
        var (pins, flags, attributes) = Config(lamps);
        return chip.Request(pins, "deskphone lamps", flags, attributes);
    }

    /// <summary>
    /// The pins in request order and the line config: outputs, logically off; LEDs wired active-low
    /// get ActiveLow through an attribute masked to their lines, so 1 always means lit.
    /// </summary>
    internal static (int[] Pins, GpioLineFlags Flags, GpioLineAttribute[] Attributes) Config(IReadOnlyList<LampLine> lamps)
    {
        var pins = new List<int>();
        ulong activeLow = 0;
        foreach (var lamp in lamps)
        {
            foreach (int pin in lamp.Pins)
            {
                if (lamp.ActiveLow) activeLow |= 1UL << pins.Count;
                pins.Add(pin);
            }
        }
        var attributes = new List<GpioLineAttribute>();
        if (activeLow != 0) attributes.Add(new(GpioAttributeId.Flags, (ulong)(GpioLineFlags.Output | GpioLineFlags.ActiveLow), activeLow));
        ulong all = pins.Count == 64 ? ulong.MaxValue : (1UL << pins.Count) - 1;
        attributes.Add(new(GpioAttributeId.OutputValues, 0, all));
        return (pins.ToArray(), GpioLineFlags.Output, attributes.ToArray());
    }

    /// <inheritdoc/>
    public void Set(int index, LampColour colour)
    {
        if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException(nameof(index), "no lamp " + index);
        if (_shown[index] == colour) return;
        ulong mask = _green[index] | _red[index];
        if (mask == 0) return;   // no LED wired for this key
        ulong bits = colour switch
        {
            LampColour.Green => _green[index],
            LampColour.Red => _red[index],
            LampColour.Amber => mask,
            _ => 0,
        };
        _lines!.SetValues(bits, mask);
        _shown[index] = colour;
    }

    /// <summary>Turns every lamp off (at shutdown).</summary>
    public void AllOff()
    {
        ulong all = 0;
        for (int i = 0; i < Count; i++) all |= _green[i] | _red[i];
        if (all != 0) _lines!.SetValues(0, all);
        Array.Fill(_shown, LampColour.Off);
    }

    /// <summary>Releases the lines.</summary>
    public void Dispose() => _lines?.Dispose();

    private ulong Bit(int pin)
    {
        for (int i = 0; _lines != null && i < _lines.Offsets.Count; i++)
        {
            if (_lines.Offsets[i] == pin) return 1UL << i;
        }
        throw new ArgumentException($"pin {pin} is not among the requested lamp lines");
    }
}
