using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;
using SipSubscription = DeskPhone.Firmware.Sip.Subscription.Subscription;

namespace DeskPhone.Firmware.Tests.Sip.Subscription;

/// <summary>
/// A phone (127.0.1.1:5070, account 201@office.example, registrar 127.0.1.100) with a
/// SubscriptionManager handling NOTIFY, a FakeNotifier at 127.0.1.100:5060, virtual time, and a
/// listener that records what the subscriptions report.
/// </summary>
public sealed class SubscriptionRig : ISubscriptionListener
{
    public readonly VirtualClock Clock = new();
    public readonly VirtualTimeDriver Driver;
    public readonly InMemoryNetwork Wire;
    public readonly EventLoop Loop;
    public readonly SipStack Stack;
    public readonly SubscriptionManager Manager;
    public readonly FakeNotifier Notifier;
    public readonly AccountConfig Account;
    public readonly List<string> Events = new();
    public readonly List<SubscriptionNotify> Notifies = new();
    /// <summary>Called from the listener's NotifyReceived (e.g. to stop the subscription there).</summary>
    public Action<SipSubscription, SubscriptionNotify>? OnNotify;

    public SubscriptionRig(string extraAccount = "")
    {
        Driver = new VirtualTimeDriver(Clock);
        Wire = new InMemoryNetwork(Clock);
        Loop = new EventLoop(Clock, new SimLog(Clock));
        Driver.AddPump(Loop.RunPending);
        Notifier = new FakeNotifier(Wire);
        string config = """
        { "device": { "id": "d", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "201", "domain": "office.example", "password": "secret",
                          "registrar": "sip:127.0.1.100:5060", "expires": 600 EXTRA } ] }
        """.Replace("EXTRA", extraAccount);
        Assert.True(DeviceConfigLoader.TryLoad("t.json", config, out var parsed, out var errors), errors?.ToString());
        Account = parsed.DefaultAccount;
        Stack = new SipStack(Loop, Wire.AddHost("127.0.1.1"), new TransportSettings { UdpPort = 5070 }, new Random(3));
        Manager = new SubscriptionManager(Stack);
        Stack.Handle(SipMethods.Notify, Manager);
        Run(() => Assert.True(Stack.Start()));
    }

    public long Seconds => Clock.NowMs / 1000;

    /// <summary>Runs <paramref name="action"/> on the loop, then lets the wire settle.</summary>
    public void Run(Action action)
    {
        Loop.Post(() => action());
        Driver.Advance(10);
        Assert.Equal(0, Loop.Failures);
    }

    public void Wait(long ms)
    {
        Driver.Advance(ms);
        Assert.Equal(0, Loop.Failures);
    }

    /// <summary>A started subscription to <paramref name="package"/> at <paramref name="resource"/>.</summary>
    public SipSubscription Subscribe(string package = "dialog", string resource = "sip:202@office.example", Action<SipSubscription>? setUp = null)
    {
        SipSubscription s = Manager.Create(Account, package, resource, this);
        setUp?.Invoke(s);
        Run(s.Start);
        return s;
    }

    public void NotifyReceived(SipSubscription subscription, SubscriptionNotify notify)
    {
        Notifies.Add(notify);
        Events.Add($"{Seconds}s notify {notify.State}" + (notify.Reason == null ? "" : " " + notify.Reason)
            + (notify.BodyText.Length == 0 ? "" : $" [{notify.ContentType}] {notify.BodyText}"));
        OnNotify?.Invoke(subscription, notify);
    }

    public void SubscriptionChanged(SipSubscription subscription) =>
        Events.Add($"{Seconds}s {SipSubscription.StateName(subscription.State)}" + (subscription.FailureReason == null ? "" : $" ({subscription.FailureReason})"));

    /// <summary>The statuses the phone answered NOTIFYs with.</summary>
    public int[] NotifyAnswers => Notifier.NotifyAnswers.Select(r => r.StatusCode).ToArray();
}
