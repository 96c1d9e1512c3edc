using DeskPhone.Firmware.Sip.Call;

namespace DeskPhone.Firmware.Tests.Sip.Call;

public class CallReplacesTests
{
    private readonly CallRig _rig = new();
    private FakeFarEnd Far => _rig.Far;

    private SipCall AnsweredFromAlice()
    {
        _rig.Decision = CallDecision.Answer;
        Far.Invite();
        _rig.Wait(0);
        return Assert.Single(_rig.Incoming);
    }

    [Fact]
    public void An_INVITE_replacing_a_confirmed_call_is_answered_at_once_and_the_old_call_ends_with_BYE()
    {
        var old = AnsweredFromAlice();
        _rig.Events.Clear();
        Far.Invite("v=0 carol offer", callId: "carol-call", fromTag: "c1", replaces: $"alice-call-1;to-tag={old.LocalTag};from-tag=a1");
        _rig.Wait(0);

        var ok = Far.Responses("INVITE").Last();
        Assert.Equal("carol-call", ok.CallId);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("v=0 answer 2 to [v=0 carol offer]", ok.BodyText);
        var bye = Assert.Single(Far.Requests("BYE"));
        Assert.Equal("alice-call-1", bye.CallId);
        Assert.Equal("a1", bye.ToTag);
        Assert.Equal("1 replaced by 2", _rig.Events[0]);
        Assert.Contains("1 ended 200 replaced", _rig.Events);
        Assert.DoesNotContain(_rig.Events, e => e.StartsWith("incoming"));
        var replacement = _rig.Calls.CallAt(0);
        Assert.Same(old, replacement.Replaced);
        Assert.Equal(CallState.Connected, replacement.State);
    }

    [Fact]
    public void An_early_only_INVITE_picks_up_our_ringing_outgoing_call_and_the_old_INVITE_is_cancelled()
    {
        Far.InviteAnswers = new[] { 180 };
        var old = _rig.Dial("bob");
        Assert.Equal(CallState.Early, old.State);
        Far.Invite("v=0 carol offer", callId: "pickup-1", fromTag: "c1", replaces: $"{old.CallId};to-tag={old.LocalTag};from-tag=far1;early-only");
        _rig.Wait(0);

        Assert.Equal(200, Far.Responses("INVITE").Last(r => r.CallId == "pickup-1").StatusCode);
        var cancel = Assert.Single(Far.Requests("CANCEL"));
        Assert.Equal(old.CallId, cancel.CallId);
        Assert.Equal("1 ended 487 replaced", _rig.Events.Last());
        Assert.Equal(1, _rig.Calls.Count);
    }

    [Fact]
    public void Early_only_refuses_to_replace_a_confirmed_call_with_486()
    {
        var old = AnsweredFromAlice();
        Far.Invite(callId: "carol-call", fromTag: "c1", replaces: $"alice-call-1;to-tag={old.LocalTag};from-tag=a1;early-only");
        _rig.Wait(0);
        Assert.Equal(486, Far.Responses("INVITE").Last().StatusCode);
        Assert.Equal(CallState.Connected, old.State);
    }

    [Fact]
    public void Replaces_naming_no_dialog_gets_481()
    {
        AnsweredFromAlice();
        Far.Invite(callId: "carol-call", fromTag: "c1", replaces: "alice-call-1;to-tag=wrong;from-tag=a1");
        _rig.Wait(0);
        Assert.Equal(481, Far.Responses("INVITE").Last().StatusCode);
    }

    [Fact]
    public void Replaces_naming_an_early_dialog_we_did_not_initiate_gets_481()
    {
        Far.Invite();
        _rig.Wait(0);
        var ringing = Assert.Single(_rig.Incoming);
        Far.Invite(callId: "carol-call", fromTag: "c1", replaces: $"alice-call-1;to-tag={ringing.LocalTag};from-tag=a1");
        _rig.Wait(0);
        Assert.Equal(481, Far.Responses("INVITE").Last().StatusCode);
        Assert.Equal(CallState.Ringing, ringing.State);
    }

    [Fact]
    public void Replaces_without_tags_is_a_bad_request()
    {
        Far.Invite(replaces: "alice-call-1");
        _rig.Wait(0);
        Assert.Equal(400, Far.Responses("INVITE").Last().StatusCode);
    }
}
