// The fault knobs of the in-memory wire: for all links (the wire's defaults) or one directed link.
namespace DeskPhone.Hal.Simulated.Network;

/// <summary>
/// Fault knobs for datagrams and streams crossing the in-memory wire. The wire's
/// <see cref="InMemoryNetwork.Faults"/> apply to every link; <see cref="InMemoryNetwork.Link"/> gives
/// the knobs of one directed link (from → to), whose values win where they are set. A null value
/// means "not set": a link falls back to the wire's value, the wire falls back to no fault.
/// Streams use only the delays; drop, duplicate and reorder apply to datagrams.
/// </summary>
public sealed class LinkFaults
{
    private readonly object _gate;
    private double? _drop;
    private int? _delay;
    private int? _jitter;
    private double? _duplicate;
    private double? _reorder;

    internal LinkFaults(object gate) { _gate = gate; }

    /// <summary>Chance (0..1) that a datagram is lost.</summary>
    public double? DropProbability
    {
        get { lock (_gate) return _drop; }
        set { lock (_gate) _drop = CheckProbability(value); }
    }

    /// <summary>Fixed one-way delay in milliseconds added to every datagram and stream segment.</summary>
    public int? DelayMs
    {
        get { lock (_gate) return _delay; }
        set { lock (_gate) _delay = CheckMs(value); }
    }

    /// <summary>
    /// Upper bound of a random extra delay (0..JitterMs inclusive) drawn per datagram; datagrams can
    /// overtake each other. Streams stay in order: a segment never arrives before the one sent before it.
    /// </summary>
    public int? JitterMs
    {
        get { lock (_gate) return _jitter; }
        set { lock (_gate) _jitter = CheckMs(value); }
    }

    /// <summary>Chance (0..1) that a datagram is delivered twice (the copy has its own delay).</summary>
    public double? DuplicateProbability
    {
        get { lock (_gate) return _duplicate; }
        set { lock (_gate) _duplicate = CheckProbability(value); }
    }

    /// <summary>
    /// Chance (0..1) that a datagram is held back and delivered just after the next datagram on the
    /// same link (or after <see cref="InMemoryNetwork.ReorderHoldLimitMs"/> when none follows).
    /// </summary>
    public double? ReorderProbability
    {
        get { lock (_gate) return _reorder; }
        set { lock (_gate) _reorder = CheckProbability(value); }
    }

    /// <summary>Unsets every knob.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _drop = _duplicate = _reorder = null;
            _delay = _jitter = null;
        }
    }

    /// <summary>The values in force for a link with these knobs over the wire's defaults.</summary>
    internal static Effective Resolve(LinkFaults? link, LinkFaults wire) => new(
        link?._drop ?? wire._drop ?? 0,
        link?._delay ?? wire._delay ?? 0,
        link?._jitter ?? wire._jitter ?? 0,
        link?._duplicate ?? wire._duplicate ?? 0,
        link?._reorder ?? wire._reorder ?? 0);

    /// <summary>Resolved knob values (no nulls).</summary>
    internal readonly record struct Effective(double Drop, int DelayMs, int JitterMs, double Duplicate, double Reorder);

    private static double? CheckProbability(double? p)
    {
        if (p is < 0 or > 1 || (p.HasValue && double.IsNaN(p.Value)))
            throw new ArgumentOutOfRangeException(nameof(p), p, "a probability is between 0 and 1");
        return p;
    }

    private static int? CheckMs(int? ms)
    {
        if (ms < 0) throw new ArgumentOutOfRangeException(nameof(ms), ms, "milliseconds are not negative");
        return ms;
    }
}
