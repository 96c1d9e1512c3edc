// A throw-away site for one test: devices, profiles and output folders, plus fake ssh/scp that record their arguments.
using System.Runtime.CompilerServices;

namespace DeskPhone.Provision.Tests;

/// <summary>
/// A temporary folder with devices/, profiles/ (the repository's board profiles plus a test Pi profile)
/// and out/. Runs the tool in-process and captures its output.
/// </summary>
public sealed class ProvisionSite : IDisposable
{
    public const string PiProfile = """
        {
          "name": "rpi-test-4",
          "description": "A test Pi board with four line keys.",
          "backend": "raspberrypi",
          "lineKeys": 4,
          "lampColours": 2,
          "display": { "controller": "ssd1306", "width": 128, "height": 64, "i2cBus": 1 },
          "gpio": { "chip": "/dev/gpiochip0" },
          "keys": [ { "key": "line1", "pin": 5 }, { "key": "hook", "pin": 6 } ],
          "lamps": [ { "key": "line1", "green": 17, "red": 27 } ],
          "codec": { "chip": "wm8960", "alsaDevice": "hw:CARD=wm8960soundcard,DEV=0" }
        }
        """;

    public ProvisionSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "deskphone-provision-" + Guid.NewGuid().ToString("N"));
        Devices = Path.Combine(Root, "devices");
        Profiles = Path.Combine(Root, "profiles");
        Out = Path.Combine(Root, "out");
        Directory.CreateDirectory(Devices);
        Directory.CreateDirectory(Profiles);
        foreach (string profile in Directory.GetFiles(Path.Combine(RepoRoot(), "boards", "profiles"), "*.json"))
        {
            File.Copy(profile, Path.Combine(Profiles, Path.GetFileName(profile)));
        }
        File.WriteAllText(Path.Combine(Profiles, "rpi-test-4.json"), PiProfile);
    }

    public string Root { get; }
    public string Devices { get; }
    public string Profiles { get; }
    public string Out { get; }

    /// <summary>examples/devices/NAME.json, with <paramref name="edit"/> applied.</summary>
    public static string Example(string name, Func<string, string>? edit = null)
    {
        string text = File.ReadAllText(Path.Combine(RepoRoot(), "examples", "devices", name + ".json"));
        return edit == null ? text : edit(text);
    }

    /// <summary>examples/office.json copied to ROOT/office.json (with <paramref name="edit"/> applied); returns its path.</summary>
    public string AddOffice(Func<string, string>? edit = null)
    {
        string text = File.ReadAllText(Path.Combine(RepoRoot(), "examples", "office.json"));
        File.WriteAllText(OfficePath, edit == null ? text : edit(text));
        return OfficePath;
    }

    /// <summary>ROOT/office.json.</summary>
    public string OfficePath => Path.Combine(Root, "office.json");

    /// <summary>Runs "office COMMAND ARGS... --office ROOT/office.json".</summary>
    public (int Code, string Output, string Errors) Office(string command, params string[] args) =>
        Run(new[] { "office", command }.Concat(args).Concat(new[] { "--office", OfficePath }).ToArray());

    /// <summary>Runs "provision --office ROOT/office.json --out OUTDIR".</summary>
    public (int Code, string Output, string Errors) Provision(string outDir, params string[] more) =>
        Run(new[] { "provision", "--office", OfficePath, "--out", outDir }.Concat(more).ToArray());

    /// <summary>Writes devices/FILE.</summary>
    public string AddDevice(string fileName, string text)
    {
        string path = Path.Combine(Devices, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A device file for <paramref name="id"/> on <paramref name="board"/> with two line keys.</summary>
    public static string Device(string id, string board, string extension = "301") => $$"""
        {
          "device": { "id": "{{id}}", "name": "Desk {{id}}", "extension": "{{extension}}", "board": "{{board}}" },
          "accounts": [ { "id": "main", "user": "{{extension}}", "domain": "office.example", "registrar": "sip:192.0.2.10" } ],
          "keys": [ { "kind": "line", "account": "main" }, { "kind": "blf", "target": "sip:202@office.example" } ]
        }
        """;

    public (int Code, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = ProvisionApp.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    public (int Code, string Output, string Errors) Build() => Run("build", "--devices", Devices, "--profiles", Profiles, "--out", Out);

    /// <summary>A shell script that appends its arguments (one per line, after a header) to LOG and exits with <paramref name="exitCode"/>.</summary>
    public string FakeProgram(string name, int exitCode = 0, string stderr = "")
    {
        string path = Path.Combine(Root, name);
        string log = Path.Combine(Root, "calls.log");
        File.WriteAllText(path, $"""
            #!/bin/sh
            echo "== {name}" >> '{log}'
            for a in "$@"; do echo "$a" >> '{log}'; done
            printf '%s' '{stderr}' >&2
            exit {exitCode}
            """.Replace("\r\n", "\n"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>What the fake programs recorded, one line per program name or argument.</summary>
    public string[] Calls()
    {
        string log = Path.Combine(Root, "calls.log");
        return File.Exists(log) ? File.ReadAllLines(log) : Array.Empty<string>();
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    /// <summary>The repository root, found from this source file (the build output may live anywhere).</summary>
    public static string RepoRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
