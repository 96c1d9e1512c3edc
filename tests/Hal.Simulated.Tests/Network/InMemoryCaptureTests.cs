// What a tester reads off the in-memory wire: capture records and counters.
using DeskPhone.Hal.Simulated.Network;
using static DeskPhone.Hal.Simulated.Tests.Network.VirtualWire;

namespace DeskPhone.Hal.Simulated.Tests.Network;

public class InMemoryCaptureTests
{
    private readonly VirtualWire _net = new();

    [Fact]
    public void The_capture_records_time_endpoints_and_bytes_of_each_datagram()
    {
        _net.Wire.Faults.DelayMs = 15;
        var a = _net.HostA.OpenUdp(5060, (_, _, _, _, _) => { })!;
        _net.HostB.OpenUdp(5062, (_, _, _, _, _) => { });

        _net.Driver.Advance(100);
        a.SendTo(Bytes("OPTIONS sip:b SIP/2.0"), 0, 21, B, 5062);
        _net.Driver.Advance(100);

        var records = _net.Wire.Capture.Records;
        Assert.Equal(new[] { WireEvent.Sent, WireEvent.Delivered }, records.Select(r => r.Event));
        var delivered = records[1];
        Assert.Equal(115, delivered.TimeMs);
        Assert.Equal((WireProtocol.Udp, A, 5060, B, 5062), (delivered.Protocol, delivered.FromAddress, delivered.FromPort, delivered.ToAddress, delivered.ToPort));
        Assert.Equal("OPTIONS sip:b SIP/2.0", delivered.Text);
        Assert.Equal(100, records[0].TimeMs);
    }

    [Fact]
    public void The_captured_event_reports_drops_as_they_happen()
    {
        var seen = new List<WireRecord>();
        _net.Wire.Capture.Recorded += seen.Add;
        _net.Wire.Capture.Enabled = false;
        _net.Wire.Link(A, B).DropProbability = 1;
        var a = _net.HostA.OpenUdp(0, (_, _, _, _, _) => { })!;

        a.SendTo(Bytes("gone"), 0, 4, B, 5060);

        Assert.Equal(new[] { WireEvent.Sent, WireEvent.Dropped }, seen.Select(r => r.Event));
        Assert.Equal("gone", seen[1].Text);
        Assert.Empty(_net.Wire.Capture.Records);
    }

    [Fact]
    public void Counters_report_sent_delivered_dropped_and_duplicated_per_link()
    {
        var a = _net.HostA.OpenUdp(0, (_, _, _, _, _) => { })!;
        var b = _net.HostB.OpenUdp(5060, (_, _, _, _, _) => { })!;
        _net.HostA.OpenUdp(5060, (_, _, _, _, _) => { });

        a.SendTo(Bytes("plain"), 0, 5, B, 5060);
        _net.Wire.Link(A, B).DuplicateProbability = 1;
        a.SendTo(Bytes("twice"), 0, 5, B, 5060);
        _net.Wire.Link(A, B).DropProbability = 1;
        a.SendTo(Bytes("lost"), 0, 4, B, 5060);
        b.SendTo(Bytes("back"), 0, 4, A, 5060);
        _net.Driver.Advance(1);

        Assert.Equal(new LinkCounters(Sent: 3, Delivered: 3, Dropped: 1, Duplicated: 1, 0, 0, 0, 0), _net.Wire.Counters(A, B));
        Assert.Equal(new LinkCounters(Sent: 1, Delivered: 1, 0, 0, 0, 0, 0, 0), _net.Wire.Counters(B, A));
        Assert.Equal(4, _net.Wire.TotalCounters.Sent);
        Assert.Equal(4, _net.Wire.TotalCounters.Delivered);
    }

    [Fact]
    public void Stream_bytes_appear_in_the_capture_as_tcp_records()
    {
        var server = new StreamLog(_net.Clock);
        _net.HostB.ListenTcp(5060, server.OnConnected, server.OnData, server.OnClosed);
        var client = _net.HostA.ConnectTcp(B, 5060, null, _ => { }, (_, _, _, _) => { }, (_, _) => { });
        client.Send(Bytes("hello"), 0, 5);
        _net.Driver.Advance(1);

        var tcp = _net.Wire.Capture.Records.Where(r => r.Protocol == WireProtocol.Tcp).ToArray();
        Assert.Equal(new[] { WireEvent.Sent, WireEvent.Delivered }, tcp.Select(r => r.Event));
        Assert.All(tcp, r => Assert.Equal((A, client.LocalPort, B, 5060, "hello"), (r.FromAddress, r.FromPort, r.ToAddress, r.ToPort, r.Text)));
        Assert.Equal(5, _net.Wire.Counters(A, B).StreamBytesSent);
    }
}
