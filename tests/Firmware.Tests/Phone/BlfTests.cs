// BLF keys as a receptionist meets them: the lamp follows the colleague's calls, a press picks up or calls.
using DeskPhone.Firmware.Blf;
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Phone;

/// <summary>
/// PhoneRig's default phone (key 3 is a BLF key on sip:202@office.example) against a
/// <see cref="BlfSwitch"/> at 127.0.0.1:5060, in virtual time.
/// </summary>
public class BlfTests
{
    private const int BlfKey = 3;

    private static (PhoneRig Rig, BlfSwitch Switch) Boot(string config = PhoneRig.DefaultConfig, Action<BlfSwitch>? setUp = null)
    {
        BlfSwitch? sw = null;
        var rig = new PhoneRig(config, registrar: false, beforeBoot: r =>
        {
            sw = new BlfSwitch(r.Wire, () => r.Clock.NowMs);
            setUp?.Invoke(sw);
        });
        rig.Wait(50);
        Assert.Equal(RegistrationState.Registered, rig.Phone.Registration);
        rig.NoLoopFailures();
        return (rig, sw!);
    }

    private static void Press(PhoneRig rig) => rig.Press(KeyCodes.Line(BlfKey));

    [Fact]
    public void A_BLF_key_subscribes_to_its_colleagues_dialog_state_once_the_phone_is_registered()
    {
        var (rig, sw) = Boot();
        var subscribe = Assert.Single(sw.Subscribes).Message;
        Assert.Equal("sip:202@office.example", subscribe.RequestUriText);
        Assert.Equal("dialog", subscribe.GetHeader("Event"));
        Assert.Equal("application/dialog-info+xml", subscribe.GetHeader("Accept"));
        Assert.Equal(1800, subscribe.Expires);
        int register = sw.Received.FindIndex(r => r.Message.IsRequest && r.Message.Method == "REGISTER");
        int firstSubscribe = sw.Received.FindIndex(r => r.Message.IsRequest && r.Message.Method == "SUBSCRIBE");
        Assert.InRange(register, 0, firstSubscribe - 1);
        Assert.Equal(200, Assert.Single(sw.NotifyAnswers).StatusCode);
        Assert.Equal(BlfStatus.Idle, rig.Phone.BlfWatchAt(BlfKey - 1)!.Status);
        Assert.Equal("off", rig.Lamp(BlfKey));
    }

    [Fact]
    public void A_phone_that_never_registers_sends_no_subscription()
    {
        var rig = new PhoneRig(registrar: false);
        rig.Wait(5000);
        Assert.Null(rig.Phone.BlfWatchAt(BlfKey - 1));
        Assert.Equal("off", rig.Lamp(BlfKey));
    }

    [Fact]
    public void The_lamp_flashes_red_fast_while_the_colleague_rings_is_red_steady_in_the_call_and_off_after_it()
    {
        var (rig, sw) = Boot();
        sw.NotifyDialogs(BlfSwitch.Dialog("early"));
        rig.Wait(5);
        Assert.Equal("red fast-flash", rig.Lamp(BlfKey));
        Assert.Equal(BlfStatus.Ringing, rig.Phone.BlfWatchAt(BlfKey - 1)!.Status);
        rig.Wait(1000);
        var changes = rig.Lamps.History(BlfKey - 1).Where(c => c.AtMs > 100).ToArray();
        Assert.Contains(changes, c => c.Colour == LampColour.Red);
        Assert.Contains(changes, c => c.Colour == LampColour.Off);

        sw.NotifyDialogs(BlfSwitch.Dialog("confirmed"));
        rig.Wait(5);
        Assert.Equal("red steady", rig.Lamp(BlfKey));
        Assert.Equal(LampColour.Red, rig.Lamps.Colour(BlfKey - 1));

        sw.NotifyDialogs(BlfSwitch.Dialog("terminated"));
        rig.Wait(5);
        Assert.Equal("off", rig.Lamp(BlfKey));
        Assert.Equal(LampColour.Off, rig.Lamps.Colour(BlfKey - 1));
        Assert.All(sw.NotifyAnswers, a => Assert.Equal(200, a.StatusCode));
        rig.NoLoopFailures();
    }

