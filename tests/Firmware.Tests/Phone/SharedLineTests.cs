// Shared (delegated) line keys as an assistant meets them: the executive's line on a key, lamps, seize, pickup, private hold, permissions.
using DeskPhone.Firmware.Delegation;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Phone;

/// <summary>
/// Bob's phone (202): line keys 1-2, key 3 shared on Ann Lee's line (sip:203@office.example) with the
/// pairing's permissions and her VIP callers, against a <see cref="ScaSwitch"/> at 127.0.0.1:5060, in virtual time.
/// </summary>
public class SharedLineTests
{
    private const int SharedKey = 3;
    private const string AllPermissions = "\"place\", \"answer\", \"pickup\"";

    private static string Config(string permissions) => $$"""
        {
          "device": { "id": "assistant-bob", "name": "Bob Stone", "extension": "202", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "202", "displayName": "Bob Stone", "domain": "office.example", "registrar": "sip:127.0.0.1:5060" } ],
          "keys": [
            { "kind": "line", "label": "Line 1", "account": "main" },
            { "kind": "line", "label": "Line 2", "account": "main" },
            { "kind": "shared", "label": "Ann (exec)", "target": "sip:203@office.example", "account": "main",
              "delegation": { "pairing": "p1", "for": "Ann Lee", "permissions": [{{permissions}}], "vip": ["sip:+15550100@office.example", "0312345678"] } }
          ],
          "display": { "clock24h": true }
        }
        """;

    /// <summary>Ann's own phone (203): her line keys and her own line as a shared key (key 3).</summary>
    private const string ExecutiveConfig = """
        {
          "device": { "id": "exec-ann", "name": "Ann Lee", "extension": "203", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "203", "displayName": "Ann Lee", "domain": "office.example", "registrar": "sip:127.0.0.1:5060" } ],
          "keys": [
            { "kind": "line", "label": "Line 1", "account": "main" },
            { "kind": "line", "label": "Line 2", "account": "main" },
            { "kind": "shared", "label": "My line (shared)", "target": "sip:203@office.example", "account": "main" }
          ]
        }
        """;

    private static (PhoneRig Rig, ScaSwitch Sca) Boot(string permissions = AllPermissions, Action<ScaSwitch>? setUp = null, string? config = null)
    {
        ScaSwitch? sca = null;
        var rig = new PhoneRig(config ?? Config(permissions), registrar: false, beforeBoot: r =>
        {
            sca = new ScaSwitch(r.Wire, () => r.Clock.NowMs);
            setUp?.Invoke(sca);
        });
        rig.Wait(50);
        Assert.Equal(RegistrationState.Registered, rig.Phone.Registration);
        rig.NoLoopFailures();
        return (rig, sca!);
    }

    /// <summary>The screen's text on one line: a long message wraps onto a second row.</summary>
    private static string Screen(PhoneRig rig) => rig.ScreenText.Replace("\n", " ");

    private static SharedLine Line(PhoneRig rig) => rig.Phone.SharedLineAt(SharedKey - 1)!;

    private static void PressShared(PhoneRig rig) => rig.Press(KeyCodes.Line(SharedKey));

    private static void Dial(PhoneRig rig, string digits)
    {
        foreach (char c in digits) rig.Press(c - '0');
        rig.Press(KeyCodes.Soft1);
    }

    /// <summary>Carol's call to Ann rings here and Bob answers it; returns the phone's 200.</summary>
    private static SipMessage AnswerCarol(PhoneRig rig, ScaSwitch sca, string from = "\"Carol\" <sip:204@office.example>")
    {
        sca.Invite(from);
        rig.Wait(5);
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        rig.Press(KeyCodes.Soft1);
        rig.Wait(5);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        return sca.Responses("INVITE").Last(r => r.StatusCode == 200);
    }

