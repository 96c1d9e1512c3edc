// Real audio between a whole simulated phone and baresip through Kamailio: tones each way, checked by frequency.
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Tests;
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Interop.Tests.Harness;
using DeskPhone.Softswitch;

namespace DeskPhone.Interop.Tests;

/// <summary>
/// The phone 201 (the simulator's phone on real UDP, its microphone fed a tone, its speaker recorded)
/// and baresip 202 (sending a WAV of another tone, recording what it decodes with sndfile), through a
/// real Kamailio. Each side must hear the other's tone and not its own.
/// </summary>
public sealed class PhoneAudioTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private const int PhoneTone = 1000;
    private const int FarTone = 700;

    private sealed class Rig : IDisposable
    {
        public readonly KamailioProcess Kamailio;
        public readonly BaresipProcess Far;
        public readonly LivePhone Phone;
        private readonly string _dir;

        public Rig(string[] farCodecs, int farRate, int rtpPortBase)
        {
            _dir = Directory.CreateTempSubdirectory("deskphone-audio-").FullName;
            string wav = Path.Combine(_dir, "far-tone.wav");
            File.WriteAllBytes(wav, WavFile.Write(farRate, Tones.Sine(FarTone, farRate, farRate * 30))); // baresip hangs up when its file ends
            Directory.CreateDirectory(Path.Combine(_dir, "recorded"));
            Kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret").Start();
            Far = new BaresipProcess(Kamailio, "202", "bob-secret", audio: new BaresipAudio
            {
                Codecs = farCodecs,
                SourceWav = wav,
                RecordDirectory = Path.Combine(_dir, "recorded"),
            }).Start();
            Assert.Equal("REGISTER_OK", Far.Register().Type);
            Phone = new LivePhone(Kamailio, "201", "reception-secret", rtpPortBase);
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Registration == RegistrationState.Registered, Patience), Why());
        }

        public string Why() => $"phone log {Phone.LogPath}:\n{Phone.Tail()}\nbaresip log {Far.LogPath}\nkamailio log {Kamailio.LogPath}";

        /// <summary>The phone dials 202, baresip answers, the phone is in the call.</summary>
        public void Connect()
        {
            Phone.Dial("202");
            Far.WaitForEvent("CALL_INCOMING");
            Far.Answer();
            Far.WaitForEvent("CALL_ESTABLISHED");
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Mode == PhoneMode.InCall, Patience), Why());
        }

        /// <summary>Feeds the phone's microphone its tone and records its speaker until <paramref name="seconds"/> of audio are in.</summary>
        public short[] Talk(double seconds)
        {
            var audio = Phone.Sim.Audio;
            int rate = audio.SampleRate;
            audio.FeedMicrophone(new WavAudio(rate, Tones.Sine(PhoneTone, rate, (int)(rate * (seconds + 1)))), rate);
            audio.StartCapture();
            Assert.True(Phone.WaitFor(() => audio.Captured().Length >= rate * seconds, Patience), Why());
            return audio.Captured();
        }

        /// <summary>What baresip decoded during the call, read after it hung up.</summary>
        public WavAudio FarHeard()
        {
            Far.Hangup();
            Far.WaitForEvent("CALL_CLOSED");
            var file = Far.ReceivedAudioFiles().LastOrDefault();
            Assert.True(file != null, "baresip recorded nothing\n" + Why());
            byte[] bytes;
            using (var s = new FileStream(file!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)) { bytes = new byte[s.Length]; s.ReadExactly(bytes); }
            Assert.True(WavFile.TryRead(bytes, out var heard, out var reason), reason);
            return heard!;
        }

        public void Dispose()
        {
            Phone.Dispose();
            Far.Dispose();
            Kamailio.Dispose();
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The tone at <paramref name="expected"/> stands well above the other side's tone and above a floor.</summary>
    private static void Hears(short[] samples, int rate, int expected, int other, string who)
    {
        // skip the first 200 ms (jitter buffer filling, the far end's first frames)
        Tones.Hears(samples.Skip(rate / 5).ToArray(), rate, expected, other, who);
    }

    [Fact]
    public void A_G711_call_to_baresip_carries_each_sides_tone_to_the_other()
    {
        using var rig = new Rig(new[] { "g711" }, 8000, 43000);
        rig.Connect();
        Assert.Equal("PCMU", rig.Phone.Do(() => rig.Phone.Firmware.CurrentCall!.NegotiatedMedia!.CodecName));

        var phoneHeard = rig.Talk(2.0);
        var farHeard = rig.FarHeard();

        Hears(phoneHeard, 8000, FarTone, PhoneTone, "the phone");
        Assert.Equal(8000, farHeard.SampleRate);
        Hears(farHeard.Samples, 8000, PhoneTone, FarTone, "baresip");
    }

    [Fact]
    public void A_G722_call_to_baresip_is_wideband_both_ways()
    {
        using var rig = new Rig(new[] { "g722", "g711" }, 16000, 44000);
        rig.Connect();
        Assert.Equal("G722", rig.Phone.Do(() => rig.Phone.Firmware.CurrentCall!.NegotiatedMedia!.CodecName));
        Assert.Equal(16000, rig.Phone.Sim.Audio.SampleRate);

        var phoneHeard = rig.Talk(2.0);
        var farHeard = rig.FarHeard();

        Hears(phoneHeard, 16000, FarTone, PhoneTone, "the phone");
        Assert.Equal(16000, farHeard.SampleRate);
        Hears(farHeard.Samples, 16000, PhoneTone, FarTone, "baresip (spandsp's G.722 decoder)");
    }

    [Fact]
    public void Digits_typed_on_the_phone_reach_baresip_as_RFC_4733_events_and_baresips_digits_reach_the_phone()
    {
        using var rig = new Rig(new[] { "g711" }, 8000, 45000);
        rig.Connect();

        foreach (char c in "19#") rig.Phone.Press(c == '#' ? DeskPhone.Hal.KeyCodes.Pound : c - '0');
        var digits = new List<string?>();
        for (int i = 0; i < 3; i++) digits.Add(rig.Far.WaitForEvent("CALL_DTMF_START").Param);
        Assert.Equal(new[] { "1", "9", "#" }, digits);
        Assert.Equal("rtp", rig.Phone.Do(() => rig.Phone.Firmware.LastDtmfMethod));

        rig.Far.SendDtmf('7');
        Assert.True(rig.Phone.WaitFor(() => rig.Phone.Firmware.LastDtmfReceived == '7', Patience), rig.Why());
        Assert.Equal(1, rig.Phone.Do(() => rig.Phone.Firmware.DtmfReceivedCount));
    }

    [Fact]
    public void RTCP_reports_flow_both_ways_and_give_the_call_a_round_trip_time()
    {
        using var rig = new Rig(new[] { "g711" }, 8000, 46000);
        rig.Connect();
        var session = rig.Phone.Firmware.RtpSession!;
        // baresip reports every 5 s; our first report goes out within 1.25-3.75 s
        Assert.True(rig.Phone.WaitFor(() => session.Rtcp.ReportsSent >= 1 && session.Rtcp.ReportsReceived >= 1, TimeSpan.FromSeconds(15)), rig.Why());
        var quality = new DeskPhone.Firmware.Media.Rtcp.CallQuality();
        session.Snapshot(quality);
        Assert.True(quality.PacketsReceived > 100, quality.PacketsReceived.ToString());
        Assert.Equal(0, session.Rtcp.ReportsRefused);
    }
}
