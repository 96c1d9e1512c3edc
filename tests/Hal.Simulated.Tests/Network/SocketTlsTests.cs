// TLS streams over real loopback sockets with a self-signed certificate made in the test.
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;
using static DeskPhone.Hal.Simulated.Tests.Network.VirtualWire;

namespace DeskPhone.Hal.Simulated.Tests.Network;

public sealed class SocketTlsTests : IDisposable
{
    private const string ServerName = "pbx.test";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private static readonly Lazy<X509Certificate2> Certificate = new(() => SelfSigned(ServerName));
    private readonly SocketNetwork _net = new("127.0.0.1");
    private readonly StreamLog _server = new();
    private readonly StreamLog _client = new();

    public void Dispose() => _net.Dispose();

    private ITcpListener ListenTls() =>
        _net.ListenTcp(0, Certificate.Value, _server.OnConnected, _server.OnData, _server.OnClosed)!;

    private ITcpConnection ConnectTls(int port, string name) =>
        _net.ConnectTcp("127.0.0.1", port, name, _client.OnConnected, _client.OnData, _client.OnClosed);

    [Fact]
    public void Real_tls_stream_carries_bytes_with_a_self_signed_certificate()
    {
        _net.TrustedCertificate = Certificate.Value;
        var listener = ListenTls();
        _server.WaitForLength = 17;
        var client = ConnectTls(listener.LocalPort, ServerName);
        client.Send(Bytes("REGISTER over TLS"), 0, 17);

        Assert.True(_client.ConnectedSignal.Wait(Patience), string.Join(", ", _client.CloseReasons));
        Assert.True(_server.DataSignal.Wait(Patience));
        Assert.True(_net.SupportsTls);
        Assert.True(client.IsTls);
        Assert.True(_server.Connection!.IsTls);
        Assert.Equal("REGISTER over TLS", _server.Received);

        _client.WaitForLength = 6;
        _server.Connection.Send(Bytes("200 OK"), 0, 6);
        Assert.True(_client.DataSignal.Wait(Patience));
        Assert.Equal("200 OK", _client.Received);
    }

    [Fact]
    public void Real_tls_rejects_a_certificate_nobody_trusts()
    {
        var listener = ListenTls();

        ConnectTls(listener.LocalPort, ServerName);

        Assert.True(_client.ClosedSignal.Wait(Patience));
        Assert.StartsWith("TLS handshake failed", Assert.Single(_client.CloseReasons));
        Assert.Equal(0, _client.Connects); // (under TLS 1.3 the server may finish first and then see the close)
    }

    [Fact]
    public void Real_tls_rejects_a_trusted_certificate_for_another_name()
    {
        _net.TrustedCertificate = Certificate.Value;
        var listener = ListenTls();

        ConnectTls(listener.LocalPort, "other.test");

        Assert.True(_client.ClosedSignal.Wait(Patience));
        Assert.StartsWith("TLS handshake failed", Assert.Single(_client.CloseReasons));
        Assert.Equal(0, _client.Connects);
    }

    [Fact]
    public void A_validation_callback_decides_alone_when_set()
    {
        string? seenSubject = null;
        _net.ServerCertificateValidation = (_, cert, _, _) => { seenSubject = cert?.Subject; return true; };
        var listener = ListenTls();

        ConnectTls(listener.LocalPort, "any.name");

        Assert.True(_client.ConnectedSignal.Wait(Patience), string.Join(", ", _client.CloseReasons));
        Assert.Equal("CN=" + ServerName, seenSubject);
    }

    /// <summary>A self-signed server certificate for <paramref name="name"/>, with its private key.</summary>
    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, critical: false)); // server authentication
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }
}