    [Fact]
    public void A_shared_key_subscribes_to_the_executives_call_info_once_after_registration_and_refreshes_in_the_same_dialog()
    {
        var (rig, sca) = Boot();
        var first = Assert.Single(sca.Subscribes("call-info"));
        Assert.Equal("sip:203@office.example", first.RequestUriText);
        Assert.Null(first.ToTag);
        Assert.Null(first.GetHeader("Accept")); // the state is in Call-Info, there is no body
        int register = sca.Received.FindIndex(r => r.Message.IsRequest && r.Message.Method == "REGISTER");
        int subscribe = sca.Received.FindIndex(r => r.Message.IsRequest && r.Message.Method == "SUBSCRIBE");
        Assert.InRange(register, 0, subscribe - 1);

        rig.Wait(3_300_000); // past 90 % of the granted hour, and several re-registrations

        var all = sca.Subscribes("call-info").ToArray();
        Assert.True(all.Length >= 2, "no refresh");
        string notifierTag = sca.CallInfoTag!;
        Assert.All(all.Skip(1), s => Assert.Equal((first.CallId, first.FromTag, notifierTag), (s.CallId, s.FromTag, s.ToTag)));
        Assert.Single(all, s => s.ToTag == null); // never a fresh SUBSCRIBE: sca would release this phone's appearances
        rig.NoLoopFailures();
    }

    [Theory]
    [InlineData("alerting", "red fast-flash", "ring")]
    [InlineData("seized", "red steady", "busy")]
    [InlineData("progressing", "red steady", "busy")]
    [InlineData("active", "red steady", "busy")]
    [InlineData("held", "red slow-flash", "held")]
    [InlineData("held-private", "red steady", "priv")]
    public void Someone_elses_appearance_lights_the_shared_key_as_the_lamp_scheme_says_and_the_idle_screen_names_it(string state, string lamp, string word)
    {
        var (rig, sca) = Boot();
        Assert.Equal("off", rig.Lamp(SharedKey));

        sca.NotifyLine(ScaSwitch.Appearance(1, state));
        rig.Wait(5);

        Assert.Equal(lamp, rig.Lamp(SharedKey));
        Assert.Contains(word + " Ann (e", rig.ScreenText); // the state first: a label column is 10 characters
        sca.NotifyLine();
        rig.Wait(5);
        Assert.Equal("off", rig.Lamp(SharedKey));
    }

    [Fact]
    public void During_a_call_of_its_own_the_phone_shows_who_is_on_the_executives_line_when_the_key_is_pressed()
    {
        var (rig, sca) = Boot();
        sca.Invite("<sip:210@office.example>", toUser: "202", callId: "own-call");
        rig.Wait(5);
        rig.Press(KeyCodes.Soft1);
        sca.NotifyLine(ScaSwitch.Appearance(1, "held"));
        rig.Wait(5);

        PressShared(rig);

        Assert.Contains("Carol 204 held", rig.ScreenText); // from the appearance-uri
        Assert.Empty(sca.NewInvites);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
    }

    [Fact]
    public void A_refused_call_info_subscription_shows_the_failed_lamp()
    {
        var (rig, _) = Boot(setUp: s => s.CallInfoFailure = 403);
        Assert.Equal("red broken-flash", rig.Lamp(SharedKey));
    }

    [Fact]
    public void A_call_to_the_executive_rings_on_the_shared_key_for_Ann_and_is_answered_on_a_free_appearance_with_the_lines_contact()
    {
        var (rig, sca) = Boot();
        sca.NotifyLine(ScaSwitch.Appearance(1, "active", "<sip:210@office.example>")); // someone else's call on 1

        sca.Invite();
        rig.Wait(5);
        Assert.Equal("green fast-flash", rig.Lamp(SharedKey));
        Assert.Equal("off", rig.Lamp(1));
        Assert.Contains("for Ann Lee", rig.ScreenText);
        Assert.Contains("Carol", rig.ScreenText);
        Assert.Equal("ring", rig.Phone.Audio.Tone!.Name);

        rig.Press(KeyCodes.Line(SharedKey)); // the flashing key answers
        rig.Wait(5);
        var ok = sca.Responses("INVITE").Last(r => r.StatusCode == 200);
        Assert.Equal("<sip:office.example>;appearance-index=2", ok.GetHeader("Call-Info"));
        Assert.Equal("203", ok.Contact!.Uri!.User); // sca takes the line from the Contact's user
        Assert.Equal("green steady", rig.Lamp(SharedKey));
        Assert.True(Line(rig).IsMine(2));
    }

