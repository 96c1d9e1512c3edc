using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Phone;

/// <summary>Calls as a receptionist makes and takes them, against a far end on the in-memory wire.</summary>
public class CallTests
{
    private static PhoneRig Registered()
    {
        var rig = new PhoneRig(farEnd: true);
        Assert.Equal(RegistrationState.Registered, rig.Phone.Registration);
        return rig;
    }

    [Fact]
    public void Dialing_a_number_places_a_call_that_rings_then_connects_with_a_green_lamp_and_a_running_clock()
    {
        var rig = Registered();
        rig.FarEnd!.InviteAnswers = new[] { 180 };
        rig.LiftHandset();
        foreach (int d in new[] { 2, 0, 2 }) rig.Press(d);
        rig.Press(KeyCodes.Soft1); // Dial
        Assert.Equal(PhoneMode.Calling, rig.Phone.Mode);
        var invite = rig.FarEnd.LastRequest("INVITE");
        Assert.StartsWith("sip:202@office.example", invite.RequestUriText);
        Assert.Contains("m=audio", invite.BodyText);
        Assert.Contains("Ringing", rig.ScreenText);
        Assert.Equal("ringback", rig.Phone.Audio.Tone.Name);

        rig.FarEnd.Respond(invite, 200, PhoneRig.SdpAnswer);
        rig.Wait(1);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.Equal("green steady", rig.Lamp(1));
        Assert.Null(rig.Phone.Audio.Tone);
        Assert.Single(rig.FarEnd.Requests("ACK"));
        rig.Wait(65_000);
        Assert.True(rig.ScreenText.StartsWith("Connected | 01:0"), rig.ScreenText); // the screen ticks once a second
    }

    [Fact]
    public void Hanging_up_sends_BYE_and_the_phone_says_the_call_ended()
    {
        var rig = Registered();
        rig.LiftHandset();
        rig.Press(5);
        rig.Press(KeyCodes.Soft1);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        rig.HangUp();
        Assert.Single(rig.FarEnd!.Requests("BYE"));
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Contains("Call ended", rig.ScreenText);
        Assert.Equal("off", rig.Lamp(1));
    }

    [Fact]
    public void An_incoming_call_rings_with_a_fast_green_lamp_and_lifting_the_handset_answers_it()
    {
        var rig = Registered();
        rig.FarEnd!.Invite(PhoneRig.SdpOffer);
        rig.Wait(5);
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        Assert.Contains("Incoming call", rig.ScreenText);
        Assert.Contains("Alice", rig.ScreenText);
        Assert.Equal("green fast-flash", rig.Lamp(1));
        Assert.Equal("ring", rig.Phone.Audio.Tone.Name);
        Assert.Contains(180, rig.FarEnd.SentStatuses.Concat(rig.FarEnd.Received.Where(r => r.Message.IsResponse).Select(r => r.Message.StatusCode)));

        rig.LiftHandset();
        var ok = rig.FarEnd.Responses("INVITE").Last();
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("m=audio", ok.BodyText);
        rig.FarEnd.Send(rig.FarEnd.AckFor(ok));
        rig.Wait(5);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.Equal(AudioRoute.Handset, rig.Phone.Route);
    }

    [Fact]
    public void An_answered_call_copies_the_proxies_Record_Route_into_its_180_and_200_so_ACK_and_BYE_come_back_through_them()
    {
        var rig = Registered();
        rig.FarEnd!.Invite(PhoneRig.SdpOffer, recordRoutes: new[] { "<sip:127.0.0.1;lr;ftag=a1>", "<sip:127.0.0.2;lr>" });
        rig.Wait(5);
        rig.LiftHandset();
        foreach (var code in new[] { 180, 200 })
        {
            var response = rig.FarEnd.Responses("INVITE").First(r => r.StatusCode == code);
            Assert.Equal(new[] { "<sip:127.0.0.1;lr;ftag=a1>", "<sip:127.0.0.2;lr>" }, response.GetHeaders("Record-Route"));
        }
    }

    [Fact]
    public void Declining_an_incoming_call_answers_603_and_returns_to_idle()
    {
        var rig = Registered();
        rig.FarEnd!.Invite(PhoneRig.SdpOffer);
        rig.Wait(5);
        rig.Press(KeyCodes.Soft1 + 3);
        Assert.Equal(603, rig.FarEnd.Responses("INVITE").Last().StatusCode);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void With_DND_on_an_incoming_call_is_refused_with_480_and_never_rings()
    {
        var rig = Registered();
        rig.Press(KeyCodes.Dnd);
        rig.FarEnd!.Invite(PhoneRig.SdpOffer);
        rig.Wait(5);
        Assert.Equal(480, rig.FarEnd.Responses("INVITE").Last().StatusCode);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void A_second_call_while_busy_gets_486()
    {
        var rig = Registered();
        rig.FarEnd!.Invite(PhoneRig.SdpOffer);
        rig.Wait(5);
        rig.FarEnd.Invite(PhoneRig.SdpOffer, callId: "second-call", fromTag: "a2");
        rig.Wait(5);
        Assert.Equal(486, rig.FarEnd.Responses("INVITE").Last(r => r.CallId == "second-call").StatusCode);
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
    }

    [Fact]
    public void Hold_flashes_the_lamp_slowly_and_resume_makes_it_steady_again()
    {
        var rig = Registered();
        rig.FarEnd!.ReinviteAnswerSdp = PhoneRig.SdpAnswer.Replace("a=sendrecv", "a=recvonly");
        rig.LiftHandset();
        rig.Press(7);
        rig.Press(KeyCodes.Soft1);
        rig.Press(KeyCodes.Soft1); // Hold
        Assert.Contains("sendonly", rig.FarEnd!.Requests("INVITE").Last().BodyText);
        Assert.Equal("green slow-flash", rig.Lamp(1));
        Assert.Contains("On hold", rig.ScreenText);
        rig.Press(KeyCodes.Soft1); // Resume
        Assert.Equal("green steady", rig.Lamp(1));
    }

    [Fact]
    public void A_busy_far_end_shows_Busy_and_the_phone_goes_back_to_idle()
    {
        var rig = Registered();
        rig.FarEnd!.InviteAnswers = new[] { 486 };
        rig.Press(KeyCodes.Line(2));
        rig.Press(3);
        rig.Press(KeyCodes.Soft1);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Contains("Busy", rig.ScreenText);
    }

    [Fact]
    public void Ending_a_call_before_the_answer_cancels_it()
    {
        var rig = Registered();
        rig.FarEnd!.InviteAnswers = new[] { 180 };
        rig.LiftHandset();
        rig.Press(4);
        rig.Press(KeyCodes.Soft1);
        rig.HangUp();
        Assert.Single(rig.FarEnd.Requests("CANCEL"));
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Contains("Call cancelled", rig.ScreenText);
    }
}

public class CallCodecTests
{
    [Fact]
    public void The_phone_offers_G722_first_then_G711_and_telephone_events()
    {
        var rig = new PhoneRig(farEnd: true);
        rig.Press(KeyCodes.Line(1));
        rig.Press(9);
        rig.Press(KeyCodes.Soft1);
        string offer = rig.FarEnd!.LastRequest("INVITE").BodyText;
        Assert.Contains("m=audio", offer);
        Assert.Matches(@"m=audio \d+ RTP/AVP 9 0 8 101\r\n", offer); // wideband preferred
        Assert.Contains("a=rtpmap:9 G722/8000", offer); // RFC 3551's 8000 Hz clock for 16 kHz audio
        Assert.Contains("PCMU/8000", offer);
        Assert.Contains("telephone-event/8000", offer);
    }
}
