// One machine on the in-memory wire: the INetwork a simulated phone (or a fake server) is given.
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Network;

/// <summary>
/// The <see cref="INetwork"/> of one host on an <see cref="InMemoryNetwork"/>. UDP and TCP ports
/// are separate number spaces per host; port 0 picks a free one from 49152 up.
/// Handlers run from clock timers (on a VirtualClock: inside the test's Advance calls).
/// </summary>
public sealed class InMemoryHost : INetwork
{
    /// <summary>The first port handed out for port 0.</summary>
    public const int FirstEphemeralPort = 49152;

    private readonly Dictionary<int, InMemoryUdpEndpoint> _udp = new();
    private readonly Dictionary<int, InMemoryTcpListener> _listeners = new();
    private readonly HashSet<int> _tcpPorts = new();
    private int _nextUdp = FirstEphemeralPort;
    private int _nextTcp = FirstEphemeralPort;

    internal InMemoryHost(InMemoryNetwork wire, string address)
    {
        Wire = wire;
        LocalAddress = address;
    }

    /// <summary>The wire this host is on.</summary>
    public InMemoryNetwork Wire { get; }

    /// <inheritdoc/>
    public string LocalAddress { get; }

    /// <summary>False: the in-memory wire carries plain streams only.</summary>
    public bool SupportsTls => false;

    /// <summary>How many UDP ports are bound now.</summary>
    public int BoundUdpPorts
    {
        get { lock (Wire.Gate) return _udp.Count; }
    }

    /// <inheritdoc/>
    public IUdpEndpoint? OpenUdp(int localPort, DatagramReceived onDatagram)
    {
        ArgumentNullException.ThrowIfNull(onDatagram);
        lock (Wire.Gate)
        {
            int port = localPort == 0 ? FreePortLocked(_udp.ContainsKey, ref _nextUdp) : localPort;
            if (port is < 1 or > 65535 || _udp.ContainsKey(port)) return null;
            var endpoint = new InMemoryUdpEndpoint(this, port, onDatagram);
            _udp.Add(port, endpoint);
            return endpoint;
        }
    }

    /// <inheritdoc/>
    public ITcpConnection ConnectTcp(string address, int port, string? tlsServerName,
        StreamConnected onConnected, StreamReceived onData, StreamClosed onClosed)
    {
        ArgumentNullException.ThrowIfNull(onConnected);
        ArgumentNullException.ThrowIfNull(onData);
        ArgumentNullException.ThrowIfNull(onClosed);
        string? remote = InMemoryNetwork.Normalize(address);
        var handlers = new InMemoryStream.Handlers(onConnected, onData, onClosed);
        if (tlsServerName != null) return InMemoryStream.Failed(this, address, port, handlers, "TLS not supported");
        if (remote == null) return InMemoryStream.Failed(this, address, port, handlers, "not an IP address");
        if (port is < 1 or > 65535) return InMemoryStream.Failed(this, remote, port, handlers, "bad port");

        lock (Wire.Gate)
        {
            int localPort = FreePortLocked(_tcpPorts.Contains, ref _nextTcp);
            if (localPort == 0) return InMemoryStream.Failed(this, remote, port, handlers, "no free port");
            _tcpPorts.Add(localPort);
            return InMemoryStream.ConnectLocked(this, localPort, remote, port, handlers);
        }
    }

    /// <inheritdoc/>
    public ITcpListener? ListenTls(int localPort, byte[] certificatePem, byte[] privateKeyPem,
        StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed, out string? error)
    {
        error = "the in-memory network has no TLS (use SocketNetwork for HTTPS)";
        return null;
    }

    /// <inheritdoc/>
    public ITcpListener? ListenTcp(int localPort, StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed)
    {
        ArgumentNullException.ThrowIfNull(onAccepted);
        ArgumentNullException.ThrowIfNull(onData);
        ArgumentNullException.ThrowIfNull(onClosed);
        lock (Wire.Gate)
        {
            int port = localPort == 0 ? FreePortLocked(_tcpPorts.Contains, ref _nextTcp) : localPort;
            if (port is < 1 or > 65535 || _tcpPorts.Contains(port)) return null;
            var listener = new InMemoryTcpListener(this, port, new InMemoryStream.Handlers(onAccepted, onData, onClosed));
            _tcpPorts.Add(port);
            _listeners.Add(port, listener);
            return listener;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => "in-memory host " + LocalAddress;

    internal InMemoryUdpEndpoint? UdpAtLocked(int port) => _udp.TryGetValue(port, out var e) ? e : null;

    internal InMemoryTcpListener? ListenerAtLocked(int port) => _listeners.TryGetValue(port, out var l) ? l : null;

    internal void ReleaseUdpLocked(InMemoryUdpEndpoint endpoint)
    {
        if (_udp.TryGetValue(endpoint.LocalPort, out var bound) && bound == endpoint) _udp.Remove(endpoint.LocalPort);
    }

    internal void ReleaseListenerLocked(InMemoryTcpListener listener)
    {
        if (_listeners.TryGetValue(listener.LocalPort, out var bound) && bound == listener)
        {
            _listeners.Remove(listener.LocalPort);
            _tcpPorts.Remove(listener.LocalPort);
        }
    }

    internal void ReleaseTcpPortLocked(int port) => _tcpPorts.Remove(port);

    /// <summary>The next free port from the rotating cursor; 0 when every ephemeral port is taken.</summary>
    private static int FreePortLocked(Func<int, bool> taken, ref int cursor)
    {
        for (int i = 0; i <= 65535 - FirstEphemeralPort; i++)
        {
            int port = cursor;
            cursor = cursor == 65535 ? FirstEphemeralPort : cursor + 1;
            if (!taken(port)) return port;
        }
        return 0;
    }
}
