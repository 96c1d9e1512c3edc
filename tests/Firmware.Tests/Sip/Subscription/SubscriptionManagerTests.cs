using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Firmware.Sip.Transaction;

namespace DeskPhone.Firmware.Tests.Sip.Subscription;

public class SubscriptionManagerTests
{
    private readonly SubscriptionRig _rig = new();
    private FakeNotifier Notifier => _rig.Notifier;

    private sealed class ReferHandler : IRequestHandler
    {
        public readonly List<SipMessage> Got = new();
        public void RequestReceived(ServerTransaction transaction, SipMessage request)
        {
            Got.Add(request);
            transaction.Respond(200);
        }
    }

    [Fact]
    public void A_NOTIFY_of_no_subscription_is_answered_481()
    {
        _rig.Run(() => Notifier.Notify("active", dialog: Notifier.Stranger()));
        Assert.Equal(new[] { 481 }, _rig.NotifyAnswers);
    }

    [Fact]
    public void A_NOTIFY_the_manager_does_not_own_goes_to_the_fallback_handler_so_the_call_layer_gets_refer_progress()
    {
        var refer = new ReferHandler();
        _rig.Manager.Fallback = refer;
        _rig.Run(() => Notifier.Notify("active", "SIP/2.0 200 OK", "message/sipfrag", Notifier.Stranger("refer")));
        Assert.Equal("refer", refer.Got.Single().GetHeader("Event"));
        Assert.Equal(new[] { 200 }, _rig.NotifyAnswers);
    }

    [Fact]
    public void NOTIFYs_are_matched_to_their_own_subscription_by_Call_ID_and_tags()
    {
        Notifier.AutoNotifyState = "active";
        var a = _rig.Subscribe("dialog", "sip:202@office.example");
        var first = Notifier.Last!;
        var b = _rig.Subscribe("message-summary", "sip:201@office.example");
        var second = Notifier.Last!;
        _rig.Notifies.Clear();
        _rig.Run(() => Notifier.Notify("active", "Messages-Waiting: yes", "application/simple-message-summary", second));
        _rig.Run(() => Notifier.Notify("active", "<dialog-info/>", dialog: first));
        Assert.Equal(new[] { "application/simple-message-summary", "application/dialog-info+xml" }, _rig.Notifies.Select(n => n.ContentType));
        Assert.Equal("application/simple-message-summary", Notifier.Subscribes[1].GetHeader("Accept"));
        Assert.NotEqual(a.CallId, b.CallId);
    }

    [Fact]
    public void A_NOTIFY_with_another_event_package_or_id_in_a_known_dialog_is_answered_481()
    {
        var s = _rig.Subscribe("dialog", "sip:202@office.example", x => x.EventId = "1");
        _rig.Run(() => Notifier.Notify("active", eventHeader: "presence;id=1"));
        _rig.Run(() => Notifier.Notify("active", eventHeader: "dialog;id=2"));
        _rig.Run(() => Notifier.Notify("active", eventHeader: "Dialog;id=1"));
        Assert.Equal(new[] { 481, 481, 200 }, _rig.NotifyAnswers);
        Assert.Equal(SubscriptionState.Active, s.State);
    }

    [Fact]
    public void The_phone_can_list_find_and_remove_its_subscriptions()
    {
        Notifier.AutoNotifyState = "active";
        var blf = _rig.Subscribe("dialog", "sip:202@office.example");
        var mwi = _rig.Subscribe("message-summary", "sip:201@office.example");
        Assert.Equal(2, _rig.Manager.Count);
        Assert.Equal(new[] { blf, mwi }, _rig.Manager.ToArray());
        Assert.Same(mwi, _rig.Manager.Find("Message-Summary", "sip:201@office.example"));
        Assert.Equal(SubscriptionState.Active, _rig.Manager.Get(0).State);
        _rig.Run(() => _rig.Manager.Remove(blf));
        Assert.Equal(new[] { mwi }, _rig.Manager.ToArray());
        Assert.Equal(0, Notifier.Subscribes.Last().Expires);
    }

    [Fact]
    public void A_resource_that_is_not_a_SIP_URI_is_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(() => _rig.Manager.Create(_rig.Account, "dialog", "202", _rig));
        Assert.Throws<ArgumentException>(() => _rig.Manager.Create(_rig.Account, "dia log", "sip:202@office.example", _rig));
    }
}
