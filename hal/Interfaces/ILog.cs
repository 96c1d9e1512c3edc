// The log: the journal on a Pi, the serial port on an ESP32, a ring buffer in the simulator.
namespace DeskPhone.Hal
{
    /// <summary>How much a log line matters.</summary>
    public enum LogLevel
    {
        Debug = 0,
        Info = 1,
        Warning = 2,
        Error = 3
    }

    /// <summary>Where log lines go. Must be safe to call from any thread.</summary>
    public interface ILog
    {
        /// <summary>Writes one line from <paramref name="source"/> (a layer or unit name).</summary>
        void Write(LogLevel level, string source, string message);
    }
}
