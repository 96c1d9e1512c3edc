// deskphone-sim: runs simulated phones (run, demo) and drives them from a shell (every other command).
namespace DeskPhone.Simulator;

/// <summary>The simulator's command line.</summary>
public static class Program
{
    /// <summary>Default control API port.</summary>
    public const int DefaultPort = 8080;

    /// <summary>Entry point; returns 0 on success, 1 on a failed command, 2 on bad usage.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Out.Write(Usage.Text);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            return args[0] switch
            {
                "run" => await Run(args[1..], demo: false),
                "demo" => await Run(args[1..], demo: true),
                _ => await CliClient.Execute(args, Console.Out),
            };
        }
        catch (SimulatorException e)
        {
            Console.Error.WriteLine("deskphone-sim: " + e.Message);
            return 1;
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine("deskphone-sim: " + e.Message);
            Console.Error.WriteLine("run 'deskphone-sim help' for the commands");
            return 2;
        }
    }

    private static async Task<int> Run(string[] args, bool demo)
    {
        int port = DefaultPort;
        bool virtualTime = false, quiet = false, headless = false, softswitch = demo;
        string? state = demo ? Checkout.Path(".sim", "state") : null;
        double? seconds = null;
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port": port = ParseInt(args, ++i, "--port", 0, 65535); break;
                case "--virtual-time": virtualTime = true; break;
                case "--state": state = Value(args, ++i, "--state"); break;
                case "--seconds": seconds = ParseInt(args, ++i, "--seconds", 1, 86400); break;
                case "--quiet": quiet = true; break;
                case "--headless": headless = true; break;
                case "--softswitch": softswitch = true; break;
                case "--no-softswitch": softswitch = false; break;
                default:
                    if (args[i].StartsWith("--")) throw new UsageException("unknown option " + args[i]);
                    files.Add(ResolveFile(args[i]));
                    break;
            }
        }
        if (demo && files.Count == 0)
            files.AddRange(Directory.GetFiles(Checkout.Path("examples", "devices"), "*.json").Order());
        if (files.Count == 0) throw new UsageException("run needs at least one device file");

        using var kamailio = softswitch && !virtualTime ? Softswitch.Start(files, Console.Out) : null;
        var options = new HostOptions
        {
            DeviceFiles = files,
            VirtualTime = virtualTime,
            StateDirectory = state,
            LogEcho = quiet ? null : Console.Out,
        };
        await using var app = await SimulatorApp.StartAsync(options, port, withView: !headless);
        Console.WriteLine($"deskphone-sim: {app.Host.Phones.Count} phone(s), {(virtualTime ? "virtual" : "real")} time");
        Console.WriteLine($"control API: {app.Url}/api/phones" + (headless ? "    (headless: no view page)" : $"    view: {app.Url}/"));
        foreach (var p in app.Host.Phones)
        {
            Console.WriteLine();
            Console.WriteLine($"{p.Id}: {p.Config.Device.Name}, ext {p.Config.Device.Extension}, board {p.Board.Name}");
            if (p.Firmware.ApiPort != 0) Console.WriteLine($"phone API (for a CRM): http://127.0.0.1:{p.Firmware.ApiPort}/api/status");
            Console.Write(ScreenArt.Blocks(app.Host.Do(p, () => p.Display.ToAsciiArt())));
        }
        Console.WriteLine();
        Console.WriteLine("try:  deskphone-sim press " + app.Host.Phones.First().Id + " line1 --api " + app.Url);
        Console.WriteLine("      curl -s " + app.Url + "/api/phones/" + app.Host.Phones.First().Id + "/lamps");
        Console.WriteLine(seconds == null ? "Ctrl-C stops the simulator." : $"stopping after {seconds} s.");

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        if (seconds != null) stop.CancelAfter(TimeSpan.FromSeconds(seconds.Value));
        try { await Task.Delay(Timeout.Infinite, stop.Token); }
        catch (OperationCanceledException) { }
        Console.WriteLine("deskphone-sim: stopped");
        return 0;
    }

    /// <summary>A device file path as given, or relative to the checkout when `dotnet run` moved the working directory.</summary>
    private static string ResolveFile(string path)
    {
        if (File.Exists(path) || Path.IsPathRooted(path)) return path;
        string inCheckout = Checkout.Path(path);
        return File.Exists(inCheckout) ? inCheckout : path;
    }

    internal static string Value(string[] args, int i, string option)
    {
        if (i >= args.Length) throw new UsageException(option + " needs a value");
        return args[i];
    }

    internal static int ParseInt(string[] args, int i, string option, int min, int max)
    {
        string v = Value(args, i, option);
        if (!int.TryParse(v, out int n) || n < min || n > max) throw new UsageException($"{option} takes a whole number from {min} to {max}, not '{v}'");
        return n;
    }
}

/// <summary>A command line the simulator cannot make sense of.</summary>
public sealed class UsageException(string message) : Exception(message);
