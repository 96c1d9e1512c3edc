// TCP streams over real loopback sockets.
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;
using static DeskPhone.Hal.Simulated.Tests.Network.VirtualWire;

namespace DeskPhone.Hal.Simulated.Tests.Network;

public sealed class SocketTcpTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly SocketNetwork _net = new("127.0.0.1");
    private readonly StreamLog _server = new();
    private readonly StreamLog _client = new();

    public void Dispose() => _net.Dispose();

    private ITcpListener Listen() => _net.ListenTcp(0, _server.OnConnected, _server.OnData, _server.OnClosed)!;

    private ITcpConnection Connect(int port) =>
        _net.ConnectTcp("127.0.0.1", port, null, _client.OnConnected, _client.OnData, _client.OnClosed);

    [Fact]
    public void Real_tcp_stream_carries_bytes_both_ways()
    {
        var listener = Listen();
        var client = Connect(listener.LocalPort);
        Assert.True(_client.ConnectedSignal.Wait(Patience));
        Assert.True(_server.ConnectedSignal.Wait(Patience));
        Assert.True(client.IsOpen);
        Assert.False(client.IsTls);
        Assert.Equal(client.LocalPort, _server.Connection!.RemotePort);

        _server.WaitForLength = 8;
        Assert.True(client.Send(Bytes("REGISTER"), 0, 8));
        Assert.True(_server.DataSignal.Wait(Patience));
        _client.WaitForLength = 6;
        Assert.True(_server.Connection.Send(Bytes("200 OK"), 0, 6));
        Assert.True(_client.DataSignal.Wait(Patience));

        Assert.Equal("REGISTER", _server.Received);
        Assert.Equal("200 OK", _client.Received);
    }

    [Fact]
    public void Real_tcp_bytes_sent_before_the_connect_completes_are_delivered()
    {
        var listener = Listen();
        _server.WaitForLength = 10;
        var client = Connect(listener.LocalPort);

        Assert.True(client.Send(Bytes("early "), 0, 6));
        Assert.True(client.Send(Bytes("bird"), 0, 4));

        Assert.True(_server.DataSignal.Wait(Patience));
        Assert.Equal("early bird", _server.Received);
    }

    [Fact]
    public void Tcp_connect_to_a_closed_real_port_reports_connection_refused()
    {
        var listener = Listen();
        int port = listener.LocalPort;
        listener.Close();

        var client = Connect(port);

        Assert.True(_client.ClosedSignal.Wait(Patience));
        Assert.Equal(new[] { "connection refused" }, _client.CloseReasons);
        Assert.Equal(0, _client.Connects);
        Assert.False(client.IsOpen);
        Assert.False(client.Send(Bytes("x"), 0, 1));
    }

    [Fact]
    public void Real_tcp_close_on_one_side_reports_closed_on_the_other_after_its_bytes()
    {
        var listener = Listen();
        var client = Connect(listener.LocalPort);
        Assert.True(_server.ConnectedSignal.Wait(Patience));

        client.Send(Bytes("BYE"), 0, 3);
        client.Close();

        Assert.True(_server.ClosedSignal.Wait(Patience));
        Assert.True(_client.ClosedSignal.Wait(Patience));
        Assert.Equal("BYE", _server.Received);
        Assert.Equal(new[] { "closed by peer" }, _server.CloseReasons);
        Assert.Equal(new[] { "closed locally" }, _client.CloseReasons);
        Assert.False(client.Send(Bytes("x"), 0, 1));
    }

    [Fact]
    public void Real_listen_on_a_taken_port_returns_null()
    {
        var listener = Listen();

        Assert.Null(_net.ListenTcp(listener.LocalPort, _ => { }, (_, _, _, _) => { }, (_, _) => { }));
    }

    [Fact]
    public void Closing_the_network_closes_open_streams_once_with_a_reason()
    {
        var net = new SocketNetwork();
        var listener = net.ListenTcp(0, _server.OnConnected, _server.OnData, _server.OnClosed)!;
        net.ConnectTcp("127.0.0.1", listener.LocalPort, null, _client.OnConnected, _client.OnData, _client.OnClosed);
        Assert.True(_server.ConnectedSignal.Wait(Patience));
        Assert.True(_client.ConnectedSignal.Wait(Patience));

        net.Close();

        Assert.Equal(0, net.OpenSockets);
        Assert.Equal(new[] { "network closed" }, _client.CloseReasons);
        Assert.Equal(new[] { "network closed" }, _server.CloseReasons);
    }

    [Fact]
    public void A_handler_that_throws_is_reported_and_the_stream_keeps_going()
    {
        var faults = new List<Exception>();
        _net.HandlerFailed += e => { lock (faults) faults.Add(e); };
        var first = new ManualResetEventSlim();
        var second = new ManualResetEventSlim();
        var listener = _net.ListenTcp(0, _ => { }, (_, _, _, _) =>
        {
            if (!first.IsSet)
            {
                first.Set();
                throw new InvalidOperationException("firmware bug");
            }
            second.Set();
        }, (_, _) => { })!;
        var client = Connect(listener.LocalPort);
        Assert.True(_client.ConnectedSignal.Wait(Patience));

        client.Send(Bytes("a"), 0, 1);
        Assert.True(first.Wait(Patience));
        client.Send(Bytes("b"), 0, 1);

        Assert.True(second.Wait(Patience));
        lock (faults) Assert.Equal("firmware bug", Assert.Single(faults).Message);
    }
}
