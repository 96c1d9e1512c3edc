// The log on the ESP32: lines to the debugger/serial output through Debug.WriteLine.
using System.Diagnostics;
using DeskPhone.Hal;
using nanoFramework.Hardware.Esp32;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// Writes "uptime LEVEL source: message" lines with Debug.WriteLine, which Visual Studio's
    /// output window (or any nanoFramework debugger connection) shows. Safe from any thread.
    /// </summary>
    public sealed class Esp32Log : ILog
    {
        private static readonly string[] Levels = { "DBG", "INF", "WRN", "ERR" };
        private readonly object _gate = new object();

        /// <summary>A log that drops lines below <see cref="LogLevel.Info"/> until told otherwise.</summary>
        public Esp32Log()
        {
            MinimumLevel = LogLevel.Info;
        }

        /// <summary>Lines below this level are dropped.</summary>
        public LogLevel MinimumLevel { get; set; }

        /// <inheritdoc/>
        public void Write(LogLevel level, string source, string message)
        {
            if (level < MinimumLevel)
            {
                return;
            }
            int index = (int)level;
            string tag = index >= 0 && index < Levels.Length ? Levels[index] : "???";
            long ms = (long)(HighResTimer.GetCurrent() / 1000UL);
            string line = (ms / 1000).ToString() + "." + Pad3((int)(ms % 1000)) + " " + tag + " " + source + ": " + message;
            lock (_gate)
            {
                Debug.WriteLine(line);
            }
        }

        private static string Pad3(int n)
        {
            string s = n.ToString();
            return s.Length == 1 ? "00" + s : s.Length == 2 ? "0" + s : s;
        }
    }
}
