// An in-memory TCP stream: connect handshake, in-order bytes, close on either side.
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Network;

/// <summary>
/// One end of a stream between two <see cref="InMemoryHost"/>s. Connecting sends a handshake across
/// the link; a port nobody listens on answers "connection refused", an address no host has answers
/// "no route to host". Bytes sent before the connect completes wait and go first once it does.
/// <see cref="Close"/> runs this end's closed handler ("closed locally") from a timer and, after the
/// bytes already sent, the far end's ("closed by peer").
/// </summary>
public sealed class InMemoryStream : ITcpConnection
{
    private readonly InMemoryHost _host;
    private readonly Handlers _handlers;
    private readonly bool _ownsPort;
    private State _state;
    private InMemoryStreamPipe? _outbound;
    private List<byte[]>? _beforeConnect;

    private InMemoryStream(InMemoryHost host, int localPort, string remoteAddress, int remotePort,
        Handlers handlers, State state, bool ownsPort)
    {
        _host = host;
        LocalPort = localPort;
        RemoteAddress = remoteAddress;
        RemotePort = remotePort;
        _handlers = handlers;
        _state = state;
        _ownsPort = ownsPort;
    }

    private enum State { Connecting, Open, Closed }

    /// <inheritdoc/>
    public string RemoteAddress { get; }

    /// <inheritdoc/>
    public int RemotePort { get; }

    /// <inheritdoc/>
    public int LocalPort { get; }

    /// <summary>False: in-memory streams are never TLS.</summary>
    public bool IsTls => false;

    /// <inheritdoc/>
    public bool IsOpen
    {
        get { lock (_host.Wire.Gate) return _state == State.Open; }
    }

    /// <inheritdoc/>
    public bool Send(byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (offset < 0 || count < 0 || offset > data.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
        WireRecord? record = null;
        lock (_host.Wire.Gate)
        {
            if (_state == State.Closed) return false;
            if (count == 0) return true;
            var copy = new byte[count];
            Buffer.BlockCopy(data, offset, copy, 0, count);
            if (_state == State.Connecting) (_beforeConnect ??= new()).Add(copy);
            else record = _outbound!.PushLocked(new Segment(SegmentKind.Data, copy));
        }
        if (record != null) _host.Wire.Capture.Add(record);
        return true;
    }

    /// <summary>Bytes sent and not yet delivered to the far end (waiting for the connect, or in flight on the link).</summary>
    public int Unsent
    {
        get
        {
            lock (_host.Wire.Gate)
            {
                int waiting = 0;
                if (_beforeConnect != null) foreach (var b in _beforeConnect) waiting += b.Length;
                return waiting + (_outbound?.QueuedBytesLocked ?? 0);
            }
        }
    }

    /// <inheritdoc/>
    public void Close()
    {
        lock (_host.Wire.Gate)
        {
            if (_state == State.Closed) return;
            _state = State.Closed;
            _beforeConnect = null;
            _outbound?.PushLocked(new Segment(SegmentKind.Fin));
            if (_ownsPort) _host.ReleaseTcpPortLocked(LocalPort);
        }
        _host.Wire.Clock.StartTimer(0, 0, () => _handlers.Closed(this, "closed locally"));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"in-memory stream {_host.LocalAddress}:{LocalPort} -> {RemoteAddress}:{RemotePort}";

    /// <summary>A stream that never opens: its closed handler runs from a timer with <paramref name="reason"/>.</summary>
    internal static InMemoryStream Failed(InMemoryHost host, string address, int port, Handlers handlers, string reason)
    {
        var stream = new InMemoryStream(host, 0, address, port, handlers, State.Closed, ownsPort: false);
        host.Wire.Clock.StartTimer(0, 0, () => handlers.Closed(stream, reason));
        return stream;
    }

    /// <summary>Starts a connect from <paramref name="host"/>:<paramref name="localPort"/> (already reserved).</summary>
    internal static InMemoryStream ConnectLocked(InMemoryHost host, int localPort, string address, int port, Handlers handlers)
    {
        var client = new InMemoryStream(host, localPort, address, port, handlers, State.Connecting, ownsPort: true);
        var wire = host.Wire;
        InMemoryStreamPipe? toServer = null;
        toServer = new InMemoryStreamPipe(wire, host.LocalAddress, localPort, address, port,
            segment => OnConnectArrived(wire, toServer!, client, segment));
        client._outbound = toServer;
        toServer.PushLocked(new Segment(SegmentKind.Syn));
        return client;
    }

    /// <summary>The handshake reached the far host: accept on a listener, or refuse.</summary>
    private static void OnConnectArrived(InMemoryNetwork wire, InMemoryStreamPipe toServer, InMemoryStream client, Segment segment)
    {
        if (segment.Kind != SegmentKind.Syn) return; // a Fin after a refused connect: nobody to tell
        InMemoryStream server;
        lock (wire.Gate)
        {
            var host = wire.HostOrNullLocked(toServer.ToAddress);
            var listener = host?.ListenerAtLocked(toServer.ToPort);
            var toClient = new InMemoryStreamPipe(wire, toServer.ToAddress, toServer.ToPort,
                toServer.FromAddress, toServer.FromPort, client.OnSegment);
            if (host == null || listener == null)
            {
                toClient.PushLocked(new Segment(SegmentKind.Refused,
                    Reason: host == null ? "no route to host" : "connection refused"));
                return;
            }
            server = new InMemoryStream(host, toServer.ToPort, toServer.FromAddress, toServer.FromPort,
                listener.Handlers, State.Open, ownsPort: false) { _outbound = toClient };
            toServer.Sink = server.OnSegment;
            toClient.PushLocked(new Segment(SegmentKind.SynAck));
        }
        server._handlers.Connected(server);
    }

    /// <summary>A segment from the far end arrived.</summary>
    private void OnSegment(Segment segment)
    {
        var records = new List<WireRecord>();
        lock (_host.Wire.Gate)
        {
            switch (segment.Kind)
            {
                case SegmentKind.SynAck:
                    if (_state != State.Connecting) return; // closed while connecting: our Fin follows
                    _state = State.Open;
                    foreach (var pending in _beforeConnect ?? new())
                    {
                        var r = _outbound!.PushLocked(new Segment(SegmentKind.Data, pending));
                        if (r != null) records.Add(r);
                    }
                    _beforeConnect = null;
                    break;
                case SegmentKind.Data:
                    if (_state != State.Open) return;
                    break;
                case SegmentKind.Refused:
                case SegmentKind.Fin:
                    if (_state == State.Closed) return;
                    _state = State.Closed;
                    _beforeConnect = null;
                    if (_ownsPort) _host.ReleaseTcpPortLocked(LocalPort);
                    break;
                default:
                    return;
            }
        }
        foreach (var r in records) _host.Wire.Capture.Add(r);
        switch (segment.Kind)
        {
            case SegmentKind.SynAck: _handlers.Connected(this); break;
            case SegmentKind.Data: _handlers.Data(this, (byte[])segment.Data!.Clone(), 0, segment.Data!.Length); break;
            case SegmentKind.Refused: _handlers.Closed(this, segment.Reason ?? "connection refused"); break;
            case SegmentKind.Fin: _handlers.Closed(this, "closed by peer"); break;
        }
    }

    /// <summary>The three handlers of a stream (for a listener: accepted, data, closed).</summary>
    internal readonly record struct Handlers(StreamConnected Connected, StreamReceived Data, StreamClosed Closed);
}
