// Call history as a receptionist meets it: calls recorded from real call flows, kept through reboots and power cuts, the history screen.
using System.Text;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Tests.Display;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Firmware.Tests.Phone;

public class HistoryTests
{
    private static PhoneRig Registered(IStorage? storage = null, string config = PhoneRig.DefaultConfig)
    {
        var rig = new PhoneRig(config, storage: storage, farEnd: true);
        Assert.Equal(RegistrationState.Registered, rig.Phone.Registration);
        return rig;
    }

    /// <summary>Alice calls, it rings three seconds, she gives up.</summary>
    private static void MissedCall(PhoneRig rig, string callId)
    {
        var invite = rig.FarEnd!.Invite(PhoneRig.SdpOffer, callId: callId, fromTag: "t-" + callId);
        rig.Wait(3000);
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        rig.FarEnd.Send(rig.FarEnd.CancelFor(invite));
        rig.Wait(10);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    /// <summary>The receptionist dials <paramref name="digits"/>, talks <paramref name="talkMs"/>, hangs up.</summary>
    private static void PlacedCall(PhoneRig rig, string digits, int talkMs)
    {
        rig.LiftHandset();
        foreach (char d in digits) rig.Press(d - '0');
        rig.Press(KeyCodes.Soft1);
        rig.Wait(talkMs);
        rig.HangUp();
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    private static CallRecord Entry(int day, int hour, int minute, CallKind kind, string number, string? name, int seconds, CallEnding ending, int status, bool unread = false) => new()
    {
        Time = new DateTime(2026, 11, day, hour, minute, 0), Kind = kind, Number = number, Name = name, DurationSeconds = seconds,
        Ending = ending, Status = status, Unread = unread, Line = "main", Uri = "sip:" + number + "@office.example",
    };

    /// <summary>A history file with four calls: Bob missed at 09:01 today, 203 placed at 08:30, Yamada on the 21st, Lobby busy on the 20th.</summary>
    private static MemoryStorage FourCalls()
    {
        var h = new CallHistory(CallHistory.DefaultCapacity);
        h.Add(Entry(20, 17, 0, CallKind.Placed, "210", "Lobby", 0, CallEnding.Busy, 486));
        h.Add(Entry(21, 14, 12, CallKind.Received, "yamada", "山田太郎", 42, CallEnding.RemoteHangup, 200));
        h.Add(Entry(23, 8, 30, CallKind.Placed, "203", null, 95, CallEnding.Hangup, 200));
        h.Add(Entry(23, 9, 1, CallKind.Missed, "202", "Bob Stone", 0, CallEnding.Cancelled, 487, unread: true));
        var storage = new MemoryStorage();
        byte[] data = HistoryFile.Encode(h);
        Assert.True(storage.WriteAtomic(HistoryFile.FileName, data, 0, data.Length));
        return storage;
    }

    private static string[] Lines(PhoneRig rig) => rig.Phone.Screen.TextLines();

    [Fact]
    public void A_call_the_caller_gave_up_on_is_recorded_as_missed_and_the_idle_screen_says_1_missed()
    {
        var rig = Registered();
        MissedCall(rig, "missed-1");
        var r = rig.Phone.History.At(0);
        Assert.Equal((CallKind.Missed, CallEnding.Cancelled, 487, 0, true), (r.Kind, r.Ending, r.Status, r.DurationSeconds, r.Unread));
        Assert.Equal(("Alice", "alice", "sip:alice@office.example", "main"), (r.Name, r.Number, r.Uri, r.Line));
        Assert.Equal("2026-11-23 09:05", r.Time.ToString("yyyy-MM-dd HH:mm")); // when it began to ring
        Assert.Equal(1, rig.Phone.MissedCalls);
        Assert.Equal("201  1 missed", Lines(rig)[1]);
        Assert.Contains("Calls", rig.ScreenText);
        rig.NoLoopFailures();
    }

    [Fact]
    public void An_answered_call_is_recorded_as_received_with_the_time_talked_and_who_hung_up()
    {
        var rig = Registered();
        rig.FarEnd!.Invite(PhoneRig.SdpOffer, callId: "answered-1");
        rig.Wait(2000);
        rig.LiftHandset();
        rig.FarEnd.Send(rig.FarEnd.AckFor(rig.FarEnd.Responses("INVITE").Last(m => m.StatusCode == 200)));
        rig.Wait(95_000);
        rig.FarEnd.Send(rig.FarEnd.InDialog("BYE", "answered-1", 2));
        rig.Wait(10);
        var r = rig.Phone.History.At(0);
        Assert.Equal((CallKind.Received, CallEnding.RemoteHangup, 95, false), (r.Kind, r.Ending, r.DurationSeconds, r.Unread));
        Assert.Equal(0, rig.Phone.MissedCalls);
        Assert.Equal("201  Registered", Lines(rig)[1]);
    }

    [Fact]
    public void A_dialed_call_is_recorded_as_placed_with_the_number_and_the_time_talked()
    {
        var rig = Registered();
        PlacedCall(rig, "203", 30_000);
        var r = rig.Phone.History.At(0);
        Assert.Equal((CallKind.Placed, CallEnding.Hangup, 30, "203", "sip:203@office.example"), (r.Kind, r.Ending, r.DurationSeconds, r.Number, r.Uri));
    }

    [Theory]
    [InlineData(486, CallEnding.Busy)]
    [InlineData(603, CallEnding.Declined)]
    [InlineData(480, CallEnding.NoAnswer)]
    [InlineData(404, CallEnding.Failed)]
    public void A_placed_call_that_failed_is_recorded_with_how_it_ended(int status, CallEnding ending)
    {
        var rig = Registered();
        rig.FarEnd!.InviteAnswers = new[] { status };
        PlacedCall(rig, "204", 10);
        var r = rig.Phone.History.At(0);
        Assert.Equal((CallKind.Placed, ending, status, 0), (r.Kind, r.Ending, r.Status, r.DurationSeconds));
    }

    [Fact]
    public void A_call_declined_here_is_in_the_missed_list_but_not_counted_as_unseen()
    {
        var rig = Registered();
        rig.FarEnd!.Invite(PhoneRig.SdpOffer, callId: "declined-1");
        rig.Wait(1000);
        rig.Press(KeyCodes.Soft1 + 3); // Reject
        var r = rig.Phone.History.At(0);
        Assert.Equal((CallKind.Missed, CallEnding.Declined, false), (r.Kind, r.Ending, r.Unread));
        Assert.Equal(0, rig.Phone.MissedCalls);
    }

    [Fact]
    public void A_call_refused_by_DND_never_rings_but_is_recorded_as_missed()
    {
        var rig = Registered();
        rig.Press(KeyCodes.Dnd);
        rig.FarEnd!.Invite(PhoneRig.SdpOffer, callId: "dnd-1");
        rig.Wait(10);
        var r = rig.Phone.History.At(0);
        Assert.Equal((CallKind.Missed, CallEnding.Refused, 480, true), (r.Kind, r.Ending, r.Status, r.Unread));
        Assert.Equal("DND  201  1 missed", Lines(rig)[1]);
    }

    [Fact]
    public void The_history_survives_a_reboot_with_every_field_and_the_unseen_count()
    {
        var storage = new MemoryStorage();
        var rig = Registered(storage);
        MissedCall(rig, "reboot-1");
        PlacedCall(rig, "203", 61_000);
        var rebooted = Registered(storage);
        Assert.Equal(2, rebooted.Phone.History.Count);
        var placed = rebooted.Phone.History.At(0);
        var missed = rebooted.Phone.History.At(1);
        Assert.Equal((CallKind.Placed, "203", 61), (placed.Kind, placed.Number, placed.DurationSeconds));
        Assert.Equal((CallKind.Missed, "Alice", true), (missed.Kind, missed.Name, missed.Unread));
        Assert.Equal("201  1 missed", Lines(rebooted)[1]);
        Assert.Contains(rebooted.Log.Lines(), l => l.Message == "2 calls read from history.txt");
    }

    [Fact]
    public void A_power_cut_while_the_history_is_saved_leaves_the_history_saved_before()
    {
        var storage = new MemoryStorage();
        var rig = Registered(storage);
        MissedCall(rig, "cut-1");
        byte[] before = storage.Read(HistoryFile.FileName)!;
        storage.CutPowerDuringNextWrite(40);
        MissedCall(rig, "cut-2");
        Assert.Equal(1, storage.CutWrites);
        Assert.Equal(before, storage.Read(HistoryFile.FileName));
        Assert.Contains(rig.Log.Lines(), l => l.Level == LogLevel.Warning && l.Message == "could not save history.txt (the previous history stays)");
        var rebooted = Registered(storage);
        Assert.Equal(1, rebooted.Phone.History.Count);
        Assert.Null(rebooted.Phone.HistoryLoad!.Problem);
    }

    [Fact]
    public void A_damaged_history_file_is_logged_clearly_and_the_phone_boots_with_the_calls_it_could_read()
    {
        var storage = new MemoryStorage();
        string good = HistoryFile.EncodeRecord(Entry(23, 8, 0, CallKind.Placed, "203", null, 5, CallEnding.Hangup, 200));
        byte[] data = Encoding.UTF8.GetBytes("deskphone-history 1 5\n" + good + "20261123T0\u0007 rubbish\n" + good + good[..17]);
        storage.WriteAtomic(HistoryFile.FileName, data, 0, data.Length);

        var rig = Registered(storage);

        Assert.Equal(2, rig.Phone.History.Count);
        Assert.Contains(rig.Log.Lines(), l => l.Level == LogLevel.Warning && l.Source == "history" && l.Message ==
            "history.txt is damaged (1 unreadable entry skipped; the last entry is cut short; truncated: 2 of 5 entries read): starting with the 2 calls read");
        Assert.Equal("201  Registered", Lines(rig)[1]);
        rig.NoLoopFailures();
        MissedCall(rig, "after-damage"); // and it records again, into a clean file
        Assert.Null(HistoryFile.Read(storage.Read(HistoryFile.FileName), new CallHistory(100)).Problem);
    }

    [Fact]
    public void A_history_file_of_random_bytes_does_not_stop_the_phone_from_booting()
    {
        var storage = new MemoryStorage();
        var junk = new byte[4096];
        new Random(9).NextBytes(junk);
        storage.WriteAtomic(HistoryFile.FileName, junk, 0, junk.Length);
        var rig = Registered(storage);
        Assert.Equal(0, rig.Phone.History.Count);
        Assert.Contains(rig.Log.Lines(), l => l.Level == LogLevel.Warning && l.Message.StartsWith("history.txt is damaged (no history header"));
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        rig.NoLoopFailures();
    }

    [Fact]
    public void The_calls_softkey_opens_the_missed_calls_when_some_are_unseen_and_viewing_them_clears_the_count()
    {
        var storage = FourCalls();
        var rig = Registered(storage);
        Assert.Equal("201  1 missed", Lines(rig)[1]);
        rig.Press(KeyCodes.Soft1 + 2); // Calls
        Assert.Equal(PhoneMode.History, rig.Phone.Mode);
        Assert.Equal(new[] { "Missed calls | 1/1", "Bob Stone | 09:01", "Missed  202", "Call | Filter | Back" }, Lines(rig));
        Assert.Equal(0, rig.Phone.MissedCalls);
        rig.Press(KeyCodes.Back);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Equal("201  Registered", Lines(rig)[1]);
        Assert.Equal(0, Registered(storage).Phone.MissedCalls); // seen stays seen after a reboot
    }

    [Fact]
    public void Up_and_down_move_through_all_calls_newest_first_and_the_list_scrolls()
    {
        var rig = Registered(FourCalls());
        rig.Press(KeyCodes.Soft1 + 2);
        rig.Press(KeyCodes.Left); // Missed -> All
        Assert.Equal(new[] { "All calls | 1/4", "Bob Stone | 09:01", "203 | 08:30", "山田太郎 | Nov 21", "Missed  202", "Call | Filter | Back" }, Lines(rig));
        rig.Press(KeyCodes.Down);
        Assert.Equal("All calls | 2/4", Lines(rig)[0]);
        Assert.Equal("Placed  203  01:35", Lines(rig)[4]);
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Down); // already the last
        Assert.Equal(new[] { "All calls | 4/4", "203 | 08:30", "山田太郎 | Nov 21", "Lobby | Nov 20", "Placed  210  Busy", "Call | Filter | Back" }, Lines(rig));
        rig.Press(KeyCodes.Up);
        Assert.Equal(2, rig.Phone.HistoryIndex);
        Assert.Equal("Received  yamada  00:42", Lines(rig)[4]);
    }

    [Fact]
    public void The_filter_softkey_cycles_missed_received_placed_and_all()
    {
        var rig = Registered(FourCalls());
        rig.Press(KeyCodes.Soft1 + 2);
        rig.Press(KeyCodes.Soft1 + 1);
        Assert.Equal(new[] { "Received calls | 1/1", "山田太郎 | Nov 21", "Received  yamada  00:42", "Call | Filter | Back" }, Lines(rig));
        rig.Press(KeyCodes.Soft1 + 1);
        Assert.Equal(new[] { "203 | 08:30", "Lobby | Nov 20" }, Lines(rig)[1..3]);
        Assert.Equal("Placed calls | 1/2", Lines(rig)[0]);
        rig.Press(KeyCodes.Soft1 + 1);
        Assert.Equal(HistoryFilter.All, rig.Phone.HistoryFilter);
    }

    [Fact]
    public void An_empty_list_says_so_and_offers_no_call_back()
    {
        var rig = Registered();
        rig.Press(KeyCodes.Soft1 + 2);
        Assert.Equal(new[] { "All calls", "No calls yet", "Filter | Back" }, Lines(rig));
        rig.Press(KeyCodes.Ok);
        Assert.Equal(PhoneMode.History, rig.Phone.Mode);
        rig.Press(KeyCodes.Right);
        Assert.Contains("No missed calls", rig.ScreenText);
    }

    [Fact]
    public void OK_calls_the_selected_entry_back_on_its_line()
    {
        var rig = Registered(FourCalls());
        rig.Press(KeyCodes.Soft1 + 2);
        rig.Press(KeyCodes.Left);
        rig.Press(KeyCodes.Down); // 203
        rig.Press(KeyCodes.Ok);
        Assert.StartsWith("sip:203@office.example", rig.FarEnd!.LastRequest("INVITE").RequestUriText);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode); // the far end answers at once
        Assert.Equal(1, rig.Phone.ActiveLine);
        Assert.Equal("green steady", rig.Lamp(1));
    }

