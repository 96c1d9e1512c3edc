// UDP on the in-memory wire: timing on virtual time, ports, unbound ports, size limit, copies.
using DeskPhone.Hal.Simulated.Network;
using static DeskPhone.Hal.Simulated.Tests.Network.VirtualWire;

namespace DeskPhone.Hal.Simulated.Tests.Network;

public class InMemoryUdpTests
{
    private readonly VirtualWire _net = new();

    [Fact]
    public void A_datagram_arrives_after_the_link_delay_in_virtual_time()
    {
        _net.Wire.Faults.DelayMs = 30;
        var inbox = new Inbox(_net.Clock);
        var a = _net.HostA.OpenUdp(5060, (_, _, _, _, _) => { })!;
        _net.HostB.OpenUdp(5060, inbox.Handler);

        Assert.True(a.SendTo(Bytes("INVITE"), 0, 6, B, 5060));
        _net.Driver.Advance(29);
        Assert.Empty(inbox.Arrivals);
        _net.Driver.Advance(1);

        var arrival = Assert.Single(inbox.Arrivals);
        Assert.Equal(new Arrival(30, "INVITE", A, 5060), arrival);
    }

    [Fact]
    public void A_datagram_is_never_delivered_inside_SendTo()
    {
        var inbox = new Inbox(_net.Clock);
        var a = _net.HostA.OpenUdp(0, (_, _, _, _, _) => { })!;
        _net.HostB.OpenUdp(5060, inbox.Handler);

        a.SendTo(Bytes("x"), 0, 1, B, 5060);
        Assert.Empty(inbox.Arrivals);
        Assert.Equal(1, _net.Clock.PendingTimers);

        _net.Driver.Advance(0);
        Assert.Equal(new[] { "x" }, inbox.Texts);
        Assert.Equal(0, _net.Clock.NowMs);
    }

    [Fact]
    public void Datagrams_without_faults_arrive_in_the_order_sent()
    {
        var inbox = new Inbox(_net.Clock);
        var a = _net.HostA.OpenUdp(0, (_, _, _, _, _) => { })!;
        _net.HostB.OpenUdp(5060, inbox.Handler);

        var sent = Enumerable.Range(0, 50).Select(i => "m" + i).ToArray();
        foreach (var m in sent) a.SendTo(Bytes(m), 0, m.Length, B, 5060);
        _net.Driver.Advance(1);

        Assert.Equal(sent, inbox.Texts);
    }

    [Fact]
    public void Opening_a_bound_udp_port_again_returns_null_until_it_is_closed()
    {
        var first = _net.HostA.OpenUdp(5060, (_, _, _, _, _) => { })!;
        Assert.Null(_net.HostA.OpenUdp(5060, (_, _, _, _, _) => { }));
        Assert.NotNull(_net.HostB.OpenUdp(5060, (_, _, _, _, _) => { })); // another host, another port space

        first.Close();
        Assert.NotNull(_net.HostA.OpenUdp(5060, (_, _, _, _, _) => { }));
    }

    [Fact]
    public void Port_zero_binds_distinct_ephemeral_ports()
    {
        var ports = Enumerable.Range(0, 3).Select(_ => _net.HostA.OpenUdp(0, (_, _, _, _, _) => { })!.LocalPort).ToArray();

        Assert.All(ports, p => Assert.InRange(p, InMemoryHost.FirstEphemeralPort, 65535));
        Assert.Equal(3, ports.Distinct().Count());
        Assert.Equal(3, _net.HostA.BoundUdpPorts);
    }

    [Fact]
    public void A_datagram_to_an_unbound_port_vanishes_and_is_counted()
    {
        var a = _net.HostA.OpenUdp(0, (_, _, _, _, _) => { })!;

        Assert.True(a.SendTo(Bytes("hello?"), 0, 6, B, 5099));
        _net.Driver.Advance(10);

        var counters = _net.Wire.Counters(A, B);
        Assert.Equal(1, counters.Sent);
        Assert.Equal(0, counters.Delivered);
        Assert.Equal(1, counters.Unreachable);
    }

    [Fact]
    public void A_datagram_to_an_address_no_host_has_vanishes_and_is_counted()
    {
        var a = _net.HostA.OpenUdp(0, (_, _, _, _, _) => { })!;

        Assert.True(a.SendTo(Bytes("anyone"), 0, 6, "127.0.9.9", 5060));
        _net.Driver.Advance(10);

        Assert.Equal(1, _net.Wire.Counters(A, "127.0.9.9").Unreachable);
        Assert.Single(_net.Wire.Capture.OfEvent(WireEvent.Unreachable));
    }

    [Fact]
    public void A_datagram_over_65507_bytes_is_refused_and_one_of_65507_arrives()
    {
        var inbox = new Inbox(_net.Clock);
        var a = _net.HostA.OpenUdp(0, (_, _, _, _, _) => { })!;
        _net.HostB.OpenUdp(5060, inbox.Handler);
        var big = new byte[65508];

        Assert.False(a.SendTo(big, 0, 65508, B, 5060));
        Assert.True(a.SendTo(big, 0, 65507, B, 5060));
        _net.Driver.Advance(1);

        Assert.Equal(65507, Assert.Single(inbox.Arrivals).Text.Length);
        Assert.Equal(1, _net.Wire.Counters(A, B).Sent);
    }

    [Fact]
    public void The_receiver_gets_the_bytes_as_they_were_when_sent()
    {
        var inbox = new Inbox(_net.Clock);
        var a = _net.HostA.OpenUdp(0, (_, _, _, _, _) => { })!;
        _net.HostB.OpenUdp(5060, inbox.Handler);
        var buffer = Bytes("xxOPTIONSxx");

        a.SendTo(buffer, 2, 7, B, 5060);
        Array.Fill(buffer, (byte)'!');
        _net.Driver.Advance(1);

        Assert.Equal(new[] { "OPTIONS" }, inbox.Texts);
    }

    [Fact]
    public void A_closed_endpoint_cannot_send_and_receives_nothing_more()
    {
        var inbox = new Inbox(_net.Clock);
        var a = _net.HostA.OpenUdp(0, (_, _, _, _, _) => { })!;
        var b = _net.HostB.OpenUdp(5060, inbox.Handler)!;

        a.SendTo(Bytes("late"), 0, 4, B, 5060);
        b.Close();
        _net.Driver.Advance(1);

        Assert.Empty(inbox.Arrivals);
        Assert.False(b.SendTo(Bytes("no"), 0, 2, A, a.LocalPort));
        Assert.Equal(1, _net.Wire.Counters(A, B).Unreachable);
    }

    [Fact]
    public void Sending_to_something_that_is_not_an_address_returns_false()
    {
        var a = _net.HostA.OpenUdp(0, (_, _, _, _, _) => { })!;

        Assert.False(a.SendTo(Bytes("x"), 0, 1, "pbx.example.com", 5060));
        Assert.False(a.SendTo(Bytes("x"), 0, 1, B, 0));
        Assert.Equal(0, _net.Wire.TotalCounters.Sent);
    }
}
