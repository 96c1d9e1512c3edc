// NOTIFY arrival → lamp change and key press → INVITE sent on a whole phone: p50, p90, p99, max and bytes allocated per operation.
using System.Diagnostics;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Input;
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Hal.Simulated.Display;
using DeskPhone.Hal.Simulated.Input;
using DeskPhone.Hal.Simulated.Lamps;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Storage;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- latency [--n 20000]</c>: issue 5's "p99 under
/// 1 ms" for NOTIFY → lamp and key → SIP request. BenchmarkDotNet reports means and P95, not p99, so
/// this times each operation with a Stopwatch on a whole phone (firmware Phone, simulated HAL,
/// in-memory wire, a <see cref="WireSwitch"/>) with 32 keys, registered, 20 BLF watches and MWI active.
/// (a) a dialog-info NOTIFY for the BLF key on line 3 is handed to the phone's UDP handler and the
/// loop run until idle; the time is to the lamp's LED write (parse, transaction, subscription, BLF
/// state, lamp scheme, lamp driver). Bodies alternate early (red fast flash, lit at its start) and
/// terminated (off) 400 ms of virtual time apart, a whole flash period, so every NOTIFY changes the LED.
/// (b) the same key is pressed while the colleague is idle: the raw edge, the loop, the 8 ms debounce
/// timer in virtual time, the press → the INVITE leaving through the phone's UDP endpoint (the far end
/// answers 486 afterwards). Presses sit at 500 ms past the phone's once-a-second clock redraw.
/// In virtual time the driver runs the loop synchronously on this thread: these are the CPU path's
/// times, with no thread hand-off or socket in them; on the device the loop thread's wake-up adds to them.
/// </summary>
public static class PhoneLatency
{
    private const int BlfLine = 3;
    private const string Colleague = "sip:202@office.example";

    /// <summary>Warm-up goes in blocks of this many operations.</summary>
    private const int Block = 1000;

    /// <summary>The least and the most warm-up, in seconds of wall time.</summary>
    private const double MinWarmSeconds = 5, MaxWarmSeconds = 60;

