// UDP over real loopback sockets.
using System.Net.Sockets;
using DeskPhone.Hal.Simulated.Network;
using static DeskPhone.Hal.Simulated.Tests.Network.VirtualWire;

namespace DeskPhone.Hal.Simulated.Tests.Network;

public sealed class SocketUdpTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly SocketNetwork _net = new("127.0.0.1");

    public void Dispose() => _net.Dispose();

    [Fact]
    public void Real_udp_datagrams_cross_loopback()
    {
        var got = new ManualResetEventSlim();
        string? text = null, from = null;
        int fromPort = 0;
        var a = _net.OpenUdp(0, (_, _, _, _, _) => { })!;
        var b = _net.OpenUdp(0, (data, offset, count, address, port) =>
        {
            text = System.Text.Encoding.UTF8.GetString(data, offset, count);
            from = address;
            fromPort = port;
            got.Set();
        })!;

        Assert.True(a.SendTo(Bytes("xxINVITExx"), 2, 6, "127.0.0.1", b.LocalPort));

        Assert.True(got.Wait(Patience));
        Assert.Equal(("INVITE", "127.0.0.1", a.LocalPort), (text, from, fromPort));
        Assert.NotEqual(0, a.LocalPort);
    }

    [Fact]
    public void A_steady_stream_between_two_real_ports_allocates_nothing_per_datagram_on_either_side()
    {
        // The receive thread notes its own allocation count at every datagram; the sender is this thread.
        const int Warm = 50, Measured = 200;
        var seen = new long[Warm + Measured];
        int received = 0;
        string? lastFrom = null;
        var done = new ManualResetEventSlim();
        var a = _net.OpenUdp(0, (_, _, _, _, _) => { })!;
        var b = _net.OpenUdp(0, (data, offset, count, address, port) =>
        {
            int i = received++;
            if (i < seen.Length) seen[i] = GC.GetAllocatedBytesForCurrentThread();
            lastFrom = address;
            if (received == seen.Length) done.Set();
        })!;
        var packet = new byte[172]; // an RTP packet of 20 ms G.711

        long sendBytes = 0;
        for (int i = 0; i < seen.Length && !done.IsSet; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Assert.True(a.SendTo(packet, 0, packet.Length, "127.0.0.1", b.LocalPort));
            if (i >= Warm) sendBytes += GC.GetAllocatedBytesForCurrentThread() - before;
            if (i % 20 == 19) Thread.Sleep(1); // let the receiver keep up: loopback drops what overflows the buffer
        }

        Assert.True(done.Wait(Patience), $"received {received} of {seen.Length}");
        Assert.Equal(0, sendBytes);
        Assert.Equal(0, seen[^1] - seen[Warm]); // the receive loop, handler call included, between datagram 50 and 250
        Assert.Equal("127.0.0.1", lastFrom);
    }

    [Fact]
    public void Real_udp_bind_of_a_taken_port_returns_null()
    {
        var first = _net.OpenUdp(0, (_, _, _, _, _) => { })!;

        Assert.Null(_net.OpenUdp(first.LocalPort, (_, _, _, _, _) => { }));
        using var other = new SocketNetwork();
        Assert.Null(other.OpenUdp(first.LocalPort, (_, _, _, _, _) => { }));
    }

    [Fact]
    public void Real_udp_refuses_oversized_datagrams_and_bad_addresses_without_throwing()
    {
        var a = _net.OpenUdp(0, (_, _, _, _, _) => { })!;

        Assert.False(a.SendTo(new byte[65508], 0, 65508, "127.0.0.1", 9));
        Assert.False(a.SendTo(Bytes("x"), 0, 1, "not-an-address", 9));
        Assert.False(a.SendTo(Bytes("x"), 0, 1, "::1", 9)); // an IPv4 socket cannot reach IPv6
    }

    [Fact]
    public void Closing_an_endpoint_frees_its_port_and_no_handler_runs_after()
    {
        int calls = 0;
        var a = _net.OpenUdp(0, (_, _, _, _, _) => Interlocked.Increment(ref calls))!;
        int port = a.LocalPort;

        a.Close();
        Assert.True(((SocketUdpEndpoint)a).IsClosed);
        Assert.False(a.SendTo(Bytes("x"), 0, 1, "127.0.0.1", port));

        // The port is free again: a plain socket can bind it and nothing reaches the old handler.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Closing_the_network_closes_every_socket_it_opened()
    {
        var net = new SocketNetwork();
        var udp = net.OpenUdp(0, (_, _, _, _, _) => { })!;
        var listener = net.ListenTcp(0, _ => { }, (_, _, _, _) => { }, (_, _) => { })!;
        Assert.Equal(2, net.OpenSockets);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        net.Close();

        Assert.InRange(watch.ElapsedMilliseconds, 0, 1000); // prompt, not a timeout
        Assert.Equal(0, net.OpenSockets);
        Assert.True(((SocketUdpEndpoint)udp).IsClosed);
        Assert.Null(net.OpenUdp(0, (_, _, _, _, _) => { }));
        using var again = new SocketNetwork();
        Assert.NotNull(again.OpenUdp(udp.LocalPort, (_, _, _, _, _) => { }));
        Assert.NotNull(again.ListenTcp(listener.LocalPort, _ => { }, (_, _, _, _) => { }, (_, _) => { }));
    }
}
