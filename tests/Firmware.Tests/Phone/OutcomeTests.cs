// Call outcomes as a front desk meets them: the screen after a call, the choice on the history entry, skip, timeout, a call ringing in, changes later.
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Firmware.Tests.Phone;

public class OutcomeTests
{
    public const string Outcomes = """
        [ { "id": "reached", "label": "Reached" },
          { "id": "left-voicemail", "label": "Left voicemail" },
          { "id": "no-answer", "label": "No answer" },
          { "id": "old-campaign", "label": "Campaign 2025", "enabled": false },
          { "id": "call-back", "label": "Call back later" } ]
        """;

    public static string WithOutcomes(string outcomes = Outcomes) => PhoneRig.DefaultConfig.TrimEnd().TrimEnd('}') + ", \"outcomes\": " + outcomes + " }";

    private static PhoneRig Registered(MemoryStorage? storage = null, string? config = null)
    {
        var rig = new PhoneRig(config ?? WithOutcomes(), storage: storage, farEnd: true);
        Assert.Equal(RegistrationState.Registered, rig.Phone.Registration);
        return rig;
    }

    /// <summary>The receptionist dials <paramref name="digits"/>, talks <paramref name="talkMs"/>, hangs up.</summary>
    private static void PlacedCall(PhoneRig rig, string digits, int talkMs)
    {
        rig.LiftHandset();
        foreach (char d in digits) rig.Press(d - '0');
        rig.Press(KeyCodes.Soft1);
        rig.Wait(talkMs);
        rig.HangUp();
    }

    private static string[] Lines(PhoneRig rig) => rig.Phone.Screen.TextLines();

