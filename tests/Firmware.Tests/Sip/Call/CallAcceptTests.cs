using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Call;

public class CallAcceptTests
{
    private readonly CallRig _rig = new();
    private FakeFarEnd Far => _rig.Far;

    private SipCall Ringing(string? sdp = "v=0 alice offer")
    {
        Far.AckOurInvites = false;
        Far.Invite(sdp);
        _rig.Wait(0);
        return Assert.Single(_rig.Incoming);
    }

    private SipMessage[] Oks() => Far.Responses("INVITE").Where(r => r.StatusCode == 200).ToArray();

    [Fact]
    public void An_incoming_call_names_the_caller_and_the_called_address_and_rings()
    {
        var call = Ringing();
        Assert.Equal("incoming 1 from Alice <sip:alice@office.example> to sip:201@office.example", _rig.Events[0]);
        Assert.Equal(CallState.Ringing, call.State);
        var ringing = Assert.Single(Far.Responses("INVITE"));
        Assert.Equal(180, ringing.StatusCode);
        Assert.Equal(call.LocalTag, ringing.ToTag);
        Assert.Equal("<sip:201@127.0.1.1:5070>", ringing.GetHeader("Contact"));
        Assert.Same(_rig.Account, call.Account);
        Assert.True(call.Dialog!.IsEarly);
    }

    [Fact]
    public void An_answered_call_retransmits_its_200_at_T1_doubling_until_the_ACK_arrives()
    {
        var call = Ringing();
        _rig.Run(() => Assert.True(call.Answer()));
        Assert.Equal(CallState.Connected, call.State);
        var ok = Oks()[0];
        Assert.Equal("v=0 answer 1 to [v=0 alice offer]", ok.BodyText);
        Assert.Equal("<sip:201@127.0.1.1:5070>", ok.GetHeader("Contact"));
        _rig.Wait(4_000);
        long[] times = Far.TimesOf(m => m.IsResponse && m.StatusCode == 200);
        Assert.Equal(new long[] { 0, 500, 1500, 3500 }, times);
        Far.Send(Far.AckFor(ok));
        _rig.Wait(30_000);
        Assert.Equal(4, Oks().Length);
        Assert.False(call.AwaitingAck);
        Assert.Equal(CallState.Connected, call.State);
        Assert.Empty(Far.Requests("BYE"));
    }

    [Fact]
    public void A_200_never_ACKed_is_retransmitted_up_to_T2_and_after_64_T1_the_call_ends_with_BYE()
    {
        var call = Ringing();
        _rig.Run(() => call.Answer());
        _rig.Wait(40_000);
        long[] times = Far.TimesOf(m => m.IsResponse && m.StatusCode == 200);
        Assert.Equal(new long[] { 0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500 }, times);
        var bye = Assert.Single(Far.Requests("BYE"));
        Assert.Equal(32_000, Far.TimesOf(m => m.IsRequest && m.Method == "BYE")[0]);
        Assert.Equal("sip:alice@127.0.1.100:5060", bye.RequestUriText);
        Assert.Equal("a1", bye.ToTag);
        Assert.Equal(call.LocalTag, bye.FromTag);
        Assert.Equal("408 no ACK from the far end", $"{call.EndStatus} {call.EndReason}");
    }

    [Theory]
    [InlineData(CallDecision.Busy, "486 busy")]
    [InlineData(CallDecision.Unavailable, "480 unavailable")]
    [InlineData(CallDecision.Decline, "603 declined")]
    public void The_listener_can_refuse_a_call_with_a_status(int decision, string ended)
    {
        _rig.Decision = decision;
        Far.Invite();
        _rig.Wait(0);
        Assert.Equal("1 ended " + ended, _rig.Events.Last());
        _rig.Wait(10_000); // the far end ACKed: no retransmission of the final response
        var response = Assert.Single(Far.Responses("INVITE"));
        Assert.Equal(decision, response.StatusCode);
        Assert.Equal(0, _rig.Calls.Count);
    }

    [Fact]
    public void Hanging_up_a_ringing_call_declines_it()
    {
        var call = Ringing();
        _rig.Run(() => call.Hangup());
        Assert.Equal(603, Far.Responses("INVITE").Last().StatusCode);
        Assert.Equal(CallState.Terminated, call.State);
    }

    [Fact]
    public void The_listener_can_answer_at_once_without_ringing()
    {
        _rig.Decision = CallDecision.Answer;
        Far.Invite();
        _rig.Wait(0);
        Assert.Equal(new[] { 200 }, Far.Responses("INVITE").Select(r => r.StatusCode));
        Assert.Contains("1 Idle -> Connected", _rig.Events);
    }

    [Fact]
    public void A_caller_who_cancels_gets_487_and_the_call_is_missed()
    {
        var call = Ringing();
        var invite = Far.Sent.Select(s => s.Message).Single(m => m.IsRequest);
        Far.Send(Far.CancelFor(invite));
        _rig.Wait(0);
        Assert.Equal(200, Far.Responses("CANCEL").Single().StatusCode);
        Assert.Equal(487, Far.Responses("INVITE").Last().StatusCode);
        Assert.Equal("1 ended 487 cancelled by the caller (remote)", _rig.Events.Last());
        Assert.Equal(0, _rig.Calls.Dialogs.Count);
    }

    [Fact]
    public void An_offer_nothing_in_which_is_acceptable_gets_488()
    {
        Far.Invite("v=0 unacceptable");
        _rig.Wait(0);
        Assert.Equal(488, Far.Responses("INVITE").Single().StatusCode);
        Assert.Empty(_rig.Incoming);
        Assert.Equal("1 ended 488 media not acceptable", _rig.Events.Last());
    }

    [Fact]
    public void An_INVITE_without_an_offer_gets_our_offer_in_the_200_and_the_answer_from_the_ACK()
    {
        var call = Ringing(sdp: null);
        _rig.Run(() => call.Answer());
        var ok = Oks()[0];
        Assert.Equal("v=0 offer 1.1", ok.BodyText);
        var ack = Far.AckFor(ok);
        ack.SetBody("v=0 alice answer", "application/sdp");
        Far.Send(ack);
        _rig.Wait(0);
        Assert.Equal(new[] { "v=0 alice answer" }, _rig.MediaOf(call).Answers);
    }

    [Fact]
    public void A_call_to_another_account_of_the_phone_is_taken_by_that_account_and_otherwise_by_the_first()
    {
        var rig = new CallRig();
        rig.Far.Invite(requestUser: "999");
        rig.Wait(0);
        Assert.Same(rig.Account, Assert.Single(rig.Incoming).Account);
    }
}
