// INetwork.ListenTls: a PEM certificate and key make a TLS-only listener on real sockets; unusable PEM or no TLS gives null with the reason.
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;
using static DeskPhone.Hal.Simulated.Tests.Network.VirtualWire;

namespace DeskPhone.Hal.Simulated.Tests.Network;

public sealed class TlsListenTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly SocketNetwork _net = new("127.0.0.1");
    private readonly StreamLog _server = new();
    private readonly StreamLog _client = new();
    private readonly X509Certificate2 _certificate;
    private readonly byte[] _certificatePem;
    private readonly byte[] _keyPem;

    public TlsListenTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=phone.test", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("phone.test");
        request.CertificateExtensions.Add(san.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        _certificatePem = Encoding.ASCII.GetBytes(_certificate.ExportCertificatePem());
        _keyPem = Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose()
    {
        _net.Dispose();
        _certificate.Dispose();
    }

    [Fact]
    public void A_pem_certificate_and_key_make_a_listener_whose_streams_are_tls()
    {
        var listener = _net.ListenTls(0, _certificatePem, _keyPem, _server.OnConnected, _server.OnData, _server.OnClosed, out var error);
        Assert.NotNull(listener);
        Assert.Null(error);
        _net.TrustedCertificate = _certificate;
        _server.WaitForLength = 5;

        var client = _net.ConnectTcp("127.0.0.1", listener!.LocalPort, "phone.test", _client.OnConnected, _client.OnData, _client.OnClosed);
        client.Send(Bytes("hello"), 0, 5);

        Assert.True(_server.DataSignal.Wait(Patience), string.Join(", ", _client.CloseReasons));
        Assert.True(_server.Connection!.IsTls);
        Assert.Equal("hello", _server.Received);
    }

    [Fact]
    public void A_plain_tcp_client_is_never_reported_accepted_by_a_tls_listener()
    {
        var listener = _net.ListenTls(0, _certificatePem, _keyPem, _server.OnConnected, _server.OnData, _server.OnClosed, out _);
        var client = _net.ConnectTcp("127.0.0.1", listener!.LocalPort, null, _client.OnConnected, _client.OnData, _client.OnClosed);
        client.Send(Bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), 0, 27);

        Assert.True(_client.ClosedSignal.Wait(Patience));
        Assert.Equal(0, _server.Connects);
        Assert.Equal("", _server.Received);
    }

    [Fact]
    public void A_key_that_is_not_the_certificates_or_not_pem_gives_null_with_the_reason()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] otherKey = Encoding.ASCII.GetBytes(other.ExportPkcs8PrivateKeyPem());

        Assert.Null(_net.ListenTls(0, _certificatePem, otherKey, _server.OnConnected, _server.OnData, _server.OnClosed, out var mismatch));
        Assert.StartsWith("certificate or key not usable", mismatch);
        Assert.Null(_net.ListenTls(0, Bytes("not pem"), _keyPem, _server.OnConnected, _server.OnData, _server.OnClosed, out var garbage));
        Assert.StartsWith("certificate or key not usable", garbage);
        Assert.Equal(0, _net.OpenSockets);
    }

    [Fact]
    public void The_in_memory_network_has_no_tls_listener_and_says_so()
    {
        var host = new InMemoryNetwork(new VirtualClock()).AddHost("127.0.3.1");

        Assert.Null(host.ListenTls(443, _certificatePem, _keyPem, _server.OnConnected, _server.OnData, _server.OnClosed, out var error));
        Assert.Equal("the in-memory network has no TLS (use SocketNetwork for HTTPS)", error);
    }

    [Fact]
    public void Unsent_counts_the_bytes_still_on_the_in_memory_link_until_they_arrive()
    {
        var clock = new VirtualClock();
        var driver = new VirtualTimeDriver(clock);
        var wire = new InMemoryNetwork(clock);
        var a = wire.AddHost("127.0.3.1");
        var b = wire.AddHost("127.0.3.2");
        wire.Link("127.0.3.1", "127.0.3.2").DelayMs = 50;
        var server = new StreamLog(clock);
        b.ListenTcp(80, server.OnConnected, server.OnData, server.OnClosed);
        var stream = a.ConnectTcp("127.0.3.2", 80, null, _ => { }, (_, _, _, _) => { }, (_, _) => { });

        stream.Send(new byte[1000], 0, 1000);
        Assert.Equal(1000, stream.Unsent);
        driver.Advance(200);
        Assert.Equal(0, stream.Unsent);
        stream.Send(new byte[300], 0, 300);
        Assert.Equal(300, stream.Unsent);
        driver.Advance(60);

        Assert.Equal(0, stream.Unsent);
        Assert.Equal(1300, server.Received.Length);
    }
}
