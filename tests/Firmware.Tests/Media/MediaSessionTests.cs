// Two phones' media sessions talking G.711 over RTP on the in-memory wire, in virtual time.
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Media.Codecs;
using DeskPhone.Firmware.Media.Rtp;
using DeskPhone.Firmware.Media.Sdp;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Media;

public class MediaSessionTests
{
    private const string AliceIp = "10.0.0.1";
    private const string BobIp = "10.0.0.2";
    private const int AlicePort = 40000;
    private const int BobPort = 40100;

    private readonly VirtualClock _clock = new();
    private readonly VirtualTimeDriver _driver;
    private readonly InMemoryNetwork _wire;
    private readonly SimAudioCodec _aliceCodec, _bobCodec;
    private readonly AudioPath _aliceAudio, _bobAudio;
    private readonly MediaSession _alice, _bob;
    private readonly SdpOfferAnswer _aliceSdp, _bobSdp;

    public MediaSessionTests()
    {
        _driver = new VirtualTimeDriver(_clock);
        _wire = new InMemoryNetwork(_clock, seed: 7);
        _aliceCodec = new SimAudioCodec(_clock);
        _bobCodec = new SimAudioCodec(_clock);
        _aliceAudio = new AudioPath(_aliceCodec);
        _bobAudio = new AudioPath(_bobCodec);
        _alice = new MediaSession(_wire.AddHost(AliceIp), new Random(1));
        _bob = new MediaSession(_wire.AddHost(BobIp), new Random(2));
        _aliceSdp = new SdpOfferAnswer(new SdpCapabilities(AliceIp, AlicePort, SdpCodec.PhoneDefaults()));
        _bobSdp = new SdpOfferAnswer(new SdpCapabilities(BobIp, BobPort, new[] { SdpCodec.Pcmu, SdpCodec.Pcma, SdpCodec.TelephoneEvent }));
    }

    private static SdpSession Text(SdpSession s)
    {
        Assert.True(SdpSession.TryParse(s.ToString(), out var parsed, out var why), why);
        return parsed;
    }

    /// <summary>Alice offers (or re-offers <paramref name="offer"/>), Bob answers; both sessions follow.</summary>
    private void Negotiate(SdpSession? offer = null)
    {
        var result = _bobSdp.ReceiveOffer(Text(offer ?? _aliceSdp.CreateOffer()));
        Assert.True(result.Accepted, result.Reason);
        Assert.True(_aliceSdp.ReceiveAnswer(Text(result.Answer), out var why), why);
    }

    private void Connect(SdpCodec[]? bobCodecs = null)
    {
        if (bobCodecs != null) _bobSdp.Local.Codecs = bobCodecs;
        Negotiate();
        Assert.True(_aliceAudio.Open(8000, AudioRoute.Handset));
        Assert.True(_bobAudio.Open(8000, AudioRoute.Handset));
        Assert.True(_alice.Start(_aliceSdp.Media, AlicePort));
        Assert.True(_bob.Start(_bobSdp.Media, BobPort));
        _aliceAudio.Attach(_alice);
        _bobAudio.Attach(_bob);
    }

