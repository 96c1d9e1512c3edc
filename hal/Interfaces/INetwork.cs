// Datagrams and streams, addressed by literal IP address and port.
namespace DeskPhone.Hal
{
    /// <summary>A datagram arrived; the buffer is only valid during the call.</summary>
    public delegate void DatagramReceived(byte[] data, int offset, int count, string remoteAddress, int remotePort);

    /// <summary>Bytes arrived on a stream; the buffer is only valid during the call.</summary>
    public delegate void StreamReceived(ITcpConnection connection, byte[] data, int offset, int count);

    /// <summary>A stream connected (or was accepted).</summary>
    public delegate void StreamConnected(ITcpConnection connection);

    /// <summary>A stream closed or failed; <paramref name="reason"/> says why for the log.</summary>
    public delegate void StreamClosed(ITcpConnection connection, string reason);

    /// <summary>
    /// The phone's network. Handlers run on HAL threads: the firmware posts them into its loop.
    /// Nothing here throws for network conditions; failures are return values or close events.
    /// </summary>
    public interface INetwork
    {
        /// <summary>This phone's own address (what goes into Via and Contact).</summary>
        string LocalAddress { get; }

        /// <summary>True when <see cref="ConnectTcp"/> can wrap the stream in TLS.</summary>
        bool SupportsTls { get; }

        /// <summary>Binds a UDP port (0 = any free); null when the port is taken.</summary>
        IUdpEndpoint OpenUdp(int localPort, DatagramReceived onDatagram);

        /// <summary>
        /// Starts connecting a stream; <paramref name="tlsServerName"/> non-null asks for TLS with
        /// that name checked. The result reports connected, data and closed through the handlers.
        /// </summary>
        ITcpConnection ConnectTcp(string address, int port, string tlsServerName,
            StreamConnected onConnected, StreamReceived onData, StreamClosed onClosed);

        /// <summary>Listens for streams on a port (0 = any free); null when the port is taken.</summary>
        ITcpListener ListenTcp(int localPort, StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed);

        /// <summary>
        /// Listens like <see cref="ListenTcp"/>, but every accepted stream is TLS with this server
        /// certificate: <paramref name="certificatePem"/> is the PEM certificate (chain) and
        /// <paramref name="privateKeyPem"/> its PEM private key (unencrypted PKCS#8, RSA or EC). A stream
        /// is reported accepted only after its handshake; a client that does not speak TLS never is.
        /// Returns null with <paramref name="error"/> saying why when the network cannot serve TLS,
        /// the certificate or key cannot be used, or the port is taken.
        /// </summary>
        ITcpListener ListenTls(int localPort, byte[] certificatePem, byte[] privateKeyPem,
            StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed, out string error);
    }

    /// <summary>A bound UDP port.</summary>
    public interface IUdpEndpoint
    {
        /// <summary>The bound port.</summary>
        int LocalPort { get; }

        /// <summary>Sends a datagram; false when it could not be sent.</summary>
        bool SendTo(byte[] data, int offset, int count, string address, int port);

        /// <summary>Unbinds; no handler call follows.</summary>
        void Close();
    }

    /// <summary>A TCP (or TLS) stream.</summary>
    public interface ITcpConnection
    {
        /// <summary>The far end's address.</summary>
        string RemoteAddress { get; }

        /// <summary>The far end's port.</summary>
        int RemotePort { get; }

        /// <summary>Our port of this connection.</summary>
        int LocalPort { get; }

        /// <summary>True when the stream is TLS.</summary>
        bool IsTls { get; }

        /// <summary>True once connected and until closed.</summary>
        bool IsOpen { get; }

        /// <summary>Queues bytes to send (before the connect completes too); false once closed.</summary>
        bool Send(byte[] data, int offset, int count);

        /// <summary>
        /// Bytes <see cref="Send"/> took that are not yet handed to the network (0 where Send writes
        /// before it returns). A sender of a long body sends its next piece when this is small, so the
        /// body never piles up in RAM behind a slow reader.
        /// </summary>
        int Unsent { get; }

        /// <summary>Closes the stream; the closed handler runs once.</summary>
        void Close();
    }

    /// <summary>A listening TCP port.</summary>
    public interface ITcpListener
    {
        /// <summary>The bound port.</summary>
        int LocalPort { get; }

        /// <summary>Stops listening.</summary>
        void Close();
    }
}
