// The in-memory wire: hosts by address, fault knobs, partitions, counters and a capture.
using System.Net;
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Network;

/// <summary>
/// A simulated network joining any number of <see cref="InMemoryHost"/>s (one per phone or server),
/// each an <see cref="INetwork"/> with its own address. Every delivery is a timer on the injected
/// <see cref="IClock"/>, so nothing arrives inside a send call and, on a VirtualClock, time only
/// moves when the test moves it. Random faults draw from one seeded <see cref="Random"/>: the same
/// seed and the same sends give the same outcome.
/// </summary>
public sealed partial class InMemoryNetwork
{
    /// <summary>The largest UDP payload the wire carries (IPv4 limit).</summary>
    public const int MaxDatagramBytes = 65507;

    internal readonly object Gate = new();
    private readonly Dictionary<string, InMemoryHost> _hosts = new();
    private readonly Dictionary<(string From, string To), LinkFaults> _links = new();
    private readonly Dictionary<(string From, string To), Counts> _counts = new();
    private readonly HashSet<(string, string)> _partitions = new();
    private readonly List<InMemoryStreamPipe> _stalled = new();
    private readonly Random _random;
    private int _reorderHoldLimitMs = 200;

    /// <summary>A wire on <paramref name="clock"/> whose random faults follow <paramref name="seed"/>.</summary>
    public InMemoryNetwork(IClock clock, int seed = 1)
    {
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _random = new Random(seed);
        Faults = new LinkFaults(Gate);
    }

    /// <summary>The clock every delivery is scheduled on.</summary>
    public IClock Clock { get; }

    /// <summary>Knobs for every link; a link's own knobs (<see cref="Link"/>) win where set.</summary>
    public LinkFaults Faults { get; }

    /// <summary>What crossed the wire: records and an event.</summary>
    public WireCapture Capture { get; } = new();

