// A real TCP (optionally TLS) stream: its own reader thread and writer thread, a send queue.
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Network;

/// <summary>
/// One stream of a <see cref="SocketNetwork"/>. A dedicated thread connects (or takes the accepted
/// socket), does the TLS handshake when asked, calls the connected handler, then the data handler
/// per read until the stream ends, and last the closed handler, exactly once. Sends go into a queue
/// that a writer thread drains once connected, so sending before the connect completes is fine.
/// Dedicated threads, not the thread pool: a test or a loop blocking pool threads cannot stall it.
/// </summary>
public sealed class SocketTcpConnection : ITcpConnection
{
    /// <summary>How long <see cref="Close"/> lets queued bytes drain before the socket is cut.</summary>
    public const int FlushLimitMs = 2_000;

    private readonly SocketNetwork _network;
    private readonly Handlers _handlers;
    private readonly string? _tlsServerName;
    private readonly X509Certificate2? _serverCertificate;
    private readonly object _gate = new();
    private readonly Queue<byte[]> _outbox = new();
    private readonly Thread _reader;
    private Thread? _writer;
    private Socket? _socket;
    private Timer? _deadline;
    private volatile bool _open;
    private bool _closeRequested; // no more sends; the writer drains and stops
    private bool _cut;            // the socket is being torn down
    private bool _aborting;       // closing without a graceful end (the writer sends no FIN)
    private string? _closeReason;
    private int _unsent;          // bytes queued or being written

    private SocketTcpConnection(SocketNetwork network, Handlers handlers, string remoteAddress, int remotePort,
        Socket? accepted, string? tlsServerName, X509Certificate2? serverCertificate)
    {
        _network = network;
        _handlers = handlers;
        RemoteAddress = remoteAddress;
        RemotePort = remotePort;
        _socket = accepted;
        _tlsServerName = tlsServerName;
        _serverCertificate = serverCertificate;
        IsTls = tlsServerName != null || serverCertificate != null;
        _reader = new Thread(Run) { IsBackground = true, Name = "tcp " + remoteAddress + ":" + remotePort };
    }

    /// <inheritdoc/>
    public string RemoteAddress { get; private set; }

    /// <inheritdoc/>
    public int RemotePort { get; }

    /// <inheritdoc/>
    public int LocalPort { get; private set; }

    /// <summary>True when the stream is (or is becoming) TLS.</summary>
    public bool IsTls { get; }

    /// <inheritdoc/>
    public bool IsOpen => _open;

