// Recording and screening end to end: the simulated phone 201 and baresip 202 through a real Kamailio, tones checked by frequency.
using System.Text.Json.Nodes;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Tests;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Interop.Tests.Harness;
using DeskPhone.Softswitch;

namespace DeskPhone.Interop.Tests;

/// <summary>
/// The phone's microphone plays <see cref="PhoneTone"/>, baresip plays <see cref="FarTone"/> and records
/// what it decodes. A recorded call's WAV (read from the phone's storage) must hold both tones; the
/// recording notice must reach baresip; a screened call must greet baresip without the phone's
/// microphone until Take, play baresip live on the phone's speaker, and keep baresip's message.
/// </summary>
public sealed class RecordingAndScreeningTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private const int PhoneTone = 1000;
    private const int FarTone = 700;
    private const int Rate = 8000;

    private sealed class Rig : IDisposable
    {
        public readonly KamailioProcess Kamailio;
        public readonly BaresipProcess Far;
        public readonly LivePhone Phone;
        private readonly string _dir;

        public Rig(string recording, int rtpPortBase)
        {
            _dir = Directory.CreateTempSubdirectory("deskphone-rec-").FullName;
            string wav = Path.Combine(_dir, "far-tone.wav");
            File.WriteAllBytes(wav, WavFile.Write(Rate, Sine(FarTone, Rate * 30)));
            Directory.CreateDirectory(Path.Combine(_dir, "recorded"));
            Kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret").Start();
            Far = new BaresipProcess(Kamailio, "202", "bob-secret", audio: new BaresipAudio
            {
                Codecs = new[] { "g711" },
                SourceWav = wav,
                RecordDirectory = Path.Combine(_dir, "recorded"),
            }).Start();
            Assert.Equal("REGISTER_OK", Far.Register().Type);
            string file = Kamailio.WriteDeviceFile(_dir, "201", "reception-secret");
            var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            json["recording"] = JsonNode.Parse(recording);
            File.WriteAllText(file, json.ToJsonString());
            Phone = new LivePhone(file, rtpPortBase);
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Registration == RegistrationState.Registered, Patience), Why());
        }

        public string Why() => $"phone log {Phone.LogPath}:\n{Phone.Tail()}\nbaresip log {Far.LogPath}\nkamailio log {Kamailio.LogPath}";

        /// <summary>The phone's microphone plays its tone for <paramref name="seconds"/>.</summary>
        public void MicrophoneTone(double seconds) => Phone.Sim.Audio.FeedMicrophone(new WavAudio(Rate, Sine(PhoneTone, (int)(Rate * seconds))), Rate);

        /// <summary>Records the phone's speaker until <paramref name="seconds"/> of audio are in.</summary>
        public short[] Speaker(double seconds)
        {
            var audio = Phone.Sim.Audio;
            audio.StartCapture();
            Assert.True(Phone.WaitFor(() => audio.Captured().Length >= Rate * seconds, Patience), Why());
            return audio.Captured();
        }

        /// <summary>Baresip hangs up; what it decoded during the call.</summary>
        public short[] FarHeard()
        {
            Far.Hangup();
            Far.WaitForEvent("CALL_CLOSED");
            var file = Far.ReceivedAudioFiles().LastOrDefault();
            Assert.True(file != null, "baresip recorded nothing\n" + Why());
            byte[] bytes;
            using (var s = new FileStream(file!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)) { bytes = new byte[s.Length]; s.ReadExactly(bytes); }
            Assert.True(WavFile.TryRead(bytes, out var heard, out var reason), reason);
            Assert.Equal(Rate, heard!.SampleRate);
            return heard.Samples;
        }

        /// <summary>The history entry of the call that just ended (waits for the phone to be idle).</summary>
        public CallRecord LastCall()
        {
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Mode == PhoneMode.Idle, Patience), Why());
            return Phone.Do(() => Phone.Firmware.History.Select(HistoryFilter.All)[0]);
        }

        /// <summary>A WAV from the phone's storage, its header checked against its length.</summary>
        public short[] StoredWav(string name)
        {
            byte[]? bytes = Phone.Sim.Storage.Read(name);
            Assert.True(bytes != null, name + " is not in the phone's storage\n" + Why());
            Assert.Equal(bytes!.Length - 8, BitConverter.ToInt32(bytes, 4));
            Assert.Equal(bytes.Length - 44, BitConverter.ToInt32(bytes, 40));
            Assert.True(WavFile.TryRead(bytes, out var wav, out var reason), reason);
            Assert.Equal(Rate, wav!.SampleRate);
            return wav.Samples;
        }

        public void Dispose()
        {
            Phone.Dispose();
            Far.Dispose();
            Kamailio.Dispose();
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        }
    }

    private static short[] Sine(int hz, int count) => Tones.Sine(hz, Rate, count);

    private static short[] Slice(short[] s, double fromSeconds, double toSeconds) => Tones.Slice(s, Rate, fromSeconds, toSeconds);

    private static void Present(short[] block, int hz, string what) => Tones.Present(block, Rate, hz, what);

    private static void Absent(short[] block, int hz, int against, string what) => Tones.Absent(block, Rate, hz, against, what);

    [Fact]
    public void A_forced_recording_holds_both_sides_and_baresip_hears_the_recording_notice()
    {
        using var rig = new Rig("""{ "mode": "forced", "notice": true, "download": false, "maxSeconds": 600 }""", 21000);
        rig.Phone.Dial("202");
        rig.Far.WaitForEvent("CALL_INCOMING");
        rig.Far.Answer();
        rig.Far.WaitForEvent("CALL_ESTABLISHED");
        Assert.True(rig.Phone.WaitFor(() => rig.Phone.Firmware.IsRecording, Patience), rig.Why());
        Assert.True(rig.Phone.Do(() => rig.Phone.Firmware.Screen.TextLines().Any(l => l.Contains("REC"))), rig.Why());

        rig.MicrophoneTone(4);
        rig.Speaker(3.0);
        var farHeard = rig.FarHeard();

        var entry = rig.LastCall();
        Assert.NotNull(entry.Recording);
        Assert.Matches(@"^rec/\d{8}-\d{6}-202\.wav$", entry.Recording);
        var recorded = rig.StoredWav(entry.Recording!);
        Assert.InRange(recorded.Length, Rate * 2, Rate * 8);
        var middle = Slice(recorded, 1.0, 2.5);
        Present(middle, PhoneTone, "the recording: the phone's microphone");
        Present(middle, FarTone, "the recording: baresip");
        Present(Slice(farHeard, 0, 1.5), 1400, "baresip: the recording notice at the start");
        Absent(Slice(farHeard, 1.5, 3.0), 1400, PhoneTone, "baresip: no notice between beeps");
        Present(Slice(farHeard, 1.0, 3.0), PhoneTone, "baresip: the phone's microphone");
    }

    [Fact]
    public void A_screened_caller_hears_the_greeting_not_the_microphone_is_heard_live_and_leaves_a_message_until_take()
    {
        using var rig = new Rig("""{ "mode": "on", "notice": false }""", 22000);
        rig.Far.Dial(rig.Kamailio.Aor("201"));
        Assert.True(rig.Phone.WaitFor(() => rig.Phone.Firmware.Mode == PhoneMode.Ringing, Patience), rig.Why());

        rig.Phone.Press(KeyCodes.Soft1 + 1); // "Screen"
        rig.Far.WaitForEvent("CALL_ESTABLISHED");
        Assert.True(rig.Phone.WaitFor(() => rig.Phone.Firmware.IsScreening && rig.Phone.Firmware.IsRecording, Patience), rig.Why());
        Assert.True(rig.Phone.Do(() => rig.Phone.Firmware.Muted));
        rig.MicrophoneTone(12);
        var live = rig.Speaker(3.0);                                  // the greeting plays for about 2.4 s meanwhile
        Present(Slice(live, 0.5, 3.0), FarTone, "the phone's speaker: baresip live while screening");

        rig.Phone.Press(KeyCodes.Soft1); // "Take"
        Assert.True(rig.Phone.WaitFor(() => !rig.Phone.Firmware.IsScreening && !rig.Phone.Firmware.Muted, Patience), rig.Why());
        Assert.False(rig.Phone.Do(() => rig.Phone.Firmware.IsRecording)); // the message ends at take-over
        rig.Speaker(3.0);
        var farHeard = rig.FarHeard();

        var screening = Slice(farHeard, 0.3, 2.3);
        Present(screening, 880, "baresip: the greeting's chime");
        Present(screening, 660, "baresip: the greeting's chime");
        Absent(screening, PhoneTone, 880, "baresip while screening: the phone's microphone");
        var afterTake = Slice(farHeard, farHeard.Length / (double)Rate - 2.3, farHeard.Length / (double)Rate - 0.3);
        Present(afterTake, PhoneTone, "baresip after Take: the phone's microphone");

        var entry = rig.LastCall();
        Assert.True(entry.Recording != null && Phone.IsScreenedName(entry.Recording), entry.Recording ?? "no recording on the entry");
        var message = rig.StoredWav(entry.Recording!);
        var body = Slice(message, 0.5, message.Length / (double)Rate - 0.2);
        Present(body, FarTone, "the message: baresip");
        Absent(body, PhoneTone, FarTone, "the message: the phone's microphone");
    }
}