    [Fact]
    public void The_phones_own_appearance_stays_green_through_an_idle_NOTIFY_during_the_call_and_its_hold_and_hang_up_carry_Call_Info()
    {
        var (rig, sca) = Boot();
        AnswerCarol(rig, sca);
        sca.NotifyLine(ScaSwitch.Appearance(1, "active"));
        rig.Wait(5);
        Assert.Equal("green steady", rig.Lamp(SharedKey));
        sca.NotifyLine(); // sca's known trap: an idle NOTIFY during a long active call
        rig.Wait(5);
        Assert.Equal("green steady", rig.Lamp(SharedKey));

        rig.Press(KeyCodes.Soft1); // Hold
        rig.Wait(5);
        var hold = sca.Reinvites.Last();
        Assert.Equal("<sip:office.example>;appearance-index=1;appearance-state=held", hold.GetHeader("Call-Info"));
        Assert.Equal("203", hold.Contact!.Uri!.User);
        Assert.Equal("green slow-flash", rig.Lamp(SharedKey));
        rig.Press(KeyCodes.Soft1); // Resume
        rig.Wait(5);
        Assert.Equal("<sip:office.example>;appearance-index=1;appearance-state=active", sca.Reinvites.Last().GetHeader("Call-Info"));

        rig.Press(KeyCodes.Soft1 + 3); // End
        rig.Wait(5);
        Assert.Equal("<sip:office.example>;appearance-index=1", sca.Requests("BYE").Single().GetHeader("Call-Info"));
        Assert.False(Line(rig).IsMine(1));
        Assert.Equal("off", rig.Lamp(SharedKey));
    }

