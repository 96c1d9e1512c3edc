using DeskPhone.Firmware.Sip.Subscription;

namespace DeskPhone.Firmware.Tests.Sip.Subscription;

public class LineSeizeTests : ILineSeizeListener
{
    private readonly SubscriptionRig _rig = new();
    private readonly List<string> _changes = new();
    private readonly LineSeize _seize;
    private FakeNotifier Notifier => _rig.Notifier;

    public LineSeizeTests()
    {
        _seize = new LineSeize(_rig.Manager, _rig.Account, "sip:300@office.example", this);
    }

    void ILineSeizeListener.LineSeizeChanged(LineSeize seize) => _changes.Add($"{seize.State} {seize.AppearanceIndex}");

    [Fact]
    public void Seizing_appearance_2_subscribes_to_line_seize_for_15_s_naming_it_in_Call_Info()
    {
        Notifier.AutoNotifyState = "active;expires=15";
        Notifier.AutoNotifyCallInfo = "<sip:office.example>;appearance-index=2";
        _rig.Run(() => _seize.Seize(2));
        var subscribe = Notifier.Subscribes.Single();
        Assert.Equal("sip:300@office.example", subscribe.RequestUriText);
        Assert.Equal("line-seize", subscribe.GetHeader("Event"));
        Assert.Equal(15, subscribe.Expires);
        Assert.Equal("<sip:office.example>;appearance-index=2", subscribe.GetHeader("Call-Info"));
        Assert.Null(subscribe.GetHeader("Accept"));
        Assert.Equal(LineSeizeState.Seized, _seize.State);
        Assert.Equal(2, _seize.AppearanceIndex);
        Assert.Equal(new[] { "Seizing 0", "Seized 2" }, _changes);
    }

    [Fact]
    public void Seizing_the_next_free_appearance_sends_index_0_and_takes_the_index_from_the_NOTIFY()
    {
        Notifier.AutoNotifyState = "active;expires=15";
        Notifier.AutoNotifyCallInfo = "<sip:office.example>;appearance-index=3";
        _rig.Run(() => _seize.Seize(-1));
        Assert.Equal("<sip:office.example>;appearance-index=0", Notifier.Subscribes[0].GetHeader("Call-Info"));
        Assert.Equal(3, _seize.AppearanceIndex);
        Assert.Equal(LineSeizeState.Seized, _seize.State);
    }

    [Fact]
    public void Releasing_unsubscribes_with_Expires_0_naming_the_seized_appearance()
    {
        Notifier.AutoNotifyState = "active;expires=15";
        Notifier.AutoNotifyCallInfo = "<sip:office.example>;appearance-index=3";
        _rig.Run(() => _seize.Seize(0));
        _rig.Run(_seize.Release);
        var release = Notifier.Subscribes.Last();
        Assert.Equal(0, release.Expires);
        Assert.Equal("<sip:office.example>;appearance-index=3", release.GetHeader("Call-Info"));
        Assert.NotNull(release.ToTag);
        Assert.Equal(LineSeizeState.Idle, _seize.State);
    }

    [Fact]
    public void A_seize_held_while_dialing_is_refreshed_in_its_dialog_before_15_s()
    {
        Notifier.AutoNotifyState = "active;expires=15";
        Notifier.AutoNotifyCallInfo = "<sip:office.example>;appearance-index=1";
        _rig.Run(() => _seize.Seize(1));
        _rig.Wait(13_500);
        Assert.Equal(2, Notifier.Subscribes.Count);
        Assert.Equal("<sip:office.example>;appearance-index=1", Notifier.Subscribes[1].GetHeader("Call-Info"));
        Assert.NotNull(Notifier.Subscribes[1].ToTag);
        Assert.Equal(LineSeizeState.Seized, _seize.State);
    }

    [Fact]
    public void A_taken_appearance_is_reported_with_the_480s_Retry_After_and_not_retried()
    {
        Notifier.NextFailures.Enqueue(480);
        Notifier.RetryAfter = 1;
        _rig.Run(() => _seize.Seize(1));
        Assert.Equal(LineSeizeState.Taken, _seize.State);
        Assert.Equal(1, _seize.RetryAfterSeconds);
        Assert.Equal("480 Temporarily Unavailable", _seize.FailureReason);
        _rig.Wait(600_000);
        Assert.Single(Notifier.Subscribes);
    }

    [Fact]
    public void Once_the_call_has_started_the_seize_is_neither_refreshed_nor_released()
    {
        Notifier.AutoNotifyState = "active;expires=15";
        Notifier.AutoNotifyCallInfo = "<sip:office.example>;appearance-index=1";
        _rig.Run(() => _seize.Seize(1));
        _rig.Run(_seize.CallStarted);
        _rig.Wait(14_000);
        Assert.Equal(LineSeizeState.Idle, _seize.State);
        // the notifier's own end of the seize is still answered
        _rig.Run(() => Notifier.Notify("terminated;reason=timeout"));
        Assert.Equal(new[] { 200, 200 }, _rig.NotifyAnswers);
        _rig.Wait(600_000);
        Assert.Single(Notifier.Subscribes);
        Assert.Equal(0, _rig.Manager.DialogCount);
    }

    [Fact]
    public void A_seize_the_notifier_ends_is_not_resubscribed_by_itself()
    {
        Notifier.AutoNotifyState = "active;expires=15";
        Notifier.AutoNotifyCallInfo = "<sip:office.example>;appearance-index=1";
        _rig.Run(() => _seize.Seize(1));
        _rig.Run(() => Notifier.Notify("terminated;reason=deactivated"));
        _rig.Wait(60_000);
        Assert.Single(Notifier.Subscribes);
        Assert.Equal(LineSeizeState.Idle, _seize.State);
    }
}
