// The in-memory wire's recorder: a list of WireRecords and an event per record.
namespace DeskPhone.Hal.Simulated.Network;

/// <summary>
/// Records what happens on an <see cref="InMemoryNetwork"/>. Tests read <see cref="Records"/>
/// (a snapshot, oldest first) or subscribe to <see cref="Recorded"/>, which runs on the thread that
/// caused the event, outside the wire's lock.
/// </summary>
public sealed class WireCapture
{
    private readonly object _gate = new();
    private readonly List<WireRecord> _records = new();
    private volatile bool _enabled = true;

    internal WireCapture() { }

    /// <summary>Whether records are kept in <see cref="Records"/> (default true). The event fires either way.</summary>
    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>Raised for every record, kept or not.</summary>
    public event Action<WireRecord>? Recorded;

    /// <summary>A copy of the records kept so far, oldest first.</summary>
    public IReadOnlyList<WireRecord> Records
    {
        get { lock (_gate) return _records.ToArray(); }
    }

    /// <summary>The kept records of one event kind, oldest first.</summary>
    public IReadOnlyList<WireRecord> OfEvent(WireEvent kind)
    {
        lock (_gate) return _records.FindAll(r => r.Event == kind);
    }

    /// <summary>Forgets the records kept so far.</summary>
    public void Clear()
    {
        lock (_gate) _records.Clear();
    }

    internal void Add(WireRecord record)
    {
        if (_enabled)
        {
            lock (_gate) _records.Add(record);
        }
        Recorded?.Invoke(record);
    }
}
