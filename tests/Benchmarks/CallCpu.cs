// CPU seconds per call-minute: our phone (the simulator's phone in this process) and baresip, on the same call.
using System.Diagnostics;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Simulator;
using DeskPhone.Softswitch;

namespace DeskPhone.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- callcpu [--seconds 60] [--codec g722|g711]</c>:
/// Kamailio, baresip 202 (sending a tone from a WAV, as its microphone) and our phone 201 in this
/// process (the simulated HAL's codec feeding a tone every 20 ms) in one call through Kamailio; then
/// the CPU time each process used during the call (user + system, from /proc), scaled to one minute.
/// Our figure includes the simulated HAL (its frame timer and WAV queue) and the runtime's threads, as
/// baresip's includes its own audio modules: both are whole user agents on the same call.
/// </summary>
public static class CallCpu
{
    public static int Run(string[] args)
    {
        int seconds = 60;
        string codec = "g722";
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--seconds") seconds = int.Parse(args[i + 1]);
            else if (args[i] == "--codec") codec = args[i + 1];
        }
        int rate = codec == "g722" ? 16000 : 8000;
        string dir = Directory.CreateTempSubdirectory("deskphone-callcpu-").FullName;
        string wav = Path.Combine(dir, "tone.wav");
        File.WriteAllBytes(wav, WavFile.Write(rate, Sine(700, rate, rate * (seconds + 30))));

        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret").Start();
        using var far = new BaresipProcess(kamailio, "202", "bob-secret", audio: new BaresipAudio
        {
            Codecs = codec == "g722" ? new[] { "g722" } : new[] { "g711" },
            SourceWav = wav,
        }).Start();
        if (far.Register().Type != "REGISTER_OK") throw new InvalidOperationException("baresip did not register");

        string device = kamailio.WriteDeviceFile(dir, "201", "reception-secret", "CPU 201", deviceId: "cpu-201");
        using var host = new PhoneHost(new HostOptions { DeviceFiles = new[] { device }, RtpPortBase = 47000 });
        var phone = host.Phones.Single();
        Until(() => host.Do(phone, () => phone.Firmware.Registration == RegistrationState.Registered), "registered");

        far.Dial(kamailio.Aor("201"));
        Until(() => host.Do(phone, () => phone.Firmware.Mode == PhoneMode.Ringing), "ringing");
        phone.Keys.Edge(KeyCodes.Hook, true);
        far.WaitForEvent("CALL_ESTABLISHED");
        Until(() => host.Do(phone, () => phone.Firmware.Mode == PhoneMode.InCall), "in the call");
        string used = host.Do(phone, () => phone.Firmware.CurrentCall!.NegotiatedMedia!.CodecName);
        phone.Audio.FeedMicrophone(new WavAudio(rate, Sine(1000, rate, rate * (seconds + 10))), rate);

        Thread.Sleep(1000); // settle: JIT, jitter buffers
        var self = Process.GetCurrentProcess();
        self.Refresh();
        TimeSpan ours0 = self.TotalProcessorTime, theirs0 = ProcessCpu(far.ProcessId);
        var wall = Stopwatch.StartNew();
        Thread.Sleep(seconds * 1000);
        self.Refresh();
        double elapsed = wall.Elapsed.TotalSeconds;
        double ours = (self.TotalProcessorTime - ours0).TotalSeconds, theirs = (ProcessCpu(far.ProcessId) - theirs0).TotalSeconds;
        long frames = phone.Audio.Frames;
        far.Hangup();

        Console.WriteLine($"call of {elapsed:F1} s in {used}, {frames} codec frames on our side");
        Console.WriteLine($"our phone : {ours:F3} CPU s = {ours * 60 / elapsed:F3} CPU s per call-minute");
        Console.WriteLine($"baresip   : {theirs:F3} CPU s = {theirs * 60 / elapsed:F3} CPU s per call-minute");
        try { Directory.Delete(dir, true); } catch (IOException) { }
        return 0;
    }

    private static TimeSpan ProcessCpu(int pid)
    {
        // /proc/PID/stat fields 14 and 15: utime and stime in clock ticks (100 per second on Linux)
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(f[11]) + long.Parse(f[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static void Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the phone never got " + what);
            Thread.Sleep(20);
        }
    }

    private static short[] Sine(int hz, int rate, int count)
    {
        var s = new short[count];
        for (int i = 0; i < count; i++) s[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / rate));
        return s;
    }
}
