using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Sip.Call;

/// <summary>
/// A phone (SipStack + CallManager at 127.0.1.1:5070, extension 201) and a <see cref="FakeFarEnd"/>
/// (proxy and far phone at 127.0.1.100:5060) on the in-memory wire, on virtual time. The rig is the
/// call listener and the media factory: it records events as text and hands out <see cref="FakeMedia"/>.
/// </summary>
public sealed class CallRig : ICallListener, ICallMediaFactory
{
    public readonly VirtualClock Clock = new();
    public readonly VirtualTimeDriver Driver;
    public readonly InMemoryNetwork Wire;
    public readonly EventLoop Loop;
    public readonly SipStack Stack;
    public readonly CallManager Calls;
    public readonly FakeFarEnd Far;
    public readonly AccountConfig Account;
    public readonly List<string> Events = new();
    public readonly List<SipCall> Incoming = new();
    public readonly Dictionary<SipCall, FakeMedia> Media = new();
    public readonly List<(SipCall Call, int Status)> Transfers = new();

    /// <summary>What <see cref="ICallListener.IncomingCall"/> answers.</summary>
    public int Decision = CallDecision.Ring;
    /// <summary>What to do with a REFER; null declines.</summary>
    public Func<SipCall, string, SipCall?> OnTransferRequested = (_, _) => null;

    public CallRig(string accountExtra = "", ICallMediaFactory? media = null)
    {
        Driver = new VirtualTimeDriver(Clock);
        Wire = new InMemoryNetwork(Clock);
        Loop = new EventLoop(Clock, new SimLog(Clock));
        Driver.AddPump(Loop.RunPending);
        Far = new FakeFarEnd(Wire, "127.0.1.100", () => Clock.NowMs);
        string config = """
        { "device": { "id": "d", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "201", "displayName": "Reception", "domain": "office.example", "password": "secret",
                          "registrar": "sip:127.0.1.100:5060" EXTRA } ] }
        """.Replace("EXTRA", accountExtra);
        Assert.True(DeviceConfigLoader.TryLoad("t.json", config, out var parsed, out var errors), errors?.ToString());
        Account = parsed.DefaultAccount;
        Stack = new SipStack(Loop, Wire.AddHost("127.0.1.1"), new TransportSettings { UdpPort = 5070 }, new Random(5));
        Calls = new CallManager(Stack, parsed.Accounts, this, media ?? this);
        Run(() => Assert.True(Stack.Start()));
    }

    /// <summary>Runs <paramref name="action"/> on the loop and lets everything due now happen.</summary>
    public void Run(Action action)
    {
        Loop.Post(() => action());
        Wait(0);
    }

    public T Run<T>(Func<T> f)
    {
        T result = default!;
        Run(() => { result = f(); });
        return result;
    }

    public void Wait(long ms)
    {
        Driver.Advance(ms);
        Assert.True(Loop.Failures == 0, Loop.LastFailure?.ToString());
    }

    public SipCall Dial(string target = "sip:bob@office.example") => Run(() => Calls.Connect(Account, target));

    public FakeMedia MediaOf(SipCall call) => Media[call];

    int ICallListener.IncomingCall(SipCall call)
    {
        Incoming.Add(call);
        Events.Add($"incoming {call.Number} from {call.RemoteDisplayName} <{call.RemoteUri}> to {call.LocalParty.UriText}");
        return Decision;
    }

    void ICallListener.CallStateChanged(SipCall call, CallState previous) =>
        Events.Add($"{call.Number} {CallStates.Name(previous)} -> {CallStates.Name(call.State)}");

    void ICallListener.CallUpdated(SipCall call) => Events.Add($"{call.Number} updated" + (call.LocalHold ? " (held)" : ""));

    void ICallListener.CallEnded(SipCall call) =>
        Events.Add($"{call.Number} ended {call.EndStatus} {call.EndReason}" + (call.EndedRemotely ? " (remote)" : ""));

    SipCall? ICallListener.TransferRequested(SipCall call, string referTo)
    {
        Events.Add($"{call.Number} transfer requested to {referTo}");
        return OnTransferRequested(call, referTo);
    }

    void ICallListener.TransferProgress(SipCall call, int status)
    {
        Transfers.Add((call, status));
        Events.Add($"{call.Number} transfer {status}");
    }

    void ICallListener.CallReplaced(SipCall replaced, SipCall replacement) =>
        Events.Add($"{replaced.Number} replaced by {replacement.Number}");

    void ICallListener.DtmfReceived(SipCall call, char digit) => Events.Add($"{call.Number} dtmf {digit}");

    ICallMedia ICallMediaFactory.CreateMedia(SipCall call)
    {
        var m = new FakeMedia(call.Number);
        Media[call] = m;
        return m;
    }
}

/// <summary>Canned SDP text; records what the call layer gave it.</summary>
public sealed class FakeMedia : ICallMedia
{
    private readonly int _n;
    private int _offers;
    public readonly List<string> Answers = new();
    public readonly List<string> Offers = new();
    public bool Stopped;

    public FakeMedia(int n) { _n = n; }

    public string CreateOffer() => $"v=0 offer {_n}.{++_offers}";

    public string? AnswerFor(string offer, out int status, out string? reason)
    {
        Offers.Add(offer);
        status = 0;
        reason = null;
        return offer.Contains("unacceptable") ? null : $"v=0 answer {_n} to [{offer}]";
    }

    public bool RemoteAnswer(string answer, out string? reason)
    {
        Answers.Add(answer);
        reason = null;
        return true;
    }

    public void OfferRejected() => RejectedOffers++;

    public int RejectedOffers;

    public DeskPhone.Firmware.Media.Sdp.NegotiatedMedia? Negotiated => null;

    public string HoldOffer(bool hold) => hold ? $"v=0 hold {_n} a=sendonly" : $"v=0 resume {_n} a=sendrecv";

    public void Stop() => Stopped = true;
}
