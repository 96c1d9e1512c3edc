// Recording a call: the policy (off, on, forced), the WAV in storage, the limit, a full drive, the notice, screen and lamp.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Phone;

public class RecordingTests
{
    private static readonly int RecordKey = KeyCodes.Line(RecordingRig.RecordKey);

    [Fact]
    public void A_recorded_call_is_a_WAV_holding_the_microphone_and_the_far_end_with_the_sizes_in_its_header()
    {
        var rig = new RecordingRig();
        rig.Call();
        rig.FarTalks();
        rig.MicTalks(4000);
        rig.Phone.Wait(200);

        rig.Phone.Press(RecordKey);
        Assert.True(rig.P.IsRecording);
        rig.Phone.Wait(3000);
        rig.Phone.HangUp();

        var entry = rig.P.History.Select(HistoryFilter.All)[0];
        Assert.NotNull(entry.Recording);
        Assert.Matches(@"^rec/20261123-0905\d\d-5\.wav$", entry.Recording);
        var (rate, samples) = rig.Wav(entry.Recording!);
        Assert.Equal(8000, rate);
        Assert.InRange(samples.Length, 8 * 2900, 8 * 3300);
        var middle = samples.Skip(8000).Take(8000).ToArray();
        Assert.True(RecordingRig.Has(middle, RecordingRig.MicHz), "the microphone's tone");
        Assert.True(RecordingRig.Has(middle, RecordingRig.FarHz), "the far end's tone");
        Assert.False(rig.P.IsRecording);
        rig.Phone.NoLoopFailures();
    }

    [Fact]
    public void The_record_key_stops_and_resumes_into_the_same_file_and_the_entry_names_it()
    {
        var rig = new RecordingRig();
        rig.Call();
        rig.Phone.Press(RecordKey);
        rig.Phone.Wait(1000);
        rig.Phone.Press(RecordKey);
        Assert.False(rig.P.IsRecording);
        Assert.Contains("Recording stopped", rig.Phone.ScreenText);
        rig.Phone.Wait(2000);
        rig.Phone.Press(RecordKey);
        Assert.True(rig.P.IsRecording);
        rig.Phone.Wait(1000);
        rig.Phone.HangUp();

        var recordings = rig.P.Recordings;
        Assert.Single(recordings);
        var (_, samples) = rig.Wav(recordings[0].Name);
        Assert.InRange(samples.Length, 8 * 1900, 8 * 2500); // two stretches of about a second, not the pause
        Assert.Same(rig.P.History.Select(HistoryFilter.All)[0], recordings[0].Call);
        Assert.Equal(recordings[0].Bytes, rig.Storage.Length(recordings[0].Name));
    }

    [Fact]
    public void With_recording_off_the_record_key_says_so_and_nothing_is_written()
    {
        var rig = new RecordingRig("""{ "mode": "off" }""");
        rig.Call();

        rig.Phone.Press(RecordKey);

        Assert.Contains("Recording is off", rig.Phone.ScreenText);
        Assert.False(rig.P.IsRecording);
        rig.Phone.Wait(1000);
        rig.Phone.HangUp();
        Assert.Empty(rig.P.Recordings);
        Assert.Null(rig.P.History.Select(HistoryFilter.All)[0].Recording);
    }

    [Fact]
    public void Forced_recording_starts_at_connect_and_the_record_key_cannot_stop_it()
    {
        var rig = new RecordingRig("""{ "mode": "forced", "notice": false }""");
        rig.Call();
        Assert.True(rig.P.IsRecording);

        rig.Phone.Press(RecordKey);
        rig.P.ToggleRecording();

        Assert.True(rig.P.IsRecording);
        Assert.Contains("Recording is required", rig.Phone.ScreenText);
        Assert.DoesNotContain("Rec", rig.Phone.ScreenText.Split('\n').Last()); // no Rec/Stop softkey in forced mode
        rig.Phone.Wait(2000);
        rig.Phone.HangUp();
        var entry = rig.P.History.Select(HistoryFilter.All)[0];
        Assert.NotNull(entry.Recording);
        Assert.InRange(rig.Wav(entry.Recording!).Samples.Length, 8 * 1900, 8 * 2300);
    }