    [Theory]
    [InlineData("trying", "initiator")]
    [InlineData("proceeding", "initiator")]
    [InlineData("early", "initiator")]
    [InlineData("confirmed", "recipient")]
    public void A_colleague_placing_or_in_a_call_shows_busy_red_steady(string state, string direction)
    {
        var (rig, sw) = Boot();
        sw.NotifyDialogs(BlfSwitch.Dialog(state, direction));
        rig.Wait(5);
        Assert.Equal("red steady", rig.Lamp(BlfKey));
    }

    [Fact]
    public void A_call_ringing_in_while_the_colleague_talks_shows_ringing_so_it_can_be_picked_up()
    {
        var (rig, sw) = Boot();
        sw.NotifyDialogs(BlfSwitch.Dialog("confirmed", "initiator", callId: "first"), BlfSwitch.Dialog("early", callId: "second"));
        rig.Wait(5);
        Assert.Equal("red fast-flash", rig.Lamp(BlfKey));
        Assert.Equal("second", rig.Phone.BlfWatchAt(BlfKey - 1)!.Ringing!.CallId);
    }

    [Fact]
    public void A_late_notify_with_an_older_version_changes_nothing()
    {
        var (rig, sw) = Boot();
        var w = sw.Last!;
        string older = BlfSwitch.Document(w, BlfSwitch.Dialog("early"));
        string newer = BlfSwitch.Document(w, BlfSwitch.Dialog("confirmed"));
        sw.Notify("active", newer);
        sw.Notify("active", older);
        rig.Wait(5);
        Assert.Equal("red steady", rig.Lamp(BlfKey));
    }

    [Fact]
    public void A_partial_notify_that_skips_a_version_makes_the_phone_refresh_for_full_state()
    {
        var (rig, sw) = Boot();
        var w = sw.Last!;
        w.Version += 5; // two NOTIFYs lost
        sw.Notify("active", $"<dialog-info version=\"{w.Version}\" state=\"partial\" entity=\"sip:202@office.example\">{BlfSwitch.Dialog("confirmed")}</dialog-info>");
        rig.Wait(5);
        var subscribes = sw.Subscribes;
        Assert.Equal(2, subscribes.Length);
        Assert.Equal(subscribes[0].Message.CallId, subscribes[1].Message.CallId);
        Assert.NotNull(subscribes[1].Message.ToTag); // in the dialog: the notifier answers with full state
        Assert.Equal("off", rig.Lamp(BlfKey)); // ...which the switch says is idle
    }

    [Fact]
    public void A_body_the_phone_cannot_read_is_answered_200_and_changes_nothing()
    {
        var (rig, sw) = Boot();
        sw.NotifyDialogs(BlfSwitch.Dialog("confirmed"));
        sw.Notify("active", "<dialog-info version=\"99\" state=\"full\"><dialog id=\"x\"><state>bogus</state></dialog></dialog-info>");
        sw.Notify("active", "<dialog-info version=\"100\" state=\"full\"><dialog id=\"y\"><state>early</state>");
        rig.Wait(5);
        Assert.Equal("red steady", rig.Lamp(BlfKey));
        Assert.All(sw.NotifyAnswers, a => Assert.Equal(200, a.StatusCode));
        Assert.Equal("dialog-info refused: '<dialog>' is not closed", rig.Phone.BlfWatchAt(BlfKey - 1)!.Problem);
        Assert.Contains(rig.Log.Lines(), l => l.Message.Contains("dialog 'x' has an unknown state 'bogus'"));
        rig.NoLoopFailures();
    }

    // ---- keeping the subscription alive ----

    [Fact]
    public void The_subscription_is_refreshed_in_its_dialog_at_80_to_90_percent_of_1800_seconds()
    {
        var (rig, sw) = Boot();
        rig.Wait(1_700_000);
        var subscribes = sw.Subscribes;
        Assert.Equal(2, subscribes.Length);
        Assert.InRange(subscribes[1].At, 1440_000, 1620_100);
        Assert.Equal(subscribes[0].Message.CallId, subscribes[1].Message.CallId);
        Assert.Equal(sw.Last!.MyTag, subscribes[1].Message.ToTag);
        Assert.Equal("off", rig.Lamp(BlfKey));
    }

