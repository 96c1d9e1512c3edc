using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Sip.Transaction;

/// <summary>A transaction layer on virtual time with a recording transport, owner and TU.</summary>
public sealed class TransactionRig : ISipSender, IClientTransactionOwner, ITransactionUser
{
    public readonly VirtualClock Clock = new();
    public readonly VirtualTimeDriver Driver;
    public readonly EventLoop Loop;
    public readonly TransactionLayer Layer;
    public readonly List<(long at, SipMessage message, SipTarget target)> Sent = new();
    public readonly List<string> Events = new();
    public readonly List<ServerTransaction> NewServer = new();
    public bool FailSends;

    public static readonly SipTarget Proxy = new("UDP", "127.0.0.1", 5060);
    public static readonly SipTarget ProxyTcp = new("TCP", "127.0.0.1", 5060);

    public TransactionRig()
    {
        Driver = new VirtualTimeDriver(Clock);
        Loop = new EventLoop(Clock, new SimLog(Clock));
        Driver.AddPump(Loop.RunPending);
        Layer = new TransactionLayer(Loop, this, new SipTimers(), this, new Random(7));
    }

    public void Wait(long ms) => Driver.Advance(ms);

    public void Run(Action a)
    {
        Loop.Post(() => a());
        Driver.RunUntilIdle();
        Assert.Equal(0, Loop.Failures);
    }

    public static SipMessage Request(string method, string branch = "z9hG4bKclient1", string transport = "UDP")
    {
        var m = SipMessage.CreateRequest(method, "sip:bob@office.example");
        m.AddHeader("Via", $"SIP/2.0/{transport} 127.0.0.1:5070;branch={branch};rport");
        m.AddHeader("From", "<sip:201@office.example>;tag=from1");
        m.AddHeader("To", "<sip:bob@office.example>");
        m.AddHeader("Call-ID", "call-1@127.0.0.1");
        m.AddHeader("CSeq", "1 " + method);
        m.AddHeader("Max-Forwards", "70");
        return m;
    }

    public static SipMessage ResponseTo(SipMessage request, int code, string toTag = "to9")
        => SipMessage.CreateResponse(request, code, SipStatus.DefaultReason(code), code > 100 ? toTag : null);

    public void Deliver(SipMessage m, SipTarget? from = null) => Run(() => Layer.OnMessage(Parse(m), from ?? Proxy));

    /// <summary>Messages go through the wire format, as they would from the transport.</summary>
    public static SipMessage Parse(SipMessage m)
    {
        var bytes = m.ToBytes();
        Assert.True(SipParser.TryParse(bytes, 0, bytes.Length, out var parsed, out var error), error?.ToString());
        return parsed;
    }

    public long[] SendTimes(string startLine) =>
        Sent.Where(s => StartLine(s.message).StartsWith(startLine)).Select(s => s.at).ToArray();

    public static string StartLine(SipMessage m) => m.IsRequest ? m.Method + " " + m.RequestUriText : m.StatusCode + " " + m.ReasonPhrase;

    bool ISipSender.Send(SipMessage message, SipTarget target)
    {
        if (FailSends) return false;
        Sent.Add((Clock.NowMs, message, target));
        return true;
    }

    void IClientTransactionOwner.ResponseReceived(ClientTransaction tx, SipMessage response) => Events.Add($"{Clock.NowMs} response {response.StatusCode} {tx.Method}");
    void IClientTransactionOwner.TimedOut(ClientTransaction tx) => Events.Add($"{Clock.NowMs} timeout {tx.Method}");
    void IClientTransactionOwner.TransportFailed(ClientTransaction tx) => Events.Add($"{Clock.NowMs} transport-failed {tx.Method}");
    void ITransactionUser.RequestReceived(ServerTransaction tx, SipMessage request) { NewServer.Add(tx); Events.Add($"{Clock.NowMs} request {request.Method}"); }
    void ITransactionUser.AckReceived(SipMessage ack) => Events.Add($"{Clock.NowMs} ack");
    void ITransactionUser.CancelReceived(ServerTransaction invite, SipMessage cancel) => Events.Add($"{Clock.NowMs} cancel");
    void ITransactionUser.StrayResponse(SipMessage response) => Events.Add($"{Clock.NowMs} stray {response.StatusCode}");
    void ITransactionUser.ServerTransactionFailed(ServerTransaction tx) => Events.Add($"{Clock.NowMs} server-failed {tx.Method}");
    void ITransactionUser.FlowFailed(SipTarget peer, string reason) => Events.Add($"{Clock.NowMs} flow-failed {peer}");
}
