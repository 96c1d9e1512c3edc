using DeskPhone.Firmware.Sip.Call;

namespace DeskPhone.Firmware.Tests.Sip.Call;

public class CallConnectTests
{
    private readonly CallRig _rig = new();
    private FakeFarEnd Far => _rig.Far;

    [Fact]
    public void A_call_whose_INVITE_the_transport_refuses_at_once_ends_with_503_instead_of_waiting_forever()
    {
        _rig.Run(() => _rig.Stack.Transport.Stop()); // no UDP port: every send fails inside SendRequest
        var call = _rig.Dial("bob");
        Assert.Equal(CallState.Terminated, call.State);
        Assert.Equal(503, call.EndStatus);
        Assert.StartsWith("cannot reach", call.EndReason);
    }

    [Fact]
    public void An_outgoing_call_rings_then_connects_and_the_2xx_is_ACKed()
    {
        var call = _rig.Dial("bob");
        Assert.Equal(CallState.Connected, call.State);
        Assert.Equal(new[] { "1 Calling -> Early", "1 Early -> Connected" }, _rig.Events);
        var invite = Far.LastRequest("INVITE");
        Assert.Equal("sip:bob@office.example", invite.RequestUriText);
        Assert.StartsWith("\"Reception\" <sip:201@office.example>;tag=", invite.GetHeader("From"));
        Assert.Equal("<sip:bob@office.example>", invite.GetHeader("To"));
        Assert.Equal("<sip:201@127.0.1.1:5070>", invite.GetHeader("Contact"));
        Assert.Equal("1 INVITE", invite.GetHeader("CSeq"));
        Assert.Equal("application/sdp", invite.ContentMediaType);
        Assert.Equal("v=0 offer 1.1", invite.BodyText);
        Assert.Contains("replaces", invite.Supported);

        var ack = Assert.Single(Far.Requests("ACK"));
        Assert.Equal("sip:bob@127.0.1.100:5060", ack.RequestUriText);
        Assert.Equal("1 ACK", ack.GetHeader("CSeq"));
        Assert.Equal("far1", ack.ToTag);
        Assert.Equal(invite.FromTag, ack.FromTag);
        Assert.Equal(invite.CallId, ack.CallId);
        Assert.NotEqual(invite.TopVia!.Branch, ack.TopVia!.Branch); // the ACK for a 2xx is a new transaction
        Assert.Equal(new[] { "v=0 far answer" }, _rig.MediaOf(call).Answers);
        Assert.Equal("far1", call.Dialog!.RemoteTag);
        Assert.True(call.Dialog.IsConfirmed);
    }

    [Fact]
    public void A_100_Trying_moves_the_call_to_Proceeding_before_the_early_dialog()
    {
        Far.InviteAnswers = new[] { 100, 183, 200 };
        _rig.Dial();
        Assert.Equal(new[] { "1 Calling -> Proceeding", "1 Proceeding -> Early", "1 Early -> Connected" }, _rig.Events);
    }