    [Fact]
    public void Deactivated_resubscribes_at_once_in_a_new_dialog_and_the_lamp_follows_the_new_one()
    {
        var (rig, sw) = Boot();
        sw.NotifyDialogs(BlfSwitch.Dialog("confirmed"));
        rig.Wait(5);
        sw.StateOnSubscribe = w => BlfSwitch.Document(w, BlfSwitch.Dialog("early"));
        sw.Notify("terminated;reason=deactivated");
        rig.Wait(5);
        var subscribes = sw.Subscribes;
        Assert.Equal(2, subscribes.Length);
        Assert.Null(subscribes[1].Message.ToTag);
        Assert.NotEqual(subscribes[0].Message.CallId, subscribes[1].Message.CallId);
        Assert.Equal("red fast-flash", rig.Lamp(BlfKey)); // version 0 of the new dialog is taken
    }

    [Fact]
    public void Probation_resubscribes_after_the_retry_after_and_the_lamp_is_off_meanwhile()
    {
        var (rig, sw) = Boot();
        sw.NotifyDialogs(BlfSwitch.Dialog("confirmed"));
        rig.Wait(5);
        long at = rig.Clock.NowMs;
        sw.Notify("terminated;reason=probation;retry-after=120");
        rig.Wait(5);
        Assert.Equal("off", rig.Lamp(BlfKey));
        rig.Wait(119_000);
        Assert.Single(sw.Subscribes);
        rig.Wait(2_000);
        Assert.Equal(2, sw.Subscribes.Length);
        Assert.InRange(sw.Subscribes[1].At - at, 120_000, 120_100);
    }

    [Fact]
    public void Rejected_stops_the_subscription_and_shows_the_failed_lamp_for_good()
    {
        var (rig, sw) = Boot();
        sw.Notify("terminated;reason=rejected");
        rig.Wait(5);
        Assert.Equal("red broken-flash", rig.Lamp(BlfKey));
        Assert.Equal(BlfStatus.Failed, rig.Phone.BlfWatchAt(BlfKey - 1)!.Status);
        rig.Wait(1_900_000); // longer than the longest back-off
        Assert.Single(sw.Subscribes);
        Assert.Equal("red broken-flash", rig.Lamp(BlfKey));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(489)]
    public void A_refused_subscribe_shows_the_failed_lamp_and_is_not_retried(int status)
    {
        var (rig, sw) = Boot(setUp: s => s.SubscribeFailures.Enqueue(status));
        Assert.Equal("red broken-flash", rig.Lamp(BlfKey));
        Assert.Contains(status.ToString(), rig.Phone.BlfWatchAt(BlfKey - 1)!.Problem);
        rig.Wait(1_900_000); // longer than the longest back-off
        Assert.Single(sw.Subscribes);
        // the broken flash really blinks, 100 ms on and 900 ms off
        var lit = rig.Lamps.History(BlfKey - 1).Where(c => c.Colour == LampColour.Red).Select(c => c.AtMs).TakeLast(3).ToArray();
        Assert.Equal(new[] { 1000L, 1000L }, new[] { lit[1] - lit[0], lit[2] - lit[1] });
    }

    [Fact]
    public void A_subscribe_failing_for_a_while_shows_the_failed_lamp_until_a_retry_gets_through()
    {
        var (rig, sw) = Boot(setUp: s => s.SubscribeFailures.Enqueue(503));
        Assert.Equal("red broken-flash", rig.Lamp(BlfKey));
        rig.Wait(31_000); // back-off: 50-100 % of 30 s
        Assert.Equal(2, sw.Subscribes.Length);
        Assert.Equal("off", rig.Lamp(BlfKey));
    }

    // ---- pressing the key ----

