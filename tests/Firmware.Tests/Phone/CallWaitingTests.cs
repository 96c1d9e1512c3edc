// Call waiting: a second call rings in during a call, is answered after the first is held, and the user switches between them.
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Phone;

public class CallWaitingTests
{
    /// <summary>The far end's answer to a hold (or resume) re-INVITE.</summary>
    public static readonly string HoldAnswer = PhoneRig.SdpAnswer.Replace("a=sendrecv", "a=recvonly");

    /// <summary>A registered phone (two line keys) in a call it placed to 202 on line 1, the far end answering holds.</summary>
    public static PhoneRig InACall(string config = PhoneRig.DefaultConfig)
    {
        var rig = new PhoneRig(config, farEnd: true);
        rig.FarEnd!.ReinviteAnswerSdp = HoldAnswer;
        rig.LiftHandset();
        foreach (int d in new[] { 2, 0, 2 }) rig.Press(d);
        rig.Press(KeyCodes.Soft1);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        return rig;
    }

    private static void SecondCall(PhoneRig rig, string callId = "second-call", string fromTag = "a2")
    {
        rig.FarEnd!.Invite(PhoneRig.SdpOffer, callId: callId, fromTag: fromTag);
        rig.Wait(5);
    }

    private static IEnumerable<SipMessage> ResponsesTo(PhoneRig rig, string callId) =>
        rig.FarEnd!.Responses("INVITE").Where(r => r.CallId == callId);

    private static SipMessage[] Reinvites(PhoneRig rig) =>
        rig.FarEnd!.Requests("INVITE").Where(r => r.ToTag != null).ToArray();

    [Fact]
    public void A_second_call_during_a_call_rings_in_with_the_waiting_screen_a_flashing_second_line_and_a_beep_in_the_earpiece()
    {
        var rig = InACall();
        SecondCall(rig);

        Assert.Equal(180, ResponsesTo(rig, "second-call").Last().StatusCode);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.NotNull(rig.Phone.WaitingCall);
        string[] screen = rig.Phone.Screen.TextLines();
        Assert.Equal("Call waiting", screen[0]);
        Assert.Contains("Alice", screen);
        Assert.Contains("Line 2", screen);
        Assert.Contains("Now: 202", screen);
        Assert.Equal("Answer | Reject", screen[^1]);
        Assert.Equal("green steady", rig.Lamp(1));
        Assert.Equal("green fast-flash", rig.Lamp(2));
        Assert.Equal("call-waiting", rig.Phone.Audio.OverlayTone!.Name);
        Assert.Equal(AudioRoute.Handset, rig.Audio.Route); // the beep goes where the call is heard

        rig.Audio.StartCapture();
        rig.Wait(280);
        var heard = rig.Audio.Captured();
        Assert.True(Goertzel.Power(heard, 8000, 440) > 1e9, "no 440 Hz beep");
        Assert.True(Goertzel.Power(heard, 8000, 440) > 1000 * Goertzel.Power(heard, 8000, 1000));
        rig.NoLoopFailures();
    }

    [Fact]
    public void Answering_holds_the_first_call_and_connects_the_second_only_once_the_hold_is_acknowledged()
    {
        var rig = InACall();
        SecondCall(rig);
        rig.FarEnd!.Silent = true; // the hold's 200 comes when the test says

        rig.Press(KeyCodes.Soft1); // Answer
        var hold = Assert.Single(Reinvites(rig));
        Assert.Contains("a=sendonly", hold.BodyText);
        Assert.DoesNotContain(ResponsesTo(rig, "second-call"), r => r.StatusCode == 200);
        Assert.Contains("Holding 202", rig.ScreenText);

        rig.FarEnd.Silent = false;
        rig.FarEnd.Respond(hold, 200, HoldAnswer);
        rig.Wait(5);

        var ok = ResponsesTo(rig, "second-call").Last();
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("m=audio", ok.BodyText);
        Assert.Equal("second-call", rig.Phone.CurrentCall!.CallId);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.Null(rig.Phone.WaitingCall);
        Assert.Null(rig.Phone.Audio.OverlayTone);
        Assert.Equal(1, rig.Phone.HeldCalls);
        Assert.Equal("green slow-flash", rig.Lamp(1));
        Assert.Equal("green steady", rig.Lamp(2));
        string[] screen = rig.Phone.Screen.TextLines();
        Assert.StartsWith("Connected", screen[0]);
        Assert.Contains("Alice", screen);
        Assert.Contains("Line 2  +1 held", screen);
        Assert.Equal("Hold | Xfer | Swap | End", screen[^1]);
        rig.NoLoopFailures();
    }