    [Fact]
    public void Calling_back_a_missed_call_records_it_as_placed()
    {
        var rig = Registered();
        MissedCall(rig, "back-1");
        rig.Press(KeyCodes.Soft1 + 2);
        rig.Press(KeyCodes.Soft1); // Call
        Assert.StartsWith("sip:alice@office.example", rig.FarEnd!.LastRequest("INVITE").RequestUriText);
        rig.Press(KeyCodes.Soft1 + 3); // End
        Assert.Equal((CallKind.Placed, "alice"), (rig.Phone.History.At(0).Kind, rig.Phone.History.At(0).Number));
    }

    [Fact]
    public void Calling_back_before_registration_says_why_and_stays_in_the_list()
    {
        var rig = new PhoneRig(storage: FourCalls(), registrar: false);
        rig.Press(KeyCodes.Soft1 + 2);
        rig.Press(KeyCodes.Ok);
        Assert.Equal(PhoneMode.History, rig.Phone.Mode);
        Assert.Contains("No calls: not registered", rig.ScreenText);
        Assert.Equal(0, rig.Phone.ActiveLine);
    }

    [Fact]
    public void A_Japanese_caller_in_the_list_is_drawn_in_the_Debian_12_px_kanji()
    {
        var rig = Registered(FourCalls());
        rig.Press(KeyCodes.Soft1 + 2);
        rig.Press(KeyCodes.Left);
        var (w, h, pixels) = PngGray.Decode(rig.Display.ToPng());
        Func<int, int, bool> lit = (x, y) => x >= 0 && y >= 0 && x < w && y < h && pixels[y * w + x] != 0;
        int row3 = HistoryView.RowTop + 2 * HistoryView.RowHeight;
        new GlyphPicture(12).Add(DebianFontFile.Kanji12, "山田太郎").AssertShownAt(lit, 1, row3, 90);
    }

    [Fact]
    public void A_history_feature_key_opens_the_list_and_a_line_key_leaves_it_to_dial()
    {
        string config = PhoneRig.DefaultConfig.Replace("\"feature\": \"dnd\"", "\"feature\": \"history\"");
        var rig = Registered(FourCalls(), config);
        rig.Press(KeyCodes.Line(4));
        Assert.Equal(PhoneMode.History, rig.Phone.Mode);
        rig.Press(KeyCodes.Line(2));
        Assert.Equal(PhoneMode.Dialing, rig.Phone.Mode);
        Assert.Equal(2, rig.Phone.ActiveLine);
    }

    [Fact]
    public void A_call_coming_in_while_the_list_is_open_rings_and_afterwards_the_phone_is_idle()
    {
        var rig = Registered(FourCalls());
        rig.Press(KeyCodes.Soft1 + 2);
        MissedCall(rig, "while-open");
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
        Assert.Equal("201  1 missed", Lines(rig)[1]);
    }
}
