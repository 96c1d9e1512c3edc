// Transfer from the phone: blind (REFER after the hold's 200) and attended (consultation call, REFER with Replaces).
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Phone;

public class TransferTests
{
    private static PhoneRig InACall() => CallWaitingTests.InACall();

    private static string FirstCallId(PhoneRig rig) => rig.FarEnd!.Requests("INVITE").First(r => r.ToTag == null).CallId!;

    private static SipMessage[] Reinvites(PhoneRig rig, string callId) =>
        rig.FarEnd!.Requests("INVITE").Where(r => r.ToTag != null && r.CallId == callId).ToArray();

    /// <summary>The far end's implicit refer subscription reports a sipfrag status.</summary>
    private static void Notify(PhoneRig rig, string callId, long cseq, string frag, bool final)
    {
        var n = rig.FarEnd!.InDialog("NOTIFY", callId, cseq, frag, "message/sipfrag;version=2.0");
        n.AddHeader("Event", "refer");
        n.AddHeader("Subscription-State", final ? "terminated;reason=noresource" : "active;expires=60");
        rig.FarEnd.Send(n);
        rig.Wait(5);
    }

    private static void Type(PhoneRig rig, string digits)
    {
        foreach (char c in digits) rig.Press(c - '0');
    }

    [Fact]
    public void The_Transfer_key_holds_the_call_and_opens_the_transfer_to_screen()
    {
        var rig = InACall();
        string first = FirstCallId(rig);

        rig.Press(KeyCodes.Transfer);

        var hold = Assert.Single(Reinvites(rig, first));
        Assert.Contains("a=sendonly", hold.BodyText);
        Assert.Equal(TransferState.Entering, rig.Phone.Transfer);
        Assert.Equal(new[] { "Transfer to:", "202 (held)", "Enter number", "Blind | Call | Del | Cancel" }, rig.Phone.Screen.TextLines());
        Assert.Equal("green slow-flash", rig.Lamp(1));

        Type(rig, "203");
        Assert.Contains("203", rig.Phone.Screen.TextLines());
        Assert.Equal(0, rig.Phone.DtmfSentCount); // the digits are the target, not DTMF
    }

    [Fact]
    public void A_blind_transfer_sends_REFER_only_after_the_holds_200_shows_the_NOTIFY_progress_and_ends_the_call_on_200()
    {
        var rig = InACall();
        string first = FirstCallId(rig);
        var far = rig.FarEnd!;
        far.Silent = true; // the hold's 200 comes when the test says

        rig.Press(KeyCodes.Transfer);
        Type(rig, "203");
        rig.Press(KeyCodes.Ok);
        Assert.Equal(TransferState.AwaitingHold, rig.Phone.Transfer);
        Assert.Empty(far.Requests("REFER"));

        var hold = Reinvites(rig, first).First(); // retransmitted while unanswered
        Assert.All(Reinvites(rig, first), r => Assert.Equal(hold.CSeqNumber, r.CSeqNumber));
        far.Silent = false;
        far.Respond(hold, 200, CallWaitingTests.HoldAnswer);
        rig.Wait(5);

        var refer = Assert.Single(far.Requests("REFER"));
        Assert.Equal(first, refer.CallId);
        Assert.Equal("<sip:203@office.example>", refer.GetHeader("Refer-To"));
        Assert.Equal("<sip:201@office.example>", refer.GetHeader("Referred-By"));
        long ackAt = far.TimesOf(m => m.IsRequest && m.Method == "ACK" && m.CallId == first && m.CSeqNumber == hold.CSeqNumber).Single();
        Assert.True(far.TimesOf(m => m.IsRequest && m.Method == "REFER").Single() >= ackAt);
        Assert.Equal(TransferState.Referring, rig.Phone.Transfer);
        Assert.StartsWith("Transferring", rig.Phone.Screen.TextLines()[0]);
        Assert.Contains("203: Accepted", rig.Phone.Screen.TextLines());

        Notify(rig, first, 100, "SIP/2.0 100 Trying\r\n", false);
        Assert.Contains("203: Trying", rig.Phone.Screen.TextLines());
        Notify(rig, first, 101, "SIP/2.0 180 Ringing\r\n", false);
        Assert.Contains("203: Ringing", rig.Phone.Screen.TextLines());
        Assert.Empty(far.Requests("BYE"));

        Notify(rig, first, 102, "SIP/2.0 200 OK\r\n", true);
        Assert.Equal(first, Assert.Single(far.Requests("BYE")).CallId);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Equal(TransferState.Idle, rig.Phone.Transfer);
        Assert.Contains("Transferred", rig.ScreenText);
        Assert.Equal("off", rig.Lamp(1));
        rig.NoLoopFailures();
    }

