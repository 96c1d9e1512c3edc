// Builds probe/layout_probe.c with gcc into a temporary directory, runs it once and parses what it prints.
using System.Diagnostics;
using System.Globalization;

namespace DeskPhone.Boards.RaspberryPi.Tests.Linux;

/// <summary>What the kernel headers say, as printed by the C probe (see probe/layout_probe.c for the line format).</summary>
public sealed class LayoutProbe : IDisposable
{
    private readonly string _dir;

    /// <summary>Compiles and runs the probe; a missing gcc or header fails here with what to install.</summary>
    public LayoutProbe()
    {
        _dir = Path.Combine(Path.GetTempPath(), "deskphone-layout-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        string source = Path.Combine(AppContext.BaseDirectory, "probe", "layout_probe.c");
        string exe = Path.Combine(_dir, "layout_probe");
        var (code, _, err) = Execute("gcc", "-std=gnu11", "-Wall", "-Werror", "-o", exe, source);
        if (code != 0)
            throw new InvalidOperationException("gcc could not build the layout probe (needs the packages gcc and linux-libc-dev, tools/setup/test-packages.txt):\n" + err);
        var (runCode, output, runErr) = Execute(exe);
        if (runCode != 0) throw new InvalidOperationException("the layout probe failed: " + runErr);
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] p = line.Split(' ');
            switch (p[0])
            {
                case "size": Sizes[p[1]] = int.Parse(p[2], CultureInfo.InvariantCulture); break;
                case "field":
                    if (!Fields.TryGetValue(p[1], out var list)) Fields[p[1]] = list = new();
                    list.Add((p[2], int.Parse(p[3], CultureInfo.InvariantCulture), int.Parse(p[4], CultureInfo.InvariantCulture)));
                    break;
                case "const": Constants[p[1]] = ulong.Parse(p[2], CultureInfo.InvariantCulture); break;
                case "hex": Samples[p[1]] = Convert.FromHexString(p[2]); break;
            }
        }
    }

    /// <summary>sizeof per struct name.</summary>
    public Dictionary<string, int> Sizes { get; } = new();

    /// <summary>Members per struct name, in header order: name, offset, size.</summary>
    public Dictionary<string, List<(string Name, int Offset, int Size)>> Fields { get; } = new();

    /// <summary>Macro and enum values.</summary>
    public Dictionary<string, ulong> Constants { get; } = new();

    /// <summary>Structs filled in C, as bytes.</summary>
    public Dictionary<string, byte[]> Samples { get; } = new();

    /// <summary>The constant <paramref name="name"/>; fails naming it when the probe did not print it.</summary>
    public ulong Constant(string name) =>
        Constants.TryGetValue(name, out ulong v) ? v : throw new KeyNotFoundException("the probe prints no constant " + name);

    /// <inheritdoc/>
    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    private static (int Code, string Out, string Err) Execute(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, stderr.Result);
    }
}
