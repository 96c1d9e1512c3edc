using DeskPhone.Firmware.Sip.Subscription;

namespace DeskPhone.Firmware.Tests.Sip.Subscription;

public class SubscriptionTests
{
    private readonly SubscriptionRig _rig = new();
    private FakeNotifier Notifier => _rig.Notifier;

    [Fact]
    public void A_dialog_subscription_becomes_active_with_the_first_NOTIFY_and_the_listener_gets_its_body()
    {
        var s = _rig.Subscribe();
        var subscribe = Notifier.Subscribes.Single();
        Assert.Equal("sip:202@office.example", subscribe.RequestUriText);
        Assert.Equal("<sip:202@office.example>", subscribe.GetHeader("To"));
        Assert.Equal(s.LocalTag, subscribe.FromTag);
        Assert.Equal("sip:201@office.example", subscribe.From.UriText);
        Assert.Equal("dialog", subscribe.GetHeader("Event"));
        Assert.Equal("application/dialog-info+xml", subscribe.GetHeader("Accept"));
        Assert.Equal(1800, subscribe.Expires);
        Assert.Equal("<sip:201@127.0.1.1:5070>", subscribe.GetHeader("Contact"));
        Assert.Equal(SubscriptionState.Pending, s.State);

        _rig.Run(() => Notifier.Notify("active;expires=1800", "<dialog-info/>"));

        Assert.Equal(SubscriptionState.Active, s.State);
        Assert.Equal(new[] { 200 }, _rig.NotifyAnswers);
        Assert.Equal(new[] { "0s pending", "0s active", "0s notify active [application/dialog-info+xml] <dialog-info/>" }, _rig.Events);
        var notify = _rig.Notifies.Single();
        Assert.Equal(1800, notify.Expires);
        Assert.Equal("ntf1", s.RemoteTag);
        Assert.Equal(subscribe.CallId, s.CallId);
    }

    [Fact]
    public void A_NOTIFY_that_arrives_before_the_200_creates_the_dialog_and_is_answered_200()
    {
        Notifier.AutoNotifyState = "active;expires=600";
        Notifier.NotifyBefore200 = true;
        Notifier.GrantExpires = 600;
        var s = _rig.Subscribe();
        Assert.Equal(SubscriptionState.Active, s.State);
        Assert.Equal(new[] { 200 }, _rig.NotifyAnswers);
        Assert.Equal("ntf1", s.RemoteTag);
        _rig.Wait(600_000);
        var refresh = Notifier.Subscribes[1];
        Assert.Equal("ntf1", refresh.ToTag);
        Assert.Equal(new[] { 200, 200 }, Notifier.Answers);
        Assert.Equal(SubscriptionState.Active, s.State);
    }

    [Fact]
    public void A_subscription_is_refreshed_in_its_dialog_at_80_to_90_percent_with_the_same_Call_ID_and_tags_and_CSeq_plus_1()
    {
        Notifier.AutoNotifyState = "active";
        Notifier.GrantExpires = 600;
        var s = _rig.Subscribe();
        Assert.Equal(600, s.GrantedExpires);
        Assert.InRange(s.NextAttemptAtMs, 480_000, 540_010);
        _rig.Wait(479_000);
        Assert.Single(Notifier.Subscribes);
        _rig.Wait(61_000);
        Assert.Equal(2, Notifier.Subscribes.Count);
        var (first, refresh) = (Notifier.Subscribes[0], Notifier.Subscribes[1]);
        Assert.Equal(first.CallId, refresh.CallId);
        Assert.Equal(first.FromTag, refresh.FromTag);
        Assert.Null(first.ToTag);
        Assert.Equal("ntf1", refresh.ToTag);
        Assert.Equal(first.CSeqNumber + 1, refresh.CSeqNumber);
        Assert.Equal("sip:notifier@127.0.1.100:5060", refresh.RequestUriText); // the remote target from Contact
        Assert.Equal(SubscriptionState.Active, s.State);
        Assert.DoesNotContain(_rig.Events, e => e.Contains("failed"));
    }

