using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Call;

public class CallHangupTests
{
    private readonly CallRig _rig = new();
    private FakeFarEnd Far => _rig.Far;

    private SipCall Answered()
    {
        _rig.Decision = CallDecision.Answer;
        Far.Invite();
        _rig.Wait(0);
        return Assert.Single(_rig.Incoming);
    }

    [Fact]
    public void Hanging_up_a_connected_call_sends_BYE_in_the_dialog_and_ends_on_its_200()
    {
        var call = _rig.Dial();
        _rig.Run(() => Assert.True(call.Hangup()));
        var bye = Assert.Single(Far.Requests("BYE"));
        Assert.Equal("sip:bob@127.0.1.100:5060", bye.RequestUriText);
        Assert.Equal("2 BYE", bye.GetHeader("CSeq"));
        Assert.Equal("far1", bye.ToTag);
        Assert.Equal(call.LocalTag, bye.FromTag);
        Assert.Equal(CallState.Terminated, call.State);
        Assert.Equal(new[] { "1 Connected -> Terminating", "1 Terminating -> Terminated", "1 ended 200 hung up" }, _rig.Events.Skip(2));
    }

    [Fact]
    public void A_BYE_from_the_far_end_is_answered_200_and_ends_the_call_as_a_remote_hang_up()
    {
        var call = _rig.Dial();
        var bye = Far.InDialog("BYE", call.CallId, 100);
        bye.AddHeader("Reason", "Q.850;cause=16;text=\"Normal call clearing\"");
        Far.Send(bye);
        _rig.Wait(0);
        Assert.Equal(200, Far.Responses("BYE").Single().StatusCode);
        Assert.Equal("1 ended 200 remote hang-up (Normal call clearing) (remote)", _rig.Events.Last());
        Assert.True(_rig.MediaOf(call).Stopped);
    }

    [Fact]
    public void The_callee_hanging_up_before_the_ACK_waits_for_it_before_sending_BYE()
    {
        Far.AckOurInvites = false;
        var call = Answered();
        _rig.Run(() => call.Hangup());
        Assert.Equal(CallState.Terminating, call.State);
        Assert.Empty(Far.Requests("BYE"));
        var ok = Far.Responses("INVITE").First(r => r.StatusCode == 200);
        Far.Send(Far.AckFor(ok));
        _rig.Wait(0);
        Assert.Single(Far.Requests("BYE"));
        Assert.Equal("1 ended 200 hung up", _rig.Events.Last());
    }

    [Fact]
    public void A_BYE_on_an_incoming_call_goes_to_the_caller_at_its_Contact()
    {
        var call = Answered();
        _rig.Run(() => call.Hangup());
        var bye = Far.LastRequest("BYE");
        Assert.Equal("sip:alice@127.0.1.100:5060", bye.RequestUriText);
        Assert.Equal("1 BYE", bye.GetHeader("CSeq"));
        Assert.StartsWith("\"Alice\" <sip:alice@office.example>;tag=a1", bye.GetHeader("To"));
    }

    [Fact]
    public void A_request_with_a_CSeq_lower_than_the_last_one_is_refused_with_500()
    {
        var call = _rig.Dial();
        Far.Send(Far.InDialog("INFO", call.CallId, 100));
        Far.Send(Far.InDialog("BYE", call.CallId, 50));
        _rig.Wait(0);
        Assert.Equal(200, Far.Responses("INFO").Single().StatusCode);
        Assert.Equal(500, Far.Responses("BYE").Single().StatusCode);
        Assert.Equal(CallState.Connected, call.State);
    }

    [Theory]
    [InlineData("BYE")]
    [InlineData("INFO")]
    [InlineData("INVITE")]
    [InlineData("NOTIFY")]
    [InlineData("REFER")]
    public void Requests_for_an_unknown_dialog_get_481(string method)
    {
        var call = _rig.Dial();
        var m = Far.InDialog(method, call.CallId, 100);
        m.SetHeader("Call-ID", "nobody-knows-this");
        if (method == "NOTIFY") { m.AddHeader("Event", "refer"); m.AddHeader("Subscription-State", "active"); }
        if (method == "REFER") m.AddHeader("Refer-To", "<sip:carol@office.example>");
        Far.Send(m);
        _rig.Wait(0);
        Assert.Equal(481, Far.Responses(method).Single().StatusCode);
    }

    [Fact]
    public void Cancelling_a_ringing_outgoing_call_sends_CANCEL_and_ends_on_487()
    {
        Far.InviteAnswers = new[] { 180 };
        var call = _rig.Dial();
        Assert.Equal(CallState.Early, call.State);
        _rig.Run(() => Assert.True(call.Hangup()));
        var invite = Far.LastRequest("INVITE");
        var cancel = Assert.Single(Far.Requests("CANCEL"));
        Assert.Equal(invite.TopVia!.Branch, cancel.TopVia!.Branch);
        Assert.Equal("1 CANCEL", cancel.GetHeader("CSeq"));
        Assert.Equal(invite.RequestUriText, cancel.RequestUriText);
        Assert.Equal(new[] { 180, 200, 487 }, Far.SentStatuses);
        Assert.Single(Far.Requests("ACK")); // the transaction ACKs the 487
        Assert.Equal(new[] { "1 Calling -> Early", "1 Early -> Terminating", "1 Terminating -> Terminated", "1 ended 487 cancelled" }, _rig.Events);
        Assert.False(call.EndedRemotely);
    }

    [Fact]
    public void A_CANCEL_is_never_challenged_and_carries_no_credentials()
    {
        Far.ChallengeWith = 407;
        Far.InviteAnswers = new[] { 180 };
        var call = _rig.Dial();
        _rig.Run(() => call.Hangup());
        var cancel = Assert.Single(Far.Requests("CANCEL"));
        Assert.Null(cancel.GetHeader("Proxy-Authorization"));
        Assert.Equal("2 CANCEL", cancel.GetHeader("CSeq"));
        Assert.Equal(487, call.EndStatus);
    }

    [Fact]
    public void A_2xx_that_crosses_the_CANCEL_is_ACKed_and_ended_with_BYE()
    {
        Far.InviteAnswers = new[] { 180 };
        var call = _rig.Dial();
        Far.Silent = true;
        _rig.Run(() => call.Hangup());
        var invite = Far.LastRequest("INVITE");
        Far.Respond(invite, 200, "v=0 late");
        _rig.Wait(0);
        Assert.Single(Far.Requests("ACK"));
        var bye = Assert.Single(Far.Requests("BYE"));
        Far.Respond(bye, 200);
        _rig.Wait(0);
        Assert.Equal("1 ended 487 cancelled", _rig.Events.Last());
    }

    [Fact]
    public void A_CANCEL_nobody_answers_gives_up_the_call_after_64_T1()
    {
        Far.InviteAnswers = new[] { 180 };
        var call = _rig.Dial();
        Far.Silent = true;
        _rig.Run(() => call.Hangup());
        _rig.Wait(31_000);
        Assert.Equal(CallState.Terminating, call.State);
        _rig.Wait(1_000);
        Assert.Equal(CallState.Terminated, call.State);
    }
}