    /// <summary>
    /// How long a datagram held back by the reorder knob waits for a follower before it goes
    /// anyway (default 200 ms).
    /// </summary>
    public int ReorderHoldLimitMs
    {
        get { lock (Gate) return _reorderHoldLimitMs; }
        set
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value));
            lock (Gate) _reorderHoldLimitMs = value;
        }
    }

    /// <summary>Adds a host with the literal IP <paramref name="address"/> (e.g. "127.0.1.1").</summary>
    /// <exception cref="ArgumentException">Not an IP address, or a host already has it.</exception>
    public InMemoryHost AddHost(string address)
    {
        string key = NormalizeOrThrow(address);
        lock (Gate)
        {
            if (_hosts.ContainsKey(key)) throw new ArgumentException("a host already has " + key, nameof(address));
            var host = new InMemoryHost(this, key);
            _hosts.Add(key, host);
            return host;
        }
    }

    /// <summary>The host with <paramref name="address"/>.</summary>
    /// <exception cref="KeyNotFoundException">No host has that address.</exception>
    public InMemoryHost Host(string address)
    {
        string key = NormalizeOrThrow(address);
        lock (Gate)
        {
            return _hosts.TryGetValue(key, out var host) ? host : throw new KeyNotFoundException("no host " + key);
        }
    }

    /// <summary>Every host, in no particular order.</summary>
    public IReadOnlyList<InMemoryHost> Hosts
    {
        get { lock (Gate) return _hosts.Values.ToArray(); }
    }

    /// <summary>The knobs of the directed link <paramref name="from"/> → <paramref name="to"/> (created unset).</summary>
    public LinkFaults Link(string from, string to)
    {
        var key = (NormalizeOrThrow(from), NormalizeOrThrow(to));
        lock (Gate)
        {
            if (!_links.TryGetValue(key, out var faults)) _links.Add(key, faults = new LinkFaults(Gate));
            return faults;
        }
    }

    /// <summary>
    /// Cuts both directions between <paramref name="a"/> and <paramref name="b"/>: datagrams are
    /// dropped, stream bytes wait (in order) until <see cref="Heal"/>.
    /// </summary>
    public void Partition(string a, string b)
    {
        string x = NormalizeOrThrow(a), y = NormalizeOrThrow(b);
        lock (Gate)
        {
            _partitions.Add((x, y));
            _partitions.Add((y, x));
        }
    }

    /// <summary>Rejoins <paramref name="a"/> and <paramref name="b"/>; stalled stream bytes move on.</summary>
    public void Heal(string a, string b)
    {
        string x = NormalizeOrThrow(a), y = NormalizeOrThrow(b);
        lock (Gate)
        {
            _partitions.Remove((x, y));
            _partitions.Remove((y, x));
            ResumeStalledLocked();
        }
    }

    /// <summary>Removes every partition.</summary>
    public void HealAll()
    {
        lock (Gate)
        {
            _partitions.Clear();
            ResumeStalledLocked();
        }
    }

    /// <summary>True while <paramref name="a"/> and <paramref name="b"/> are partitioned.</summary>
    public bool IsPartitioned(string a, string b)
    {
        string x = NormalizeOrThrow(a), y = NormalizeOrThrow(b);
        lock (Gate) return _partitions.Contains((x, y));
    }

    /// <summary>The counters of the directed link <paramref name="from"/> → <paramref name="to"/>.</summary>
    public LinkCounters Counters(string from, string to)
    {
        var key = (NormalizeOrThrow(from), NormalizeOrThrow(to));
        lock (Gate) return _counts.TryGetValue(key, out var c) ? c.Snapshot() : default;
    }

    /// <summary>The counters of all links added up.</summary>
    public LinkCounters TotalCounters
    {
        get
        {
            lock (Gate)
            {
                var sum = default(LinkCounters);
                foreach (var c in _counts.Values) sum += c.Snapshot();
                return sum;
            }
        }
    }

    /// <summary>The canonical text of an IP address, or null when it is not one.</summary>
    internal static string? Normalize(string? address) =>
        address != null && IPAddress.TryParse(address, out var ip) ? ip.ToString() : null;

    internal InMemoryHost? HostOrNullLocked(string address) => _hosts.TryGetValue(address, out var h) ? h : null;

    internal bool IsPartitionedLocked(string from, string to) => _partitions.Contains((from, to));

    internal LinkFaults.Effective FaultsLocked(string from, string to) =>
        LinkFaults.Resolve(_links.TryGetValue((from, to), out var link) ? link : null, Faults);

    /// <summary>Fixed delay plus a jitter draw for one datagram or segment.</summary>
    internal int DrawDelayLocked(LinkFaults.Effective f) =>
        f.JitterMs > 0 ? f.DelayMs + _random.Next(0, f.JitterMs + 1) : f.DelayMs;

    /// <summary>True with probability <paramref name="p"/>; draws nothing when p is 0.</summary>
    internal bool ChanceLocked(double p) => p > 0 && (p >= 1 || _random.NextDouble() < p);

    internal Counts CountsLocked(string from, string to)
    {
        if (!_counts.TryGetValue((from, to), out var c)) _counts.Add((from, to), c = new Counts());
        return c;
    }

    internal void AddStalledLocked(InMemoryStreamPipe pipe) => _stalled.Add(pipe);

    private void ResumeStalledLocked()
    {
        for (int i = _stalled.Count - 1; i >= 0; i--)
        {
            var pipe = _stalled[i];
            if (IsPartitionedLocked(pipe.FromAddress, pipe.ToAddress)) continue;
            _stalled.RemoveAt(i);
            pipe.ResumeLocked();
        }
    }

    private static string NormalizeOrThrow(string address) =>
        Normalize(address) ?? throw new ArgumentException("not an IP address: " + address, nameof(address));

    /// <summary>Mutable counters of one link, guarded by the wire's lock.</summary>
    internal sealed class Counts
    {
        public long Sent, Delivered, Dropped, Duplicated, Reordered, Unreachable, StreamBytesSent, StreamBytesDelivered;

        public LinkCounters Snapshot() =>
            new(Sent, Delivered, Dropped, Duplicated, Reordered, Unreachable, StreamBytesSent, StreamBytesDelivered);
    }
}
