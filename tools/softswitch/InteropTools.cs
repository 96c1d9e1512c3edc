// Finds the real programs the interop tests drive, the repository, and where logs go.
using System.Runtime.CompilerServices;

namespace DeskPhone.Softswitch;

/// <summary>Locates kamailio, baresip and our softswitch files; a missing one fails the test with the fix.</summary>
public static class InteropTools
{
    /// <summary>What to run when a tool is missing.</summary>
    public const string InstallHint =
        "run tools/setup/install-test-deps.sh (./test.sh does it) to install the Debian packages the interop tests need";

    static readonly string[] ExtraDirs = { "/usr/sbin", "/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin" };
    static readonly Lazy<string> LogRoot = new(CreateLogRoot);

    /// <summary>Full path of an executable from PATH or the sbin folders, or a failure naming the package.</summary>
    public static string RequireExecutable(string name, string package)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(ExtraDirs);
        foreach (var dir in dirs)
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path)) return path;
        }
        throw new InteropSetupException($"'{name}' (Debian package {package}) is not installed: {InstallHint}.");
    }

    /// <summary>A file or folder that must exist, or a failure naming the package that brings it.</summary>
    public static string RequirePath(string path, string package)
    {
        if (File.Exists(path) || Directory.Exists(path)) return path;
        throw new InteropSetupException($"'{path}' (Debian package {package}) is missing: {InstallHint}.");
    }

    /// <summary>The repository root (the folder holding Firmware.sln).</summary>
    public static string RepoRoot => FindRepoRoot();

    /// <summary>tools/softswitch/kamailio in this repository.</summary>
    public static string SoftswitchDir => Path.Combine(RepoRoot, "tools", "softswitch", "kamailio");

    /// <summary>
    /// Folder for the logs of this test run: $DESKPHONE_INTEROP_LOGS, else interop-logs/ beside the test
    /// assembly. Emptied once per run; kept after it so a failure can be read.
    /// </summary>
    public static string LogDir => LogRoot.Value;

    static string CreateLogRoot()
    {
        var dir = Environment.GetEnvironmentVariable("DESKPHONE_INTEROP_LOGS");
        if (string.IsNullOrEmpty(dir)) dir = Path.Combine(AppContext.BaseDirectory, "interop-logs");
        if (Directory.Exists(dir))
        {
            foreach (var f in Directory.GetFiles(dir, "*.log")) File.Delete(f);
        }
        Directory.CreateDirectory(dir);
        return dir;
    }

    static string FindRepoRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Firmware.sln"))) return d.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (Firmware.sln) from " + AppContext.BaseDirectory);
    }

    /// <summary>The last lines of a log file, for failure messages.</summary>
    public static string Tail(string path, int lines = 25)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException e)
        {
            return "(log unreadable: " + e.Message + ")";
        }
    }
}

/// <summary>The machine lacks something the interop tests need; the message says how to fix it.</summary>
public sealed class InteropSetupException(string message) : Exception(message);
