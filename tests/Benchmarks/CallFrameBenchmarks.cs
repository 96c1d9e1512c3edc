// One 20 ms frame of a whole call on both phones: encode, RTP out, RTP in, jitter buffer, decode, concealment, RTCP.
using BenchmarkDotNet.Attributes;
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Media.Sdp;
using DeskPhone.Hal;

namespace DeskPhone.Benchmarks;

/// <summary>
/// Two <see cref="MediaSession"/>s wired back to back through a network that hands each datagram
/// straight to the other side's handler. One benchmark operation = one 20 ms frame on both phones,
/// so the time per operation is twice the media CPU one phone spends per frame. Expect 0 B.
/// </summary>
[MemoryDiagnoser]
public class CallFrameBenchmarks
{
    [Params("PCMU", "G722")]
    public string Codec { get; set; } = "PCMU";

    private readonly StepClock _clock = new();
    private MediaSession _alice = null!, _bob = null!;
    private short[] _aliceMic = null!, _bobMic = null!, _aliceSpeaker = null!, _bobSpeaker = null!;

    [GlobalSetup]
    public void Setup()
    {
        var codec = Codec == "G722" ? SdpCodec.G722 : SdpCodec.Pcmu;
        var a = new SdpOfferAnswer(new SdpCapabilities("10.0.0.1", 40000, new[] { codec, SdpCodec.TelephoneEvent }));
        var b = new SdpOfferAnswer(new SdpCapabilities("10.0.0.2", 40100, new[] { codec, SdpCodec.TelephoneEvent }));
        SdpSession.TryParse(a.CreateOffer().ToString(), out var offer, out _);
        var answer = b.ReceiveOffer(offer);
        SdpSession.TryParse(answer.Answer.ToString(), out var parsed, out _);
        a.ReceiveAnswer(parsed, out _);
        var wire = new BackToBack();
        _alice = new MediaSession(wire.Host("10.0.0.1"), _clock, new Random(1));
        _bob = new MediaSession(wire.Host("10.0.0.2"), _clock, new Random(2));
        _alice.Start(a.Media, 40000);
        _bob.Start(b.Media, 40100);
        int samples = a.Media.SampleRate / 50;
        _aliceMic = Speech(samples, 300);
        _bobMic = Speech(samples, 170);
        _aliceSpeaker = new short[samples];
        _bobSpeaker = new short[samples];
        for (int i = 0; i < 50; i++) Frame(); // past the buffer's start
    }

    private static short[] Speech(int n, int hz)
    {
        var s = new short[n];
        for (int i = 0; i < n; i++) s[i] = (short)(6000 * Math.Sin(2 * Math.PI * hz * i * 50.0 / n / 50));
        return s;
    }

    /// <summary>Both phones' media threads for one 20 ms tick.</summary>
    [Benchmark]
    public short Frame()
    {
        _clock.Now += 20;
        _alice.Frame(_aliceMic, _aliceSpeaker);
        _bob.Frame(_bobMic, _bobSpeaker);
        return _bobSpeaker[7];
    }

    private sealed class StepClock : IClock
    {
        public long Now;
        public long NowMs => Now;
        public DateTime WallClock => new DateTime(2026, 1, 1).AddMilliseconds(Now);
        public IHalTimer StartTimer(int dueMs, int periodMs, TimerFired fired) => throw new NotSupportedException();
    }

    /// <summary>Datagrams go straight to the handler bound on the other address and port, on the sender's thread.</summary>
    private sealed class BackToBack
    {
        private readonly Dictionary<(string, int), DatagramReceived> _handlers = new();

        public INetwork Host(string address) => new Side(this, address);

        private sealed class Side(BackToBack wire, string address) : INetwork
        {
            public string LocalAddress => address;
            public bool SupportsTls => false;
            public IUdpEndpoint? OpenUdp(int localPort, DatagramReceived onDatagram)
            {
                wire._handlers[(address, localPort)] = onDatagram;
                return new Endpoint(wire, address, localPort);
            }
            public ITcpConnection ConnectTcp(string a, int p, string? t, StreamConnected c, StreamReceived d, StreamClosed x) => throw new NotSupportedException();
            public ITcpListener? ListenTcp(int p, StreamConnected c, StreamReceived d, StreamClosed x) => null;
            public ITcpListener? ListenTls(int p, byte[] c, byte[] k, StreamConnected a, StreamReceived d, StreamClosed x, out string error) { error = "no TLS"; return null; }
        }

        private sealed class Endpoint(BackToBack wire, string address, int port) : IUdpEndpoint
        {
            public int LocalPort => port;
            public bool SendTo(byte[] data, int offset, int count, string to, int toPort)
            {
                if (!wire._handlers.TryGetValue((to, toPort), out var handler)) return false;
                handler(data, offset, count, address, port);
                return true;
            }
            public void Close() => wire._handlers.Remove((address, port));
        }
    }
}