    [Fact]
    public void After_a_talked_call_the_screen_offers_the_enabled_outcomes_and_the_choice_is_stored_on_the_entry()
    {
        var storage = new MemoryStorage();
        var rig = Registered(storage);
        PlacedCall(rig, "203", 30_000);
        Assert.Equal(PhoneMode.Outcome, rig.Phone.Mode);
        Assert.Equal(new[] { "Reached", "Left voicemail", "No answer", "Call back later" }, rig.Phone.OfferedOutcomes);
        Assert.Equal("Outcome: 203", Lines(rig)[0]);
        Assert.Equal("Choose | Skip", Lines(rig)[^1]);
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Ok);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Equal("Left voicemail", rig.Phone.History.At(0).Outcome);
        var reread = new CallHistory(CallHistory.DefaultCapacity);
        HistoryFile.Read(storage.Read(HistoryFile.FileName), reread);
        Assert.Equal("Left voicemail", reread.At(0).Outcome);
        rig.NoLoopFailures();
    }

    [Fact]
    public void A_disabled_outcome_stays_on_past_calls_but_is_not_offered()
    {
        var storage = new MemoryStorage();
        var old = new CallHistory(CallHistory.DefaultCapacity);
        old.Add(new CallRecord { Time = new DateTime(2026, 11, 20, 10, 0, 0), Kind = CallKind.Placed, Number = "210", Ending = CallEnding.Hangup, Status = 200, DurationSeconds = 60, Line = "main", Outcome = "Campaign 2025" });
        byte[] data = HistoryFile.Encode(old);
        storage.WriteAtomic(HistoryFile.FileName, data, 0, data.Length);
        var rig = Registered(storage);
        PlacedCall(rig, "203", 5_000);
        Assert.DoesNotContain("Campaign 2025", rig.Phone.OfferedOutcomes);
        rig.Press(KeyCodes.Soft1 + 3); // Skip
        rig.Press(KeyCodes.Soft1 + 2); // Calls
        rig.Press(KeyCodes.Down);
        Assert.Equal("Campaign 2025", rig.Phone.History.At(1).Outcome);
        rig.Wait(Firmware.Phone.Phone.MessageMs); // "Call ended" goes
        Assert.Equal("210  Campaign 2025", Lines(rig)[^2]);
    }

    [Fact]
    public void Skip_leaves_the_entry_without_an_outcome()
    {
        var rig = Registered();
        PlacedCall(rig, "203", 5_000);
        rig.Press(KeyCodes.Soft1 + 3);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Null(rig.Phone.History.At(0).Outcome);
    }

    [Fact]
    public void A_placed_call_nobody_answered_also_asks_so_No_answer_can_be_chosen_by_id()
    {
        var rig = Registered();
        rig.FarEnd!.InviteAnswers = new[] { 480 };
        PlacedCall(rig, "204", 10);
        Assert.Equal(PhoneMode.Outcome, rig.Phone.Mode);
        Assert.True(rig.Phone.ChooseOutcome("no-answer"));
        Assert.Equal(("No answer", CallEnding.NoAnswer), (rig.Phone.History.At(0).Outcome, rig.Phone.History.At(0).Ending));
        Assert.False(rig.Phone.ChooseOutcome("reached")); // the screen is gone
    }

    [Fact]
    public void A_disabled_outcome_cannot_be_chosen_through_the_api_either()
    {
        var rig = Registered();
        PlacedCall(rig, "203", 1_000);
        Assert.False(rig.Phone.ChooseOutcome("old-campaign"));
        Assert.Equal(PhoneMode.Outcome, rig.Phone.Mode);
        Assert.True(rig.Phone.ChooseOutcome("call back later")); // a label, case-blind
        Assert.Equal("Call back later", rig.Phone.History.At(0).Outcome);
    }

    [Fact]
    public void A_missed_call_does_not_ask_for_an_outcome()
    {
        var rig = Registered();
        var invite = rig.FarEnd!.Invite(PhoneRig.SdpOffer, callId: "missed-1");
        rig.Wait(2000);
        rig.FarEnd.Send(rig.FarEnd.CancelFor(invite));
        rig.Wait(10);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Equal(CallKind.Missed, rig.Phone.History.At(0).Kind);
    }

    [Fact]
    public void Without_outcomes_in_the_device_file_the_phone_goes_straight_back_to_idle()
    {
        var rig = Registered(config: PhoneRig.DefaultConfig);
        PlacedCall(rig, "203", 5_000);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void With_every_outcome_disabled_nothing_is_asked()
    {
        var rig = Registered(config: WithOutcomes("""[ { "id": "a", "label": "A", "enabled": false } ]"""));
        PlacedCall(rig, "203", 5_000);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void A_call_ringing_in_closes_the_outcome_screen_and_rings_normally()
    {
        var rig = Registered();
        PlacedCall(rig, "203", 5_000);
        Assert.Equal(PhoneMode.Outcome, rig.Phone.Mode);
        rig.FarEnd!.Invite(PhoneRig.SdpOffer, callId: "next-1");
        rig.Wait(100);
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        Assert.Equal("Incoming call", Lines(rig)[0]);
        Assert.Null(rig.Phone.History.At(0).Outcome);
    }

    [Fact]
    public void After_a_minute_without_a_key_the_screen_goes_and_the_entry_stays_without_an_outcome()
    {
        var rig = Registered();
        PlacedCall(rig, "203", 5_000);
        rig.Wait(FirmwarePhoneTimeout - 1_000);
        Assert.Equal(PhoneMode.Outcome, rig.Phone.Mode);
        rig.Wait(1_500);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Null(rig.Phone.History.At(0).Outcome);
    }

    private const int FirmwarePhoneTimeout = Firmware.Phone.Phone.OutcomeTimeoutMs;

    [Fact]
    public void Lifting_the_handset_on_the_outcome_screen_skips_it_and_starts_dialing()
    {
        var rig = Registered();
        PlacedCall(rig, "203", 5_000);
        rig.LiftHandset();
        Assert.Equal(PhoneMode.Dialing, rig.Phone.Mode);
        Assert.Null(rig.Phone.History.At(0).Outcome);
    }

    [Fact]
    public void The_outcome_can_be_set_later_from_the_history_screen()
    {
        var rig = Registered();
        PlacedCall(rig, "203", 5_000);
        rig.Press(KeyCodes.Back); // skipped at the time
        rig.Press(KeyCodes.Soft1 + 2); // Calls
        Assert.Equal("Call | Filter | Result | Back", Lines(rig)[^1]);
        rig.Press(KeyCodes.Soft1 + 2); // Result
        Assert.Equal(PhoneMode.Outcome, rig.Phone.Mode);
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Soft1); // Choose
        Assert.Equal(PhoneMode.History, rig.Phone.Mode);
        Assert.Equal("Call back later", rig.Phone.History.At(0).Outcome);
        rig.Wait(Firmware.Phone.Phone.MessageMs);
        Assert.Equal("203  Call back later", Lines(rig)[^2]);
        rig.Press(KeyCodes.Soft1 + 2); // change it again: the current one is marked
        Assert.Contains("Call back later | *", Lines(rig));
    }

    [Fact]
    public void Two_calls_ended_back_to_back_are_asked_one_after_the_other()
    {
        var rig = Registered();
        PlacedCall(rig, "203", 5_000);
        Assert.True(rig.Phone.ChooseOutcome("reached"));
        PlacedCall(rig, "204", 5_000);
        Assert.True(rig.Phone.ChooseOutcome("left-voicemail"));
        Assert.Equal(("Left voicemail", "Reached"), (rig.Phone.History.At(0).Outcome, rig.Phone.History.At(1).Outcome));
    }

    [Fact]
    public void A_call_to_an_emergency_number_asks_for_no_outcome()
    {
        var rig = Registered();
        PlacedCall(rig, "112", 5_000);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Equal("112", rig.Phone.History.At(0).Number);
    }

    [Fact]
    public void An_answered_call_the_caller_hangs_up_asks_for_its_outcome_too()
    {
        var rig = Registered();
        rig.FarEnd!.Invite(PhoneRig.SdpOffer, callId: "in-1");
        rig.Wait(1000);
        rig.LiftHandset();
        rig.FarEnd.Send(rig.FarEnd.AckFor(rig.FarEnd.Responses("INVITE").Last(m => m.StatusCode == 200)));
        rig.Wait(20_000);
        rig.FarEnd.Send(rig.FarEnd.InDialog("BYE", "in-1", 2));
        rig.Wait(10);
        Assert.Equal(PhoneMode.Outcome, rig.Phone.Mode);
        Assert.Equal(CallKind.Received, rig.Phone.OutcomeRecord!.Kind);
        rig.Press(KeyCodes.Ok); // the first: Reached
        Assert.Equal("Reached", rig.Phone.History.At(0).Outcome);
    }
}