    [Fact]
    public void A_failed_blind_transfer_says_so_and_leaves_the_call_on_hold()
    {
        var rig = InACall();
        string first = FirstCallId(rig);
        rig.Press(KeyCodes.Transfer);
        Type(rig, "209");
        rig.Press(KeyCodes.Soft1); // Blind
        Assert.Single(rig.FarEnd!.Requests("REFER"));

        Notify(rig, first, 100, "SIP/2.0 486 Busy Here\r\n", true);

        Assert.Empty(rig.FarEnd.Requests("BYE"));
        Assert.Equal(TransferState.Idle, rig.Phone.Transfer);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        string[] screen = rig.Phone.Screen.TextLines();
        Assert.StartsWith("On hold", screen[0]);
        Assert.Contains("Transfer failed (486)", screen);
        Assert.Equal("green slow-flash", rig.Lamp(1));
    }

    [Fact]
    public void Cancel_on_the_transfer_screen_returns_to_the_held_call()
    {
        var rig = InACall();
        rig.Press(KeyCodes.Transfer);
        Type(rig, "2");

        rig.Press(KeyCodes.Back);        // deletes the digit
        Assert.Equal(TransferState.Entering, rig.Phone.Transfer);
        rig.Press(KeyCodes.Soft1 + 3);   // Cancel

        Assert.Equal(TransferState.Idle, rig.Phone.Transfer);
        Assert.Empty(rig.FarEnd!.Requests("REFER"));
        string[] screen = rig.Phone.Screen.TextLines();
        Assert.StartsWith("On hold", screen[0]);
        Assert.StartsWith("Resume | Xfer", screen[^1]);
    }

    [Fact]
    public void An_attended_transfer_calls_the_target_then_refers_the_held_party_with_Replaces_and_both_calls_end()
    {
        var rig = InACall();
        string first = FirstCallId(rig);
        var far = rig.FarEnd!;
        rig.Press(KeyCodes.Transfer);
        Type(rig, "203");

        rig.Press(KeyCodes.Soft1 + 1); // Call: the consultation

        var consultInvite = far.Requests("INVITE").Last(r => r.ToTag == null);
        Assert.NotEqual(first, consultInvite.CallId);
        Assert.Equal("sip:203@office.example", consultInvite.RequestUriText);
        Assert.Equal(TransferState.Consulting, rig.Phone.Transfer);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.Equal(consultInvite.CallId, rig.Phone.CurrentCall!.CallId);
        string[] screen = rig.Phone.Screen.TextLines();
        Assert.Contains("Transfer: 202 held", screen);
        Assert.Equal("Hold | Xfer | End", screen[^1]);
        Assert.Equal("green slow-flash", rig.Lamp(1));
        Assert.Equal("green steady", rig.Lamp(2));
        Assert.Empty(far.Requests("REFER"));

        rig.Press(KeyCodes.Transfer); // complete

        var refer = Assert.Single(far.Requests("REFER"));
        Assert.Equal(first, refer.CallId);
        var referTo = refer.ReferTo!;
        Assert.StartsWith("sip:203@office.example?Replaces=", referTo.UriText);
        Assert.True(SipUri.TryParse(referTo.UriText, out var uri, out _));
        string consultFromTag = consultInvite.FromTag!;
        Assert.Equal($"{consultInvite.CallId};to-tag=far1;from-tag={consultFromTag}", SipUri.Unescape(uri!.GetHeader("Replaces")!));
        Assert.StartsWith("Transferring", rig.Phone.Screen.TextLines()[0]);

        Notify(rig, first, 100, "SIP/2.0 200 OK\r\n", true);

        var byes = far.Requests("BYE").Select(b => b.CallId).ToArray();
        Assert.Contains(first, byes);
        Assert.Contains(consultInvite.CallId, byes);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Equal(TransferState.Idle, rig.Phone.Transfer);
        Assert.Contains("Transferred", rig.ScreenText);
        Assert.Equal("off", rig.Lamp(1));
        Assert.Equal("off", rig.Lamp(2));
        rig.NoLoopFailures();
    }