    public static int Run(string[] args)
    {
        int n = 20000;
        for (int i = 1; i + 1 < args.Length; i += 2)
            if (args[i] == "--n") n = int.Parse(args[i + 1]);
        Console.WriteLine($"{Environment.ProcessorCount} CPUs, load average {LoadAverage()}; {n} operations each, on a 32-key phone with 20 BLF watches");

        var rig = new Rig();
        var notify = Measure(rig.NotifyToLamp, n);
        rig.Check();
        rig.Driver.Advance(40_000); // the NOTIFY transactions' Timer J (64·T1) runs out before the presses
        var press = Measure(rig.KeyToInvite, n);
        rig.Check();

        notify.Print("NOTIFY → lamp", "until the loop is idle (the 200 OK sent)", "early (lamp to red fast flash)", "terminated (lamp off)");
        press.Print("key → INVITE", "until the loop is idle (screen redrawn, audio opened)");
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// Warms up in blocks, with a pause after each for the JIT's background thread, for at least
    /// <see cref="MinWarmSeconds"/> and until three blocks in a row are no faster (median) than 97 %
    /// of the best before them: the tiered JIT with dynamic PGO takes seconds of wall time to install
    /// optimised code for the whole path: a NOTIFY's median sits near 40 µs for a few thousand
    /// operations, then falls to ~8 µs (the plateau test alone took the first plateau for the end).
    /// Then <paramref name="n"/> operations are measured.
    /// </summary>
    private static Samples Measure(Func<int, Sample> once, int n)
    {
        var medians = new List<long>();
        var wall = Stopwatch.StartNew();
        int i = 0;
        while (wall.Elapsed.TotalSeconds < MaxWarmSeconds)
        {
            var block = new long[Block];
            for (int k = 0; k < Block; k++) block[k] = once(i++).ToEvent;
            Array.Sort(block);
            medians.Add(block[Block / 2]);
            int m = medians.Count;
            if (wall.Elapsed.TotalSeconds >= MinWarmSeconds && m >= 4 && medians.Skip(m - 3).All(x => x >= 0.97 * medians.Take(m - 3).Min())) break;
            Thread.Sleep(50);
        }
        var result = new Samples(n, i, wall.Elapsed.TotalSeconds, medians[0]);
        int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
        for (int k = 0; k < n; k++) result.Add(k, once(i++)); // i stays even at k = 0: NOTIFYs keep early on even k
        result.Gen0 = GC.CollectionCount(0) - gen0;
        result.Gen2 = GC.CollectionCount(2) - gen2;
        return result;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>One operation: Stopwatch ticks to the event and to the loop going idle, bytes allocated by the firmware and by the simulated HAL.</summary>
    private readonly record struct Sample(long ToEvent, long ToIdle, long FirmwareBytes, long HalBytes);

    /// <summary>The times and bytes of one kind of operation.</summary>
    private sealed class Samples(int n, int warmOps, double warmSeconds, long coldMedian)
    {
        public readonly long[] ToEvent = new long[n], ToIdle = new long[n];
        public long FirmwareBytes, HalBytes;
        public int Gen0, Gen2;

        public void Add(int k, Sample s)
        {
            ToEvent[k] = s.ToEvent;
            ToIdle[k] = s.ToIdle;
            FirmwareBytes += s.FirmwareBytes;
            HalBytes += s.HalBytes;
        }

        public void Print(string what, string idle, string? even = null, string? odd = null)
        {
            Console.WriteLine($"{what}: {Percentiles(ToEvent)}");
            if (even != null && odd != null)
            {
                Console.WriteLine($"  {even}: {Percentiles(ToEvent.Where((_, i) => i % 2 == 0).ToArray())}");
                Console.WriteLine($"  {odd}: {Percentiles(ToEvent.Where((_, i) => i % 2 == 1).ToArray())}");
            }
            Console.WriteLine($"  {idle}: {Percentiles(ToIdle)}");
            Console.WriteLine($"  allocated per operation: {FirmwareBytes / (double)n:N0} B by the firmware (and the virtual clock's timer entries), "
                + $"{HalBytes / (double)n:N0} B by the simulated wire, LEDs and codec; {Gen0} gen0 and {Gen2} gen2 collections in the {n}");
            Console.WriteLine($"  after a warm-up of {warmOps:N0} operations in {warmSeconds:F1} s, whose first {Block} had a median of {Us(coldMedian)} µs");
        }

        private static string Percentiles(long[] ticks)
        {
            var s = ticks.Order().ToArray();
            string At(double q) => Us(s[Math.Max(0, (int)Math.Ceiling(q * s.Length) - 1)]);
            long ms = Stopwatch.Frequency / 1000;
            return $"p50 {At(0.50)}  p90 {At(0.90)}  p99 {At(0.99)}  max {Us(s[^1])} µs; {s.Count(t => t > ms)} over 1 ms";
        }

        private static string Us(long ticks) => (ticks * 1_000_000.0 / Stopwatch.Frequency).ToString("F1");
    }

    /// <summary>The phone, its HAL with probes on the LEDs, the codec and the SIP port, the wire and the switch.</summary>
    private sealed class Rig
    {
        public readonly VirtualClock Clock = new(new DateTime(2026, 11, 23, 9, 5, 0));
        public readonly VirtualTimeDriver Driver;
        private readonly WireSwitch _switch;
        private readonly SimKeys _keys = new();
        private readonly ProbeLamps _lamps;
        private readonly ProbeNetwork _net;
        private readonly ProbeAudio _audio;
        private readonly Phone _phone;
        private readonly EventLoop _loop;

        public Rig()
        {
            Driver = new VirtualTimeDriver(Clock);
            var wire = new InMemoryNetwork(Clock);
            wire.Capture.Enabled = false;
            // Replies arrive after the timed part, never inside it.
            wire.Link("127.0.1.1", WireSwitch.Address).DelayMs = 2;
            wire.Link(WireSwitch.Address, "127.0.1.1").DelayMs = 5;
            _switch = new WireSwitch(wire);
            _lamps = new ProbeLamps(new SimLamps(Clock, 8));
            _net = new ProbeNetwork(wire.AddHost("127.0.1.1"));
            _audio = new ProbeAudio(new SimAudioCodec(Clock));
            var log = new SimLog(Clock) { Capacity = 64 };
            _loop = new EventLoop(Clock, log);
            Driver.AddPump(_loop.RunPending);
            if (!DeviceConfigLoader.TryLoad("latency.json", DeviceFile(), out var config, out var errors))
                throw new InvalidOperationException(errors.ToString());
            var hw = new PhoneHardware
            {
                Clock = Clock, Keys = _keys, Lamps = _lamps, Display = new SimDisplay(), Audio = _audio,
                Network = _net, Storage = new MemoryStorage(), Log = log,
            };
            _phone = new Phone(hw, config, _loop);
            _loop.Post(_phone.Boot);
            Driver.Advance(2000);
            int active = _phone.Subscriptions?.ToArray().Count(s => s.State == SubscriptionState.Active) ?? 0;
            if (_phone.Registration != RegistrationState.Registered || active != 21)
                throw new InvalidOperationException($"the phone is {_phone.Registration} with {active} of 21 subscriptions active");
        }

        /// <summary>One NOTIFY, early when <paramref name="i"/> is even, terminated when odd.</summary>
        public Sample NotifyToLamp(int i)
        {
            var watcher = _switch.Find(EventPackages.Dialog, Colleague) ?? throw new InvalidOperationException("no subscription to " + Colleague);
            bool ringing = (i & 1) == 0;
            byte[] notify = _switch.Notify(watcher, ringing ? "early" : "terminated");
            _lamps.Arm(BlfLine - 1, ringing ? LampColour.Red : LampColour.Off);
            long hal = HalBytes();
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            _net.Sip!(notify, 0, notify.Length, WireSwitch.Address, WireSwitch.Port);
            Driver.RunUntilIdle();
            long t1 = Stopwatch.GetTimestamp();
            bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
            if (_lamps.HitAt == 0) throw new InvalidOperationException($"NOTIFY {i} ({(ringing ? "early" : "terminated")}) did not change the lamp");
            hal = HalBytes() - hal;
            Driver.Advance(400); // the 200 OK reaches the switch; a whole fast-flash period
            return new Sample(_lamps.HitAt - t0, t1 - t0, bytes - hal, hal);
        }

        /// <summary>One press of the BLF key on an idle colleague, 500 ms past a clock redraw.</summary>
        public Sample KeyToInvite(int i)
        {
            int key = KeyCodes.Line(BlfLine);
            Driver.AdvanceTo((Clock.NowMs / 1000 + 1) * 1000 + 500);
            if (_phone.Mode != PhoneMode.Idle) throw new InvalidOperationException($"press {i}: the phone is {_phone.Mode}, not idle");
            _net.ArmInvite();
            long hal = HalBytes();
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            _keys.Edge(key, true);
            Driver.Advance(KeyTiming.DebounceMs);
            long t1 = Stopwatch.GetTimestamp();
            bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
            if (_net.HitAt == 0) throw new InvalidOperationException($"press {i} sent no INVITE");
            hal = HalBytes() - hal;
            _keys.Edge(key, false);
            Driver.Advance(200); // 486 Busy Here, ACK, released
            return new Sample(_net.HitAt - t0, t1 - t0, bytes - hal, hal);
        }

        public void Check()
        {
            if (_loop.Failures != 0) throw new InvalidOperationException("loop failure: " + _loop.LastFailure);
        }

        private long HalBytes() => _lamps.HalBytes + _net.HalBytes + _audio.HalBytes;
    }

    /// <summary>32 keys on 4 pages of 8 (sim-desk-8): 2 lines, 20 BLF, 5 speed dials, 2 park slots, 3 features (as PhoneHeapTests).</summary>
    private static string DeviceFile()
    {
        var keys = new List<string> { """{ "kind": "line", "account": "main" }""", """{ "kind": "line", "account": "main" }""" };
        string Blf(int ext, int page) => $$"""{ "kind": "blf", "label": "Colleague {{ext}}", "target": "sip:{{ext}}@office.example", "page": {{page}} }""";
        for (int ext = 202; ext <= 204; ext++) keys.Add(Blf(ext, 1));
        keys.Add("""{ "kind": "speeddial", "label": "Lobby", "target": "sip:210@office.example" }""");
        keys.Add("""{ "kind": "park", "label": "Park 1", "target": "sip:701@office.example" }""");
        keys.Add("""{ "kind": "feature", "feature": "dnd" }""");
        for (int ext = 205; ext <= 220; ext++) keys.Add(Blf(ext, ext <= 212 ? 2 : 3));
        keys.Add(Blf(221, 4));
        for (int n = 0; n < 4; n++) keys.Add($$"""{ "kind": "speeddial", "target": "30{{n}}", "page": 4 }""");
        keys.Add("""{ "kind": "park", "label": "Park 2", "target": "sip:702@office.example", "page": 4 }""");
        keys.Add("""{ "kind": "feature", "feature": "history", "page": 4 }""");
        keys.Add("""{ "kind": "feature", "feature": "voicemail", "page": 4 }""");
        return $$"""
        { "device": { "id": "latency-1", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "201", "domain": "office.example", "registrar": "sip:127.0.0.1:5060" } ],
          "keys": [ {{string.Join(",\n", keys)}} ] }
        """;
    }

    /// <summary>The LEDs: notes when the armed lamp is written the armed colour, and what the simulated LEDs allocate.</summary>
    private sealed class ProbeLamps(ILamps inner) : ILamps
    {
        private int _index = -1;
        private LampColour _colour;
        public long HitAt, HalBytes;

        public int Count => inner.Count;
        public bool HasTwoColours => inner.HasTwoColours;

        public void Arm(int index, LampColour colour) { _index = index; _colour = colour; HitAt = 0; }

        public void Set(int index, LampColour colour)
        {
            if (index == _index && colour == _colour && HitAt == 0) HitAt = Stopwatch.GetTimestamp();
            long a = GC.GetAllocatedBytesForCurrentThread();
            inner.Set(index, colour);
            HalBytes += GC.GetAllocatedBytesForCurrentThread() - a;
        }
    }

    /// <summary>The phone's network: keeps the SIP port's receive handler and notes when an INVITE leaves it.</summary>
    private sealed class ProbeNetwork(INetwork inner) : INetwork
    {
        public DatagramReceived? Sip;
        public long HitAt, HalBytes;
        private bool _armed;

        public string LocalAddress => inner.LocalAddress;
        public bool SupportsTls => inner.SupportsTls;

        public void ArmInvite() { _armed = true; HitAt = 0; }

        public IUdpEndpoint OpenUdp(int localPort, DatagramReceived onDatagram)
        {
            var endpoint = inner.OpenUdp(localPort, onDatagram);
            if (endpoint == null || localPort != 5060) return endpoint!;
            Sip = onDatagram;
            return new Endpoint(this, endpoint);
        }

        public ITcpConnection ConnectTcp(string address, int port, string tlsServerName, StreamConnected onConnected, StreamReceived onData, StreamClosed onClosed) =>
            inner.ConnectTcp(address, port, tlsServerName, onConnected, onData, onClosed);

        public ITcpListener ListenTcp(int localPort, StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed) =>
            inner.ListenTcp(localPort, onAccepted, onData, onClosed);

        public ITcpListener ListenTls(int localPort, byte[] certificatePem, byte[] privateKeyPem, StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed, out string error) =>
            inner.ListenTls(localPort, certificatePem, privateKeyPem, onAccepted, onData, onClosed, out error);

        private sealed class Endpoint(ProbeNetwork net, IUdpEndpoint inner) : IUdpEndpoint
        {
            public int LocalPort => inner.LocalPort;
            public void Close() => inner.Close();

            public bool SendTo(byte[] data, int offset, int count, string address, int port)
            {
                if (net._armed && count > 7 && data.AsSpan(offset, 7).SequenceEqual("INVITE "u8))
                {
                    net.HitAt = Stopwatch.GetTimestamp();
                    net._armed = false;
                }
                long a = GC.GetAllocatedBytesForCurrentThread();
                bool sent = inner.SendTo(data, offset, count, address, port);
                net.HalBytes += GC.GetAllocatedBytesForCurrentThread() - a;
                return sent;
            }
        }
    }

    /// <summary>The codec: counts what the simulated codec allocates when the phone opens it (its frame buffers).</summary>
    private sealed class ProbeAudio(IAudioCodec inner) : IAudioCodec
    {
        public long HalBytes;
        public bool IsRunning => inner.IsRunning;
        public int SampleRate => inner.SampleRate;
        public void Stop() => inner.Stop();
        public void SetRoute(AudioRoute route) => inner.SetRoute(route);
        public void SetVolume(int level) => inner.SetVolume(level);

        public bool Start(int sampleRateHz, AudioFrameHandler onFrame)
        {
            long a = GC.GetAllocatedBytesForCurrentThread();
            bool started = inner.Start(sampleRateHz, onFrame);
            HalBytes += GC.GetAllocatedBytesForCurrentThread() - a;
            return started;
        }
    }
}