    [Fact]
    public void In_dialog_requests_follow_the_route_set_taken_from_Record_Route()
    {
        Notifier.AutoNotifyState = "active";
        Notifier.GrantExpires = 100;
        Notifier.RecordRoute = "<sip:127.0.1.100:5060;lr;ftag=abc>";
        _rig.Subscribe();
        _rig.Wait(90_000);
        var refresh = Notifier.Subscribes[1];
        Assert.Equal(new[] { "<sip:127.0.1.100:5060;lr;ftag=abc>" }, refresh.GetHeaders("Route"));
    }

    [Fact]
    public void The_expires_of_an_active_NOTIFY_is_adopted_for_the_next_refresh()
    {
        Notifier.GrantExpires = 3600;
        var s = _rig.Subscribe();
        _rig.Run(() => Notifier.Notify("active;expires=100"));
        Assert.Equal(100, s.GrantedExpires);
        _rig.Wait(91_000);
        Assert.Equal(2, Notifier.Subscribes.Count);
    }

    [Fact]
    public void A_challenged_SUBSCRIBE_is_answered_once_in_the_same_Call_ID()
    {
        Notifier.Challenge = true;
        Notifier.AutoNotifyState = "active";
        var s = _rig.Subscribe();
        Assert.Equal(new[] { 401, 200 }, Notifier.Answers);
        Assert.Equal(SubscriptionState.Active, s.State);
        var (first, second) = (Notifier.Subscribes[0], Notifier.Subscribes[1]);
        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal(first.FromTag, second.FromTag);
        Assert.Equal(first.CSeqNumber + 1, second.CSeqNumber);
        Assert.Contains("uri=\"sip:202@office.example\"", second.GetHeader("Authorization"));
    }

    [Fact]
    public void A_proxy_challenge_is_answered_with_Proxy_Authorization_and_so_is_a_challenged_refresh()
    {
        Notifier.ProxyChallenge = true;
        Notifier.AutoNotifyState = "active";
        Notifier.GrantExpires = 100;
        var s = _rig.Subscribe();
        Assert.Equal(new[] { 407, 200 }, Notifier.Answers);
        Assert.NotNull(Notifier.Subscribes[1].GetHeader("Proxy-Authorization"));
        _rig.Wait(90_000);
        Assert.Equal(new[] { 407, 200, 407, 200 }, Notifier.Answers);
        Assert.Contains("uri=\"sip:notifier@127.0.1.100:5060\"", Notifier.Subscribes[3].GetHeader("Proxy-Authorization"));
        Assert.Equal(SubscriptionState.Active, s.State);
    }

    [Fact]
    public void A_wrong_password_fails_after_one_answer_and_is_retried_after_the_back_off()
    {
        Notifier.Challenge = true;
        Notifier.Password = "other";
        var s = _rig.Subscribe();
        Assert.Equal(new[] { 401, 401 }, Notifier.Answers);
        Assert.Equal(SubscriptionState.Failed, s.State);
        Assert.Equal("wrong password for 201", s.FailureReason);
        Assert.True(s.WillRetry);
        Assert.InRange(s.LastBackoffMs, 15_000, 30_000);
        _rig.Wait(s.LastBackoffMs);
        Assert.Equal(4, Notifier.Subscribes.Count);
        Assert.NotEqual(Notifier.Subscribes[0].CallId, Notifier.Subscribes[2].CallId);
    }

