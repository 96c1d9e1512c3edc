// Makes sure no process the harness started outlives the test run.
using System.Diagnostics;

namespace DeskPhone.Softswitch;

/// <summary>
/// Every process the harness starts is registered here and killed with its descendants on Dispose,
/// and, as a last resort, when the test host exits (AppDomain.ProcessExit).
/// </summary>
public static class ProcessReaper
{
    static readonly object Gate = new();
    static readonly HashSet<Process> Live = new();

    static ProcessReaper()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    /// <summary>Starts the process and registers it for cleanup.</summary>
    public static Process Start(ProcessStartInfo info)
    {
        lock (Gate)
        {
            var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);
            Live.Add(process);
            return process;
        }
    }

    /// <summary>Kills the process and all its descendants, waits (bounded) for it to end, forgets it.</summary>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        finally
        {
            lock (Gate) Live.Remove(process);
        }
    }

    /// <summary>The ids of the process's descendants (children, grandchildren...), read from /proc.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var child)) continue;
            var stat = ReadStat(child);
            if (stat != null) parents[child] = stat.Value.ParentId;
        }
        var result = new List<int>();
        var frontier = new Queue<int>(new[] { pid });
        while (frontier.Count > 0)
        {
            var parent = frontier.Dequeue();
            foreach (var (child, p) in parents)
            {
                if (p != parent || result.Contains(child)) continue;
                result.Add(child);
                frontier.Enqueue(child);
            }
        }
        return result;
    }

    /// <summary>True while the process exists and is not a zombie (a zombie runs nothing and holds no port).</summary>
    public static bool IsRunning(int pid)
    {
        var stat = ReadStat(pid);
        return stat != null && stat.Value.State != 'Z' && stat.Value.State != 'X';
    }

    static (char State, int ParentId)? ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so cut at the last ')'.
            var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (rest[0][0], int.Parse(rest[1]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    static void KillAll()
    {
        Process[] all;
        lock (Gate) all = Live.ToArray();
        foreach (var p in all) Kill(p);
    }
}
