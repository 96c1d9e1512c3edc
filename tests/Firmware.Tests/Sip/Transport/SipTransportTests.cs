using System.Text;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Sip.Transport;

public class SipTransportTests : ISipReceiver
{
    private const string PhoneIp = "127.0.1.1", ProxyIp = "127.0.1.100", StrangerIp = "127.0.1.66";
    private readonly VirtualClock _clock = new();
    private readonly VirtualTimeDriver _driver;
    private readonly InMemoryNetwork _wire;
    private readonly EventLoop _loop;
    private readonly SipTransport _transport;
    private readonly List<(SipMessage m, SipTarget from)> _up = new();
    private readonly List<string> _failures = new();
    private readonly List<(string from, int port, string text)> _atProxy = new();
    private readonly List<string> _atStranger = new();
    private readonly IUdpEndpoint _proxy, _stranger;

    public SipTransportTests()
    {
        _driver = new VirtualTimeDriver(_clock);
        _wire = new InMemoryNetwork(_clock);
        _loop = new EventLoop(_clock, new SimLog(_clock));
        _driver.AddPump(_loop.RunPending);
        var settings = new TransportSettings { UdpPort = 5070, TrustedAddresses = new[] { ProxyIp } };
        _transport = new SipTransport(_loop, _wire.AddHost(PhoneIp), settings) { Receiver = this };
        _proxy = _wire.AddHost(ProxyIp).OpenUdp(5060, (d, o, c, a, p) => _atProxy.Add((a, p, Encoding.UTF8.GetString(d, o, c))))!;
        _stranger = _wire.AddHost(StrangerIp).OpenUdp(5060, (d, o, c, a, p) => _atStranger.Add(Encoding.UTF8.GetString(d, o, c)))!;
        _loop.Post(() => Assert.True(_transport.Start()));
        _driver.RunUntilIdle();
    }

    public void MessageReceived(SipMessage message, SipTarget source) => _up.Add((message, source));
    public void FlowFailed(SipTarget peer, string reason) => _failures.Add(peer + ": " + reason);

    private void FromProxy(string text) { var b = Encoding.UTF8.GetBytes(text); _proxy.SendTo(b, 0, b.Length, PhoneIp, 5070); _driver.Advance(1); }

    private static string Options(string via = "SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKabc;rport") =>
        "OPTIONS sip:201@127.0.1.1 SIP/2.0\r\nVia: " + via + "\r\nFrom: <sip:proxy@office.example>;tag=1\r\n" +
        "To: <sip:201@office.example>\r\nCall-ID: opt-1\r\nCSeq: 7 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    [Fact]
    public void A_request_from_the_proxy_goes_up_with_received_and_rport_stamped_on_its_Via()
    {
        FromProxy(Options());
        var (m, from) = Assert.Single(_up);
        Assert.Equal("OPTIONS", m.Method);
        Assert.Equal((ProxyIp, 5060), (from.Address, from.Port));
        Assert.Equal(ProxyIp, m.TopVia.Received);
        Assert.Equal(5060, m.TopVia.Rport);
    }

    [Fact]
    public void A_request_from_a_stranger_gets_403_and_never_reaches_the_phone()
    {
        var b = Encoding.UTF8.GetBytes(Options().Replace("OPTIONS sip", "INVITE sip").Replace("7 OPTIONS", "7 INVITE"));
        _stranger.SendTo(b, 0, b.Length, PhoneIp, 5070);
        _driver.Advance(1);
        Assert.Empty(_up);
        Assert.StartsWith("SIP/2.0 403 Forbidden", Assert.Single(_atStranger));
        Assert.Equal(1, _transport.Refused);
    }

    [Fact]
    public void A_malformed_request_is_answered_with_400_naming_the_problem()
    {
        FromProxy(Options().Replace("Call-ID: opt-1\r\n", ""));
        Assert.Empty(_up);
        var (from, fromPort, text) = Assert.Single(_atProxy); // it reached the proxy's port 5060
        Assert.Equal((PhoneIp, 5070), (from, fromPort));
        Assert.StartsWith("SIP/2.0 400", text);
        Assert.Contains("Call-ID", text.Split("\r\n")[0]);
    }

