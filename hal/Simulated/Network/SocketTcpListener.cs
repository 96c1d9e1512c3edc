// A real listening TCP socket whose accept loop starts a SocketTcpConnection per client.
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Network;

/// <summary>
/// A listening port of a <see cref="SocketNetwork"/>. Each accepted socket becomes a stream whose
/// accepted handler runs once it is ready (after the TLS handshake when the listener has a
/// certificate). Closing the listener leaves accepted streams open.
/// </summary>
public sealed class SocketTcpListener : ITcpListener
{
    private readonly SocketNetwork _network;
    private readonly Socket _socket;
    private readonly X509Certificate2? _certificate;
    private readonly SocketTcpConnection.Handlers _handlers;
    private readonly CancellationTokenSource _stop = new();
    private int _closed;

    private SocketTcpListener(SocketNetwork network, Socket socket, X509Certificate2? certificate, SocketTcpConnection.Handlers handlers)
    {
        _network = network;
        _socket = socket;
        _certificate = certificate;
        _handlers = handlers;
        LocalPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <inheritdoc/>
    public int LocalPort { get; }

    /// <summary>True when accepted streams are TLS.</summary>
    public bool IsTls => _certificate != null;

    /// <summary>Ends when the accept loop has stopped.</summary>
    internal Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Binds, listens and starts accepting; null when the port is taken or cannot be bound.</summary>
    internal static SocketTcpListener? TryOpen(SocketNetwork network, int port, X509Certificate2? certificate, SocketTcpConnection.Handlers handlers)
    {
        if (port is < 0 or > 65535) return null;
        var socket = new Socket(network.LocalIp.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(network.LocalIp, port));
            socket.Listen(64);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
        var listener = new SocketTcpListener(network, socket, certificate, handlers);
        listener.Completion = Task.Run(listener.AcceptLoopAsync);
        return listener;
    }

    /// <inheritdoc/>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        _stop.Cancel();
        _socket.Dispose();
        _network.Forget(this);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _socket.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (!_stop.IsCancellationRequested)
            {
                continue; // a client gave up between SYN and accept
            }
            catch (SocketException)
            {
                return;
            }
            accepted.NoDelay = true;
            _network.Start(SocketTcpConnection.ForAccepted(_network, accepted, _certificate, _handlers));
        }
    }
}
