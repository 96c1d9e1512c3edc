// TCP streams on the in-memory wire: handshake, order, refusal, close, partition, no TLS.
using DeskPhone.Hal;
using static DeskPhone.Hal.Simulated.Tests.Network.VirtualWire;

namespace DeskPhone.Hal.Simulated.Tests.Network;

public class InMemoryStreamTests
{
    private readonly VirtualWire _net = new();
    private readonly StreamLog _server;
    private readonly StreamLog _client;

    public InMemoryStreamTests()
    {
        _server = new StreamLog(_net.Clock);
        _client = new StreamLog(_net.Clock);
    }

    private ITcpListener Listen(int port = 5060) =>
        _net.HostB.ListenTcp(port, _server.OnConnected, _server.OnData, _server.OnClosed)!;

    private ITcpConnection Connect(int port = 5060, string to = B, string? tls = null) =>
        _net.HostA.ConnectTcp(to, port, tls, _client.OnConnected, _client.OnData, _client.OnClosed);

    private static void Send(ITcpConnection c, string text) => Assert.True(c.Send(Bytes(text), 0, text.Length));

    [Fact]
    public void Tcp_connects_and_carries_bytes_after_the_link_delay()
    {
        _net.Wire.Faults.DelayMs = 10;
        Listen();
        var client = Connect();
        Assert.False(client.IsOpen);

        _net.Driver.Advance(20);
        Assert.Equal(10, _server.ConnectedAtMs);  // handshake there...
        Assert.Equal(20, _client.ConnectedAtMs);  // ...and back
        Assert.True(client.IsOpen);
        Assert.Equal(A, _server.Connection!.RemoteAddress);
        Assert.Equal(client.LocalPort, _server.Connection.RemotePort);
        Assert.Equal(5060, _server.Connection.LocalPort);

        Send(client, "REGISTER ");
        Send(client, "sip:pbx");
        _net.Driver.Advance(9);
        Assert.Equal("", _server.Received);
        _net.Driver.Advance(1);
        Assert.Equal("REGISTER sip:pbx", _server.Received);

        Send(_server.Connection, "SIP/2.0 200 OK");
        _net.Driver.Advance(10);
        Assert.Equal("SIP/2.0 200 OK", _client.Received);
        Assert.Equal(16, _net.Wire.Counters(A, B).StreamBytesDelivered);
    }

    [Fact]
    public void Stream_bytes_stay_in_order_under_jitter()
    {
        _net.Wire.Faults.JitterMs = 40;
        Listen();
        var client = Connect();
        var expected = string.Concat(Enumerable.Range(0, 100).Select(i => i + ","));
        for (int i = 0; i < 100; i++) Send(client, i + ",");

        _net.Driver.Advance(1000);

        Assert.Equal(expected, _server.Received);
    }

    [Fact]
    public void Bytes_sent_before_the_connect_completes_arrive_once_it_does()
    {
        _net.Wire.Faults.DelayMs = 5;
        Listen();
        var client = Connect();
        Send(client, "early ");

        _net.Driver.Advance(20);
        Send(client, "late");
        _net.Driver.Advance(20);

        Assert.Equal("early late", _server.Received);
    }

    [Fact]
    public void Tcp_connect_to_a_closed_port_reports_connection_refused()
    {
        _net.Wire.Faults.DelayMs = 3;
        var client = Connect(5099);

        _net.Driver.Advance(10);

        Assert.Equal(new[] { "connection refused" }, _client.CloseReasons);
        Assert.Equal(6, _client.ClosedAtMs);
        Assert.Equal(0, _client.Connects);
        Assert.False(client.Send(Bytes("x"), 0, 1));
    }

    [Fact]
    public void Tcp_connect_to_an_address_no_host_has_reports_no_route()
    {
        Connect(5060, "127.0.9.9");
        _net.Driver.Advance(10);

        Assert.Equal(new[] { "no route to host" }, _client.CloseReasons);
    }

    [Fact]
    public void Close_on_one_side_reports_closed_on_the_other_after_the_bytes_sent_before()
    {
        Listen();
        var client = Connect();
        _net.Driver.Advance(1);

        Send(client, "BYE");
        client.Close();
        Assert.Empty(_client.CloseReasons); // not inside Close
        Assert.False(client.IsOpen);
        Assert.False(client.Send(Bytes("x"), 0, 1));
        _net.Driver.Advance(1);

        Assert.Equal("BYE", _server.Received);
        Assert.Equal(new[] { "closed by peer" }, _server.CloseReasons);
        Assert.Equal(new[] { "closed locally" }, _client.CloseReasons);
        Assert.False(_server.Connection!.IsOpen);

        _server.Connection.Close();
        client.Close();
        _net.Driver.Advance(1);
        Assert.Single(_server.CloseReasons);
        Assert.Single(_client.CloseReasons);
    }

    [Fact]
    public void A_partition_stalls_a_stream_until_healed_and_loses_nothing()
    {
        Listen();
        var client = Connect();
        _net.Driver.Advance(1);

        _net.Wire.Partition(A, B);
        Send(client, "one ");
        Send(client, "two");
        _net.Driver.Advance(30_000);
        Assert.Equal("", _server.Received);
        Assert.True(client.IsOpen);

        _net.Wire.Heal(A, B);
        Send(client, " three");
        _net.Driver.Advance(1);
        Assert.Equal("one two three", _server.Received);
    }

    [Fact]
    public void A_connect_across_a_partition_completes_after_the_heal()
    {
        Listen();
        _net.Wire.Partition(A, B);
        Connect();
        _net.Driver.Advance(5_000);
        Assert.Equal(0, _client.Connects);

        _net.Wire.HealAll();
        _net.Driver.Advance(1);
        Assert.Equal(1, _client.Connects);
        Assert.Equal(5_000, _client.ConnectedAtMs);
    }

    [Fact]
    public void Tls_is_not_supported_in_memory()
    {
        Listen();
        Assert.False(_net.HostA.SupportsTls);

        var client = Connect(tls: "pbx.example.com");
        Assert.Empty(_client.CloseReasons);
        _net.Driver.Advance(1);

        Assert.Equal(new[] { "TLS not supported" }, _client.CloseReasons);
        Assert.Equal(0, _client.Connects);
        Assert.Equal(0, _server.Connects);
        Assert.False(client.IsTls);
    }

    [Fact]
    public void Listening_on_a_taken_tcp_port_returns_null_until_it_is_closed()
    {
        var listener = Listen();
        Assert.Null(_net.HostB.ListenTcp(5060, _server.OnConnected, _server.OnData, _server.OnClosed));

        listener.Close();
        Assert.NotNull(_net.HostB.ListenTcp(5060, _server.OnConnected, _server.OnData, _server.OnClosed));
    }

    [Fact]
    public void A_closed_listener_refuses_new_connects_but_keeps_accepted_streams()
    {
        var listener = Listen();
        var first = Connect();
        _net.Driver.Advance(1);
        listener.Close();

        var second = _net.HostA.ConnectTcp(B, 5060, null, _ => { }, (_, _, _, _) => { }, (_, reason) => Assert.Equal("connection refused", reason));
        Send(first, "still here");
        _net.Driver.Advance(1);

        Assert.Equal("still here", _server.Received);
        Assert.True(first.IsOpen);
        Assert.False(second.IsOpen);
    }
}