    [Fact]
    public void The_line_keys_switch_between_the_two_calls_holding_one_before_resuming_the_other()
    {
        var rig = InACall();
        SecondCall(rig);
        rig.Press(KeyCodes.Line(2)); // the flashing line answers
        Assert.Equal("second-call", rig.Phone.CurrentCall!.CallId);
        int before = Reinvites(rig).Length;

        rig.Press(KeyCodes.Line(1));

        var sent = Reinvites(rig).Skip(before).ToArray();
        Assert.Equal(2, sent.Length);
        Assert.Equal("second-call", sent[0].CallId);
        Assert.Contains("a=sendonly", sent[0].BodyText);
        Assert.NotEqual("second-call", sent[1].CallId);
        Assert.Contains("a=sendrecv", sent[1].BodyText);
        Assert.Equal("green steady", rig.Lamp(1));
        Assert.Equal("green slow-flash", rig.Lamp(2));
        Assert.Contains("202", rig.Phone.Screen.TextLines());

        rig.Press(KeyCodes.Soft1 + 2); // Swap goes back
        Assert.Equal("second-call", rig.Phone.CurrentCall!.CallId);
        Assert.Equal("green slow-flash", rig.Lamp(1));
        Assert.Equal("green steady", rig.Lamp(2));
        rig.NoLoopFailures();
    }

    [Fact]
    public void Hanging_up_one_call_leaves_the_other_on_hold_and_the_screen_says_so()
    {
        var rig = InACall();
        SecondCall(rig);
        rig.Press(KeyCodes.Soft1); // Answer: 202 held, Alice connected

        rig.Press(KeyCodes.Soft1 + 3); // End Alice's call
        Assert.Single(rig.FarEnd!.Requests("BYE"), b => b.CallId == "second-call");

        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.True(rig.Phone.CurrentCall!.LocalHold);
        string[] screen = rig.Phone.Screen.TextLines();
        Assert.StartsWith("On hold", screen[0]);
        Assert.Contains("202", screen);
        Assert.Contains("Call ended", screen);
        Assert.StartsWith("Resume", screen[^1]);
        Assert.Equal("green slow-flash", rig.Lamp(1));
        Assert.Equal("off", rig.Lamp(2));

        rig.HangUp(); // the handset goes down: a held call stays
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.Single(rig.FarEnd.Requests("BYE"));

        rig.Press(KeyCodes.Soft1); // Resume, on the speaker
        Assert.False(rig.Phone.CurrentCall!.LocalHold);
        Assert.Equal(AudioRoute.Speaker, rig.Phone.Route);
        Assert.Equal("green steady", rig.Lamp(1));
        rig.NoLoopFailures();
    }

    [Fact]
    public void Rejecting_the_waiting_call_declines_it_and_the_first_call_goes_on_untouched()
    {
        var rig = InACall();
        SecondCall(rig);

        rig.Press(KeyCodes.Soft1 + 3); // Reject

        Assert.Equal(603, ResponsesTo(rig, "second-call").Last().StatusCode);
        Assert.Empty(Reinvites(rig));
        Assert.Null(rig.Phone.WaitingCall);
        Assert.Null(rig.Phone.Audio.OverlayTone);
        Assert.Equal("off", rig.Lamp(2));
        Assert.StartsWith("Connected", rig.Phone.Screen.TextLines()[0]);
    }

