// Runs the simulated phones, in real time on their own threads or in virtual time stepped by hand.
using DeskPhone.Firmware.Input;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Storage;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Simulator;

/// <summary>Options for starting phones.</summary>
public sealed partial record HostOptions
{
    /// <summary>Device files to run.</summary>
    public IReadOnlyList<string> DeviceFiles { get; init; } = Array.Empty<string>();

    /// <summary>Virtual time: nothing moves until the API advances the clock. For scripted tests.</summary>
    public bool VirtualTime { get; init; }

    /// <summary>Where each phone keeps its files (DIR/ID/); null = in memory, lost at exit.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>The folder of board profiles (default: boards/profiles of the checkout).</summary>
    public string? ProfilesDirectory { get; init; }

    /// <summary>Where phones' log lines are echoed (null = nowhere).</summary>
    public TextWriter? LogEcho { get; init; }

    /// <summary>The first RTP port of the first phone; each further phone gets the next 1000 (they share one address).</summary>
    public int RtpPortBase { get; init; } = 40000;
}

/// <summary>
/// Owns the simulated phones and the time they live in. Every action on a phone goes through
/// <see cref="Do{T}"/>: in real time it is posted into the phone's loop and awaited; in virtual time
/// it runs under the host's lock, after which all loops are drained, so results are deterministic.
/// </summary>
public sealed class PhoneHost : IDisposable
{
    private readonly Dictionary<string, SimPhone> _phones = new(StringComparer.Ordinal);
    private readonly List<Thread> _threads = new();
    private readonly object _virtualGate = new();
    private readonly IClock _clock;
    private readonly VirtualTimeDriver? _driver;
    private readonly InMemoryNetwork? _wire;

    /// <summary>Starts the phones of <paramref name="options"/>; errors in any device file stop everything before it starts.</summary>
    public PhoneHost(HostOptions options)
    {
        VirtualTime = options.VirtualTime;
        if (VirtualTime)
        {
            var clock = new VirtualClock();
            _clock = clock;
            _driver = new VirtualTimeDriver(clock);
            _wire = new InMemoryNetwork(clock);
        }
        else
        {
            _clock = new SystemClock();
        }
        string profiles = options.ProfilesDirectory ?? Checkout.Path("boards", "profiles");

        var built = new List<SimPhone>();
        int n = 0;
        foreach (var file in options.DeviceFiles)
        {
            var config = SimPhone.LoadConfig(file);
            if (_phones.ContainsKey(config.Device.Id) || built.Any(p => p.Id == config.Device.Id))
                throw new SimulatorException($"{file}: device.id '{config.Device.Id}' is already used by another phone");
            var board = BoardProfile.Load(profiles, config.Device.Board);
            n++;
            INetwork network = VirtualTime ? _wire!.AddHost("127.0.1." + n) : new SocketNetwork("127.0.0.1");
            IStorage storage = options.StateDirectory == null
                ? new MemoryStorage()
                : new DirectoryStorage(Path.Combine(options.StateDirectory, config.Device.Id));
            SimContacts.Seed(file, config, storage); // SimContacts.cs: the contacts file beside the device file
            SimApiTls.Seed(file, config, storage); // SimApiTls.cs: the API's HTTPS certificate and key beside it
            var phone = new SimPhone(config, board, _clock, network, storage, options.LogEcho);
            phone.Firmware.RtpPortFirst = options.RtpPortBase + 1000 * (n - 1); // one address, many phones: a range each
            phone.Firmware.ApiPortOverride = PhoneApiPorts.Choose(options, config, built); // PhoneApiPorts.cs: the phone's own API, a port each
            built.Add(phone);
            _phones[phone.Id] = phone;
        }
        foreach (var phone in built) Start(phone);
    }

    /// <summary>True when time is virtual.</summary>
    public bool VirtualTime { get; }

    /// <summary>The clock all phones share.</summary>
    public IClock Clock => _clock;

    /// <summary>The in-memory network (virtual time only).</summary>
    public InMemoryNetwork? Wire => _wire;

    /// <summary>The phones, in the order their files were given.</summary>
    public IReadOnlyCollection<SimPhone> Phones => _phones.Values;