    /// <inheritdoc/>
    public bool Send(byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (offset < 0 || count < 0 || offset > data.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
        var copy = new byte[count];
        Buffer.BlockCopy(data, offset, copy, 0, count);
        lock (_gate)
        {
            if (_closeRequested) return false;
            if (count > 0)
            {
                _outbox.Enqueue(copy);
                _unsent += count;
                Monitor.PulseAll(_gate);
            }
            return true;
        }
    }

    /// <inheritdoc/>
    public int Unsent
    {
        get { lock (_gate) return _unsent; }
    }

    /// <summary>
    /// Closes after writing what is queued (up to <see cref="FlushLimitMs"/>); the closed handler
    /// then runs with "closed locally". Returns at once.
    /// </summary>
    public void Close() => RequestClose("closed locally", flush: true);

    /// <inheritdoc/>
    public override string ToString() => $"tcp{(IsTls ? "+tls" : "")} :{LocalPort} -> {RemoteAddress}:{RemotePort}";

    internal static SocketTcpConnection ForConnect(SocketNetwork network, string address, int port, string? tlsServerName, Handlers handlers) =>
        new(network, handlers, address, port, null, tlsServerName, null);

    internal static SocketTcpConnection ForAccepted(SocketNetwork network, Socket socket, X509Certificate2? serverCertificate, Handlers handlers)
    {
        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        return new(network, handlers, remote.Address.ToString(), remote.Port, socket, null, serverCertificate);
    }

    /// <summary>Starts the stream's thread; with <paramref name="refusal"/> it only reports closed.</summary>
    internal void Start(string? refusal)
    {
        if (refusal != null) RequestClose(refusal, flush: false);
        _reader.Start();
    }

    /// <summary>Fixes the close reason (unless a close was already asked for) without cutting yet.</summary>
    internal void PrepareAbort(string reason)
    {
        lock (_gate)
        {
            _aborting = true;
            MarkClosingLocked(reason);
        }
    }

    /// <summary>Cuts the stream now; <paramref name="reason"/> unless another was fixed before.</summary>
    internal void Abort(string reason) => RequestClose(reason, flush: false, force: true);

    /// <summary>Waits (bounded) for the stream's threads to finish; false when they did not.</summary>
    internal bool Join(TimeSpan limit)
    {
        if (Thread.CurrentThread == _reader || !_reader.IsAlive && _reader.ThreadState == ThreadState.Unstarted) return true;
        return _reader.Join(limit);
    }

    private void RequestClose(string reason, bool flush, bool force = false)
    {
        bool cutNow;
        lock (_gate)
        {
            if (_closeRequested && !force) return;
            if (!flush) _aborting = true;
            MarkClosingLocked(reason);
            // With bytes to deliver, let the connect finish and the writer drain; it cuts when done.
            cutNow = !flush || _outbox.Count == 0 && (!_open || _writer == null);
            if (!cutNow) _deadline ??= new Timer(_ => Cut(), null, FlushLimitMs, Timeout.Infinite);
        }
        if (cutNow) Cut();
    }

    private void MarkClosingLocked(string reason)
    {
        if (_closeRequested) return;
        _closeRequested = true;
        _closeReason = reason;
        Monitor.PulseAll(_gate);
    }

    /// <summary>Tears the socket down; blocking calls on it return at once.</summary>
    private void Cut()
    {
        Socket? socket;
        lock (_gate)
        {
            if (_cut) return;
            _cut = true;
            _closeRequested = true;
            socket = _socket;
            Monitor.PulseAll(_gate);
        }
        if (socket == null) return;
        try { socket.Shutdown(SocketShutdown.Both); }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        socket.Dispose();
    }

    private void Run()
    {
        string failure = "closed";
        Stream? stream = null;
        try
        {
            ThrowIfCut();
            var socket = _socket ?? Connect();
            LocalPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
            stream = new NetworkStream(socket, ownsSocket: false);
            if (IsTls) stream = Handshake(socket, stream);
            ThrowIfCut();

            bool announce;
            lock (_gate)
            {
                _open = true;
                announce = !_closeRequested;
                _writer = new Thread(() => WriteLoop(stream, socket)) { IsBackground = true, Name = _reader.Name + " tx" };
                _writer.Start();
            }
            if (announce) _network.RunHandler(() => _handlers.Connected(this));

            var buffer = new byte[16 * 1024];
            while (true)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n == 0)
                {
                    failure = "closed by peer";
                    break;
                }
                _network.RunHandler(() => _handlers.Data(this, buffer, 0, n));
            }
        }
        catch (Exception e) when (SocketErrors.IsNetworkFailure(e))
        {
            failure = SocketErrors.Describe(e);
        }
        finally
        {
            _open = false;
            Cut();
            _writer?.Join(TimeSpan.FromSeconds(5));
            _deadline?.Dispose();
            stream?.Dispose();
            string reason;
            lock (_gate) reason = _closeReason ?? failure;
            _network.RunHandler(() => _handlers.Closed(this, reason));
            _network.Forget(this);
        }
    }

    private void ThrowIfCut()
    {
        lock (_gate) if (_cut) throw new StreamFailure("aborted");
    }

    private Socket Connect()
    {
        if (!IPAddress.TryParse(RemoteAddress, out var ip)) throw new StreamFailure("not an IP address");
        if (ip.AddressFamily != _network.LocalIp.AddressFamily) throw new StreamFailure("address family differs from the local address");
        if (RemotePort is < 1 or > 65535) throw new StreamFailure("bad port");
        RemoteAddress = ip.ToString();
        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        lock (_gate)
        {
            if (_cut)
            {
                socket.Dispose();
                throw new StreamFailure("aborted");
            }
            _socket = socket; // from here Cut() can interrupt the connect
        }
        bool timedOut = false;
        using var limit = new Timer(_ => { timedOut = true; Cut(); }, null, _network.ConnectTimeoutMs, Timeout.Infinite);
        try
        {
            socket.Bind(new IPEndPoint(_network.LocalIp, 0));
            socket.Connect(new IPEndPoint(ip, RemotePort));
            return socket;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException && timedOut)
        {
            throw new StreamFailure("connect timed out");
        }
    }

    private SslStream Handshake(Socket socket, Stream inner)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        socket.ReceiveTimeout = socket.SendTimeout = _network.ConnectTimeoutMs;
        if (_serverCertificate != null)
            ssl.AuthenticateAsServer(new SslServerAuthenticationOptions { ServerCertificate = _serverCertificate });
        else
            ssl.AuthenticateAsClient(_network.ClientTlsOptions(_tlsServerName!));
        socket.ReceiveTimeout = socket.SendTimeout = 0;
        return ssl;
    }

    /// <summary>Writes queued chunks in order; after Close() drains the queue, ends the stream.</summary>
    private void WriteLoop(Stream stream, Socket socket)
    {
        try
        {
            while (true)
            {
                byte[] chunk;
                lock (_gate)
                {
                    while (_outbox.Count == 0 && !_closeRequested && !_cut) Monitor.Wait(_gate);
                    if (_cut || _aborting) return;
                    if (_outbox.Count == 0) break; // close requested and everything written
                    chunk = _outbox.Dequeue();
                }
                stream.Write(chunk, 0, chunk.Length);
                lock (_gate) _unsent -= chunk.Length;
            }
            stream.Flush();
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (SocketErrors.IsNetworkFailure(e))
        {
            RequestClose(SocketErrors.Describe(e), flush: false);
        }
        Cut(); // done writing (or broken): stop the reader
    }

    /// <summary>The three handlers of a stream (for a listener: accepted, data, closed).</summary>
    internal readonly record struct Handlers(StreamConnected Connected, StreamReceived Data, StreamClosed Closed)
    {
        /// <summary>This, after checking no handler is null.</summary>
        public Handlers Checked()
        {
            ArgumentNullException.ThrowIfNull(Connected);
            ArgumentNullException.ThrowIfNull(Data);
            ArgumentNullException.ThrowIfNull(Closed);
            return this;
        }
    }
}