    [Fact]
    public void When_the_waiting_caller_gives_up_the_beep_stops_and_the_call_screen_returns()
    {
        var rig = InACall();
        var invite = rig.FarEnd!.Invite(PhoneRig.SdpOffer, callId: "second-call", fromTag: "a2");
        rig.Wait(5);

        rig.FarEnd.Send(rig.FarEnd.CancelFor(invite));
        rig.Wait(5);

        Assert.Equal(487, ResponsesTo(rig, "second-call").Last().StatusCode);
        Assert.Null(rig.Phone.WaitingCall);
        Assert.Null(rig.Phone.Audio.OverlayTone);
        Assert.Equal("off", rig.Lamp(2));
        Assert.StartsWith("Connected", rig.Phone.Screen.TextLines()[0]);
    }

    [Fact]
    public void When_the_first_call_ends_while_one_waits_the_waiting_call_rings_like_any_other()
    {
        var rig = InACall();
        SecondCall(rig);
        string first = rig.Phone.CurrentCall!.CallId;

        rig.FarEnd!.Send(rig.FarEnd.InDialog("BYE", first, 50));
        rig.Wait(5);

        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        Assert.Equal("second-call", rig.Phone.CurrentCall!.CallId);
        Assert.Equal("ring", rig.Phone.Audio.Tone!.Name);
        Assert.Contains("Incoming call", rig.ScreenText);
        Assert.Equal("green fast-flash", rig.Lamp(2));
    }

    [Fact]
    public void A_call_beyond_the_appearances_gets_486()
    {
        var rig = InACall();
        Assert.Equal(2, rig.Phone.MaxCalls);
        SecondCall(rig);
        rig.Press(KeyCodes.Soft1); // two calls up: 202 held, Alice

        SecondCall(rig, "third-call", "a3");
        Assert.Equal(486, ResponsesTo(rig, "third-call").Last().StatusCode);
        Assert.Equal(1, rig.Phone.HeldCalls);
        Assert.Null(rig.Phone.WaitingCall);
    }

    [Fact]
    public void A_third_call_while_one_already_waits_gets_486()
    {
        var rig = InACall(PhoneRig.DefaultConfig.Replace("""{ "kind": "blf", "label": "Bob Stone", "target": "sip:202@office.example" },""",
            """{ "kind": "line", "label": "Line 3", "account": "main" },"""));
        Assert.Equal(3, rig.Phone.MaxCalls);
        SecondCall(rig);
        SecondCall(rig, "third-call", "a3");
        Assert.Equal(486, ResponsesTo(rig, "third-call").Last().StatusCode);
        Assert.Equal("second-call", rig.Phone.WaitingCall!.CallId);
    }

    [Fact]
    public void With_call_waiting_switched_off_a_second_call_gets_486()
    {
        var rig = InACall(PhoneRig.DefaultConfig.Replace("\"display\"", "\"features\": { \"callWaiting\": false },\n  \"display\""));
        SecondCall(rig);
        Assert.Equal(486, ResponsesTo(rig, "second-call").Last().StatusCode);
        Assert.Null(rig.Phone.WaitingCall);
    }

    [Fact]
    public void A_phone_with_one_line_key_takes_the_waiting_call_on_that_lines_second_appearance()
    {
        var rig = InACall(PhoneRig.DefaultConfig.Replace("""{ "kind": "line", "label": "Line 2", "account": "main" },""", ""));
        Assert.Equal(2, rig.Phone.MaxCalls);
        SecondCall(rig);
        Assert.Equal("green fast-flash", rig.Lamp(1));

        rig.Press(KeyCodes.Line(1)); // the flashing line answers
        Assert.Equal("second-call", rig.Phone.CurrentCall!.CallId);
        Assert.Equal("green steady", rig.Lamp(1));
        Assert.Contains("Line 1  +1 held", rig.Phone.Screen.TextLines());
    }
}
