// deskphone-pi: the phone on a Raspberry Pi. Loads the device file and board profile, opens the hardware, runs.
using System.Runtime.InteropServices;
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi;

/// <summary>
/// The entry point. Exit codes: 0 stopped by SIGTERM/SIGINT (or --check passed), 1 hardware missing
/// or failing, 2 bad command line or configuration (systemd does not restart on 2: nothing would change).
/// </summary>
public static class Program
{
    /// <summary>Exit code for hardware problems.</summary>
    public const int HardwareError = 1;

    /// <summary>Exit code for usage and configuration errors.</summary>
    public const int ConfigError = 2;

    private const string Usage =
        "usage: deskphone-pi --device FILE --board FILE [--state DIR] [--address IP] [--debug] [--check]\n" +
        "  --device   the device file (accounts, keys): /etc/deskphone/device.json\n" +
        "  --board    the board profile (pins, display, codec): /etc/deskphone/board.json\n" +
        "  --state    where settings survive restarts (default $STATE_DIRECTORY or /var/lib/deskphone)\n" +
        "  --address  the local IPv4 address for SIP and RTP (default: the one routing to the registrar)\n" +
        "  --debug    log debug lines too\n" +
        "  --check    check the files and open every device, then exit (0 = all good)";

    /// <summary>Runs the phone until a stop signal.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>The whole program against given streams (tests use this).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParse(args, out var options, out string? usageError))
        {
            if (usageError == null)
            {
                stdout.WriteLine(Usage);
                return 0;
            }
            stderr.WriteLine(usageError);
            stderr.WriteLine(Usage);
            return ConfigError;
        }
        if (!TryLoad(options.DevicePath, options.BoardPath, stderr, out var config, out var board)) return ConfigError;

        var log = new JournalLog(stdout, JournalLog.StdoutIsJournal, options.Debug ? LogLevel.Debug : LogLevel.Info);
        PiPhone? phone;
        try
        {
            phone = PiPhone.Open(config, board, options.StateDirectory, options.Address, log, options.CheckOnly);
        }
        catch (HardwareException e)
        {
            stderr.WriteLine(e.Message);
            return HardwareError;
        }
        catch (DllNotFoundException e)
        {
            stderr.WriteLine("a system library is missing (" + e.Message + ") — install libasound2: sudo apt install libasound2");
            return HardwareError;
        }
        if (phone == null)
        {
            stdout.WriteLine($"{options.DevicePath} and {options.BoardPath}: configuration and hardware are fine");
            return 0;
        }
        using (phone)
        {
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; phone.Stop(); });
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; phone.Stop(); });
            phone.Run();
            log.Write(LogLevel.Info, "board", "stopping");
        }
        return 0;
    }

    /// <summary>The command line.</summary>
    internal sealed record Options(string DevicePath, string BoardPath, string StateDirectory, string? Address, bool Debug, bool CheckOnly);

    /// <summary>Parses the command line; false with an error (null for --help) when it does not make sense.</summary>
    internal static bool TryParse(string[] args, out Options options, out string? error)
    {
        options = null!;
        error = null;
        string? device = null, board = null, address = null;
        string state = Environment.GetEnvironmentVariable("STATE_DIRECTORY") is { Length: > 0 } s ? s.Split(':')[0] : "/var/lib/deskphone";
        bool debug = false, check = false;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            switch (a)
            {
                case "--help" or "-h":
                    return false;
                case "--debug":
                    debug = true;
                    continue;
                case "--check":
                    check = true;
                    continue;
                case "--device" or "--board" or "--state" or "--address":
                    if (i + 1 >= args.Length)
                    {
                        error = a + ": needs a value";
                        return false;
                    }
                    string value = args[++i];
                    if (a == "--device") device = value;
                    else if (a == "--board") board = value;
                    else if (a == "--state") state = value;
                    else if (System.Net.IPAddress.TryParse(value, out _)) address = value;
                    else
                    {
                        error = $"--address: '{value}' is not an IP address";
                        return false;
                    }
                    continue;
                default:
                    error = $"unknown argument '{a}'";
                    return false;
            }
        }
        if (device == null || board == null)
        {
            error = device == null ? "--device is required" : "--board is required";
            return false;
        }
        options = new Options(device, board, state, address, debug, check);
        return true;
    }

    /// <summary>Loads both files; every error goes to <paramref name="stderr"/> as "file:line:column: field: message".</summary>
    internal static bool TryLoad(string devicePath, string boardPath, TextWriter stderr, out DeviceConfig config, out BoardProfile board)
    {
        config = null!;
        board = null!;
        bool ok = true;
        if (!ReadText(devicePath, "device file", stderr, out string deviceText)) ok = false;
        else if (!DeviceConfigLoader.TryLoad(devicePath, deviceText, out config, out var deviceErrors))
        {
            stderr.WriteLine(deviceErrors.ToString());
            ok = false;
        }
        if (!ReadText(boardPath, "board profile", stderr, out string boardText)) ok = false;
        else if (!BoardProfileLoader.TryLoad(boardPath, boardText, out board, out var boardErrors))
        {
            stderr.WriteLine(boardErrors.ToString());
            ok = false;
        }
        else if (board.Backend != BoardBackends.RaspberryPi)
        {
            stderr.WriteLine($"{boardPath}: backend: '{board.Backend}' — deskphone-pi runs only \"raspberrypi\" board profiles (boards/profiles/rpi-*.json)");
            ok = false;
        }
        if (ok && config.Device.Board != board.Name)
        {
            stderr.WriteLine($"{devicePath}: device.board: '{config.Device.Board}' but {boardPath} is the profile '{board.Name}' — make them agree");
            ok = false;
        }
        return ok;
    }

    private static bool ReadText(string path, string what, TextWriter stderr, out string text)
    {
        text = "";
        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.WriteLine($"{path}: no such file (the {what})");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            stderr.WriteLine($"{path}: cannot read the {what}: {e.Message}");
        }
        return false;
    }
}
