// A bound UDP port on an in-memory host.
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Network;

/// <summary>A UDP port of an <see cref="InMemoryHost"/>; sends go through the wire's fault knobs.</summary>
public sealed class InMemoryUdpEndpoint : IUdpEndpoint
{
    private readonly InMemoryHost _host;
    private readonly DatagramReceived _onDatagram;
    private volatile bool _closed;

    internal InMemoryUdpEndpoint(InMemoryHost host, int port, DatagramReceived onDatagram)
    {
        _host = host;
        LocalPort = port;
        _onDatagram = onDatagram;
    }

    /// <inheritdoc/>
    public int LocalPort { get; }

    /// <summary>True once <see cref="Close"/> ran.</summary>
    public bool IsClosed => _closed;

    /// <summary>
    /// Puts a copy of the bytes on the wire. False when closed, larger than
    /// <see cref="InMemoryNetwork.MaxDatagramBytes"/>, or the address or port is not valid.
    /// True does not mean it will arrive: UDP never knows.
    /// </summary>
    public bool SendTo(byte[] data, int offset, int count, string address, int port)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (offset < 0 || count < 0 || offset > data.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
        if (_closed || count > InMemoryNetwork.MaxDatagramBytes || port is < 1 or > 65535) return false;
        string? to = InMemoryNetwork.Normalize(address);
        if (to == null) return false;
        var copy = new byte[count];
        Buffer.BlockCopy(data, offset, copy, 0, count);
        _host.Wire.SendDatagram(new InMemoryNetwork.Datagram(_host.LocalAddress, LocalPort, to, port, copy));
        return true;
    }

    /// <inheritdoc/>
    public void Close()
    {
        lock (_host.Wire.Gate)
        {
            _closed = true;
            _host.ReleaseUdpLocked(this);
        }
    }

    internal void Receive(byte[] data, string fromAddress, int fromPort)
    {
        if (!_closed) _onDatagram(data, 0, data.Length, fromAddress, fromPort);
    }
}
