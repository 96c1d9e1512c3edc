// The real network: UDP, TCP and TLS over the machine's sockets, bound to one local address.
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Network;

/// <summary>
/// An <see cref="INetwork"/> on real sockets, every socket bound to <see cref="LocalAddress"/>
/// (default 127.0.0.1). Every UDP endpoint, listener and stream has its own thread (streams a
/// second one for writing), so handlers of one socket run one at a time and never wait for the
/// thread pool. Network conditions never throw: sends return false and
/// streams close with a reason. <see cref="Close"/> (or Dispose) closes every socket it made.
/// </summary>
public sealed class SocketNetwork : INetwork, IDisposable
{
    private readonly object _gate = new();
    private readonly HashSet<SocketUdpEndpoint> _udp = new();
    private readonly HashSet<SocketTcpListener> _listeners = new();
    private readonly HashSet<SocketTcpConnection> _streams = new();
    private bool _closed;

    /// <summary>A network whose sockets bind to <paramref name="localAddress"/> (a literal IP).</summary>
    /// <exception cref="ArgumentException">Not an IP address.</exception>
    public SocketNetwork(string localAddress = "127.0.0.1")
    {
        if (!IPAddress.TryParse(localAddress, out var ip)) throw new ArgumentException("not an IP address: " + localAddress, nameof(localAddress));
        LocalIp = ip;
        LocalAddress = ip.ToString();
    }

    /// <inheritdoc/>
    public string LocalAddress { get; }

    /// <summary>True: <see cref="ConnectTcp"/> does TLS through SslStream.</summary>
    public bool SupportsTls => true;

    /// <summary>
    /// A certificate to trust as the root for TLS connects (e.g. a test's self-signed one) instead
    /// of the system's roots. The server name is still checked.
    /// </summary>
    public X509Certificate2? TrustedCertificate { get; set; }

    /// <summary>When set, decides alone whether a TLS server's certificate is accepted.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>How long a connect plus TLS handshake may take before it closes (default 10 s).</summary>
    public int ConnectTimeoutMs { get; set; } = 10_000;

    /// <summary>
    /// Raised (on the HAL thread) when a handler threw. The exception is not rethrown: a UDP endpoint
    /// keeps receiving, a stream keeps going.
    /// </summary>
    public event Action<Exception>? HandlerFailed;

    /// <summary>How many sockets (UDP endpoints, listeners, streams) are open now.</summary>
    public int OpenSockets
    {
        get { lock (_gate) return _udp.Count + _listeners.Count + _streams.Count; }
    }

    internal IPAddress LocalIp { get; }

    /// <inheritdoc/>
    public IUdpEndpoint? OpenUdp(int localPort, DatagramReceived onDatagram)
    {
        ArgumentNullException.ThrowIfNull(onDatagram);
        lock (_gate)
        {
            if (_closed) return null;
            var endpoint = SocketUdpEndpoint.TryOpen(this, localPort, onDatagram);
            if (endpoint != null) _udp.Add(endpoint);
            return endpoint;
        }
    }

    /// <inheritdoc/>
    public ITcpConnection ConnectTcp(string address, int port, string? tlsServerName,
        StreamConnected onConnected, StreamReceived onData, StreamClosed onClosed)
    {
        var connection = SocketTcpConnection.ForConnect(this, address, port, tlsServerName,
            new SocketTcpConnection.Handlers(onConnected, onData, onClosed).Checked());
        Start(connection);
        return connection;
    }

    /// <inheritdoc/>
    public ITcpListener? ListenTcp(int localPort, StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed) =>
        ListenTcp(localPort, null, onAccepted, onData, onClosed);

    /// <inheritdoc/>
    public ITcpListener? ListenTls(int localPort, byte[] certificatePem, byte[] privateKeyPem,
        StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed, out string? error)
    {
        var certificate = LoadPem(certificatePem, privateKeyPem, out error);
        if (certificate == null) return null;
        var listener = ListenTcp(localPort, certificate, onAccepted, onData, onClosed);
        if (listener == null) error = "port " + localPort + " is taken";
        return listener;
    }

