// Screening: answered muted, a greeting to the caller, the message recorded and heard live; Take and End.
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;

namespace DeskPhone.Firmware.Tests.Phone;

public class ScreeningTests
{
    private const int Screen = KeyCodes.Soft1 + 1;
    private const int Take = KeyCodes.Soft1;
    private const int End = KeyCodes.Soft1 + 3;

    /// <summary>A ringing call, the far end talking, the phone's microphone hearing its tone the whole time; Screen pressed.</summary>
    private static RecordingRig Screened(string recording = """{ "mode": "on", "notice": false }""", string extra = "")
    {
        var rig = new RecordingRig(recording, extra);
        rig.Ring();
        Assert.Contains("Screen", rig.Phone.ScreenText);
        rig.Phone.Press(Screen);
        rig.Acknowledge();
        rig.FarTalks();
        rig.MicTalks(20000);
        return rig;
    }

    [Fact]
    public void Screen_answers_muted_the_caller_hears_the_greeting_not_the_microphone_and_the_message_is_recorded_and_heard_live()
    {
        var rig = Screened();
        Assert.True(rig.P.IsScreening);
        Assert.True(rig.P.Muted);
        Assert.Equal(PhoneMode.InCall, rig.P.Mode);
        Assert.Equal(AudioRoute.Speaker, rig.Phone.Audio.Route);
        Assert.Contains("Screening", rig.Phone.ScreenText);
        Assert.Contains("Take", rig.Phone.ScreenText);
        Assert.Contains("REC", rig.Phone.ScreenText);
        rig.Phone.Wait(300);
        rig.Phone.Audio.StartCapture();

        rig.Phone.Wait(3000);

        short[] heard = rig.Heard.ToArray();
        Assert.True(RecordingRig.Has(heard, 880) && RecordingRig.Has(heard, 660), "the chime");
        Assert.True(RecordingRig.Lacks(heard, RecordingRig.MicHz), "the receptionist's microphone");
        Assert.True(RecordingRig.Has(rig.Phone.Audio.Captured(), RecordingRig.FarHz), "the caller live on the speaker");
        rig.Phone.Press(End);
        Assert.Equal(PhoneMode.Idle, rig.P.Mode);
        Assert.Single(rig.Phone.FarEnd!.Requests("BYE"));
        var entry = rig.P.History.Select(HistoryFilter.All)[0];
        Assert.Matches(@"^rec/20261123-0905\d\d-alice-screened\.wav$", entry.Recording);
        var (_, message) = rig.Wav(entry.Recording!);
        Assert.True(RecordingRig.Has(message, RecordingRig.FarHz), "the caller's message");
        Assert.True(RecordingRig.Lacks(message, RecordingRig.MicHz), "no microphone in the message");
        Assert.True(RecordingRig.Lacks(message, 880), "the greeting is not part of the message");
        Assert.True(rig.P.Recordings[0].Screened);
        rig.Phone.NoLoopFailures();
    }

    [Fact]
    public void Take_turns_the_microphone_on_stops_the_greeting_and_ends_the_message()
    {
        var rig = Screened();
        rig.Phone.Wait(1000);

        rig.Phone.Press(Take);
        int taken = rig.Heard.Count / 8;
        rig.Phone.Wait(3000);

        Assert.False(rig.P.IsScreening);
        Assert.False(rig.P.Muted);
        Assert.False(rig.P.IsRecording);
        Assert.Equal(PhoneMode.InCall, rig.P.Mode);
        Assert.DoesNotContain("Screening", rig.Phone.ScreenText);
        short[] after = rig.HeardBetween(taken + 200, taken + 2800);
        Assert.True(RecordingRig.Has(after, RecordingRig.MicHz), "the receptionist is heard");
        Assert.True(RecordingRig.Lacks(after, 880), "the greeting stopped");
        rig.Phone.Press(End);
        var entry = rig.P.History.Select(HistoryFilter.All)[0];
        Assert.InRange(rig.Wav(entry.Recording!).Samples.Length, 8 * 900, 8 * 1300); // the message only: a second
    }

