using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Interop.Tests;

/// <summary>The firmware's SIP transport over real TLS on loopback (the softswitch has no TLS listener yet).</summary>
public sealed class SipOverTlsTests : ISipReceiver
{
    private readonly List<SipMessage> _received = new();
    private readonly ManualResetEventSlim _gotResponse = new();

    public void MessageReceived(SipMessage message, SipTarget source)
    {
        lock (_received) _received.Add(message);
        _gotResponse.Set();
    }

    public void FlowFailed(SipTarget peer, string reason) { }

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    [Fact]
    public void A_request_goes_out_over_TLS_with_the_proxy_name_checked_and_the_answer_comes_back_on_the_same_stream()
    {
        var cert = SelfSigned("sip.office.example");
        using var server = new SocketNetwork("127.0.0.1");
        var atServer = new StringBuilder();
        var request = new ManualResetEventSlim();
        ITcpConnection? accepted = null;
        var listener = server.ListenTcp(0, cert, c => accepted = c, (c, d, o, n) =>
        {
            lock (atServer) atServer.Append(Encoding.UTF8.GetString(d, o, n));
            if (atServer.ToString().Contains("\r\n\r\n")) request.Set();
        }, (c, r) => { })!;

        using var client = new SocketNetwork("127.0.0.1") { TrustedCertificate = cert };
        var clock = new SystemClock();
        var loop = new EventLoop(clock, new SimLog(clock));
        var thread = new Thread(loop.Run) { IsBackground = true };
        thread.Start();
        try
        {
            var transport = new SipTransport(loop, client, new TransportSettings { UdpPort = 0, TlsServerName = "sip.office.example" }) { Receiver = this };
            var options = SipMessage.CreateRequest("OPTIONS", "sip:office.example");
            var sent = new ManualResetEventSlim();
            loop.Post(() =>
            {
                transport.Start();
                options.AddHeader("Via", transport.NewVia("TLS", "z9hG4bKtls1").ToString());
                options.AddHeader("From", "<sip:201@office.example>;tag=t1");
                options.AddHeader("To", "<sip:office.example>");
                options.AddHeader("Call-ID", "tls-1");
                options.AddHeader("CSeq", "1 OPTIONS");
                Assert.True(transport.Send(options, new SipTarget("TLS", "127.0.0.1", listener.LocalPort)));
                sent.Set();
            });
            Assert.True(sent.Wait(TimeSpan.FromSeconds(10)));
            Assert.True(request.Wait(TimeSpan.FromSeconds(10)), "no request arrived over TLS");
            string text;
            lock (atServer) text = atServer.ToString();
            Assert.StartsWith("OPTIONS sip:office.example SIP/2.0", text);
            Assert.Contains("Via: SIP/2.0/TLS 127.0.0.1;branch=z9hG4bKtls1;rport", text);

            var parsed = Encoding.UTF8.GetBytes(text);
            Assert.True(SipParser.TryParse(parsed, 0, parsed.Length, out var received, out _));
            var ok = SipMessage.CreateResponse(received, 200, "OK", "srv1").ToBytes();
            accepted!.Send(ok, 0, ok.Length);
            Assert.True(_gotResponse.Wait(TimeSpan.FromSeconds(10)), "the 200 did not come back over the stream");
            lock (_received) Assert.Equal(200, _received.Single().StatusCode);
        }
        finally
        {
            loop.Stop();
            thread.Join(TimeSpan.FromSeconds(5));
            listener.Close();
        }
    }

    [Fact]
    public void A_server_whose_certificate_does_not_carry_the_proxy_name_is_refused()
    {
        var cert = SelfSigned("other.example");
        using var server = new SocketNetwork("127.0.0.1");
        var listener = server.ListenTcp(0, cert, c => { }, (c, d, o, n) => { }, (c, r) => { })!;
        using var client = new SocketNetwork("127.0.0.1") { TrustedCertificate = cert };
        var clock = new SystemClock();
        var loop = new EventLoop(clock, new SimLog(clock));
        var thread = new Thread(loop.Run) { IsBackground = true };
        thread.Start();
        var failed = new ManualResetEventSlim();
        string? why = null;
        try
        {
            var receiver = new FlowWatcher(r => { why = r; failed.Set(); });
            var transport = new SipTransport(loop, client, new TransportSettings { UdpPort = 0, TlsServerName = "sip.office.example" }) { Receiver = receiver };
            loop.Post(() =>
            {
                transport.Start();
                var m = SipMessage.CreateRequest("OPTIONS", "sip:office.example");
                m.AddHeader("Via", transport.NewVia("TLS", "z9hG4bKtls2").ToString());
                transport.Send(m, new SipTarget("TLS", "127.0.0.1", listener.LocalPort));
            });
            Assert.True(failed.Wait(TimeSpan.FromSeconds(10)), "the stream to a wrong-name server was not refused");
            Assert.False(string.IsNullOrEmpty(why));
        }
        finally
        {
            loop.Stop();
            thread.Join(TimeSpan.FromSeconds(5));
            listener.Close();
        }
    }

    private sealed class FlowWatcher(Action<string> onFailed) : ISipReceiver
    {
        public void MessageReceived(SipMessage message, SipTarget source) { }
        public void FlowFailed(SipTarget peer, string reason) => onFailed(reason);
    }
}
