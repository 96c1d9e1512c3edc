// The phone's own control API over HTTPS on real loopback sockets: a certificate made in the test, checked by thumbprint; plain HTTP fails.
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DeskPhone.Firmware.Media.Recording;
using DeskPhone.Simulator;

namespace DeskPhone.Simulator.Tests;

public sealed class PhoneApiHttpsTests : IDisposable
{
    private const string Token = "https-token-0123456789";
    private readonly string _dir = Directory.CreateTempSubdirectory("deskphone-https-").FullName;
    private readonly X509Certificate2 _certificate;

    public PhoneApiHttpsTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(_dir, "api-cert.pem"), _certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_dir, "api-key.pem"), key.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose()
    {
        _certificate.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string DeviceFile(string recording = """{ "mode": "on", "download": true }""")
    {
        string file = Path.Combine(_dir, "desk-tls.json");
        File.WriteAllText(file, $$"""
            {
              "device": { "id": "desk-tls", "name": "Desk 301", "extension": "301", "board": "sim-desk-8" },
              "accounts": [ { "id": "main", "user": "301", "domain": "office.example", "registrar": "sip:127.0.0.1:9" } ],
              "recording": {{recording}},
              "api": { "enabled": true, "port": 0, "token": "{{Token}}", "tls": { "certificate": "api-cert.pem", "key": "api-key.pem" } }
            }
            """);
        return file;
    }

    /// <summary>A client that trusts exactly the test's certificate (by thumbprint), with the token.</summary>
    private HttpClient Https(int port)
    {
        string thumbprint = _certificate.Thumbprint;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert != null && new X509Certificate2(cert).Thumbprint == thumbprint,
            },
        };
        var http = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return http;
    }

    [Fact]
    public async Task Status_is_served_over_https_with_the_certificate_from_the_device_files_tls_section()
    {
        using var host = new PhoneHost(new HostOptions { DeviceFiles = new[] { DeviceFile() }, RtpPortBase = 26000 });
        var p = host.Get("desk-tls");
        int port = host.Do(p, () => p.Firmware.ApiPort);
        Assert.NotEqual(0, port);
        Assert.True(host.Do(p, () => p.Firmware.ApiIsHttps));

        using var http = Https(port);
        var response = await http.GetAsync("/api/status");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("\"device\":\"desk-tls\"", await response.Content.ReadAsStringAsync());
        Assert.Contains(p.Log.Lines(), l => l.Message == "control API on port " + port + " (HTTPS only)");
    }

    [Fact]
    public async Task Plain_http_to_the_https_port_gets_no_answer_and_a_wrong_certificate_is_refused_by_the_client()
    {
        using var host = new PhoneHost(new HostOptions { DeviceFiles = new[] { DeviceFile() }, RtpPortBase = 26000 });
        var p = host.Get("desk-tls");
        int port = host.Do(p, () => p.Firmware.ApiPort);

        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        plain.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync($"http://127.0.0.1:{port}/api/status"));

        using var strict = new HttpClient { Timeout = TimeSpan.FromSeconds(10) }; // the system's roots: a self-signed certificate is not trusted
        await Assert.ThrowsAsync<HttpRequestException>(() => strict.GetAsync($"https://127.0.0.1:{port}/api/status"));

        using var http = Https(port); // the server goes on serving after both
        Assert.Equal(200, (int)(await http.GetAsync("/api/status")).StatusCode);
    }

    [Fact]
    public async Task A_two_megabyte_recording_downloads_whole_over_https()
    {
        using var host = new PhoneHost(new HostOptions { DeviceFiles = new[] { DeviceFile() }, RtpPortBase = 26000 });
        var p = host.Get("desk-tls");
        int port = host.Do(p, () => p.Firmware.ApiPort);
        var wav = new byte[WavHeader.Size + 2_000_000];
        WavHeader.Write(wav, 0, 8000, 2_000_000);
        new Random(3).NextBytes(wav.AsSpan(WavHeader.Size));
        Assert.True(p.Storage.WriteAtomic("rec/20261123-090000-202.wav", wav, 0, wav.Length));

        using var http = Https(port);
        var list = await http.GetStringAsync("/api/recordings");
        var file = await http.GetAsync("/api/recordings/20261123-090000-202.wav");

        Assert.Contains("\"file\":\"20261123-090000-202.wav\"", list);
        Assert.Contains("\"seconds\":125.0", list);
        Assert.Equal(200, (int)file.StatusCode);
        Assert.Equal("audio/wav", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(wav, await file.Content.ReadAsByteArrayAsync());
    }
}
