// A real TCP (optionally TLS) stream: connect or accept, then a read loop and a write queue.
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Network;

/// <summary>
/// One stream of a <see cref="SocketNetwork"/>. Its life runs as one task on the thread pool:
/// connect (or take the accepted socket), TLS handshake when asked, the connected handler, then the
/// data handler per read until the stream ends, and finally the closed handler, exactly once.
/// Sends go into a queue that a writer drains once connected, so sending before the connect is fine.
/// </summary>
public sealed class SocketTcpConnection : ITcpConnection
{
    /// <summary>How long <see cref="Close"/> lets queued bytes drain before the socket is cut.</summary>
    public const int FlushLimitMs = 2_000;

    private readonly SocketNetwork _network;
    private readonly Handlers _handlers;
    private readonly string? _tlsServerName;
    private readonly X509Certificate2? _serverCertificate;
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _abort = new();
    private Socket? _socket;
    private volatile bool _open;
    private int _closeRequested;
    private volatile string? _closeReason;
    private Task _run = Task.CompletedTask;

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
    }

    /// <inheritdoc/>
    public string RemoteAddress { get; private set; }

    /// <inheritdoc/>
    public int RemotePort { get; private set; }

    /// <inheritdoc/>
    public int LocalPort { get; private set; }

    /// <summary>True when the stream is (or is becoming) TLS.</summary>
    public bool IsTls { get; }

    /// <inheritdoc/>
    public bool IsOpen => _open;

    /// <summary>Ends when the stream's closed handler has run.</summary>
    internal Task Completion => _run;

    /// <inheritdoc/>
    public bool Send(byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (offset < 0 || count < 0 || offset > data.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
        if (Volatile.Read(ref _closeRequested) != 0) return false;
        if (count == 0) return true;
        var copy = new byte[count];
        Buffer.BlockCopy(data, offset, copy, 0, count);
        return _outbox.Writer.TryWrite(copy);
    }

    /// <summary>
    /// Closes after writing what is queued (up to <see cref="FlushLimitMs"/>); the closed handler
    /// then runs with "closed locally".
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

    /// <summary>Starts the stream's task; with <paramref name="refusal"/> it only reports closed.</summary>
    internal void Start(string? refusal)
    {
        if (refusal != null) RequestClose(refusal, flush: false);
        _run = Task.Run(RunAsync);
    }

    /// <summary>Fixes the close reason (unless a close was already asked for) without cutting yet.</summary>
    internal void PrepareAbort(string reason)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) != 0) return;
        _closeReason = reason;
        _outbox.Writer.TryComplete();
    }

    /// <summary>Cuts the stream now with <paramref name="reason"/> (unless it is already closing).</summary>
    internal void Abort(string reason)
    {
        PrepareAbort(reason);
        _abort.Cancel();
    }

    private void RequestClose(string reason, bool flush)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) != 0) return;
        _closeReason = reason;
        bool queued = _outbox.Reader.Count > 0;
        _outbox.Writer.TryComplete();
        // With bytes to deliver, let the connect finish and the writer drain (it cancels once done).
        if (flush && (_open || queued)) _abort.CancelAfter(FlushLimitMs);
        else _abort.Cancel();
    }

    private async Task RunAsync()
    {
        string failure = "closed";
        Stream? stream = null;
        Task? writer = null;
        var token = _abort.Token;
        try
        {
            token.ThrowIfCancellationRequested();
            var socket = _socket ?? await ConnectAsync(token);
            _socket = socket;
            using var cut = token.Register(static s => ((Socket)s!).Dispose(), socket);
            LocalPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
            stream = new NetworkStream(socket, ownsSocket: true);
            if (IsTls) stream = await HandshakeAsync(stream, token);
            token.ThrowIfCancellationRequested();

            _open = true;
            if (_closeReason == null) _network.RunHandler(() => _handlers.Connected(this)); // not after Close()
            writer = WriteLoopAsync(stream, socket, token);
            var buffer = new byte[16 * 1024];
            while (true)
            {
                int n = await stream.ReadAsync(buffer, token);
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
            Interlocked.Exchange(ref _closeRequested, 1);
            _outbox.Writer.TryComplete();
            _abort.Cancel();
            if (writer != null) await writer;
            stream?.Dispose();
            _socket?.Dispose();
            string reason = _closeReason ?? failure;
            _network.RunHandler(() => _handlers.Closed(this, reason));
            _network.Forget(this);
        }
    }

    private async Task<Socket> ConnectAsync(CancellationToken token)
    {
        if (!IPAddress.TryParse(RemoteAddress, out var ip)) throw new StreamFailure("not an IP address");
        if (ip.AddressFamily != _network.LocalIp.AddressFamily) throw new StreamFailure("address family differs from the local address");
        if (RemotePort is < 1 or > 65535) throw new StreamFailure("bad port");
        RemoteAddress = ip.ToString();
        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(_network.LocalIp, 0));
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
            limit.CancelAfter(_network.ConnectTimeoutMs);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(ip, RemotePort), limit.Token);
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                throw new StreamFailure("connect timed out");
            }
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<Stream> HandshakeAsync(Stream inner, CancellationToken token)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
        limit.CancelAfter(_network.ConnectTimeoutMs);
        try
        {
            if (_serverCertificate != null)
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _serverCertificate }, limit.Token);
            else
                await ssl.AuthenticateAsClientAsync(_network.ClientTlsOptions(_tlsServerName!), limit.Token);
            return ssl;
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            await ssl.DisposeAsync();
            throw new StreamFailure("TLS handshake timed out");
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes queued chunks in order; once Close() completed the queue, drains it and cuts the stream.</summary>
    private async Task WriteLoopAsync(Stream stream, Socket socket, CancellationToken token)
    {
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(token))
            {
                while (_outbox.Reader.TryRead(out var chunk)) await stream.WriteAsync(chunk, token);
                await stream.FlushAsync(token);
            }
            if (stream is SslStream ssl) await ssl.ShutdownAsync();
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (SocketErrors.IsNetworkFailure(e))
        {
            if (!token.IsCancellationRequested) RequestClose(SocketErrors.Describe(e), flush: false);
        }
        finally
        {
            _abort.Cancel(); // stops the read loop when the writer is done or broken
        }
    }

    /// <summary>The three handlers of a stream (for a listener: accepted, data, closed).</summary>
    internal readonly record struct Handlers(StreamConnected Connected, StreamReceived Data, StreamClosed Closed)
    {
        public Handlers Checked()
        {
            ArgumentNullException.ThrowIfNull(Connected);
            ArgumentNullException.ThrowIfNull(Data);
            ArgumentNullException.ThrowIfNull(Closed);
            return this;
        }
    }
}
