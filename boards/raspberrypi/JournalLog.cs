// Log lines to stdout for the systemd journal: a syslog priority prefix, which journald turns into the level.
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi;

/// <summary>
/// ILog on a text stream. Under systemd (JOURNAL_STREAM set) each line starts with "&lt;N&gt;", the
/// syslog priority journald reads (journalctl -p warning filters on it); on a terminal the line
/// carries the time and level in words instead. Safe from any thread.
/// </summary>
public sealed class JournalLog : ILog
{
    private readonly TextWriter _out;
    private readonly bool _journal;

    /// <summary>Lines at or above <paramref name="minimum"/> go to <paramref name="output"/>.</summary>
    public JournalLog(TextWriter output, bool journal, LogLevel minimum = LogLevel.Info)
    {
        _out = output;
        _journal = journal;
        Minimum = minimum;
    }

    /// <summary>True when stdout is connected to the journal (systemd sets JOURNAL_STREAM).</summary>
    public static bool StdoutIsJournal => Environment.GetEnvironmentVariable("JOURNAL_STREAM") != null;

    /// <summary>Lines below this level are dropped.</summary>
    public LogLevel Minimum { get; set; }

    /// <inheritdoc/>
    public void Write(LogLevel level, string source, string message)
    {
        if (level < Minimum) return;
        string line = _journal
            ? $"<{Priority(level)}>{source}: {message}"
            : $"{DateTime.Now:HH:mm:ss.fff} {Word(level),-5} {source}: {message}";
        lock (_out)
        {
            _out.WriteLine(line);
            _out.Flush();
        }
    }

    /// <summary>The syslog priority of a level: debug 7, info 6, warning 4, error 3.</summary>
    public static int Priority(LogLevel level) => level switch
    {
        LogLevel.Debug => 7,
        LogLevel.Info => 6,
        LogLevel.Warning => 4,
        _ => 3,
    };

    private static string Word(LogLevel level) => level switch
    {
        LogLevel.Debug => "DEBUG",
        LogLevel.Info => "INFO",
        LogLevel.Warning => "WARN",
        _ => "ERROR",
    };
}
