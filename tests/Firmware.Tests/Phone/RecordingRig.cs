// A phone with a recording policy in a G.711 call with a far end that plays a tone and keeps what it hears.
using DeskPhone.Firmware.Media.Codecs;
using DeskPhone.Firmware.Media.Rtp;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Firmware.Tests.Phone;

public sealed class RecordingRig
{
    public const int MicHz = 1800;
    public const int FarHz = 600;
    public const int RecordKey = 4; // line key 4: the "record" feature key

    public readonly PhoneRig Phone;
    public readonly MemoryStorage Storage = new();
    public readonly List<short> Heard = new();   // what the far end received, decoded
    private IUdpEndpoint? _farRtp;
    private int _farPort;
    private int _phonePort;
    private bool _farTalks;
    private int _farSample;
    private IHalTimer? _farTimer;
    private readonly byte[] _packet = new byte[RtpHeader.Size + 160];
    private RtpHeader _header = new() { PayloadType = 0, Ssrc = 0xFA4, Sequence = 100, Timestamp = 5000 };

    public static string Config(string recording, string extra = "") => $$"""
    {
      "device": { "id": "desk-1", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
      "accounts": [ { "id": "main", "user": "201", "displayName": "Reception", "domain": "office.example",
                      "registrar": "sip:127.0.0.1:5060" } ],
      "keys": [
        { "kind": "line", "label": "Line 1", "account": "main" },
        { "kind": "line", "label": "Line 2", "account": "main" },
        { "kind": "blf", "label": "Bob Stone", "target": "sip:202@office.example" },
        { "kind": "feature", "label": "Rec", "feature": "record" }
      ],
      {{(recording.Length > 0 ? "\"recording\": " + recording + "," : "")}}
      {{extra}}
      "display": { "clock24h": true }
    }
    """;

    public RecordingRig(string recording = """{ "mode": "on", "notice": false }""", string extra = "")
    {
        Phone = new PhoneRig(Config(recording, extra), Storage, farEnd: true);
    }

    public Firmware.Phone.Phone P => Phone.Phone;

    /// <summary>Places a call to 5 that the far end answers; the far end's RTP listens on the answer's port 30002.</summary>
    public void Call()
    {
        OpenFar(30002);
        Phone.LiftHandset();
        Phone.Press(5);
        Phone.Press(KeyCodes.Soft1);
        Assert.Equal(Firmware.Phone.PhoneMode.InCall, P.Mode);
        _phonePort = PortIn(Phone.FarEnd!.LastRequest("INVITE").BodyText);
    }

    /// <summary>The far end calls the phone (its offer names RTP port 30000); the phone rings.</summary>
    public void Ring()
    {
        OpenFar(30000);
        Phone.FarEnd!.Invite(PhoneRig.SdpOffer);
        Phone.Wait(50);
        Assert.Equal(Firmware.Phone.PhoneMode.Ringing, P.Mode);
    }

    /// <summary>After the phone answered an incoming call: the far end acks and learns the phone's RTP port.</summary>
    public void Acknowledge()
    {
        var ok = Phone.FarEnd!.Responses("INVITE").Last(r => r.StatusCode == 200);
        Phone.FarEnd.Send(Phone.FarEnd.AckFor(ok));
        Phone.Wait(20);
        _phonePort = PortIn(ok.BodyText);
    }

    private static int PortIn(string sdp) => int.Parse(sdp.Split("\r\n").Single(l => l.StartsWith("m=audio ")).Split(' ')[1]);

    private void OpenFar(int port)
    {
        _farPort = port;
        _farRtp = Phone.Wire.Host("127.0.0.1").OpenUdp(port, (data, offset, count, from, fromPort) =>
        {
            if (!RtpHeader.TryRead(data, offset, count, out var h, out var at, out var length) || h.PayloadType != 0) return;
            for (int i = 0; i < length; i++) Heard.Add(G711.MuToLinear(data[at + i]));
        })!;
        _farTimer = Phone.Clock.StartTimer(20, 20, FarFrame);
    }

    /// <summary>The far end says <see cref="FarHz"/> from now on.</summary>
    public void FarTalks() => _farTalks = true;

    /// <summary>The phone's microphone hears <see cref="MicHz"/> for <paramref name="ms"/>.</summary>
    public void MicTalks(int ms)
    {
        var s = new short[8 * ms];
        for (int i = 0; i < s.Length; i++) s[i] = (short)(6000 * Math.Sin(2 * Math.PI * MicHz * i / 8000));
        Phone.Audio.FeedMicrophone(new WavAudio(8000, s), Phone.Audio.SampleRate == 0 ? 8000 : Phone.Audio.SampleRate);
    }

    private void FarFrame()
    {
        if (!_farTalks || _phonePort == 0 || _farRtp == null) return;
        var pcm = new short[160];
        for (int i = 0; i < 160; i++) pcm[i] = (short)(6000 * Math.Sin(2 * Math.PI * FarHz * _farSample++ / 8000));
        _header.WriteTo(_packet, 0);
        G711.EncodeMu(pcm, 0, _packet, RtpHeader.Size, 160);
        _farRtp.SendTo(_packet, 0, _packet.Length, "127.0.1.1", _phonePort);
        _header.Sequence = (_header.Sequence + 1) & 0xFFFF;
        _header.Timestamp += 160;
    }

    public void Stop() => _farTimer?.Cancel();

    /// <summary>What the far end heard from <paramref name="fromMs"/> to <paramref name="toMs"/> after the start of its listening.</summary>
    public short[] HeardBetween(int fromMs, int toMs) => Heard.Skip(fromMs * 8).Take((toMs - fromMs) * 8).ToArray();

    /// <summary>A WAV in storage: its rate, its samples, and its header checked against the file's length.</summary>
    public (int Rate, short[] Samples) Wav(string name)
    {
        var b = Storage.Read(name);
        Assert.NotNull(b);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(b!, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(b, 8, 4));
        Assert.Equal(b.Length - 8, BitConverter.ToInt32(b, 4));
        Assert.Equal("data", System.Text.Encoding.ASCII.GetString(b, 36, 4));
        int dataBytes = BitConverter.ToInt32(b, 40);
        Assert.Equal(b.Length - 44, dataBytes);
        Assert.Equal(1, BitConverter.ToInt16(b, 20));
        Assert.Equal(1, BitConverter.ToInt16(b, 22));
        Assert.Equal(16, BitConverter.ToInt16(b, 34));
        int rate = BitConverter.ToInt32(b, 24);
        var s = new short[dataBytes / 2];
        Buffer.BlockCopy(b, 44, s, 0, dataBytes);
        return (rate, s);
    }

    public static bool Has(short[] samples, int hz, int rate = 8000) =>
        Goertzel.Power(samples, rate, hz) > 1000 * Goertzel.Power(samples, rate, 3100) && Goertzel.Power(samples, rate, hz) > 1e9;

    /// <summary>True when <paramref name="hz"/> is at least 40 dB below a tone of the rig's level (6000) all through the samples.</summary>
    public static bool Lacks(short[] samples, int hz, int rate = 8000)
    {
        double full = 6000.0 * samples.Length / 2;
        return samples.Length > 0 && Goertzel.Power(samples, rate, hz) < 1e-4 * full * full;
    }
}
