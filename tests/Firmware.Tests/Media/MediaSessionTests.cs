// Two phones' media sessions talking G.711 over RTP on the in-memory wire, in virtual time.
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Media.Codecs;
using DeskPhone.Firmware.Media.Rtp;
using DeskPhone.Firmware.Media.Sdp;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;
using Xunit.Abstractions;

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

    private readonly ITestOutputHelper _output;

    public MediaSessionTests(ITestOutputHelper output)
    {
        _output = output;
        _driver = new VirtualTimeDriver(_clock);
        _wire = new InMemoryNetwork(_clock, seed: 7);
        _aliceCodec = new SimAudioCodec(_clock);
        _bobCodec = new SimAudioCodec(_clock);
        _aliceAudio = new AudioPath(_aliceCodec);
        _bobAudio = new AudioPath(_bobCodec);
        _alice = new MediaSession(_wire.AddHost(AliceIp), _clock, new Random(1));
        _bob = new MediaSession(_wire.AddHost(BobIp), _clock, new Random(2));
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
        int rtpPort = to == BobIp ? BobPort : AlicePort;
        foreach (var r in _wire.Capture.OfEvent(kind))
        {
            if (r.FromAddress != from || r.ToAddress != to || r.ToPort != rtpPort) continue; // RTCP goes to the next port
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
            int level = levels.IndexOf(heard[f * 160 + 80]);
            if (level < 0 || (frames.Count > 0 && frames[^1] == level)) continue; // silence, or a concealed frame repeating the last
            frames.Add(level);
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
    public void G722_carries_a_wideband_tone_at_16_kHz()
    {
        _aliceSdp.Local.Codecs = new[] { SdpCodec.G722, SdpCodec.Pcmu, SdpCodec.TelephoneEvent };
        _bobSdp.Local.Codecs = new[] { SdpCodec.G722, SdpCodec.Pcmu };
        Negotiate();
        Assert.Equal("G722", _bobSdp.Media.CodecName);
        Assert.True(_aliceAudio.Open(16000, AudioRoute.Handset));
        Assert.True(_bobAudio.Open(16000, AudioRoute.Handset));
        Assert.True(_alice.Start(_aliceSdp.Media, AlicePort));
        Assert.True(_bob.Start(_bobSdp.Media, BobPort));
        _aliceAudio.Attach(_alice);
        _bobAudio.Attach(_bob);
        Assert.Equal(16000, _bob.SampleRate);

        _aliceCodec.FeedMicrophone(Tone(6000, 1200, 16000), 16000); // above G.711's 4 kHz band
        _driver.Advance(200);
        _bobCodec.StartCapture();
        _driver.Advance(1000);

        var heard = _bobCodec.Captured();
        Assert.Equal(16000, heard.Length);
        double at6k = Goertzel.Power(heard, 16000, 6000);
        double at2k = Goertzel.Power(heard, 16000, 2000);
        Assert.True(at6k > 1000 * at2k && at6k > 1e10, $"6 kHz {at6k:E2}, 2 kHz {at2k:E2}");
        var sent = _wire.Capture.OfEvent(WireEvent.Sent).Where(r => r.FromAddress == AliceIp && r.ToPort == BobPort).ToList();
        Assert.All(sent, r => Assert.Equal(RtpHeader.Size + 160, r.Data.Length)); // 320 samples in 160 octets
        var first = Packets(AliceIp, BobIp);
        Assert.Equal(first[0].Timestamp + 160, first[1].Timestamp); // the 8000 Hz RTP clock of RFC 3551
        Assert.All(first, h => Assert.Equal(9, h.PayloadType));
    }

    [Fact]
    public void A_codec_the_phone_cannot_play_is_not_started()
    {
        var gsm = new SdpCodec("GSM", 3, 8000, 8000, null);
        _aliceSdp.Local.Codecs = new[] { gsm };
        var other = new SdpOfferAnswer(new SdpCapabilities(BobIp, BobPort, new[] { gsm }));
        var r = other.ReceiveOffer(Text(_aliceSdp.CreateOffer()));
        Assert.True(r.Accepted, r.Reason);
        Assert.False(MediaSession.Supports(r.Media));
        Assert.False(_bob.Start(r.Media, BobPort));
        Assert.False(_bob.IsRunning);
    }

    [Theory]
    [InlineData("PCMU", 8000)]
    [InlineData("G722", 16000)]
    public void At_zero_jitter_a_click_goes_from_one_phones_microphone_to_the_others_speaker_within_50_ms(string codec, int rate)
    {
        var chosen = codec == "G722" ? SdpCodec.G722 : SdpCodec.Pcmu;
        _aliceSdp.Local.Codecs = new[] { chosen };
        _bobSdp.Local.Codecs = new[] { chosen };
        Negotiate();
        Assert.True(_aliceAudio.Open(rate, AudioRoute.Handset));
        Assert.True(_bobAudio.Open(rate, AudioRoute.Handset));
        Assert.True(_alice.Start(_aliceSdp.Media, AlicePort));
        Assert.True(_bob.Start(_bobSdp.Media, BobPort));
        _aliceAudio.Attach(_alice);
        _bobAudio.Attach(_bob);
        _bobCodec.StartCapture();
        // a steady low hum keeps the buffer playing; one loud 2 ms click at a known sample
        int clickAt = rate; // 1 s in
        var mic = new short[rate * 2];
        for (int i = 0; i < mic.Length; i++) mic[i] = (short)(300 * Math.Sin(2 * Math.PI * 200 * i / rate));
        for (int i = 0; i < rate / 500; i++) mic[clickAt + i] = 20000;
        _aliceCodec.FeedMicrophone(new WavAudio(rate, mic), rate);

        _driver.Advance(2000);

        var heard = _bobCodec.Captured();
        int found = Array.FindIndex(heard, x => x > 10000);
        Assert.True(found > 0, "the click never came out");
        double ms = (found - clickAt) * 1000.0 / rate;
        _output.WriteLine($"{codec}: microphone to speaker {ms:F1} ms at zero jitter (buffer target {_bob.Jitter.TargetDelayMs} ms)");
        Assert.Equal(40, _bob.Jitter.TargetDelayMs); // two packets on a calm network
        Assert.InRange(ms, 20, 50); // the target: the two-packet buffer plus frame alignment and the codec's own delay
    }

    [Fact]
    public void Speech_over_a_link_with_5_percent_loss_and_40_ms_jitter_stays_close_to_the_clean_signal()
    {
        var link = _wire.Link(AliceIp, BobIp);
        link.DropProbability = 0.05;
        link.JitterMs = 40;
        link.ReorderProbability = 0.05;
        Connect();
        var speech = new short[8000 * 8];
        new SpeechLikeSignal(8000, seed: 11).Fill(speech, 0, speech.Length);
        _aliceCodec.FeedMicrophone(new WavAudio(8000, speech), 8000);
        _bobCodec.StartCapture();

        _driver.Advance(8500);

        var heard = _bobCodec.Captured();
        // the delay moves as the buffer adapts: align each 200 ms block on its own
        var scores = new List<double>();
        for (int start = 8000 * 2; start + 1600 <= 8000 * 7; start += 1600)
            scores.Add(BestCorrelation(speech, start, 1600, heard, 8000 * 3 / 10));
        double mean = scores.Average();
        var counters = _wire.Counters(AliceIp, BobIp);
        _output.WriteLine($"5 % loss, 0-40 ms jitter: dropped {counters.Dropped} of {counters.Sent}, lost {_bob.Jitter.Lost}, late {_bob.Jitter.Late}, " +
                          $"concealed {_bob.FramesConcealed} frames, buffer target {_bob.Jitter.TargetDelayMs} ms; mean block correlation {mean:F3}, worst {scores.Min():F3}");
        Assert.True(counters.Dropped > 0.03 * counters.Sent, $"dropped {counters.Dropped} of {counters.Sent}");
        Assert.True(_bob.FramesConcealed >= counters.Dropped / 2, $"concealed {_bob.FramesConcealed}");
        Assert.True(mean > 0.85, $"mean correlation {mean:F3}");
    }

    /// <summary>The highest normalized correlation of clean[start..+length] with heard at any lag in 0..maxLag.</summary>
    private static double BestCorrelation(short[] clean, int start, int length, short[] heard, int maxLag)
    {
        double best = -1;
        for (int lag = 0; lag <= maxLag && start + lag + length <= heard.Length; lag++)
        {
            double xy = 0, xx = 0, yy = 0;
            for (int i = 0; i < length; i++)
            {
                double x = clean[start + i], y = heard[start + lag + i];
                xy += x * y; xx += x * x; yy += y * y;
            }
            if (xx > 0 && yy > 0) best = Math.Max(best, xy / Math.Sqrt(xx * yy));
        }
        return best;
    }

    [Fact]
    public void A_steady_frame_allocates_nothing_sending_or_receiving()
    {
        Negotiate();
        var net = new QuietNetwork();
        var session = new MediaSession(net, _clock, new Random(3));
        Assert.True(session.Start(_aliceSdp.Media, AlicePort));
        var mic = Tone(1000, 20).Samples;
        var speaker = new short[160];
        var packet = new byte[RtpHeader.Size + 160];
        var header = new RtpHeader { PayloadType = _aliceSdp.Media.ReceivePayloadType, Ssrc = 99 };
        int seq = 0;

        void Frame()
        {
            for (int i = 0; i < 300; i++) // 6 s: at least one RTCP report each round
            {
                _clock.MoveTo(_clock.NowMs + 20);
                header.Sequence = seq++ & 0xFFFF;
                header.Timestamp += 160;
                header.WriteTo(packet, 0);
                net.Deliver(packet, packet.Length); // the HAL thread
                session.Frame(mic, speaker);        // the media thread
            }
        }

        Assert.Equal(0, Allocations.Steady(Frame));
        Assert.True(session.PacketsSent >= 1200);
        Assert.True(session.FramesPlayed >= 1190);
        Assert.True(session.Rtcp.ReportsSent >= 4, session.Rtcp.ReportsSent.ToString());
        Assert.Equal(session.PacketsSent + session.Rtcp.ReportsSent, net.Sent);
        Assert.Equal(AlicePort, net.Port);
    }

    [Fact]
    public void A_steady_frame_allocates_nothing_while_recorded_with_the_notice_and_a_greeting_going_out()
    {
        Negotiate();
        var net = new QuietNetwork();
        var session = new MediaSession(net, _clock, new Random(3));
        Assert.True(session.Start(_aliceSdp.Media, AlicePort));
        var storage = new CountingStorage();
        var recorder = new DeskPhone.Firmware.Media.Recording.CallRecorder(storage, new DeskPhone.Hal.Simulated.Logging.SimLog(_clock));
        Assert.True(recorder.Start("rec/a.wav", 8000, 3600));
        session.Tap = recorder;
        session.SendSource = DeskPhone.Firmware.Media.Recording.Greeting.Chime(8000);
        session.PlayToFarEnd(DeskPhone.Firmware.Media.Tone.RecordingNotice);
        var mic = Tone(1000, 20).Samples;
        var speaker = new short[160];
        var packet = new byte[RtpHeader.Size + 160];
        var header = new RtpHeader { PayloadType = _aliceSdp.Media.ReceivePayloadType, Ssrc = 99 };
        int seq = 0;

        void Frame()
        {
            for (int i = 0; i < 300; i++)
            {
                _clock.MoveTo(_clock.NowMs + 20);
                header.Sequence = seq++ & 0xFFFF;
                header.Timestamp += 160;
                header.WriteTo(packet, 0);
                net.Deliver(packet, packet.Length); // the HAL thread
                session.Frame(mic, speaker);        // the media thread
                if (i % 10 == 9) recorder.Drain();  // the loop, every 200 ms
            }
        }

        Assert.Equal(0, Allocations.Steady(Frame));
        Assert.Equal(0, recorder.DroppedFrames);
        Assert.True(storage.Appended >= 4 * 300 * 320, storage.Appended.ToString());
        Assert.True(session.PacketsSent >= 1200);
    }

    /// <summary>Storage that takes appends without keeping them (no allocation), counting the bytes.</summary>
    private sealed class CountingStorage : IStorage
    {
        public long Appended;
        public byte[]? Read(string name) => null;
        public bool WriteAtomic(string name, byte[] data, int offset, int count) => true;
        public bool Delete(string name) => false;
        public string[] List() => Array.Empty<string>();
        public int Length(string name) => -1;
        public bool Append(string name, byte[] data, int offset, int count) { Appended += count; return true; }
        public bool WriteAt(string name, int position, byte[] data, int offset, int count) => true;
        public int ReadAt(string name, int position, byte[] buffer, int offset, int count) => -1;
    }

    /// <summary>A network whose UDP ports (RTP and RTCP) send into nothing; RTP receives only what the test hands it.</summary>
    private sealed class QuietNetwork : INetwork
    {
        private sealed class Endpoint(QuietNetwork net, int port, DatagramReceived handler) : IUdpEndpoint
        {
            public readonly DatagramReceived Handler = handler;
            public int LocalPort => port;
            public bool SendTo(byte[] data, int offset, int count, string address, int to) { net.Sent++; return true; }
            public void Close() { }
        }

        private Endpoint? _rtp;
        public int Port => _rtp?.LocalPort ?? 0;
        public int Sent;
        public string LocalAddress => AliceIp;
        public bool SupportsTls => false;
        public IUdpEndpoint? OpenUdp(int localPort, DatagramReceived onDatagram)
        {
            var e = new Endpoint(this, localPort, onDatagram);
            if (_rtp == null) _rtp = e;
            return e;
        }
        public ITcpConnection ConnectTcp(string address, int port, string? tlsServerName, StreamConnected onConnected, StreamReceived onData, StreamClosed onClosed) => throw new NotSupportedException();
        public ITcpListener? ListenTcp(int localPort, StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed) => null;
        public ITcpListener? ListenTls(int localPort, byte[] c, byte[] k, StreamConnected a, StreamReceived d, StreamClosed x, out string error) { error = "no TLS"; return null; }
        public void Deliver(byte[] data, int count) => _rtp!.Handler(data, 0, count, BobIp, BobPort);
    }
}