    [Fact]
    public void A_malformed_response_is_dropped_without_an_answer()
    {
        FromProxy("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.1.1:5070;branch=z9hG4bKx\r\nCSeq: banana\r\nContent-Length: 0\r\n\r\n");
        Assert.Empty(_up);
        Assert.Empty(_atProxy);
        Assert.Equal(1, _transport.Dropped);
    }

    [Fact]
    public void A_message_sent_over_UDP_arrives_as_the_same_bytes()
    {
        var m = SipMessage.CreateRequest("OPTIONS", "sip:proxy@127.0.1.100");
        m.AddHeader("Via", _transport.NewVia("UDP", "z9hG4bKout").ToString());
        m.AddHeader("Call-ID", "x");
        bool sent = false;
        _loop.Post(() => sent = _transport.Send(m, new SipTarget("UDP", ProxyIp, 5060)));
        _driver.Advance(1);
        Assert.True(sent);
        var (from, port, text) = Assert.Single(_atProxy);
        Assert.Equal((PhoneIp, 5070), (from, port));
        Assert.Equal(Encoding.UTF8.GetString(m.ToBytes()), text);
        Assert.Contains("Via: SIP/2.0/UDP 127.0.1.1:5070;branch=z9hG4bKout;rport", text);
    }

    [Fact]
    public void Over_TCP_messages_are_framed_pings_are_answered_and_keep_alives_go_out_every_90_s()
    {
        var fromPhone = new List<byte>();
        ITcpConnection? server = null;
        _wire.Host(ProxyIp).ListenTcp(5060, c => server = c, (c, d, o, n) => fromPhone.AddRange(d.Skip(o).Take(n)), (c, r) => { });
        var target = new SipTarget("TCP", ProxyIp, 5060);
        var m = SipMessage.CreateRequest("OPTIONS", "sip:proxy@127.0.1.100");
        m.AddHeader("Via", _transport.NewVia("TCP", "z9hG4bKt").ToString());
        m.AddHeader("Call-ID", "t");
        _loop.Post(() => _transport.Send(m, target));
        _driver.Advance(5);
        Assert.NotNull(server);
        Assert.Equal(m.ToBytes(), fromPhone.ToArray());

        // Two messages and a ping, split at awkward places.
        byte[] stream = Encoding.UTF8.GetBytes(Options() + "\r\n\r\n" + Options().Replace("opt-1", "opt-2"));
        for (int i = 0; i < stream.Length; i += 37) server!.Send(stream, i, Math.Min(37, stream.Length - i));
        _driver.Advance(5);
        Assert.Equal(new[] { "opt-1", "opt-2" }, _up.Select(u => u.m.CallId));
        Assert.All(_up, u => Assert.Equal("TCP", u.from.Transport));
        Assert.EndsWith("\r\n", Encoding.UTF8.GetString(fromPhone.ToArray()));

        fromPhone.Clear();
        _driver.Advance(90_000);
        Assert.Equal(Encoding.ASCII.GetBytes("\r\n\r\n"), fromPhone.ToArray());
        server!.Send(new byte[] { 13, 10 }, 0, 2); // pong
        _driver.Advance(20_000);
        Assert.Empty(_failures);
        Assert.True(_transport.HasFlow(target));
    }

    [Fact]
    public void A_stream_whose_keep_alive_pong_never_comes_is_declared_failed()
    {
        _wire.Host(ProxyIp).ListenTcp(5060, c => { }, (c, d, o, n) => { }, (c, r) => { });
        var target = new SipTarget("TCP", ProxyIp, 5060);
        var m = SipMessage.CreateRequest("OPTIONS", "sip:proxy@127.0.1.100");
        m.AddHeader("Via", _transport.NewVia("TCP", "z9hG4bKt").ToString());
        _loop.Post(() => _transport.Send(m, target));
        _driver.Advance(100_000);
        Assert.Equal("TCP 127.0.1.100:5060: no keep-alive pong within 10 s", Assert.Single(_failures));
        Assert.False(_transport.HasFlow(target));
    }

    [Fact]
    public void A_refused_connection_is_reported_as_a_failed_flow()
    {
        var m = SipMessage.CreateRequest("OPTIONS", "sip:proxy@127.0.1.100");
        m.AddHeader("Via", _transport.NewVia("TCP", "z9hG4bKt").ToString());
        _loop.Post(() => _transport.Send(m, new SipTarget("TCP", ProxyIp, 5999)));
        _driver.Advance(10);
        Assert.Contains("refused", Assert.Single(_failures));
    }
}
