// A real UDP socket with its own receive thread.
using System.Net;
using System.Net.Sockets;
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Network;

/// <summary>
/// A UDP port of a <see cref="SocketNetwork"/>. A background thread receives and calls the handler
/// with a buffer reused for the next datagram. After <see cref="Close"/> returns no handler runs
/// (unless Close was called from inside the handler, which then finishes its call).
/// </summary>
public sealed class SocketUdpEndpoint : IUdpEndpoint
{
    /// <summary>The largest payload one datagram carries over IPv4.</summary>
    public const int MaxDatagramBytes = 65507;

    private readonly SocketNetwork _network;
    private readonly Socket _socket;
    private readonly DatagramReceived _onDatagram;
    private readonly Thread _receiver;
    private volatile bool _closed;
    private int _closing;
    private Destination? _lastDestination; // the last SendTo target: RTP goes to one address, packet after packet

    /// <summary>A parsed send target, swapped whole so threads sending on one port never see half of one.</summary>
    private sealed class Destination(string address, int port, IPEndPoint endPoint)
    {
        public readonly string Address = address;
        public readonly int Port = port;
        public readonly SocketAddress Socket = endPoint.Serialize(); // SendTo with an EndPoint serializes it every time
    }

    private SocketUdpEndpoint(SocketNetwork network, Socket socket, DatagramReceived onDatagram)
    {
        _network = network;
        _socket = socket;
        _onDatagram = onDatagram;
        LocalPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
        _receiver = new Thread(ReceiveLoop) { IsBackground = true, Name = "udp-rx " + network.LocalAddress + ":" + LocalPort };
    }

    /// <inheritdoc/>
    public int LocalPort { get; }

    /// <summary>True once <see cref="Close"/> ran.</summary>
    public bool IsClosed => _closed;

    /// <summary>Binds and starts receiving; null when the port is taken or cannot be bound.</summary>
    internal static SocketUdpEndpoint? TryOpen(SocketNetwork network, int port, DatagramReceived onDatagram)
    {
        if (port is < 0 or > 65535) return null;
        var socket = new Socket(network.LocalIp.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.ExclusiveAddressUse = true;
            socket.Bind(new IPEndPoint(network.LocalIp, port));
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
        var endpoint = new SocketUdpEndpoint(network, socket, onDatagram);
        endpoint._receiver.Start();
        return endpoint;
    }

    /// <summary>Sends one datagram; false when closed, too large, not routable or refused by the OS.</summary>
    public bool SendTo(byte[] data, int offset, int count, string address, int port)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (offset < 0 || count < 0 || offset > data.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
        if (_closed || count > MaxDatagramBytes || port is < 1 or > 65535) return false;
        var to = _lastDestination;
        if (to == null || to.Port != port || !string.Equals(to.Address, address, StringComparison.Ordinal))
        {
            if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != _socket.AddressFamily) return false;
            to = new Destination(address, port, new IPEndPoint(ip, port));
            _lastDestination = to;
        }
        try
        {
            return _socket.SendTo(data.AsSpan(offset, count), SocketFlags.None, to.Socket) == count;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0) return;
        _closed = true;
        _socket.Dispose(); // wakes the receive thread
        if (Thread.CurrentThread != _receiver) _receiver.Join(TimeSpan.FromSeconds(5));
        _network.Forget(this);
    }

    private void ReceiveLoop()
    {
        var buffer = new byte[65536];
        // The sender's address arrives in a reused SocketAddress; its text form is made again only
        // when the sender changes, so a steady RTP stream allocates nothing per datagram.
        var from = new SocketAddress(_socket.AddressFamily);
        var last = new SocketAddress(_socket.AddressFamily);
        bool haveLast = false;
        string fromAddress = "";
        int fromPort = 0;
        while (!_closed)
        {
            int n;
            try
            {
                n = _socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (SocketException e) when (!_closed && e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                continue; // an ICMP error for an earlier send, or a datagram cut short: keep receiving
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                break; // closed
            }
            if (_closed) break;
            if (!haveLast || !from.Equals(last))
            {
                var remote = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(from);
                fromAddress = remote.Address.ToString();
                fromPort = remote.Port;
                last.Size = from.Size;
                from.Buffer.Span[..from.Size].CopyTo(last.Buffer.Span);
                haveLast = true;
            }
            _network.RunHandler(_onDatagram, buffer, n, fromAddress, fromPort);
        }
    }
}
