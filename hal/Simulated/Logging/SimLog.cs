// The simulator's log: the last lines in memory, optionally echoed to a writer.
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Logging;

/// <summary>One log line.</summary>
public readonly record struct LogLine(long AtMs, LogLevel Level, string Source, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{AtMs,8} {Level,-7} {Source}: {Message}";
}

/// <summary>A thread-safe ring of the last <see cref="Capacity"/> log lines.</summary>
public sealed class SimLog : ILog
{
    private readonly IClock _clock;
    private readonly Queue<LogLine> _lines = new();
    private readonly TextWriter? _echo;
    private readonly string _prefix;

    /// <summary>A log stamped by <paramref name="clock"/>, echoing lines at or above <paramref name="echoLevel"/> to <paramref name="echo"/>.</summary>
    public SimLog(IClock clock, TextWriter? echo = null, string prefix = "", LogLevel echoLevel = LogLevel.Info)
    {
        _clock = clock;
        _echo = echo;
        _prefix = prefix;
        EchoLevel = echoLevel;
    }

    /// <summary>Lines kept.</summary>
    public int Capacity { get; init; } = 2000;

    /// <summary>Lines below this level are kept but not echoed.</summary>
    public LogLevel EchoLevel { get; set; }

    /// <inheritdoc/>
    public void Write(LogLevel level, string source, string message)
    {
        var line = new LogLine(_clock.NowMs, level, source, message);
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > Capacity) _lines.Dequeue();
        }
        if (_echo != null && level >= EchoLevel) lock (_echo) _echo.WriteLine(_prefix + line);
    }

    /// <summary>The kept lines, oldest first.</summary>
    public LogLine[] Lines() { lock (_lines) return _lines.ToArray(); }
}
