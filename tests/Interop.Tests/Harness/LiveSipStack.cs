using DeskPhone.Softswitch;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Media.Sdp;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Firmware.Sip.Usage;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Interop.Tests.Harness;

/// <summary>
/// The firmware's SIP stack on real UDP/TCP sockets and the real clock, its event loop on a thread
/// of its own: what a phone runs, minus keys and screen. <see cref="StartCalls"/> adds the call
/// usage with the SDP media side, wired as firmware/Sip/README.md says.
/// </summary>
public sealed class LiveSipStack : IDisposable, IRegistrationListener
{
    private readonly Thread _thread;
    private readonly SocketNetwork _network = new("127.0.0.1");
    public readonly EventLoop Loop;
    public readonly SipStack Stack;
    public readonly SimLog Log;
    public Registration? Registration { get; private set; }
    public CallManager? Calls { get; private set; }
    public SubscriptionManager? Subscriptions { get; private set; }
    public SdpCallMediaFactory? Media { get; private set; }
    /// <summary>Hears every call event (on the loop); read it from the test thread through its methods.</summary>
    public readonly CallRecorder CallEvents = new();

    public LiveSipStack()
    {
        var clock = new SystemClock();
        Log = new SimLog(clock);
        Loop = new EventLoop(clock, Log);
        Stack = new SipStack(Loop, _network, new TransportSettings { UdpPort = 0, TrustedAddresses = new[] { "127.0.0.1" } }, new Random());
        _thread = new Thread(Loop.Run) { IsBackground = true, Name = "live sip loop" };
        _thread.Start();
        Assert.True(Do(() => Stack.Start()), "the stack could not bind a UDP port");
    }

    /// <summary>An account of <paramref name="user"/> at the Kamailio, over <paramref name="transport"/>.</summary>
    public static AccountConfig Account(KamailioProcess kamailio, string user, string password, string transport = "udp", bool outboundProxy = false)
    {
        string proxy = outboundProxy ? $", \"outboundProxy\": \"{kamailio.ProxyUri};lr\"" : "";
        string json = $$"""
        { "device": { "id": "live", "name": "Live", "extension": "{{user}}", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "{{user}}", "domain": "{{kamailio.Domain}}", "password": "{{password}}",
                          "registrar": "{{kamailio.ProxyUri}}", "transport": "{{transport}}", "expires": 300{{proxy}} } ] }
        """;
        Assert.True(DeviceConfigLoader.TryLoad("live.json", json, out var config, out var errors), errors?.ToString());
        return config.DefaultAccount;
    }

    public void Register(AccountConfig account)
    {
        Do(() =>
        {
            Registration = new Registration(Stack, account, this);
            Registration.Start();
            return 0;
        });
    }

    /// <summary>
    /// The call usage for <paramref name="accounts"/>: CallManager (INVITE, BYE, REFER, INFO, its
    /// dialogs), then the SubscriptionManager registered for NOTIFY with the CallManager as its
    /// Fallback, and an <see cref="SdpCallMediaFactory"/> on the stack's address with the phone's codecs.
    /// </summary>
    public void StartCalls(params AccountConfig[] accounts)
    {
        Do(() =>
        {
            Media = new SdpCallMediaFactory(Stack.Transport.LocalAddress, new RtpPortPool(40000, 40998), SdpCodec.PhoneDefaults(), new Random());
            Calls = new CallManager(Stack, accounts, CallEvents, Media);
            Subscriptions = new SubscriptionManager(Stack);
            Stack.Handle(SipMethods.Notify, Subscriptions);
            Subscriptions.Fallback = Calls;
            return 0;
        });
    }

    /// <summary>Places a call on the loop (<see cref="CallManager.Connect"/>).</summary>
    public SipCall Dial(AccountConfig account, string target) => Do(() => Calls!.Connect(account, target));

    /// <summary>Waits (bounded) until <paramref name="call"/> is in <paramref name="state"/>; false on timeout.</summary>
    public bool WaitForState(SipCall call, CallState state, TimeSpan timeout) => WaitFor(() => call.State == state, timeout);

    public T Do<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        using var done = new ManualResetEventSlim();
        Loop.Post(() =>
        {
            try { result = action(); }
            catch (Exception e) { failure = e; }
            finally { done.Set(); }
        });
        Assert.True(done.Wait(TimeSpan.FromSeconds(10)), "the loop did not answer");
        if (failure != null) throw new InvalidOperationException("action failed on the loop", failure);
        return result;
    }

    /// <summary>Polls <paramref name="condition"/> on the loop every 20 ms until true or the timeout.</summary>
    public bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Do(condition)) return true;
            Thread.Sleep(20);
        }
        return Do(condition);
    }

    public string Trace() => string.Join("\n", Log.Lines().Select(l => l.ToString()));

    public void RegistrationChanged(Registration registration) { }

    public void Dispose()
    {
        try { Do(() => { Stack.Stop(); return 0; }); } catch (Exception) { }
        Loop.Stop();
        _thread.Join(TimeSpan.FromSeconds(5));
        _network.Dispose();
    }
}

/// <summary>
/// The phone application's stand-in for the interop tests: records every <see cref="ICallListener"/>
/// event as a line ("1 Ringing -> Connected", "1 ended 487 cancelled") and answers incoming calls
/// with <see cref="Decision"/>. Written on the loop, read from the test thread.
/// </summary>
public sealed class CallRecorder : ICallListener
{
    private readonly object _gate = new();
    private readonly List<string> _events = new();
    private readonly List<SipCall> _incoming = new();

    /// <summary>What <see cref="ICallListener.IncomingCall"/> answers (180 ring by default, 200, or a 3xx-6xx status).</summary>
    public int Decision { get; set; } = CallDecision.Ring;

    /// <summary>Every event so far, oldest first.</summary>
    public string[] Events
    {
        get { lock (_gate) return _events.ToArray(); }
    }

    /// <summary>Incoming calls so far.</summary>
    public SipCall[] Incoming
    {
        get { lock (_gate) return _incoming.ToArray(); }
    }

    public override string ToString() => string.Join("\n", Events);

    private void Add(string line)
    {
        lock (_gate) _events.Add(line);
    }

    int ICallListener.IncomingCall(SipCall call)
    {
        lock (_gate) _incoming.Add(call);
        Add($"incoming {call.Number} from {call.RemoteUri} to {call.LocalParty.UriText}");
        return Decision;
    }

    void ICallListener.CallStateChanged(SipCall call, CallState previous) =>
        Add($"{call.Number} {CallStates.Name(previous)} -> {CallStates.Name(call.State)}");

    void ICallListener.CallUpdated(SipCall call) =>
        Add($"{call.Number} updated" + (call.LocalHold ? " (held)" : "") + (call.RemoteHold ? " (held by remote)" : ""));

    void ICallListener.CallEnded(SipCall call) =>
        Add($"{call.Number} ended {call.EndStatus} {call.EndReason}" + (call.EndedRemotely ? " (remote)" : ""));

    SipCall? ICallListener.TransferRequested(SipCall call, string referTo)
    {
        Add($"{call.Number} transfer requested to {referTo}");
        return null;
    }

    void ICallListener.TransferProgress(SipCall call, int status) => Add($"{call.Number} transfer {status}");

    void ICallListener.CallReplaced(SipCall replaced, SipCall replacement) => Add($"{replaced.Number} replaced by {replacement.Number}");

    void ICallListener.DtmfReceived(SipCall call, char digit) => Add($"{call.Number} dtmf {digit}");
}