    [Fact]
    public void When_the_office_records_every_call_the_recording_goes_on_after_take()
    {
        var rig = Screened("""{ "mode": "forced", "notice": false }""");
        rig.Phone.Wait(1000);

        rig.Phone.Press(Take);
        rig.Phone.Wait(2000);

        Assert.True(rig.P.IsRecording);
        rig.Phone.Press(End);
        var entry = rig.P.History.Select(HistoryFilter.All)[0];
        Assert.InRange(rig.Wav(entry.Recording!).Samples.Length, 8 * 2900, 8 * 3300);
        Assert.True(Firmware.Phone.Phone.IsScreenedName(entry.Recording));
    }

    [Fact]
    public void With_recording_off_screening_greets_and_plays_the_caller_but_keeps_no_message()
    {
        var rig = Screened("""{ "mode": "off" }""");
        rig.Phone.Wait(2500);

        Assert.True(rig.P.IsScreening);
        Assert.False(rig.P.IsRecording);
        Assert.True(RecordingRig.Has(rig.Heard.ToArray(), 880));
        rig.Phone.Press(End);
        Assert.Null(rig.P.History.Select(HistoryFilter.All)[0].Recording);
        Assert.Empty(rig.P.Recordings);
    }

    [Fact]
    public void A_provisioned_greeting_WAV_is_played_instead_of_the_chime()
    {
        var rig = new RecordingRig("""{ "mode": "on", "notice": false }""", """ "screening": { "greeting": "greeting.wav" }, """);
        var tone = new short[16000 * 2]; // 2 s of 500 Hz at 16 kHz: the phone converts it to the call's 8 kHz
        for (int i = 0; i < tone.Length; i++) tone[i] = (short)(6000 * Math.Sin(2 * Math.PI * 500 * i / 16000));
        var wav = WavFile.Write(16000, tone);
        Assert.True(rig.Storage.WriteAtomic("greeting.wav", wav, 0, wav.Length));
        rig.Ring();
        rig.Phone.Press(Screen);
        rig.Acknowledge();

        rig.Phone.Wait(2000);

        short[] heard = rig.Heard.ToArray();
        Assert.True(RecordingRig.Has(heard, 500), "the provisioned greeting");
        Assert.True(RecordingRig.Lacks(heard, 880), "not the chime");
        Assert.Equal(2000, rig.P.ScreeningGreeting!.DurationMs);
    }

    [Fact]
    public void A_greeting_that_is_not_a_usable_WAV_is_logged_and_the_chime_plays()
    {
        var rig = new RecordingRig("""{ "mode": "on", "notice": false }""", """ "screening": { "greeting": "greeting.wav" }, """);
        var junk = System.Text.Encoding.ASCII.GetBytes("RIFF....WAVEjunk");
        rig.Storage.WriteAtomic("greeting.wav", junk, 0, junk.Length);
        rig.Ring();
        rig.Phone.Press(Screen);
        rig.Acknowledge();

        rig.Phone.Wait(2000);

        Assert.True(RecordingRig.Has(rig.Heard.ToArray(), 880));
        Assert.Contains(rig.Phone.Log.Lines(), l => l.Level == LogLevel.Warning && l.Message.Contains("greeting.wav") && l.Message.Contains("built-in chime"));
        rig.Phone.NoLoopFailures();
    }

    [Fact]
    public void The_history_says_screened_for_a_screened_call()
    {
        var rig = Screened();
        rig.Phone.Wait(1000);
        rig.Phone.Press(End);
        rig.Phone.Wait(4000);

        rig.Phone.Press(KeyCodes.Soft1 + 2); // History

        Assert.Contains("Screened  alice  Msg", rig.Phone.ScreenText);
    }

    [Fact]
    public void Screen_outside_a_ringing_call_says_it_needs_one()
    {
        var rig = new RecordingRig();

        rig.P.StartScreening();
        Assert.Contains("No call to screen", rig.Phone.ScreenText);
        rig.P.TakeScreenedCall();
        Assert.Contains("No screened call", rig.Phone.ScreenText);
    }
}
