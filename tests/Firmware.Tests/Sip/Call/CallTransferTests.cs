using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Call;

namespace DeskPhone.Firmware.Tests.Sip.Call;

public class CallTransferTests
{
    private readonly CallRig _rig = new();
    private FakeFarEnd Far => _rig.Far;

    private void Notify(SipCall call, long cseq, string frag, string state)
    {
        var n = Far.InDialog("NOTIFY", call.CallId, cseq, frag, "message/sipfrag;version=2.0");
        n.AddHeader("Event", "refer");
        n.AddHeader("Subscription-State", state);
        Far.Send(n);
        _rig.Wait(0);
    }

    [Fact]
    public void A_blind_transfer_sends_REFER_and_reports_the_NOTIFY_sipfrag_statuses()
    {
        var call = _rig.Dial();
        _rig.Run(() => Assert.True(call.Transfer("carol")));
        var refer = Assert.Single(Far.Requests("REFER"));
        Assert.Equal("<sip:carol@office.example>", refer.GetHeader("Refer-To"));
        Assert.Equal("<sip:201@office.example>", refer.GetHeader("Referred-By"));
        Assert.Equal("2 REFER", refer.GetHeader("CSeq"));
        Assert.Equal("<sip:201@127.0.1.1:5070>", refer.GetHeader("Contact"));

        Notify(call, 100, "SIP/2.0 100 Trying\r\n", "active;expires=60");
        Notify(call, 101, "SIP/2.0 200 OK\r\n", "terminated;reason=noresource");
        Assert.Equal(new[] { 202, 100, 200 }, _rig.Transfers.Select(t => t.Status));
        Assert.All(Far.Responses("NOTIFY"), r => Assert.Equal(200, r.StatusCode));
    }

    [Fact]
    public void A_NOTIFY_of_another_event_package_in_a_call_gets_489()
    {
        var call = _rig.Dial();
        var n = Far.InDialog("NOTIFY", call.CallId, 100);
        n.AddHeader("Event", "dialog");
        n.AddHeader("Subscription-State", "active");
        Far.Send(n);
        _rig.Wait(0);
        Assert.Equal(489, Far.Responses("NOTIFY").Single().StatusCode);
    }

    [Fact]
    public void An_attended_transfer_refers_to_the_other_call_with_Replaces_as_the_target_sees_the_dialog()
    {
        var first = _rig.Dial("bob");
        var second = _rig.Dial("carol");
        _rig.Run(() => Assert.True(first.TransferTo(second)));
        var refer = Assert.Single(Far.Requests("REFER"));
        Assert.Equal(first.CallId, refer.CallId);
        var referTo = refer.ReferTo!;
        Assert.StartsWith("sip:carol@office.example?Replaces=", referTo.UriText);
        Assert.True(SipUri.TryParse(referTo.UriText, out var uri, out _));
        Assert.Equal($"{second.CallId};to-tag=far1;from-tag={second.LocalTag}", SipUri.Unescape(uri!.GetHeader("Replaces")!));
    }

    [Fact]
    public void A_REFER_from_the_far_end_is_accepted_and_the_new_call_is_reported_by_NOTIFY_until_it_connects()
    {
        var call = _rig.Dial("bob");
        _rig.OnTransferRequested = (_, target) => _rig.Calls.Connect(_rig.Account, target);
        var refer = Far.InDialog("REFER", call.CallId, 100);
        refer.AddHeader("Refer-To", "<sip:carol@office.example>");
        Far.Send(refer);
        _rig.Wait(0);

        Assert.Contains("1 transfer requested to sip:carol@office.example", _rig.Events);
        Assert.Equal(202, Far.Responses("REFER").Single().StatusCode);
        var invite = Far.LastRequest("INVITE");
        Assert.Equal("sip:carol@office.example", invite.RequestUriText);
        Assert.Equal(2, _rig.Calls.Count);

        var notifies = Far.Requests("NOTIFY").ToArray();
        Assert.Equal(2, notifies.Length);
        Assert.All(notifies, n => Assert.Equal(call.CallId, n.CallId));
        Assert.All(notifies, n => Assert.Equal("refer", n.GetHeader("Event")));
        Assert.All(notifies, n => Assert.Equal("message/sipfrag;version=2.0", n.GetHeader("Content-Type")));
        Assert.Equal("SIP/2.0 100 Trying\r\n", notifies[0].BodyText);
        Assert.Equal("active;expires=60", notifies[0].GetHeader("Subscription-State"));
        Assert.Equal("SIP/2.0 200 OK\r\n", notifies[1].BodyText);
        Assert.Equal("terminated;reason=noresource", notifies[1].GetHeader("Subscription-State"));
        Assert.True(notifies[1].CSeqNumber > notifies[0].CSeqNumber);
    }

    [Fact]
    public void A_transfer_whose_new_call_fails_is_reported_with_the_failure_status()
    {
        var call = _rig.Dial("bob");
        Far.InviteAnswers = new[] { 180, 486 };
        _rig.OnTransferRequested = (_, target) => _rig.Calls.Connect(_rig.Account, target);
        var refer = Far.InDialog("REFER", call.CallId, 100);
        refer.AddHeader("Refer-To", "<sip:carol@office.example>");
        Far.Send(refer);
        _rig.Wait(0);
        Assert.Equal("SIP/2.0 486 Busy Here\r\n", Far.Requests("NOTIFY").Last().BodyText);
    }

    [Fact]
    public void A_REFER_the_listener_declines_gets_603()
    {
        var call = _rig.Dial("bob");
        var refer = Far.InDialog("REFER", call.CallId, 100);
        refer.AddHeader("Refer-To", "<sip:carol@office.example>");
        Far.Send(refer);
        _rig.Wait(0);
        Assert.Equal(603, Far.Responses("REFER").Single().StatusCode);
        Assert.Empty(Far.Requests("NOTIFY"));
    }
}
