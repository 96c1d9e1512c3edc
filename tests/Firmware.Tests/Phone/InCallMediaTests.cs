// In a connected call: a codec change by re-INVITE, mute, digits by SIP INFO when events were not agreed, the quality screen.
using DeskPhone.Firmware.Media.Codecs;
using DeskPhone.Firmware.Media.Rtp;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;

namespace DeskPhone.Firmware.Tests.Phone;

public class InCallMediaTests
{
    private const int FarRtpPort = 30002; // PhoneRig.SdpAnswer's m=audio port

    private sealed class Rig
    {
        public readonly PhoneRig Phone = new(farEnd: true);
        public readonly List<(RtpHeader Header, byte[] Payload)> Received = new();

        public Rig()
        {
            Phone.Wire.Host("127.0.0.1").OpenUdp(FarRtpPort, (data, offset, count, from, fromPort) =>
            {
                if (RtpHeader.TryRead(data, offset, count, out var h, out var at, out var length))
                    Received.Add((h, data.AsSpan(at, length).ToArray()));
            });
            Phone.LiftHandset();
            Phone.Press(5);
            Phone.Press(KeyCodes.Soft1);
            Assert.Equal(PhoneMode.InCall, Phone.Phone.Mode);
        }

        public string CallId => Phone.FarEnd!.LastRequest("INVITE").CallId!;

        /// <summary>The far end re-INVITEs with <paramref name="sdp"/> and ACKs the answer.</summary>
        public string Reinvite(string sdp, int cseq)
        {
            var far = Phone.FarEnd!;
            far.Send(far.InDialog("INVITE", CallId, cseq, sdp));
            Phone.Wait(20);
            var ok = far.Responses("INVITE").Last();
            Assert.Equal(200, ok.StatusCode);
            far.Send(far.AckFor(ok));
            Phone.Wait(20);
            return ok.BodyText;
        }
    }

    private static WavAudio Tone(int hz, int ms, int rate)
    {
        var s = new short[rate * ms / 1000];
        for (int i = 0; i < s.Length; i++) s[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / rate));
        return new WavAudio(rate, s);
    }

    [Fact]
    public void A_re_INVITE_that_switches_to_G722_reopens_the_audio_at_16_kHz_and_sends_G722()
    {
        var rig = new Rig();
        Assert.Equal(8000, rig.Phone.Audio.SampleRate);
        string g722 = "v=0\r\no=bob 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 30002 RTP/AVP 9\r\na=rtpmap:9 G722/8000\r\na=sendrecv\r\n";

        string answer = rig.Reinvite(g722, 10);

        Assert.Contains("m=audio", answer);
        Assert.Contains("G722/8000", answer);
        Assert.Equal(16000, rig.Phone.Audio.SampleRate);
        Assert.Equal("G722", rig.Phone.Phone.RtpSession!.CodecName);
        int before = rig.Received.Count;
        rig.Phone.Audio.FeedMicrophone(Tone(5000, 600, 16000), 16000);
        rig.Phone.Wait(400);
        var after = rig.Received.Skip(before).ToList();
        Assert.InRange(after.Count, 18, 22);
        Assert.All(after, p => Assert.Equal(9, p.Header.PayloadType));
        Assert.All(after, p => Assert.Equal(160, p.Payload.Length));
        var decoder = new G722Codec();
        var pcm = new short[after.Count * 320];
        for (int i = 0; i < after.Count; i++) decoder.Decode(after[i].Payload, 0, 160, pcm, i * 320);
        var steady = pcm.Skip(320 * 5).ToArray();
        Assert.True(Goertzel.Power(steady, 16000, 5000) > 1000 * Goertzel.Power(steady, 16000, 1000)); // 5 kHz: only wideband carries it
        rig.Phone.NoLoopFailures();
    }

    [Fact]
    public void Mute_sends_silence_says_so_on_the_screen_and_a_second_press_brings_the_voice_back()
    {
        var rig = new Rig();
        rig.Phone.Audio.FeedMicrophone(Tone(1000, 3000, 8000), 8000);
        rig.Phone.Wait(200);

        rig.Phone.Press(KeyCodes.Mute);
        Assert.True(rig.Phone.Phone.Muted);
        Assert.Contains("muted", rig.Phone.ScreenText);
        int at = rig.Received.Count;
        rig.Phone.Wait(400);
        var muted = rig.Received.Skip(at).SelectMany(p => p.Payload.Select(G711.MuToLinear)).ToArray();
        Assert.True(muted.Length >= 160 * 15);
        Assert.All(muted, s => Assert.InRange(s, -8, 8));

        rig.Phone.Press(KeyCodes.Mute);
        Assert.False(rig.Phone.Phone.Muted);
        at = rig.Received.Count;
        rig.Phone.Wait(200);
        var voice = rig.Received.Skip(at).SelectMany(p => p.Payload.Select(G711.MuToLinear)).ToArray();
        Assert.True(Goertzel.Power(voice, 8000, 1000) > 1e9);
        rig.Phone.NoLoopFailures();
    }

    [Fact]
    public void Without_telephone_event_in_the_answer_a_digit_goes_as_a_SIP_INFO_dtmf_relay()
    {
        var rig = new Rig();

        rig.Phone.Press(7);

        var info = rig.Phone.FarEnd!.LastRequest("INFO");
        Assert.Equal("application/dtmf-relay", info.GetHeader("Content-Type"));
        Assert.Contains("Signal=7", info.BodyText);
        Assert.Equal(rig.CallId, info.CallId);
        Assert.Equal("info", rig.Phone.Phone.LastDtmfMethod);
        rig.Phone.NoLoopFailures();
    }

    [Fact]
    public void A_long_press_of_OK_shows_the_call_quality_and_OK_goes_back_to_the_call()
    {
        var rig = new Rig();
        rig.Phone.Wait(1000);

        rig.Phone.Press(KeyCodes.Ok, holdMs: 1200);

        Assert.True(rig.Phone.Phone.ShowingCallQuality);
        var lines = rig.Phone.Phone.Screen.TextLines();
        Assert.StartsWith("Call quality", lines[0]);
        Assert.Contains("PCMU", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("In : loss 0%"));
        Assert.Contains(lines, l => l.StartsWith("Out: no report yet"));

        rig.Phone.Press(KeyCodes.Ok);
        Assert.False(rig.Phone.Phone.ShowingCallQuality);
        Assert.StartsWith("Connected", rig.Phone.Phone.Screen.TextLines()[0]);
        rig.Phone.NoLoopFailures();
    }
}