    [Fact]
    public void Pressing_a_ringing_key_picks_the_call_up_with_an_INVITE_to_the_caller_with_Replaces_early_only()
    {
        var (rig, sw) = Boot();
        sw.NotifyDialogs(BlfSwitch.Dialog("early", callId: "c203-1@127.0.0.3", localTag: "t202", remoteTag: "f203"));
        rig.Wait(5);
        Press(rig);
        var invite = sw.Requests("INVITE").Single();
        // RFC 3891: the caller, who started the early dialog, may replace it; the tags as the caller sees them.
        Assert.Equal("sip:203@office.example", invite.RequestUriText);
        Assert.Equal("c203-1@127.0.0.3;to-tag=f203;from-tag=t202;early-only", invite.GetHeader("Replaces"));
        var replaces = invite.Replaces!;
        Assert.Equal(("c203-1@127.0.0.3", "f203", "t202", true), (replaces.Value, replaces.GetParameter("to-tag"), replaces.GetParameter("from-tag"), replaces.Parameters.Has("early-only")));
        Assert.Equal("Pickup: Carol 203", rig.Phone.Message);
        Assert.Contains("Pickup: Carol", rig.ScreenText);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        Assert.Equal(CallState.Connected, rig.Phone.CurrentCall!.State);
        rig.NoLoopFailures();
    }

    [Fact]
    public void Without_a_display_name_the_screen_shows_the_callers_number()
    {
        var (rig, sw) = Boot();
        sw.NotifyDialogs(BlfSwitch.Dialog("early", display: null));
        rig.Wait(5);
        Press(rig);
        Assert.Equal("Pickup: 203", rig.Phone.Message);
    }

    [Fact]
    public void Without_a_remote_identity_the_pickup_goes_to_the_callers_target()
    {
        var (rig, sw) = Boot();
        sw.NotifyDialogs(BlfSwitch.Dialog("early", remote: "", display: null, remoteTarget: "sip:203@127.0.0.3:5062"));
        rig.Wait(5);
        Press(rig);
        Assert.Equal("sip:203@127.0.0.3:5062", sw.Requests("INVITE").Single().RequestUriText);
        Assert.Equal("Pickup: unknown caller", rig.Phone.Message);
    }

    [Fact]
    public void With_a_pickup_code_a_ringing_key_dials_the_code_and_the_colleagues_extension()
    {
        string config = PhoneRig.DefaultConfig.Replace("\"display\":", "\"features\": { \"blfPickupCode\": \"*8\" },\n  \"display\":");
        var (rig, sw) = Boot(config);
        sw.NotifyDialogs(BlfSwitch.Dialog("early"));
        rig.Wait(5);
        Press(rig);
        var invite = sw.Requests("INVITE").Single();
        Assert.Equal("sip:*8202@office.example", invite.RequestUriText);
        Assert.Null(invite.GetHeader("Replaces"));
        Assert.Equal("Pickup: Carol 203", rig.Phone.Message);
    }

    [Fact]
    public void A_ringing_key_without_call_details_cannot_pick_up_and_says_so()
    {
        var (rig, sw) = Boot();
        sw.NotifyDialogs("<dialog id=\"x\" direction=\"recipient\"><state>early</state><remote><identity display=\"Carol\">sip:203@office.example</identity></remote></dialog>");
        rig.Wait(5);
        Press(rig);
        Assert.Empty(sw.Requests("INVITE"));
        Assert.Equal("Cannot pick up Carol 203: no call details", rig.Phone.Message);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("confirmed")]
    public void Pressing_an_idle_or_busy_key_calls_the_colleague(string? state)
    {
        var (rig, sw) = Boot();
        if (state != null) sw.NotifyDialogs(BlfSwitch.Dialog(state));
        rig.Wait(5);
        Press(rig);
        var invite = sw.Requests("INVITE").Single();
        Assert.Equal("sip:202@office.example", invite.RequestUriText);
        Assert.Null(invite.GetHeader("Replaces"));
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
    }

    [Fact]
    public void During_a_call_a_ringing_key_only_says_who_is_ringing()
    {
        var (rig, sw) = Boot();
        rig.LiftHandset();
        rig.Press(5);
        rig.Press(KeyCodes.Ok);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        sw.NotifyDialogs(BlfSwitch.Dialog("early"));
        rig.Wait(5);
        Press(rig);
        Assert.Single(sw.Requests("INVITE"));
        Assert.Equal("Bob Stone: Carol 203 ringing", rig.Phone.Message);
    }
}