    [Fact]
    public void A_recording_stops_at_its_maximum_length_while_the_call_goes_on()
    {
        var rig = new RecordingRig("""{ "mode": "forced", "notice": false, "maxSeconds": 10 }""");
        rig.Call();

        rig.Phone.Wait(15000);

        Assert.False(rig.P.IsRecording);
        Assert.Equal(PhoneMode.InCall, rig.P.Mode);
        rig.Phone.HangUp();
        var (_, samples) = rig.Wav(rig.P.History.Select(HistoryFilter.All)[0].Recording!);
        Assert.Equal(8 * 10000, samples.Length);
        Assert.Contains(rig.Phone.Log.Lines(), l => l.Message.Contains("10 s limit"));
    }

    [Fact]
    public void A_full_drive_ends_the_recording_with_a_logged_warning_and_the_call_goes_on()
    {
        var rig = new RecordingRig("""{ "mode": "forced", "notice": false }""");
        rig.Call();
        rig.Phone.Wait(1000);
        long sent = rig.P.RtpSession!.PacketsSent;

        rig.Storage.Full = true;
        rig.Phone.Wait(2000);

        Assert.False(rig.P.IsRecording);
        Assert.Equal(PhoneMode.InCall, rig.P.Mode);
        Assert.InRange(rig.P.RtpSession.PacketsSent - sent, 95, 105);
        Assert.Contains(rig.Phone.Log.Lines(), l => l.Level == LogLevel.Warning && l.Source == "recording" && l.Message.Contains("full"));
        rig.Storage.Full = false;
        rig.Phone.HangUp();
        var (_, samples) = rig.Wav(rig.P.History.Select(HistoryFilter.All)[0].Recording!);
        Assert.InRange(samples.Length, 8 * 900, 8 * 1300); // what was written before the drive filled, still a valid WAV
        rig.Phone.NoLoopFailures();
    }

    [Fact]
    public void With_the_notice_the_far_end_hears_a_1400_Hz_beep_at_the_start_and_every_15_seconds()
    {
        var rig = new RecordingRig("""{ "mode": "on", "notice": true }""");
        rig.Call();
        rig.Phone.Wait(1000);
        int start = rig.Heard.Count / 8; // ms of audio heard so far

        rig.Phone.Press(RecordKey);
        rig.Phone.Wait(17000);

        Assert.True(RecordingRig.Has(rig.HeardBetween(start, start + 700), 1400), "the first beep");
        Assert.True(RecordingRig.Lacks(rig.HeardBetween(start + 2000, start + 14000), 1400), "quiet between beeps");
        Assert.True(RecordingRig.Has(rig.HeardBetween(start + 14800, start + 16000), 1400), "the beep 15 s later");
        Assert.True(RecordingRig.Lacks(rig.HeardBetween(0, start - 100), 1400), "no beep before recording");
    }

    [Fact]
    public void Without_the_notice_the_far_end_hears_no_beep()
    {
        var rig = new RecordingRig("""{ "mode": "forced", "notice": false }""");
        rig.Call();
        rig.Phone.Wait(3000);

        Assert.True(RecordingRig.Lacks(rig.Heard.ToArray(), 1400));
    }

    [Fact]
    public void While_recording_the_call_screen_shows_REC_and_the_record_keys_lamp_is_red()
    {
        var rig = new RecordingRig();
        rig.Call();
        Assert.DoesNotContain("REC", rig.Phone.ScreenText);
        Assert.Contains("Rec", rig.Phone.ScreenText);
        Assert.Equal("off", rig.Phone.Lamp(RecordingRig.RecordKey));

        rig.Phone.Press(KeyCodes.Soft1 + 2); // the "Rec" softkey

        Assert.True(rig.P.IsRecording);
        Assert.Contains("REC", rig.Phone.ScreenText);
        Assert.Contains("Stop", rig.Phone.ScreenText);
        Assert.Equal("red steady", rig.Phone.Lamp(RecordingRig.RecordKey));
        rig.Phone.Press(KeyCodes.Soft1 + 2);
        Assert.False(rig.P.IsRecording);
        Assert.Equal("off", rig.Phone.Lamp(RecordingRig.RecordKey));
    }