    /// <summary>The certificate with its key from PEM text, or null with the reason (unparsable, key not matching).</summary>
    public static X509Certificate2? LoadPem(byte[]? certificatePem, byte[]? privateKeyPem, out string? error)
    {
        error = null;
        if (certificatePem == null || privateKeyPem == null) { error = "no certificate or key"; return null; }
        try
        {
            using var pem = X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(certificatePem), System.Text.Encoding.ASCII.GetString(privateKeyPem));
            // Re-imported from PKCS#12 so the key is not ephemeral (some platforms' TLS servers refuse ephemeral keys).
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            error = "certificate or key not usable: " + e.Message;
            return null;
        }
    }

    /// <summary>
    /// Listens like <see cref="ListenTcp(int, StreamConnected, StreamReceived, StreamClosed)"/>; with a
    /// <paramref name="serverCertificate"/> (holding its private key) every accepted stream is TLS.
    /// </summary>
    public ITcpListener? ListenTcp(int localPort, X509Certificate2? serverCertificate,
        StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed)
    {
        var handlers = new SocketTcpConnection.Handlers(onAccepted, onData, onClosed).Checked();
        lock (_gate)
        {
            if (_closed) return null;
            var listener = SocketTcpListener.TryOpen(this, localPort, serverCertificate, handlers);
            if (listener != null) _listeners.Add(listener);
            return listener;
        }
    }

    /// <summary>Closes every endpoint, listener and stream and waits (a few seconds at most) for their threads.</summary>
    public void Close()
    {
        SocketUdpEndpoint[] udp;
        SocketTcpListener[] listeners;
        SocketTcpConnection[] streams;
        lock (_gate)
        {
            _closed = true;
            udp = _udp.ToArray();
            listeners = _listeners.ToArray();
            streams = _streams.ToArray();
        }
        foreach (var e in udp) e.Close();
        foreach (var l in listeners) l.Close();
        // Fix every reason first, so a stream cut by its peer on this network still says why.
        foreach (var s in streams) s.PrepareAbort("network closed");
        foreach (var s in streams) s.Abort("network closed");
        foreach (var s in streams) s.Join(TimeSpan.FromSeconds(5));
    }

    /// <summary>Same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    /// <inheritdoc/>
    public override string ToString() => "socket network " + LocalAddress;

    internal void Start(SocketTcpConnection connection)
    {
        bool refused;
        lock (_gate)
        {
            refused = _closed;
            if (!refused) _streams.Add(connection);
        }
        connection.Start(refused ? "network closed" : null);
    }

    internal void Forget(SocketUdpEndpoint endpoint) { lock (_gate) _udp.Remove(endpoint); }

    internal void Forget(SocketTcpListener listener) { lock (_gate) _listeners.Remove(listener); }

    internal void Forget(SocketTcpConnection connection) { lock (_gate) _streams.Remove(connection); }

    /// <summary>Runs a handler; an exception goes to <see cref="HandlerFailed"/> instead of killing a HAL thread.</summary>
    internal void RunHandler(Action handler)
    {
        try { handler(); }
        catch (Exception e) { HandlerFailed?.Invoke(e); }
    }

    /// <summary>Runs a datagram handler like <see cref="RunHandler(Action)"/>, without a closure per datagram.</summary>
    internal void RunHandler(DatagramReceived handler, byte[] data, int count, string address, int port)
    {
        try { handler(data, 0, count, address, port); }
        catch (Exception e) { HandlerFailed?.Invoke(e); }
    }

    /// <summary>The client-side TLS options for <paramref name="serverName"/>.</summary>
    internal SslClientAuthenticationOptions ClientTlsOptions(string serverName)
    {
        var options = new SslClientAuthenticationOptions { TargetHost = serverName };
        var custom = ServerCertificateValidation;
        var trusted = TrustedCertificate;
        if (custom != null)
        {
            options.RemoteCertificateValidationCallback = custom;
        }
        else if (trusted != null)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.Add(trusted);
            options.CertificateChainPolicy = policy;
        }
        return options;
    }
}
