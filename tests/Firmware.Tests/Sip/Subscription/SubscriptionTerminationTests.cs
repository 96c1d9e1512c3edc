using DeskPhone.Firmware.Sip.Subscription;
using SipSubscription = DeskPhone.Firmware.Sip.Subscription.Subscription;

namespace DeskPhone.Firmware.Tests.Sip.Subscription;

/// <summary>RFC 6665 §4.1.3: what the subscriber does for each reason a notifier ends a subscription with.</summary>
public class SubscriptionTerminationTests
{
    private readonly SubscriptionRig _rig = new();
    private FakeNotifier Notifier => _rig.Notifier;

    private SipSubscription ActiveThenTerminated(string state)
    {
        Notifier.AutoNotifyState = "active;expires=1800";
        var s = _rig.Subscribe();
        Assert.Equal(SubscriptionState.Active, s.State);
        Notifier.AutoNotifyState = null;
        _rig.Run(() => Notifier.Notify(state));
        return s;
    }

    [Theory]
    [InlineData("deactivated", TerminationAction.ResubscribeNow)]
    [InlineData("timeout", TerminationAction.ResubscribeNow)]
    [InlineData("probation", TerminationAction.ResubscribeAfterRetryAfter)]
    [InlineData("giveup", TerminationAction.ResubscribeAfterRetryAfter)]
    [InlineData("rejected", TerminationAction.Fail)]
    [InlineData("noresource", TerminationAction.Fail)]
    [InlineData("invariant", TerminationAction.Stop)]
    [InlineData(null, TerminationAction.ResubscribeWithBackoff)]
    [InlineData("some-new-reason", TerminationAction.ResubscribeWithBackoff)]
    public void Each_termination_reason_maps_to_the_RFC_6665_action(string? reason, TerminationAction action)
    {
        Assert.Equal(action, SubscriptionTermination.ActionFor(reason));
    }

    [Theory]
    [InlineData("deactivated")]
    [InlineData("timeout")]
    public void Deactivated_or_timeout_resubscribes_at_once_in_a_new_dialog(string reason)
    {
        var s = ActiveThenTerminated("terminated;reason=" + reason);
        Assert.Equal(2, Notifier.Subscribes.Count);
        var fresh = Notifier.Subscribes[1];
        Assert.Null(fresh.ToTag);
        Assert.NotEqual(Notifier.Subscribes[0].CallId, fresh.CallId);
        Assert.Equal(SubscriptionState.Pending, s.State);
        Assert.Equal(reason, s.TerminationReason);
        Assert.Equal(new[] { "0s notify terminated " + reason }, _rig.Events.Where(e => e.Contains("notify terminated")));
        Assert.Contains("0s terminated (terminated: " + reason + ")", _rig.Events);
    }

    [Fact]
    public void Probation_resubscribes_after_its_retry_after()
    {
        var s = ActiveThenTerminated("terminated;reason=probation;retry-after=120");
        Assert.Equal(SubscriptionState.Terminated, s.State);
        Assert.True(s.WillRetry);
        _rig.Wait(119_000);
        Assert.Single(Notifier.Subscribes);
        _rig.Wait(1_000);
        Assert.Equal(2, Notifier.Subscribes.Count);
        Assert.Null(Notifier.Subscribes[1].ToTag);
    }

    [Fact]
    public void Probation_without_retry_after_waits_the_first_back_off()
    {
        var s = ActiveThenTerminated("terminated;reason=probation");
        Assert.InRange(s.LastBackoffMs, 15_000, 30_000);
        _rig.Wait(s.LastBackoffMs - 11);
        Assert.Single(Notifier.Subscribes);
        _rig.Wait(1);
        Assert.Equal(2, Notifier.Subscribes.Count);
    }

    [Fact]
    public void Giveup_resubscribes_after_its_retry_after()
    {
        var s = ActiveThenTerminated("terminated;reason=giveup;retry-after=60");
        Assert.Equal(60_000, s.LastBackoffMs);
        _rig.Wait(60_000);
        Assert.Equal(2, Notifier.Subscribes.Count);
    }

    [Theory]
    [InlineData("rejected")]
    [InlineData("noresource")]
    public void Rejected_or_noresource_stops_and_reports_failed_without_retrying(string reason)
    {
        var s = ActiveThenTerminated("terminated;reason=" + reason);
        Assert.Equal(SubscriptionState.Failed, s.State);
        Assert.Equal("terminated: " + reason, s.FailureReason);
        Assert.False(s.WillRetry);
        Assert.False(s.IsRunning);
        _rig.Wait(7_200_000);
        Assert.Single(Notifier.Subscribes);
        Assert.Equal(0, _rig.Manager.DialogCount);
    }

    [Fact]
    public void Invariant_stops_quietly_without_retrying()
    {
        var s = ActiveThenTerminated("terminated;reason=invariant");
        Assert.Equal(SubscriptionState.Terminated, s.State);
        Assert.False(s.WillRetry);
        _rig.Wait(7_200_000);
        Assert.Single(Notifier.Subscribes);
    }

    [Fact]
    public void Terminated_without_a_reason_resubscribes_after_the_back_off()
    {
        var s = ActiveThenTerminated("terminated");
        Assert.Equal(SubscriptionState.Terminated, s.State);
        Assert.True(s.WillRetry);
        Assert.InRange(s.LastBackoffMs, 15_000, 30_000);
        _rig.Wait(s.LastBackoffMs);
        Assert.Equal(2, Notifier.Subscribes.Count);
    }

    [Fact]
    public void A_NOTIFY_of_the_ended_dialog_is_answered_481_once_the_dialog_is_gone()
    {
        Notifier.AutoNotifyState = "active";
        _rig.Subscribe();
        var old = Notifier.Last!;
        Notifier.AutoNotifyState = null;
        _rig.Run(() => Notifier.Notify("terminated;reason=deactivated"));
        _rig.Run(() => Notifier.Notify("active", dialog: old));
        Assert.Equal(new[] { 200, 200, 481 }, _rig.NotifyAnswers);
    }

    [Fact]
    public void A_listener_that_stops_the_subscription_on_the_terminated_NOTIFY_prevents_the_resubscription()
    {
        _rig.OnNotify = (s, n) => { if (n.IsTerminated) s.Stop(); };
        var s = ActiveThenTerminated("terminated;reason=deactivated");
        Assert.Single(Notifier.Subscribes);
        Assert.Equal(SubscriptionState.Terminated, s.State);
    }
}
