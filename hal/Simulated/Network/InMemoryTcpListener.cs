// A listening TCP port on an in-memory host.
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Network;

/// <summary>
/// A listening port of an <see cref="InMemoryHost"/>. Accepted streams use the handlers given to
/// <see cref="InMemoryHost.ListenTcp"/>; closing the listener leaves them open.
/// </summary>
public sealed class InMemoryTcpListener : ITcpListener
{
    private readonly InMemoryHost _host;

    internal InMemoryTcpListener(InMemoryHost host, int port, InMemoryStream.Handlers handlers)
    {
        _host = host;
        LocalPort = port;
        Handlers = handlers;
    }

    /// <inheritdoc/>
    public int LocalPort { get; }

    /// <summary>True once <see cref="Close"/> ran.</summary>
    public bool IsClosed { get; private set; }

    internal InMemoryStream.Handlers Handlers { get; }

    internal InMemoryHost Host => _host;

    /// <inheritdoc/>
    public void Close()
    {
        lock (_host.Wire.Gate)
        {
            IsClosed = true;
            _host.ReleaseListenerLocked(this);
        }
    }
}