    [Fact]
    public void When_the_caller_hangs_up_the_phones_200_to_the_BYE_names_the_appearance()
    {
        var (rig, sca) = Boot();
        var ok = AnswerCarol(rig, sca);
        sca.ByeTo(ok);
        rig.Wait(5);
        var byeOk = sca.Responses("BYE").Single();
        Assert.Equal(200, byeOk.StatusCode);
        Assert.Equal("<sip:office.example>;appearance-index=1", byeOk.GetHeader("Call-Info"));
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void Pressing_the_idle_shared_key_seizes_an_appearance_then_the_call_goes_out_as_the_executive_on_it()
    {
        var (rig, sca) = Boot(setUp: s => s.NextSeizeIndex = 2);
        PressShared(rig);
        var seize = Assert.Single(sca.Subscribes("line-seize"));
        Assert.Equal("sip:203@office.example", seize.RequestUriText);
        Assert.InRange(seize.Expires, 1, 15);
        Assert.Equal("<sip:office.example>;appearance-index=0", seize.GetHeader("Call-Info"));
        Assert.Equal(PhoneMode.Dialing, rig.Phone.Mode);
        Assert.Contains("as Ann Lee 203", rig.ScreenText);
        Assert.Equal(SeizeStatus.Seized, Line(rig).SeizeStatus);
        Assert.Equal("green steady", rig.Lamp(SharedKey));

        Dial(rig, "555");

        var invite = Assert.Single(sca.NewInvites);
        Assert.Equal("sip:555@office.example", invite.RequestUriText);
        Assert.Equal("Ann Lee", invite.From.DisplayName);
        Assert.Equal("sip:203@office.example", invite.From.UriText);
        Assert.Equal("<sip:office.example>;appearance-index=2", invite.GetHeader("Call-Info"));
        Assert.Equal("203", invite.Contact!.Uri!.User);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.Contains("as Ann Lee", rig.ScreenText);
        Assert.DoesNotContain(sca.Subscribes("line-seize"), s => s.Expires == 0); // the call keeps the appearance
        Assert.Equal("green steady", rig.Lamp(SharedKey));
    }

    [Fact]
    public void A_480_to_the_line_seize_is_tried_again_after_Retry_After()
    {
        var (rig, sca) = Boot(setUp: s => s.SeizeFailures.Enqueue((480, null)));
        PressShared(rig);
        Assert.Equal(SeizeStatus.Seizing, Line(rig).SeizeStatus);
        Dial(rig, "555"); // dials once the appearance is seized
        Assert.Empty(sca.NewInvites);
        Assert.Contains("Seizing the line", rig.ScreenText);
        long firstAt = sca.Received.First(r => r.Message.Method == "SUBSCRIBE" && r.Message.GetHeader("Event") == "line-seize").At;

        rig.Wait(1100);

        var seizes = sca.Received.Where(r => r.Message.IsRequest && r.Message.GetHeader("Event") == "line-seize").ToArray();
        Assert.Equal(2, seizes.Length);
        Assert.InRange(seizes[1].At - firstAt, 1000, 1100); // Retry-After: 1
        Assert.Single(sca.NewInvites);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
    }

    [Fact]
    public void Three_480s_mean_the_line_is_busy_and_the_phone_says_so()
    {
        var (rig, sca) = Boot(setUp: s => { for (int i = 0; i < 3; i++) s.SeizeFailures.Enqueue((480, null)); });
        PressShared(rig);
        rig.Wait(3000);
        Assert.Equal(3, sca.Subscribes("line-seize").Count());
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Contains("Ann Lee's line is busy", Screen(rig));
        Assert.Equal(SeizeStatus.Busy, Line(rig).SeizeStatus);
    }

    [Fact]
    public void A_seize_the_softswitch_refuses_leaves_the_dial_screen_with_its_reason()
    {
        var (rig, _) = Boot(setUp: s => s.SeizeFailures.Enqueue((403, "Not paired with 203")));
        PressShared(rig);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Contains("Line not available", Screen(rig));
        Assert.Contains("Not paired with 203", Line(rig).SeizeProblem);
    }

    [Fact]
    public void A_call_ringing_in_while_dialing_on_the_shared_key_gives_the_seized_appearance_back()
    {
        var (rig, sca) = Boot();
        PressShared(rig);
        Assert.Equal(SeizeStatus.Seized, Line(rig).SeizeStatus);
        sca.Invite("<sip:210@office.example>", toUser: "202");
        rig.Wait(5);
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        Assert.Equal(0, sca.Subscribes("line-seize").Last().Expires);
        Assert.Equal(SeizeStatus.Idle, Line(rig).SeizeStatus);
    }

    [Fact]
    public void Hanging_up_before_dialing_gives_the_seized_appearance_back()
    {
        var (rig, sca) = Boot(setUp: s => s.NextSeizeIndex = 3);
        PressShared(rig);
        PressShared(rig); // again: hang up
        var release = sca.Subscribes("line-seize").Last();
        Assert.Equal(0, release.Expires);
        Assert.Equal("<sip:office.example>;appearance-index=3", release.GetHeader("Call-Info"));
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Equal("off", rig.Lamp(SharedKey));
    }

    [Fact]
    public void A_call_held_by_someone_else_flashes_red_slowly_and_a_press_picks_it_up_with_a_new_INVITE_to_the_line_naming_the_appearance()
    {
        var (rig, sca) = Boot();
        sca.NotifyLine(ScaSwitch.Appearance(1, "held"));
        rig.Wait(5);
        Assert.Equal("red slow-flash", rig.Lamp(SharedKey));
        sca.InviteAnswers = new[] { 200 };

        PressShared(rig);

        var pickup = Assert.Single(sca.NewInvites);
        Assert.Equal("sip:203@office.example", pickup.RequestUriText);
        Assert.Equal("sip:203@office.example", pickup.From.UriText);
        Assert.Equal("sip:203@office.example", pickup.To.UriText);
        Assert.Equal("<sip:office.example>;appearance-index=1", pickup.GetHeader("Call-Info"));
        Assert.Null(pickup.GetHeader("Replaces")); // the softswitch adds it
        Assert.Equal("203", pickup.Contact!.Uri!.User);
        Assert.Empty(sca.Subscribes("line-seize"));
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.Equal("green steady", rig.Lamp(SharedKey));
        Assert.Contains("Pickup: Carol 204", rig.ScreenText);
        Assert.StartsWith("Connected | 00:00\nCarol 204\nfor Ann Lee", rig.ScreenText); // whom it took over, not the line the INVITE went to
        sca.NotifyLine(ScaSwitch.Appearance(1, "active"), ScaSwitch.Appearance(2, "seized", null)); // a known sca trap: a line left seized after a pickup
        rig.Wait(5);
        Assert.Equal("green steady", rig.Lamp(SharedKey)); // this phone's call comes first
    }

    [Fact]
    public void A_pickup_the_softswitch_refuses_as_private_says_so_on_the_screen()
    {
        var (rig, sca) = Boot();
        sca.NotifyLine(ScaSwitch.Appearance(1, "held"));
        sca.InviteAnswers = new[] { 403 };
        sca.InviteFailureReason = "Private call: not for pickup";
        rig.Wait(5);

        PressShared(rig);

        Assert.Single(sca.NewInvites);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Contains("Private call: not for pickup", Screen(rig));
        Assert.Equal("red slow-flash", rig.Lamp(SharedKey));
    }

    [Fact]
    public void A_call_held_privately_by_someone_else_is_not_picked_up_and_the_screen_says_whose_it_is()
    {
        var (rig, sca) = Boot();
        sca.NotifyLine(ScaSwitch.Appearance(1, "held-private"));
        rig.Wait(5);

        PressShared(rig);

        Assert.Empty(sca.NewInvites);
        Assert.Empty(sca.Subscribes("line-seize"));
        Assert.Contains("Private call: Carol 204", Screen(rig));
    }

    [Fact]
    public void Private_holds_a_shared_call_with_held_private_in_the_re_INVITE_and_Resume_makes_it_active_again()
    {
        var (rig, sca) = Boot();
        AnswerCarol(rig, sca);
        Assert.Contains("Priv", rig.ScreenText);

        rig.Press(KeyCodes.Soft1 + 2); // Priv(ate)
        rig.Wait(5);

        var hold = sca.Reinvites.Last();
        Assert.Equal("<sip:office.example>;appearance-index=1;appearance-state=held-private", hold.GetHeader("Call-Info"));
        Assert.Contains("a=sendonly", hold.BodyText);
        Assert.True(rig.Phone.CurrentCall!.HeldPrivately);
        Assert.Contains("Private hold", rig.ScreenText);
        Assert.Equal("green slow-flash", rig.Lamp(SharedKey));

        rig.Press(KeyCodes.Soft1); // Resume
        rig.Wait(5);
        Assert.Equal("<sip:office.example>;appearance-index=1;appearance-state=active", sca.Reinvites.Last().GetHeader("Call-Info"));
        Assert.False(rig.Phone.CurrentCall!.HeldPrivately);
    }

    [Fact]
    public void Without_place_calls_the_key_refuses_to_call_as_the_executive_and_seizes_nothing()
    {
        var (rig, sca) = Boot("\"answer\", \"pickup\"");
        PressShared(rig);
        Assert.Empty(sca.Subscribes("line-seize"));
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Contains("Not allowed to call as Ann Lee", Screen(rig));
    }

    [Fact]
    public void Without_pickup_a_held_call_still_flashes_but_the_press_is_refused()
    {
        var (rig, sca) = Boot("\"place\", \"answer\"");
        sca.NotifyLine(ScaSwitch.Appearance(1, "held"));
        rig.Wait(5);
        Assert.Equal("red slow-flash", rig.Lamp(SharedKey));
        PressShared(rig);
        Assert.Empty(sca.NewInvites);
        Assert.Contains("Not allowed to pick up Ann Lee's calls", Screen(rig));
    }

    [Fact]
    public void Without_answer_a_call_for_the_executive_shows_red_and_cannot_be_answered_here()
    {
        var (rig, sca) = Boot("\"place\", \"pickup\"");
        sca.Invite();
        rig.Wait(5);
        Assert.Equal("red fast-flash", rig.Lamp(SharedKey));
        rig.Press(KeyCodes.Soft1); // Answer
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        Assert.DoesNotContain(sca.Responses("INVITE"), r => r.StatusCode == 200);
        Assert.Contains("Not allowed to answer", rig.ScreenText);
    }

    [Theory]
    [InlineData("\"Dr Who\" <sip:0312345678@office.example>", true)]   // a VIP dial string
    [InlineData("<sip:+15550100@office.example>", true)]               // a VIP SIP URI
    [InlineData("\"Carol\" <sip:204@office.example>", false)]
    public void A_VIP_caller_of_the_executive_rings_with_the_VIP_cadence_and_a_badge(string from, bool vip)
    {
        var (rig, sca) = Boot();
        sca.Invite(from);
        rig.Wait(5);
        Assert.Equal(vip ? "ring-vip" : "ring", rig.Phone.Audio.Tone!.Name);
        Assert.Equal(vip, rig.ScreenText.Contains("VIP"));
        Assert.Contains("for Ann Lee", rig.ScreenText);
    }

    [Fact]
    public void A_VIP_caller_on_the_phones_own_line_rings_normally()
    {
        var (rig, sca) = Boot();
        sca.Invite("<sip:0312345678@office.example>", toUser: "202");
        rig.Wait(5);
        Assert.Equal("ring", rig.Phone.Audio.Tone!.Name);
        Assert.DoesNotContain("VIP", rig.ScreenText);
        Assert.DoesNotContain("for Ann", rig.ScreenText);
        Assert.Equal("green fast-flash", rig.Lamp(1));
    }

    [Fact]
    public void The_history_labels_a_call_answered_here_and_one_placed_as_the_executive_with_who_handled_them()
    {
        var (rig, sca) = Boot();
        AnswerCarol(rig, sca);
        rig.Press(KeyCodes.Soft1 + 3);
        PressShared(rig);
        Dial(rig, "555");
        rig.Press(KeyCodes.Soft1 + 3);

        var placed = rig.Phone.History.At(0);
        var received = rig.Phone.History.At(1);
        Assert.Equal((CallKind.Placed, "Bob Stone"), (placed.Kind, placed.HandledBy));
        Assert.Equal((CallKind.Received, "Bob Stone"), (received.Kind, received.HandledBy));
        rig.Wait(Firmware.Phone.Phone.MessageMs); // "Call ended" gone
        rig.Press(KeyCodes.Soft1 + 2); // Calls
        Assert.True(Screen(rig).Contains("Placed by Bob Stone"), Screen(rig));
        var stored = new CallHistory(CallHistory.DefaultCapacity); // the labels survive a reboot: they are in the file
        HistoryFile.Read(rig.Storage.Read(HistoryFile.FileName), stored);
        Assert.Equal(new[] { "Bob Stone", "Bob Stone" }, new[] { stored.At(0).HandledBy, stored.At(1).HandledBy });
    }

    [Fact]
    public void A_call_that_rang_here_and_was_answered_on_another_phone_is_recorded_as_answered_elsewhere_not_missed()
    {
        var (rig, sca) = Boot();
        var invite = sca.Invite();
        rig.Wait(5);
        sca.Cancel(invite);
        rig.Wait(5);
        Assert.Equal(1, rig.Phone.MissedCalls);

        sca.NotifyLine(ScaSwitch.Appearance(1, "active")); // Carol's call is up on someone else's appearance
        rig.Wait(5);

        var r = rig.Phone.History.At(0);
        Assert.Equal((CallKind.Received, false, Firmware.Phone.Phone.HandledElsewhere), (r.Kind, r.Unread, r.HandledBy));
        Assert.Equal(0, rig.Phone.MissedCalls);
    }

    [Fact]
    public void The_line_showing_the_call_answered_elsewhere_before_the_CANCEL_arrives_counts_too()
    {
        var (rig, sca) = Boot();
        var invite = sca.Invite();
        rig.Wait(5);
        sca.NotifyLine(ScaSwitch.Appearance(1, "active")); // Kamailio's NOTIFY and CANCEL come from different workers
        rig.Wait(5);
        sca.Cancel(invite);
        rig.Wait(5);

        var r = rig.Phone.History.At(0);
        Assert.Equal((CallKind.Received, Firmware.Phone.Phone.HandledElsewhere), (r.Kind, r.HandledBy));
        Assert.Equal(0, rig.Phone.MissedCalls);
    }

    [Fact]
    public void A_call_that_rang_here_and_nobody_answered_stays_an_unread_missed_call()
    {
        var (rig, sca) = Boot();
        var invite = sca.Invite();
        rig.Wait(5);
        sca.Cancel(invite);
        rig.Wait(Firmware.Phone.Phone.ElsewhereWindowMs + 1000);
        sca.NotifyLine(ScaSwitch.Appearance(1, "active")); // too late to be this call
        rig.Wait(5);
        var r = rig.Phone.History.At(0);
        Assert.Equal((CallKind.Missed, true), (r.Kind, r.Unread));
        Assert.Equal(1, rig.Phone.MissedCalls);
    }

    [Fact]
    public void A_blind_transfer_of_a_shared_line_call_sends_the_REFER_in_its_dialog()
    {
        var (rig, sca) = Boot();
        AnswerCarol(rig, sca);
        rig.Press(KeyCodes.Soft1 + 1); // Xfer: hold, then the entry screen
        rig.Wait(5);
        Assert.Equal("<sip:office.example>;appearance-index=1;appearance-state=held", sca.Reinvites.Last().GetHeader("Call-Info"));
        Dial(rig, "203");
        rig.Press(KeyCodes.Ok);
        rig.Wait(5);
        var refer = Assert.Single(sca.Requests("REFER"));
        Assert.Equal("carol-call-1", refer.CallId);
        Assert.StartsWith("<sip:203@office.example", refer.GetHeader("Refer-To"));
    }

    [Fact]
    public void On_the_executives_own_phone_her_answered_call_takes_an_appearance_and_an_assistants_call_lights_her_shared_key()
    {
        var (rig, sca) = Boot(config: ExecutiveConfig);
        Assert.True(Line(rig).IsOwnLine);
        sca.NotifyLine(ScaSwitch.Appearance(1, "active"));
        rig.Wait(5);
        Assert.Equal("red steady", rig.Lamp(SharedKey)); // Bob uses her line

        sca.Invite(toUser: "203", callId: "for-ann");
        rig.Wait(5);
        Assert.Equal("green fast-flash", rig.Lamp(1)); // her own calls ring on her line key
        Assert.DoesNotContain("for Ann", rig.ScreenText);
        rig.Press(KeyCodes.Soft1);
        rig.Wait(5);
        var ok = sca.Responses("INVITE").Last(r => r.StatusCode == 200);
        Assert.Equal("<sip:office.example>;appearance-index=2", ok.GetHeader("Call-Info"));
        Assert.Equal("green steady", rig.Lamp(SharedKey));
    }
}