    [Fact]
    public void A_retransmitted_2xx_is_ACKed_again_also_after_the_transaction_has_ended()
    {
        var call = _rig.Dial();
        var ok = Far.Sent.Select(s => s.Message).Last(m => m.IsResponse && m.StatusCode == 200);
        Far.Send(ok);
        _rig.Wait(0);
        Assert.Equal(2, Far.Requests("ACK").Count());
        _rig.Wait(40_000); // Timer M is over: the 2xx now reaches the call as a stray response
        Far.Send(ok);
        _rig.Wait(0);
        var acks = Far.Requests("ACK").ToArray();
        Assert.Equal(3, acks.Length);
        Assert.All(acks, a => Assert.Equal(acks[0].TopVia!.Branch, a.TopVia!.Branch));
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public void Busy_ends_the_call_with_486_and_the_transaction_ACKs_it()
    {
        Far.InviteAnswers = new[] { 180, 486 };
        var call = _rig.Dial();
        Assert.Equal(CallState.Terminated, call.State);
        Assert.Equal("1 ended 486 busy (remote)", _rig.Events.Last());
        var ack = Assert.Single(Far.Requests("ACK"));
        Assert.Equal(Far.LastRequest("INVITE").TopVia!.Branch, ack.TopVia!.Branch);
        Assert.True(_rig.MediaOf(call).Stopped);
        Assert.Equal(0, _rig.Calls.Count);
        Assert.Equal(0, _rig.Calls.Dialogs.Count);
    }

    [Fact]
    public void A_challenged_INVITE_is_sent_again_once_with_credentials_and_the_ACK_carries_them()
    {
        Far.ChallengeWith = 407;
        var call = _rig.Dial();
        Assert.Equal(CallState.Connected, call.State);
        var invites = Far.Requests("INVITE").ToArray();
        Assert.Equal(2, invites.Length);
        Assert.Null(invites[0].GetHeader("Proxy-Authorization"));
        Assert.Equal(new[] { 407, 180, 200 }, Far.SentStatuses);
        Assert.Equal("2 INVITE", invites[1].GetHeader("CSeq"));
        Assert.Equal(invites[0].CallId, invites[1].CallId);
        Assert.Equal(invites[0].FromTag, invites[1].FromTag);
        Assert.NotEqual(invites[0].TopVia!.Branch, invites[1].TopVia!.Branch);
        Assert.Contains("uri=\"sip:bob@office.example\"", invites[1].GetHeader("Proxy-Authorization"));
        var acks = Far.Requests("ACK").ToArray();
        Assert.Null(acks[0].GetHeader("Proxy-Authorization"));        // the transaction's ACK for the 407
        Assert.Equal(invites[1].GetHeader("Proxy-Authorization"), acks[1].GetHeader("Proxy-Authorization"));
        Assert.Equal("2 ACK", acks[1].GetHeader("CSeq"));
    }

    [Fact]
    public void A_second_challenge_means_a_wrong_password_and_ends_the_call()
    {
        Far.ChallengeWith = 401;
        Far.Password = "not-ours";
        var call = _rig.Dial();
        Assert.Equal(2, Far.Requests("INVITE").Count());
        Assert.Equal(401, call.EndStatus);
        Assert.Equal("wrong password for 201", call.EndReason);
    }

    [Fact]
    public void Forked_answers_keep_the_first_2xx_and_the_other_fork_is_ACKed_and_sent_BYE()
    {
        Far.InviteAnswers = Array.Empty<int>();
        var call = _rig.Dial();
        var invite = Far.LastRequest("INVITE");
        Far.Respond(invite, 180, toTag: "forkA");
        Far.Respond(invite, 180, toTag: "forkB");
        _rig.Wait(0);
        Assert.Equal(2, _rig.Calls.Dialogs.Count);
        Assert.Equal(CallState.Early, call.State);

        Far.Respond(invite, 200, "v=0 from B", toTag: "forkB");
        _rig.Wait(0);
        Assert.Equal(CallState.Connected, call.State);
        Assert.Equal("forkB", call.Dialog!.RemoteTag);
        Assert.Equal(1, _rig.Calls.Dialogs.Count);

        Far.Respond(invite, 200, "v=0 from A", toTag: "forkA");
        _rig.Wait(0);
        var acks = Far.Requests("ACK").ToArray();
        Assert.Equal(new[] { "forkB", "forkA" }, acks.Select(a => a.ToTag));
        var bye = Assert.Single(Far.Requests("BYE"));
        Assert.Equal("forkA", bye.ToTag);
        Assert.Equal(CallState.Connected, call.State);
        Assert.Equal(new[] { "v=0 from B" }, _rig.MediaOf(call).Answers);
    }

    [Fact]
    public void Record_Route_becomes_the_reversed_route_set_of_in_dialog_requests()
    {
        Far.RecordRoutes = new[] { "<sip:10.9.9.9;lr>", "<sip:127.0.1.100;lr>" };
        var call = _rig.Dial();
        var ack = Assert.Single(Far.Requests("ACK"));
        Assert.Equal(new[] { "<sip:127.0.1.100;lr>", "<sip:10.9.9.9;lr>" }, ack.GetHeaders("Route"));
        Assert.Equal("sip:bob@127.0.1.100:5060", ack.RequestUriText);
        _rig.Run(() => call.Hangup());
        Assert.Equal(new[] { "<sip:127.0.1.100;lr>", "<sip:10.9.9.9;lr>" }, Far.LastRequest("BYE").GetHeaders("Route"));
    }

    [Fact]
    public void A_target_with_a_Replaces_header_sends_it_as_a_header_of_the_INVITE()
    {
        _rig.Dial("sip:carol@office.example?Replaces=abc%40host%3Bto-tag%3D1%3Bfrom-tag%3D2");
        var invite = Far.LastRequest("INVITE");
        Assert.Equal("sip:carol@office.example", invite.RequestUriText);
        Assert.Equal("abc@host;to-tag=1;from-tag=2", invite.GetHeader("Replaces"));
        Assert.Equal("<sip:carol@office.example>", invite.GetHeader("To"));
    }

    [Fact]
    public void A_silent_far_end_ends_the_call_after_Timer_B()
    {
        Far.Silent = true;
        var call = _rig.Dial();
        _rig.Wait(31_000);
        Assert.Equal(CallState.Calling, call.State);
        _rig.Wait(2_000);
        Assert.Equal(408, call.EndStatus);
        Assert.True(call.EndedRemotely);
    }
}