    [Fact]
    public void Transferring_while_the_target_still_rings_cancels_the_consultation_and_sends_a_blind_REFER()
    {
        var rig = InACall();
        string first = FirstCallId(rig);
        var far = rig.FarEnd!;
        far.InviteAnswers = new[] { 180 };
        rig.Press(KeyCodes.Transfer);
        Type(rig, "203");
        rig.Press(KeyCodes.Soft1 + 1); // Call
        Assert.Equal(PhoneMode.Calling, rig.Phone.Mode);
        Assert.Contains("Xfer", rig.Phone.Screen.TextLines()[^1]);

        rig.Press(KeyCodes.Soft1 + 1); // Xfer while it rings

        var consult = far.Requests("INVITE").Last(r => r.ToTag == null);
        Assert.Single(far.Requests("CANCEL"), c => c.CallId == consult.CallId);
        var refer = Assert.Single(far.Requests("REFER"));
        Assert.Equal(first, refer.CallId);
        Assert.Equal("<sip:203@office.example>", refer.GetHeader("Refer-To"));
        Assert.Equal(first, rig.Phone.CurrentCall!.CallId); // the held call is in front again, being transferred
        string[] screen = rig.Phone.Screen.TextLines();
        Assert.StartsWith("Transferring", screen[0]);
        Assert.Contains("203: Accepted", screen);
        Assert.DoesNotContain("Call cancelled", screen);

        Notify(rig, first, 100, "SIP/2.0 200 OK\r\n", true);
        Assert.Single(far.Requests("BYE"), b => b.CallId == first);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void Ending_the_consultation_call_returns_to_the_held_call()
    {
        var rig = InACall();
        string first = FirstCallId(rig);
        rig.Press(KeyCodes.Transfer);
        Type(rig, "203");
        rig.Press(KeyCodes.Soft1 + 1); // Call: connected at once
        string consult = rig.Phone.CurrentCall!.CallId;

        rig.Press(KeyCodes.Soft1 + 3); // End

        Assert.Single(rig.FarEnd!.Requests("BYE"), b => b.CallId == consult);
        Assert.Equal(TransferState.Idle, rig.Phone.Transfer);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.Equal(first, rig.Phone.CurrentCall!.CallId);
        Assert.StartsWith("On hold", rig.Phone.Screen.TextLines()[0]);
        Assert.Equal("green slow-flash", rig.Lamp(1));
        Assert.Equal("off", rig.Lamp(2));
        Assert.Empty(rig.FarEnd.Requests("REFER"));
    }

    [Fact]
    public void The_transfer_feature_key_and_the_Xfer_softkey_start_a_transfer_too()
    {
        var rig = InACall(PhoneRig.DefaultConfig.Replace("""{ "kind": "feature", "label": "DND", "feature": "dnd" },""",
            """{ "kind": "feature", "label": "Transfer", "feature": "transfer" },"""));
        rig.Press(KeyCodes.Line(4));
        Assert.Equal(TransferState.Entering, rig.Phone.Transfer);
        rig.Press(KeyCodes.Soft1 + 3); // Cancel
        rig.Press(KeyCodes.Soft1);     // Resume
        Assert.False(rig.Phone.CurrentCall!.LocalHold);

        rig.Press(KeyCodes.Soft1 + 1); // Xfer
        Assert.Equal(TransferState.Entering, rig.Phone.Transfer);
    }

    private static PhoneRig InACall(string config) => CallWaitingTests.InACall(config);
}
