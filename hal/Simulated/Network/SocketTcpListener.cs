// A real listening TCP socket whose accept thread starts a SocketTcpConnection per client.
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
    private readonly Thread _acceptor;
    private int _closed;

    private SocketTcpListener(SocketNetwork network, Socket socket, X509Certificate2? certificate, SocketTcpConnection.Handlers handlers)
    {
        _network = network;
        _socket = socket;
        _certificate = certificate;
        _handlers = handlers;
        LocalPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
        _acceptor = new Thread(AcceptLoop) { IsBackground = true, Name = "tcp-accept " + network.LocalAddress + ":" + LocalPort };
    }

    /// <inheritdoc/>
    public int LocalPort { get; }

    /// <summary>True when accepted streams are TLS.</summary>
    public bool IsTls => _certificate != null;

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
        listener._acceptor.Start();
        return listener;
    }

    /// <inheritdoc/>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        try { _socket.Shutdown(SocketShutdown.Both); }
        catch (SocketException) { } // a listening socket may say "not connected"; Dispose still wakes Accept
        _socket.Dispose();
        if (Thread.CurrentThread != _acceptor) _acceptor.Join(TimeSpan.FromSeconds(5));
        _network.Forget(this);
    }

    private void AcceptLoop()
    {
        while (Volatile.Read(ref _closed) == 0)
        {
            Socket accepted;
            try
            {
                accepted = _socket.Accept();
            }
            catch (SocketException) when (Volatile.Read(ref _closed) == 0)
            {
                continue; // a client gave up between its SYN and our accept
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return; // closed
            }
            accepted.NoDelay = true;
            _network.Start(SocketTcpConnection.ForAccepted(_network, accepted, _certificate, _handlers));
        }
    }
}
