// Test fixture: an in-memory wire on virtual time, and recorders for what hosts receive.
using System.Text;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Hal.Simulated.Tests.Network;

/// <summary>A wire on a VirtualClock with a driver; two hosts, A and B, are there from the start.</summary>
internal sealed class VirtualWire
{
    public const string A = "127.0.1.1";
    public const string B = "127.0.1.2";

    public VirtualWire(int seed = 1)
    {
        Clock = new VirtualClock();
        Driver = new VirtualTimeDriver(Clock);
        Wire = new InMemoryNetwork(Clock, seed);
        HostA = Wire.AddHost(A);
        HostB = Wire.AddHost(B);
    }

    public VirtualClock Clock { get; }
    public VirtualTimeDriver Driver { get; }
    public InMemoryNetwork Wire { get; }
    public InMemoryHost HostA { get; }
    public InMemoryHost HostB { get; }

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>One received datagram as the handler saw it.</summary>
internal sealed record Arrival(long TimeMs, string Text, string FromAddress, int FromPort);

/// <summary>Collects datagrams handed to a handler, with the virtual time they arrived.</summary>
internal sealed class Inbox
{
    private readonly IClock _clock;
    private readonly List<Arrival> _arrivals = new();

    public Inbox(IClock clock) { _clock = clock; }

    public IReadOnlyList<Arrival> Arrivals { get { lock (_arrivals) return _arrivals.ToArray(); } }

    public IEnumerable<string> Texts => Arrivals.Select(a => a.Text);

    public void Handler(byte[] data, int offset, int count, string remoteAddress, int remotePort)
    {
        var arrival = new Arrival(_clock.NowMs, Encoding.UTF8.GetString(data, offset, count), remoteAddress, remotePort);
        lock (_arrivals) _arrivals.Add(arrival);
    }
}

/// <summary>Records a stream's handler calls: connected, bytes, closed (with reasons).</summary>
internal sealed class StreamLog
{
    private readonly IClock? _clock;
    private readonly object _gate = new();
    private readonly StringBuilder _received = new();
    private readonly List<string> _closeReasons = new();

    public StreamLog(IClock? clock = null) { _clock = clock; }

    public ManualResetEventSlim ConnectedSignal { get; } = new();
    public ManualResetEventSlim ClosedSignal { get; } = new();
    public int Connects { get; private set; }
    public long? ConnectedAtMs { get; private set; }
    public long? ClosedAtMs { get; private set; }
    public ITcpConnection? Connection { get; private set; }
    public string Received { get { lock (_gate) return _received.ToString(); } }
    public IReadOnlyList<string> CloseReasons { get { lock (_gate) return _closeReasons.ToArray(); } }

    /// <summary>Set when <see cref="Received"/> reaches the length waited for.</summary>
    public ManualResetEventSlim DataSignal { get; } = new();
    public int WaitForLength { get; set; } = int.MaxValue;

    public void OnConnected(ITcpConnection connection)
    {
        lock (_gate)
        {
            Connects++;
            Connection = connection;
            ConnectedAtMs = _clock?.NowMs;
        }
        ConnectedSignal.Set();
    }

    public void OnData(ITcpConnection connection, byte[] data, int offset, int count)
    {
        bool enough;
        lock (_gate)
        {
            _received.Append(Encoding.UTF8.GetString(data, offset, count));
            enough = _received.Length >= WaitForLength;
        }
        if (enough) DataSignal.Set();
    }

    public void OnClosed(ITcpConnection connection, string reason)
    {
        lock (_gate)
        {
            _closeReasons.Add(reason);
            ClosedAtMs = _clock?.NowMs;
        }
        ClosedSignal.Set();
    }
}
