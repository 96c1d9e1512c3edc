// A log file a started program's output and the harness's own notes go to, safe from any thread.
using System.Diagnostics;

namespace DeskPhone.Softswitch;

/// <summary>
/// Appends lines to a log file from any thread; lines that arrive after <see cref="Dispose"/> (a
/// program's last words while it is killed) are dropped. Shared by the Kamailio and baresip launchers.
/// </summary>
public sealed class ProcessLog : IDisposable
{
    private StreamWriter? _writer;

    /// <summary>Creates (or truncates) <paramref name="path"/>; readers may open it meanwhile.</summary>
    public ProcessLog(string path)
    {
        _writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { AutoFlush = true };
    }

    /// <summary>Writes one line (null is ignored).</summary>
    public void WriteLine(string? line)
    {
        var writer = _writer;
        if (line == null || writer == null) return;
        try
        {
            lock (writer) writer.WriteLine(line);
        }
        catch (ObjectDisposedException)
        {
            // a last line after Dispose
        }
    }

    /// <summary>Starts <paramref name="info"/> (reaped at exit) with its stdout and stderr going to this log.</summary>
    public Process Start(ProcessStartInfo info)
    {
        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        var process = ProcessReaper.Start(info);
        process.ErrorDataReceived += (_, e) => WriteLine(e.Data);
        process.OutputDataReceived += (_, e) => WriteLine(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        var writer = Interlocked.Exchange(ref _writer, null);
        if (writer != null) lock (writer) writer.Dispose();
    }
}