    [Fact]
    public void The_history_screen_marks_a_recorded_call()
    {
        var rig = new RecordingRig("""{ "mode": "forced", "notice": false }""");
        rig.Call();
        rig.Phone.Wait(1000);
        rig.Phone.HangUp();
        rig.Phone.Wait(4000);

        rig.Phone.Press(KeyCodes.Soft1 + 2); // History

        Assert.Contains("Placed  5  00:01  Rec", rig.Phone.ScreenText);
    }

    [Fact]
    public void The_phones_own_Record_key_works_like_a_record_feature_key()
    {
        var rig = new RecordingRig();
        rig.Call();

        rig.Phone.Press(KeyCodes.Record);
        Assert.True(rig.P.IsRecording);
        rig.Phone.Press(KeyCodes.Record);
        Assert.False(rig.P.IsRecording);
    }

    [Fact]
    public void A_recording_whose_name_is_taken_gets_a_numbered_name_and_the_old_file_stays()
    {
        var rig = new RecordingRig("""{ "mode": "forced", "notice": false }""");
        var old = new byte[44];
        for (int second = 0; second < 60; second++) // every name this minute could give is taken
            Assert.True(rig.Storage.WriteAtomic($"rec/20261123-0905{second:00}-5.wav", old, 0, old.Length));

        rig.Call();
        rig.Phone.Wait(500);
        rig.Phone.HangUp();

        var name = rig.P.History.Select(HistoryFilter.All)[0].Recording;
        Assert.Matches(@"^rec/20261123-0905\d\d-5-2\.wav$", name);
        Assert.Equal(61, rig.P.Recordings.Length);
        Assert.Equal(44, rig.Storage.Length(name!.Replace("-5-2.wav", "-5.wav")));
    }

    [Fact]
    public void Recording_a_second_call_closes_the_held_calls_file_and_each_entry_names_its_own()
    {
        var rig = new RecordingRig();
        rig.Phone.FarEnd!.ReinviteAnswerSdp = CallWaitingTests.HoldAnswer;
        rig.Call();
        rig.Phone.Press(RecordKey);
        rig.Phone.Wait(1000);
        rig.Phone.FarEnd.Invite(PhoneRig.SdpOffer, callId: "second-call", fromTag: "a2");
        rig.Phone.Wait(5);
        rig.Phone.Press(KeyCodes.Line(2)); // answer the waiting call: the first is held
        Assert.Equal("second-call", rig.P.CurrentCall!.CallId);

        rig.Phone.Press(RecordKey);
        rig.Phone.Wait(1000);
        rig.Phone.Press(KeyCodes.Soft1 + 3); // End the second call
        rig.Phone.Wait(100);
        var second = rig.P.History.Select(HistoryFilter.All)[0];
        Assert.Equal("second-call", second.CallId);
        rig.Phone.HangUp();
        rig.Phone.Press(KeyCodes.Line(1));
        rig.Phone.Press(KeyCodes.Soft1 + 3);
        rig.Phone.Wait(100);

        var first = rig.P.History.Select(HistoryFilter.All)[0];
        Assert.NotEqual("second-call", first.CallId);
        Assert.NotNull(first.Recording);
        Assert.NotNull(second.Recording);
        Assert.NotEqual(first.Recording, second.Recording);
        Assert.Equal(2, rig.P.Recordings.Length);
        rig.Phone.NoLoopFailures();
    }

    [Fact]
    public void The_record_key_outside_a_call_says_it_needs_one()
    {
        var rig = new RecordingRig();

        rig.Phone.Press(RecordKey);

        Assert.Contains("Record: needs a call", rig.Phone.ScreenText);
    }
}