    /// <summary>The phone with <paramref name="id"/>; a <see cref="SimulatorException"/> names the known ones otherwise.</summary>
    public SimPhone Get(string id)
    {
        if (_phones.TryGetValue(id, out var p)) return p;
        throw new PhoneNotFoundException($"no phone '{id}' (phones: {string.Join(", ", _phones.Keys)})");
    }

    /// <summary>Runs <paramref name="action"/> on the phone's loop and returns its result.</summary>
    public T Do<T>(SimPhone phone, Func<T> action)
    {
        if (VirtualTime)
        {
            lock (_virtualGate)
            {
                _driver!.RunUntilIdle();
                T result = action();
                _driver.RunUntilIdle();
                return result;
            }
        }
        T value = default!;
        Exception? failure = null;
        using var done = new ManualResetEventSlim();
        phone.Loop.Post(() =>
        {
            try { value = action(); }
            catch (Exception e) { failure = e; }
            finally { done.Set(); }
        });
        if (!done.Wait(TimeSpan.FromSeconds(10))) throw new TimeoutException("phone " + phone.Id + " did not answer within 10 s");
        if (failure != null) throw new InvalidOperationException("action on " + phone.Id + " failed: " + failure.Message, failure);
        return value;
    }

    /// <summary>Lets <paramref name="ms"/> pass: advances virtual time, or waits in real time.</summary>
    public void Wait(int ms)
    {
        if (VirtualTime) Advance(ms);
        else Thread.Sleep(ms);
    }

    /// <summary>Advances virtual time by <paramref name="ms"/>, firing every timer on the way.</summary>
    public long Advance(long ms)
    {
        if (!VirtualTime) throw new InvalidOperationException("the clock is real: start the simulator with --virtual-time to step it");
        lock (_virtualGate)
        {
            _driver!.Advance(ms);
            return _clock.NowMs;
        }
    }

    /// <summary>One raw key edge, then the debounce time so the firmware has seen it.</summary>
    public void Edge(SimPhone phone, int keyCode, bool down)
    {
        if (VirtualTime) lock (_virtualGate) phone.Keys.Edge(keyCode, down);
        else phone.Keys.Edge(keyCode, down);
        Wait(KeyTiming.DebounceMs + 12);
    }

    /// <summary>
    /// A press held for <paramref name="holdMs"/>. In real time the release also waits (at most 2 s)
    /// until the firmware's keypad has the key down past its debounce, and the call returns once it
    /// has it up again: on a loaded machine the phone's loop can be held up longer than the hold, and
    /// the debounce would otherwise take the press for a bounce.
    /// </summary>
    public void Press(SimPhone phone, int keyCode, int holdMs)
    {
        Edge(phone, keyCode, true);
        if (!VirtualTime) Until(phone, () => phone.Firmware.Keypad.IsDown(keyCode));
        Wait(Math.Max(0, holdMs - (KeyTiming.DebounceMs + 12)));
        Edge(phone, keyCode, false);
        if (!VirtualTime) Until(phone, () => !phone.Firmware.Keypad.IsDown(keyCode));
    }

    private void Until(SimPhone phone, Func<bool> seen)
    {
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (!Do(phone, seen) && DateTime.UtcNow < deadline) Thread.Sleep(5);
    }

    private void Start(SimPhone phone)
    {
        if (VirtualTime)
        {
            _driver!.AddPump(phone.Loop.RunPending);
            Do(phone, () => { phone.Firmware.Boot(); return 0; });
            return;
        }
        var thread = new Thread(phone.Loop.Run) { IsBackground = true, Name = "loop " + phone.Id };
        _threads.Add(thread);
        thread.Start();
        Do(phone, () => { phone.Firmware.Boot(); return 0; });
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var p in _phones.Values)
        {
            p.Loop.Stop();
            p.Audio.Stop();
            (p.Network as IDisposable)?.Dispose();
        }
        foreach (var t in _threads) t.Join(TimeSpan.FromSeconds(5));
    }
}

/// <summary>An API call named a phone that does not exist.</summary>
public sealed class PhoneNotFoundException(string message) : Exception(message);
