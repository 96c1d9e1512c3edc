using DeskPhone.Firmware.Sip.Call;

namespace DeskPhone.Firmware.Tests.Sip.Call;

public class CallReinviteTests
{
    private readonly CallRig _rig = new();
    private FakeFarEnd Far => _rig.Far;

    [Fact]
    public void Holding_and_resuming_send_re_INVITEs_with_the_medias_offers_and_ACK_their_200s()
    {
        var call = _rig.Dial();
        _rig.Run(() => Assert.True(call.Hold()));
        var hold = Far.Requests("INVITE").Last();
        Assert.Equal("sip:bob@127.0.1.100:5060", hold.RequestUriText);
        Assert.Equal("2 INVITE", hold.GetHeader("CSeq"));
        Assert.Equal("far1", hold.ToTag);
        Assert.Equal("v=0 hold 1 a=sendonly", hold.BodyText);
        Assert.Equal("<sip:201@127.0.1.1:5070>", hold.GetHeader("Contact"));
        Assert.True(call.LocalHold);
        Assert.Equal("2 ACK", Far.Requests("ACK").Last().GetHeader("CSeq"));
        Assert.Equal("v=0 far reanswer to v=0 hold 1 a=sendonly", _rig.MediaOf(call).Answers.Last());
        Assert.Equal("1 updated (held)", _rig.Events.Last());

        _rig.Run(() => Assert.True(call.Resume()));
        var resume = Far.Requests("INVITE").Last();
        Assert.Equal("3 INVITE", resume.GetHeader("CSeq"));
        Assert.Equal("v=0 resume 1 a=sendrecv", resume.BodyText);
        Assert.False(call.LocalHold);
        Assert.Equal("1 updated", _rig.Events.Last());
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public void The_far_end_holding_and_resuming_is_answered_by_the_media_and_retransmitted_until_ACKed()
    {
        var call = _rig.Dial();
        Far.AckOurInvites = false;
        Far.Send(Far.InDialog("INVITE", call.CallId, 100, "v=0 far hold a=sendonly"));
        _rig.Wait(0);
        var ok = Far.Responses("INVITE").Last();
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("v=0 answer 1 to [v=0 far hold a=sendonly]", ok.BodyText);
        Assert.Equal("<sip:201@127.0.1.1:5070>", ok.GetHeader("Contact"));
        Assert.Equal("1 updated", _rig.Events.Last());
        Assert.True(call.AwaitingAck);
        _rig.Wait(600);
        Assert.Equal(2, Far.Responses("INVITE").Count(r => r.CSeqNumber == 100));
        Far.Send(Far.AckFor(ok));
        _rig.Wait(0);
        Assert.False(call.AwaitingAck);

        Far.Send(Far.InDialog("INVITE", call.CallId, 101, "v=0 far resume a=sendrecv"));
        _rig.Wait(0);
        Assert.Equal("v=0 answer 1 to [v=0 far resume a=sendrecv]", Far.Responses("INVITE").Last().BodyText);
        Assert.Equal(new[] { "v=0 far hold a=sendonly", "v=0 far resume a=sendrecv" }, _rig.MediaOf(call).Offers);
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public void A_far_end_re_INVITE_with_the_remote_target_changed_moves_our_next_requests_there()
    {
        var call = _rig.Dial();
        var reinvite = Far.InDialog("INVITE", call.CallId, 100, "v=0 x");
        reinvite.SetHeader("Contact", "<sip:bob-moved@127.0.1.100:5060>");
        Far.Send(reinvite);
        _rig.Wait(0);
        Far.Send(Far.AckFor(Far.Responses("INVITE").Last()));
        _rig.Run(() => call.Hangup());
        Assert.Equal("sip:bob-moved@127.0.1.100:5060", Far.LastRequest("BYE").RequestUriText);
    }

    [Fact]
    public void A_refused_offer_gets_488_and_the_call_stays_as_it_was()
    {
        var call = _rig.Dial();
        Far.Send(Far.InDialog("INVITE", call.CallId, 100, "v=0 unacceptable"));
        _rig.Wait(0);
        Assert.Equal(488, Far.Responses("INVITE").Last().StatusCode);
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public void A_re_INVITE_refused_by_the_far_end_keeps_the_hold_state()
    {
        var call = _rig.Dial();
        Far.ReinviteStatus = 488;
        _rig.Run(() => call.Hold());
        Assert.False(call.LocalHold);
        Assert.False(call.ReinvitePending);
        Assert.Equal(CallState.Connected, call.State);
        Assert.Equal("1 updated", _rig.Events.Last());
    }

    [Fact]
    public void Glare_491_is_retried_after_2_1_to_4_seconds_by_the_owner_of_the_Call_ID()
    {
        var call = _rig.Dial();
        Far.ReinviteStatus = 491;
        _rig.Run(() => call.Hold());
        Assert.True(call.ReinvitePending);
        Far.ReinviteStatus = 200;
        _rig.Wait(4_000);
        long[] times = Far.TimesOf(m => m.IsRequest && m.Method == "INVITE" && m.ToTag != null);
        Assert.Equal(2, times.Length);
        Assert.InRange(times[1] - times[0], 2_100, 4_000);
        Assert.True(call.LocalHold);
        Assert.Equal("3 INVITE", Far.Requests("INVITE").Last().GetHeader("CSeq"));
    }

    [Fact]
    public void A_re_INVITE_while_ours_is_pending_gets_491()
    {
        var call = _rig.Dial();
        Far.Silent = true;
        _rig.Run(() => call.Hold());
        Far.Silent = false;
        Far.Send(Far.InDialog("INVITE", call.CallId, 100, "v=0 far"));
        _rig.Wait(0);
        Assert.Equal(491, Far.Responses("INVITE").Last().StatusCode);
    }

    [Fact]
    public void A_re_INVITE_answered_481_ends_the_call()
    {
        var call = _rig.Dial();
        Far.ReinviteStatus = 481;
        _rig.Run(() => call.Hold());
        Assert.Equal("1 ended 481 the far end lost the call (remote)", _rig.Events.Last());
    }
}
