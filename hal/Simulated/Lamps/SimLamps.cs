// The simulated LEDs: what each shows now and every change, with the time it happened.
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Lamps;

/// <summary>One LED change.</summary>
public readonly record struct LampChange(long AtMs, int Lamp, LampColour Colour);

/// <summary>LEDs that remember what they show and when they changed (the last 4096 changes).</summary>
public sealed class SimLamps : ILamps
{
    private const int HistoryLimit = 4096;
    private readonly IClock _clock;
    private readonly LampColour[] _now;
    private readonly Queue<LampChange> _history = new();

    /// <summary><paramref name="count"/> LEDs, two-colour unless said otherwise.</summary>
    public SimLamps(IClock clock, int count, bool twoColours = true)
    {
        _clock = clock;
        _now = new LampColour[count];
        HasTwoColours = twoColours;
    }

    /// <inheritdoc/>
    public int Count => _now.Length;

    /// <inheritdoc/>
    public bool HasTwoColours { get; }

    /// <inheritdoc/>
    public void Set(int index, LampColour colour)
    {
        if (index < 0 || index >= _now.Length) throw new ArgumentOutOfRangeException(nameof(index), "no lamp " + index);
        if (!HasTwoColours && colour != LampColour.Off) colour = LampColour.Green;
        lock (_history)
        {
            _now[index] = colour;
            _history.Enqueue(new LampChange(_clock.NowMs, index, colour));
            while (_history.Count > HistoryLimit) _history.Dequeue();
        }
    }

    /// <summary>What LED <paramref name="index"/> shows now.</summary>
    public LampColour Colour(int index) { lock (_history) return _now[index]; }

    /// <summary>The recorded changes of LED <paramref name="index"/>, oldest first.</summary>
    public LampChange[] History(int index) { lock (_history) return _history.Where(c => c.Lamp == index).ToArray(); }
}
