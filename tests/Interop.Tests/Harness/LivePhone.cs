// A whole simulated phone (firmware, simulated keys, display and audio codec) on real UDP, in real time, registered with a real Kamailio.
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Simulator;
using DeskPhone.Softswitch;

namespace DeskPhone.Interop.Tests.Harness;

/// <summary>
/// One phone as a tester runs it in the simulator (tools/Simulator's PhoneHost in real time), with
/// a device file written for <see cref="KamailioProcess"/>'s port. Keys are pressed through the host
/// like the control API does; everything else is read through <see cref="Do{T}"/> on the phone's loop.
/// </summary>
public sealed class LivePhone : IDisposable
{
    private readonly string _dir;
    private readonly PhoneHost _host;

    /// <summary>
    /// Starts phone <paramref name="user"/> (id "phone-USER", board sim-desk-8) against <paramref name="kamailio"/>;
    /// <paramref name="extraKeys"/> are JSON key objects after its line key, e.g. <c>{ "kind": "blf", "target": "sip:202@office.example" }</c>.
    /// </summary>
    public LivePhone(KamailioProcess kamailio, string user, string password, int rtpPortFirst = 42000, string extraKeys = "")
        : this(WriteDeviceFile(kamailio, user, password, extraKeys), "phone-" + user, rtpPortFirst)
    {
    }

    /// <summary>Starts the phone <paramref name="deviceFile"/> describes, as it is (e.g. one deskphone-provision generated); the file is copied first.</summary>
    public LivePhone(string deviceFile, int rtpPortFirst = 42000)
        : this(CopyDeviceFile(deviceFile), "phone-" + Path.GetFileNameWithoutExtension(deviceFile), rtpPortFirst)
    {
    }

    private LivePhone(string file, string name, int rtpPortFirst)
    {
        _dir = Path.GetDirectoryName(file)!;
        LogPath = Path.Combine(InteropTools.LogDir, $"{name}-{Path.GetFileName(_dir)}.log");
        Log = new StreamWriter(LogPath) { AutoFlush = true };
        _host = new PhoneHost(new HostOptions { DeviceFiles = new[] { file }, LogEcho = TextWriter.Synchronized(Log), RtpPortBase = rtpPortFirst });
        Sim = _host.Phones.Single();
    }

    private static string WriteDeviceFile(KamailioProcess kamailio, string user, string password, string extraKeys) =>
        kamailio.WriteDeviceFile(Directory.CreateTempSubdirectory("deskphone-live-").FullName, user, password, extraKeys: extraKeys);

    private static string CopyDeviceFile(string deviceFile)
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("deskphone-live-").FullName, Path.GetFileName(deviceFile));
        File.Copy(deviceFile, file);
        SimContacts.CopyBeside(deviceFile, file); // its contacts file goes along (tools/Simulator/SimContacts.cs)
        SimApiTls.CopyBeside(deviceFile, file); // and its API's HTTPS certificate and key (tools/Simulator/SimApiTls.cs)
        return file;
    }

    /// <summary>The simulated phone (firmware, keys, display, audio codec).</summary>
    public SimPhone Sim { get; }

    /// <summary>The phone's firmware.</summary>
    public Phone Firmware => Sim.Firmware;

    /// <summary>Where the phone's log lines go (kept after the test).</summary>
    public string LogPath { get; }

    private StreamWriter Log { get; }

    /// <summary>Runs <paramref name="read"/> on the phone's loop and returns its result.</summary>
    public T Do<T>(Func<T> read) => _host.Do(Sim, read);

    /// <summary>Polls (every 20 ms, bounded by <paramref name="patience"/>) until <paramref name="condition"/> holds on the loop.</summary>
    public bool WaitFor(Func<bool> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!Do(condition))
        {
            if (DateTime.UtcNow >= deadline) return false;
            Thread.Sleep(20);
        }
        return true;
    }

    /// <summary>
    /// Presses and releases a key like a finger that waits for the phone: held until the firmware's
    /// keypad has the key down (past its debounce), released until it has it up. A loaded machine can
    /// hold up the phone's loop longer than a fixed hold time, and the debounce would then see a bounce.
    /// </summary>
    public void Press(int keyCode)
    {
        Sim.Keys.Edge(keyCode, true);
        Assert.True(WaitFor(() => Firmware.Keypad.IsDown(keyCode), TimeSpan.FromSeconds(5)), $"key {KeyCodes.Name(keyCode)} never went down\n{Tail()}");
        Sim.Keys.Edge(keyCode, false);
        Assert.True(WaitFor(() => !Firmware.Keypad.IsDown(keyCode), TimeSpan.FromSeconds(5)), $"key {KeyCodes.Name(keyCode)} never came up\n{Tail()}");
    }

    /// <summary>Lifts the handset and dials <paramref name="digits"/>, then OK.</summary>
    public void Dial(string digits)
    {
        Sim.Keys.Edge(KeyCodes.Hook, true);
        Assert.True(WaitFor(() => Firmware.Keypad.IsDown(KeyCodes.Hook), TimeSpan.FromSeconds(5)), "the handset never came off the hook\n" + Tail());
        foreach (char c in digits) Press(c == '*' ? KeyCodes.Star : c == '#' ? KeyCodes.Pound : c - '0');
        Press(KeyCodes.Ok);
    }

    /// <summary>Puts the handset down.</summary>
    public void HangUp()
    {
        Sim.Keys.Edge(KeyCodes.Hook, false);
        Assert.True(WaitFor(() => !Firmware.Keypad.IsDown(KeyCodes.Hook), TimeSpan.FromSeconds(5)), "the handset never went down\n" + Tail());
    }

    /// <summary>The last lines of the phone's log, for failure messages.</summary>
    public string Tail() => InteropTools.Tail(LogPath);

    public void Dispose()
    {
        _host.Dispose();
        Log.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