    private static WavAudio Tone(int hz, int ms, int rate = 8000)
    {
        var s = new short[rate * ms / 1000];
        for (int i = 0; i < s.Length; i++) s[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / rate));
        return new WavAudio(rate, s);
    }

    private List<RtpHeader> Packets(string from, string to, WireEvent kind = WireEvent.Sent)
    {
        var list = new List<RtpHeader>();
        foreach (var r in _wire.Capture.OfEvent(kind))
        {
            if (r.FromAddress != from || r.ToAddress != to) continue;
            Assert.True(RtpHeader.TryRead(r.Data, 0, r.Data.Length, out var h, out _, out var length));
            Assert.Equal(MediaSession.FrameSamples, length);
            list.Add(h);
        }
        return list;
    }

    private void Talk(SimAudioCodec microphone, SimAudioCodec speaker, int ms)
    {
        microphone.FeedMicrophone(Tone(1000, ms + 200), 8000);
        _driver.Advance(200); // the jitter buffer fills and the first packets play
        speaker.StartCapture();
        _driver.Advance(ms);
    }

    private static void HearsTheTone(short[] heard)
    {
        double at1k = Goertzel.Power(heard, 8000, 1000);
        double at3k = Goertzel.Power(heard, 8000, 3000);
        Assert.True(at1k > 1000 * at3k, $"1 kHz {at1k:E2}, 3 kHz {at3k:E2}");
        Assert.True(at1k > 1e9, $"1 kHz {at1k:E2}");
    }

    [Fact]
    public void A_1_kHz_tone_into_one_microphone_comes_out_of_the_other_speaker()
    {
        Connect();
        Assert.Equal("PCMU", _aliceSdp.Media.CodecName);

        Talk(_aliceCodec, _bobCodec, 1000);

        HearsTheTone(_bobCodec.Captured());
        Assert.Equal(0, _bob.Jitter.Late + _bob.Jitter.Lost);
    }

    [Fact]
    public void PCMA_carries_the_tone_the_other_way_too()
    {
        Connect(new[] { SdpCodec.Pcma });
        Assert.Equal("PCMA", _bobSdp.Media.CodecName);

        Talk(_bobCodec, _aliceCodec, 1000);

        HearsTheTone(_aliceCodec.Captured());
        Assert.All(Packets(BobIp, AliceIp), h => Assert.Equal(8, h.PayloadType));
    }

    [Fact]
    public void Packets_carry_the_negotiated_payload_type_with_sequence_up_by_one_and_timestamp_up_by_160()
    {
        _bobSdp.Local.Codecs = new[] { new SdpCodec("PCMU", 0, 8000, 8000, null) };
        Connect();

        _driver.Advance(1000);

        var sent = Packets(AliceIp, BobIp);
        Assert.Equal(50, sent.Count);
        Assert.True(sent[0].Marker);
        for (int i = 0; i < sent.Count; i++)
        {
            Assert.Equal(_aliceSdp.Media.SendPayloadType, sent[i].PayloadType);
            Assert.Equal(_alice.Ssrc, sent[i].Ssrc);
            if (i == 0) continue;
            Assert.False(sent[i].Marker);
            Assert.Equal((sent[i - 1].Sequence + 1) & 0xFFFF, sent[i].Sequence);
            Assert.Equal(sent[i - 1].Timestamp + 160, sent[i].Timestamp);
        }
        var delivered = _wire.Capture.OfEvent(WireEvent.Delivered).Where(r => r.FromAddress == AliceIp).ToList();
        Assert.All(delivered, r => Assert.Equal(BobPort, r.ToPort));
        Assert.All(delivered, r => Assert.Equal(AlicePort, r.FromPort));
        Assert.Equal(50, _bob.PacketsReceived);
    }

    [Fact]
    public void Two_sessions_pick_different_random_sources_and_starting_numbers()
    {
        Connect();
        _driver.Advance(20);
        var a = Packets(AliceIp, BobIp).Single();
        var b = Packets(BobIp, AliceIp).Single();
        Assert.NotEqual(a.Ssrc, b.Ssrc);
        Assert.NotEqual(a.Sequence, b.Sequence);
        Assert.NotEqual(a.Timestamp, b.Timestamp);
    }

    [Fact]
    public void Putting_the_call_on_hold_stops_the_held_side_sending_and_resuming_starts_it_again_with_a_marker()
    {
        Connect();
        _driver.Advance(200);
        int before = Packets(BobIp, AliceIp).Count;

        Negotiate(_aliceSdp.CreateHoldOffer()); // Alice holds: she sends (music), Bob must not
        _alice.Update(_aliceSdp.Media);
        _bob.Update(_bobSdp.Media);
        Assert.False(_bob.IsSending);
        Assert.False(_alice.IsReceiving);
        _driver.Advance(400);
        Assert.Equal(before, Packets(BobIp, AliceIp).Count);
        Assert.Equal(30, Packets(AliceIp, BobIp).Count);

        Negotiate(_aliceSdp.CreateResumeOffer());
        _alice.Update(_aliceSdp.Media);
        _bob.Update(_bobSdp.Media);
        _driver.Advance(200);

        var bob = Packets(BobIp, AliceIp);
        Assert.Equal(before + 10, bob.Count);
        Assert.True(bob[before].Marker);
        Assert.Equal((bob[before - 1].Sequence + 1) & 0xFFFF, bob[before].Sequence);
        Assert.Equal(bob[before - 1].Timestamp + 160 * 21, bob[before].Timestamp); // 400 ms of hold, time ran on
    }

    [Fact]
    public void Reordered_and_duplicated_packets_still_play_in_order()
    {
        _wire.Link(AliceIp, BobIp).ReorderProbability = 0.3;
        _wire.Link(AliceIp, BobIp).DuplicateProbability = 0.3;
        Connect();
        // A staircase: each frame's level, one of µ-law's exact positive levels, says which frame it is.
        var levels = Enumerable.Range(0, 256).Select(c => (int)G711.MuToLinear((byte)c)).Where(v => v > 0).Distinct().OrderBy(v => v).ToList();
        var ramp = new short[8000 * 2];
        for (int i = 0; i < ramp.Length; i++) ramp[i] = (short)levels[i / 160 + 1];
        _aliceCodec.FeedMicrophone(new WavAudio(8000, ramp), 8000);
        _bobCodec.StartCapture();

        _driver.Advance(2000);

        Assert.True(_wire.Counters(AliceIp, BobIp).Reordered > 10);
        Assert.True(_wire.Counters(AliceIp, BobIp).Duplicated > 10);
        Assert.True(_bob.Jitter.Duplicates + _bob.Jitter.Late > 10);
        var heard = _bobCodec.Captured();
        var frames = new List<int>();
        for (int f = 0; f < heard.Length / 160; f++)
        {
            short s = heard[f * 160 + 80];
            if (s == 0) continue;
            frames.Add(levels.IndexOf(s));
        }
        Assert.True(frames.Count >= 90, frames.Count.ToString());
        for (int i = 1; i < frames.Count; i++) Assert.True(frames[i] > frames[i - 1], $"frame {frames[i]} after {frames[i - 1]}");
        int skipped = frames[^1] - frames[0] + 1 - frames.Count; // only frames the buffer gave up as lost
        Assert.True(skipped <= _bob.Jitter.Lost, $"skipped {skipped}, lost {_bob.Jitter.Lost}");
        Assert.True(skipped < 5, skipped.ToString());
    }

    [Fact]
    public void Stopping_closes_the_port_and_sends_nothing_more()
    {
        Connect();
        _driver.Advance(100);
        _alice.Stop();
        int sent = Packets(AliceIp, BobIp).Count;
        _driver.Advance(200);

        Assert.Equal(sent, Packets(AliceIp, BobIp).Count);
        Assert.False(_alice.IsRunning);
        Assert.Equal(0, ((InMemoryHost)_wire.Host(AliceIp)).BoundUdpPorts);
        Assert.True(_alice.Start(_aliceSdp.Media, AlicePort)); // the port can be bound again
    }

    [Fact]
    public void A_codec_other_than_G711_is_not_started()
    {
        Negotiate();
        _bobSdp.Local.Codecs = new[] { SdpCodec.G722 };
        var g722 = new SdpOfferAnswer(new SdpCapabilities(BobIp, BobPort, new[] { SdpCodec.G722 }));
        var r = g722.ReceiveOffer(Text(_aliceSdp.CreateOffer()));
        Assert.True(r.Accepted);
        Assert.False(MediaSession.Supports(r.Media));
        Assert.False(_bob.Start(r.Media, BobPort));
        Assert.False(_bob.IsRunning);
    }

    [Fact]
    public void A_steady_frame_allocates_nothing_sending_or_receiving()
    {
        Negotiate();
        var net = new QuietNetwork();
        var session = new MediaSession(net, new Random(3));
        Assert.True(session.Start(_aliceSdp.Media, AlicePort));
        var mic = Tone(1000, 20).Samples;
        var speaker = new short[160];
        var packet = new byte[RtpHeader.Size + 160];
        var header = new RtpHeader { PayloadType = _aliceSdp.Media.ReceivePayloadType, Ssrc = 99 };
        int seq = 0;

        void Frame()
        {
            for (int i = 0; i < 50; i++)
            {
                header.Sequence = seq++ & 0xFFFF;
                header.Timestamp += 160;
                header.WriteTo(packet, 0);
                net.Deliver(packet, packet.Length); // the HAL thread
                session.Frame(mic, speaker);        // the media thread
            }
        }

        Assert.Equal(0, Allocations.Steady(Frame));
        Assert.True(session.PacketsSent >= 200);
        Assert.True(session.FramesPlayed >= 190);
        Assert.Equal(AlicePort, net.Port);
    }

    /// <summary>A network whose one UDP port sends into nothing and receives only what the test hands it.</summary>
    private sealed class QuietNetwork : INetwork, IUdpEndpoint
    {
        private DatagramReceived? _handler;
        public int Port;
        public string LocalAddress => AliceIp;
        public bool SupportsTls => false;
        public int LocalPort => Port;
        public IUdpEndpoint? OpenUdp(int localPort, DatagramReceived onDatagram) { Port = localPort; _handler = onDatagram; return this; }
        public ITcpConnection ConnectTcp(string address, int port, string? tlsServerName, StreamConnected onConnected, StreamReceived onData, StreamClosed onClosed) => throw new NotSupportedException();
        public ITcpListener? ListenTcp(int localPort, StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed) => null;
        public bool SendTo(byte[] data, int offset, int count, string address, int port) => true;
        public void Close() => _handler = null;
        public void Deliver(byte[] data, int count) => _handler?.Invoke(data, 0, count, BobIp, BobPort);
    }
}
