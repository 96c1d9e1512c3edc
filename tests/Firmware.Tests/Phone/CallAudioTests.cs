// A connected call's audio: the phone and the far end exchange G.711 RTP on the in-memory wire.
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Media.Rtp;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Firmware.Tests.Phone;

public class CallAudioTests
{
    private const string FarAddress = "127.0.0.1";
    private const int FarRtpPort = 30002; // PhoneRig.SdpAnswer's m=audio port

    private sealed record Packet(long At, int FromPort, RtpHeader Header, byte[] Payload);

    /// <summary>A phone in a call it placed, the far end's RTP port recording what arrives.</summary>
    private sealed class Rig
    {
        public readonly PhoneRig Phone = new(farEnd: true);
        public readonly List<Packet> Received = new();
        public readonly IUdpEndpoint FarRtp;
        public int PhoneRtpPort;

        public Rig()
        {
            FarRtp = Phone.Wire.Host(FarAddress).OpenUdp(FarRtpPort, (data, offset, count, from, fromPort) =>
            {
                Assert.True(RtpHeader.TryRead(data, offset, count, out var h, out var at, out var length));
                Received.Add(new Packet(Phone.Clock.NowMs, fromPort, h, data.AsSpan(at, length).ToArray()));
            })!;
        }

        public void Call()
        {
            Phone.LiftHandset();
            Phone.Press(5);
            Phone.Press(KeyCodes.Soft1);
            Assert.Equal(PhoneMode.InCall, Phone.Phone.Mode);
            string offer = Phone.FarEnd!.LastRequest("INVITE").BodyText;
            string m = offer.Split("\r\n").Single(l => l.StartsWith("m=audio "));
            PhoneRtpPort = int.Parse(m.Split(' ')[1]);
        }
    }

    private static WavAudio Tone(int hz, int ms)
    {
        var s = new short[8 * ms];
        for (int i = 0; i < s.Length; i++) s[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / 8000));
        return new WavAudio(8000, s);
    }

    [Fact]
    public void In_a_connected_call_the_far_end_receives_PCMU_packets_at_the_port_its_answer_gave()
    {
        var rig = new Rig();
        rig.Call();
        rig.Phone.Audio.FeedMicrophone(Tone(1000, 1000), 8000);
        long connected = rig.Phone.Clock.NowMs;

        rig.Phone.Wait(1000);

        Assert.InRange(rig.Received.Count, 45, 55);
        Assert.All(rig.Received, p => Assert.Equal(0, p.Header.PayloadType));
        Assert.All(rig.Received, p => Assert.Equal(rig.PhoneRtpPort, p.FromPort));
        Assert.True(rig.Received[0].Header.Marker);
        for (int i = 1; i < rig.Received.Count; i++)
        {
            Assert.Equal((rig.Received[i - 1].Header.Sequence + 1) & 0xFFFF, rig.Received[i].Header.Sequence);
            Assert.Equal(rig.Received[i - 1].Header.Timestamp + 160, rig.Received[i].Header.Timestamp);
        }
        var heard = rig.Received.Skip(5).Take(40).SelectMany(p => p.Payload.Select(b => DeskPhone.Firmware.Media.Codecs.G711.MuToLinear(b))).ToArray();
        Assert.True(Goertzel.Power(heard, 8000, 1000) > 1000 * Goertzel.Power(heard, 8000, 3000));
        Assert.True(rig.Received[0].At - connected <= 40);
        rig.Phone.NoLoopFailures();
    }

    [Fact]
    public void The_far_ends_packets_play_on_the_phones_speaker()
    {
        var rig = new Rig();
        rig.Call();
        var tone = Tone(1000, 1200).Samples;
        var packet = new byte[RtpHeader.Size + 160];
        var header = new RtpHeader { PayloadType = 0, Ssrc = 0xB0B, Sequence = 65500, Timestamp = 1234 };
        int frame = 0;
        var timer = rig.Phone.Clock.StartTimer(20, 20, () =>
        {
            if (frame >= 60) return;
            header.WriteTo(packet, 0);
            DeskPhone.Firmware.Media.Codecs.G711.EncodeMu(tone, frame * 160, packet, RtpHeader.Size, 160);
            rig.FarRtp.SendTo(packet, 0, packet.Length, "127.0.1.1", rig.PhoneRtpPort);
            header.Sequence = (header.Sequence + 1) & 0xFFFF;
            header.Timestamp += 160;
            frame++;
        });
        rig.Phone.Wait(200);
        rig.Phone.Audio.StartCapture();

        rig.Phone.Wait(800);

        var heard = rig.Phone.Audio.Captured();
        Assert.True(Goertzel.Power(heard, 8000, 1000) > 1000 * Goertzel.Power(heard, 8000, 3000));
        Assert.True(Goertzel.Power(heard, 8000, 1000) > 1e9);
        timer.Cancel();
    }

    [Fact]
    public void When_the_far_end_holds_the_call_the_phone_stops_sending_and_resumes_when_it_resumes()
    {
        var rig = new Rig();
        rig.Call();
        rig.Phone.Wait(200);
        var far = rig.Phone.FarEnd!;
        string callId = far.LastRequest("INVITE").CallId!;
        string hold = PhoneRig.SdpAnswer.Replace("o=bob 1 1", "o=bob 1 2").Replace("a=sendrecv", "a=sendonly");
        far.Send(far.InDialog("INVITE", callId, 10, hold));
        rig.Phone.Wait(20);
        far.Send(far.AckFor(far.Responses("INVITE").Last()));
        rig.Phone.Wait(20);
        Assert.False(rig.Phone.Phone.RtpSession!.IsSending);
        int atHold = rig.Received.Count;

        rig.Phone.Wait(500);
        Assert.Equal(atHold, rig.Received.Count);

        string resume = PhoneRig.SdpAnswer.Replace("o=bob 1 1", "o=bob 1 3");
        far.Send(far.InDialog("INVITE", callId, 11, resume));
        rig.Phone.Wait(20);
        far.Send(far.AckFor(far.Responses("INVITE").Last()));
        rig.Phone.Wait(200);
        Assert.InRange(rig.Received.Count - atHold, 8, 12);
        Assert.True(rig.Received[atHold].Header.Marker);
        rig.Phone.NoLoopFailures();
    }

    [Fact]
    public void Hanging_up_stops_the_packets_and_frees_the_RTP_port()
    {
        var rig = new Rig();
        int portsBefore = ((InMemoryHost)rig.Phone.Wire.Host("127.0.1.1")).BoundUdpPorts;
        rig.Call();
        rig.Phone.Wait(100);
        Assert.Equal(portsBefore + 2, ((InMemoryHost)rig.Phone.Wire.Host("127.0.1.1")).BoundUdpPorts); // RTP and RTCP

        rig.Phone.HangUp();
        int sent = rig.Received.Count;
        rig.Phone.Wait(500);

        Assert.Equal(sent, rig.Received.Count);
        Assert.False(rig.Phone.Phone.RtpSession!.IsRunning);
        Assert.Null(rig.Phone.Phone.Audio.Session);
        Assert.Equal(portsBefore, ((InMemoryHost)rig.Phone.Wire.Host("127.0.1.1")).BoundUdpPorts);
        rig.Phone.NoLoopFailures();
    }
}