    [Fact]
    public void Failures_back_off_from_15_30_s_doubling_and_each_retry_is_a_new_dialog()
    {
        foreach (var code in new[] { 503, 408, 500 }) Notifier.NextFailures.Enqueue(code);
        Notifier.AutoNotifyState = "active";
        var s = _rig.Subscribe();
        Assert.Equal(SubscriptionState.Failed, s.State);
        Assert.Equal("503 Service Unavailable", s.FailureReason);
        var waits = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            waits.Add(s.LastBackoffMs);
            _rig.Wait(s.LastBackoffMs);
        }
        Assert.InRange(waits[0], 15_000, 30_000);
        Assert.InRange(waits[1], 30_000, 60_000);
        Assert.InRange(waits[2], 60_000, 120_000);
        Assert.Equal(new[] { 503, 408, 500, 200 }, Notifier.Answers);
        Assert.Equal(4, Notifier.Subscribes.Select(r => r.CallId).Distinct().Count());
        Assert.Equal(SubscriptionState.Active, s.State);
        Assert.Equal(0, s.Failures);
    }

    [Fact]
    public void A_silent_notifier_times_out_after_32_s_and_the_subscription_retries_with_back_off()
    {
        Notifier.Silent = true;
        var s = _rig.Subscribe();
        _rig.Wait(32_000);
        Assert.Equal(SubscriptionState.Failed, s.State);
        Assert.Equal("no answer from UDP 127.0.1.100:5060", s.FailureReason);
        Assert.Equal(408, s.LastStatusCode);
        Assert.True(s.WillRetry);
    }

    [Fact]
    public void A_refresh_answered_481_starts_a_new_subscription_in_a_new_dialog()
    {
        Notifier.AutoNotifyState = "active";
        Notifier.GrantExpires = 100;
        var s = _rig.Subscribe();
        string oldCallId = s.CallId!;
        Notifier.ForgetDialogs();
        _rig.Wait(90_000);
        Assert.Equal(new[] { 200, 481, 200 }, Notifier.Answers);
        var fresh = Notifier.Subscribes[2];
        Assert.Null(fresh.ToTag);
        Assert.NotEqual(oldCallId, fresh.CallId);
        Assert.Equal(fresh.CallId, s.CallId);
        Assert.Equal(SubscriptionState.Active, s.State);
    }

    [Fact]
    public void A_refresh_that_fails_with_503_is_retried_in_the_same_dialog_and_the_subscription_stays_active()
    {
        Notifier.AutoNotifyState = "active";
        Notifier.GrantExpires = 600;
        var s = _rig.Subscribe();
        Notifier.NextFailures.Enqueue(503);
        _rig.Wait(s.NextAttemptAtMs - _rig.Clock.NowMs + 5);
        Assert.Equal(new[] { 200, 503 }, Notifier.Answers);
        Assert.Equal(SubscriptionState.Active, s.State);
        Assert.StartsWith("refresh failed: 503", s.FailureReason);
        _rig.Wait(s.LastBackoffMs);
        Assert.Equal(new[] { 200, 503, 200 }, Notifier.Answers);
        Assert.All(Notifier.Subscribes.Skip(1), r => Assert.Equal("ntf1", r.ToTag));
        Assert.Equal(SubscriptionState.Active, s.State);
        Assert.Null(s.FailureReason);
    }

    [Fact]
    public void A_permanent_failure_like_404_is_not_retried()
    {
        Notifier.NextFailures.Enqueue(404);
        var s = _rig.Subscribe();
        Assert.Equal(SubscriptionState.Failed, s.State);
        Assert.Equal("404 Not Found", s.FailureReason);
        Assert.False(s.WillRetry);
        _rig.Wait(7_200_000);
        Assert.Single(Notifier.Subscribes);
    }

    [Fact]
    public void No_NOTIFY_within_32_s_of_the_200_reports_the_subscription_failed_but_keeps_refreshing_in_the_dialog()
    {
        Notifier.GrantExpires = 100;
        var s = _rig.Subscribe();
        _rig.Wait(32_000);
        Assert.Equal(SubscriptionState.Failed, s.State);
        Assert.Equal("no NOTIFY after the 2xx", s.FailureReason);
        _rig.Wait(60_000);
        Assert.Equal("ntf1", Notifier.Subscribes[1].ToTag);
    }

    [Fact]
    public void Stopping_unsubscribes_in_the_dialog_with_Expires_0_and_answers_the_final_NOTIFY()
    {
        Notifier.AutoNotifyState = "active";
        var s = _rig.Subscribe();
        _rig.Run(s.Stop);
        var unsubscribe = Notifier.Subscribes.Last();
        Assert.Equal(0, unsubscribe.Expires);
        Assert.Equal("ntf1", unsubscribe.ToTag);
        Assert.Equal(Notifier.Subscribes[0].CallId, unsubscribe.CallId);
        Assert.Equal(SubscriptionState.Terminated, s.State);
        Assert.Equal(new[] { 200, 200 }, _rig.NotifyAnswers);        // the final NOTIFY (terminated) too
        Assert.Single(_rig.Notifies);                                  // but the listener heard only the first
        Assert.Equal(0, _rig.Manager.DialogCount);
        _rig.Wait(7_200_000);
        Assert.Equal(2, Notifier.Subscribes.Count);
    }

    [Fact]
    public void Stopping_before_the_200_unsubscribes_as_soon_as_the_dialog_is_known()
    {
        Notifier.AutoNotifyState = "active";
        var s = _rig.Manager.Create(_rig.Account, "presence", "sip:202@office.example", _rig);
        _rig.Loop.Post(() => { s.Start(); s.Stop(); });
        _rig.Wait(10);
        Assert.Equal(new[] { 1800, 0 }, Notifier.Subscribes.Select(r => r.Expires));
        Assert.Equal("ntf1", Notifier.Subscribes[1].ToTag);
        Assert.Equal(SubscriptionState.Terminated, s.State);
        Assert.Empty(_rig.Notifies);
    }

    [Fact]
    public void A_NOTIFY_with_a_lower_CSeq_than_the_last_is_answered_500_and_one_from_another_fork_481()
    {
        var s = _rig.Subscribe();
        _rig.Run(() => Notifier.Notify("active", cseq: 5));
        _rig.Run(() => Notifier.Notify("active", cseq: 4));
        _rig.Run(() => Notifier.Notify("active", cseq: 6, fromTag: "fork2"));
        Assert.Equal(new[] { 200, 500, 481 }, _rig.NotifyAnswers);
        Assert.Single(_rig.Notifies);
        Assert.Equal(SubscriptionState.Active, s.State);
    }

    [Fact]
    public void A_NOTIFY_pending_leaves_the_subscription_pending_and_is_still_passed_on()
    {
        var s = _rig.Subscribe("presence");
        _rig.Run(() => Notifier.Notify("pending;expires=600"));
        Assert.Equal(SubscriptionState.Pending, s.State);
        Assert.Equal("pending", _rig.Notifies.Single().State);
        Assert.Equal(600, s.GrantedExpires);
    }

    [Fact]
    public void Headers_set_on_a_subscription_go_on_every_SUBSCRIBE_and_the_outbound_proxy_is_a_Route()
    {
        var rig = new SubscriptionRig(extraAccount: ", \"outboundProxy\": \"sip:127.0.1.100:5060;lr\"");
        rig.Notifier.AutoNotifyState = "active";
        rig.Notifier.GrantExpires = 100;
        rig.Subscribe("call-info", "sip:300@office.example", s => { s.EventId = "7"; s.SetHeader("X-Line", "3"); });
        rig.Wait(90_000);
        var (first, refresh) = (rig.Notifier.Subscribes[0], rig.Notifier.Subscribes[1]);
        Assert.Equal("<sip:127.0.1.100:5060;lr>", first.GetHeader("Route"));
        Assert.Equal("call-info;id=7", first.GetHeader("Event"));
        Assert.Null(first.GetHeader("Accept"));
        Assert.Equal("3", first.GetHeader("X-Line"));
        Assert.Equal("3", refresh.GetHeader("X-Line"));
        Assert.Null(refresh.GetHeader("Route")); // in the dialog: only the route set (none recorded here)
    }
    [Fact]
    public void A_call_info_subscription_never_sends_a_fresh_SUBSCRIBE_while_its_dialog_lives_even_when_refreshes_time_out()
    {
        Notifier.AutoNotifyState = "active";
        Notifier.GrantExpires = 100;
        var s = _rig.Subscribe("call-info", "sip:300@office.example");
        Notifier.Silent = true;
        _rig.Wait(600_000);
        Assert.Equal(SubscriptionState.Failed, s.State);
        Assert.StartsWith("expired", s.FailureReason);
        Assert.True(s.WillRetry);
        Assert.True(Notifier.Subscribes.Count > 3);
        Assert.All(Notifier.Subscribes.Skip(1), r => Assert.Equal("ntf1", r.ToTag)); // Kamailio's sca would release the appearances
        Notifier.Silent = false;
        _rig.Wait(s.NextAttemptAtMs - _rig.Clock.NowMs + 5);
        Assert.Equal(SubscriptionState.Active, s.State);
        Assert.Equal("ntf1", Notifier.Subscribes.Last().ToTag);
    }
}
