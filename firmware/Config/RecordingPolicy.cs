// The office's recording policy and the screening greeting, as a device file gives them.
namespace DeskPhone.Firmware.Config
{
    /// <summary>Whether calls are recorded: not at all, on request, or always.</summary>
    public enum RecordingMode
    {
        /// <summary>"off": nothing is recorded (screening still answers and plays its greeting, but keeps no message).</summary>
        Off = 0,
        /// <summary>"on": the record key or the in-call "Rec" softkey starts and stops a recording.</summary>
        On = 1,
        /// <summary>"forced": every connected call is recorded from connect to end; it cannot be stopped.</summary>
        Forced = 2
    }

    /// <summary>
    /// The device file's "recording": <c>{"mode": "off"|"on"|"forced", "download": false, "notice": true,
    /// "maxSeconds": 3600}</c>, and "screening": <c>{"greeting": "greeting.wav"}</c>.
    /// </summary>
    public sealed class RecordingPolicy
    {
        /// <summary>The policy of a file without a "recording" section: on request, with the notice, not downloadable, an hour at most.</summary>
        public static readonly RecordingPolicy Default = new RecordingPolicy(RecordingMode.On, false, true, DefaultMaxSeconds, null);

        /// <summary>Longest recording when the file does not say.</summary>
        public const int DefaultMaxSeconds = 3600;

        /// <summary>The policy.</summary>
        public RecordingPolicy(RecordingMode mode, bool download, bool notice, int maxSeconds, string greeting)
        {
            Mode = mode;
            Download = download;
            Notice = notice;
            MaxSeconds = maxSeconds;
            Greeting = greeting;
        }

        /// <summary>off, on or forced.</summary>
        public readonly RecordingMode Mode;

        /// <summary>True when recordings may be fetched from the phone (the simulator's download endpoint).</summary>
        public readonly bool Download;

        /// <summary>True when the far end hears the recording notice (<see cref="Media.Tone.RecordingNotice"/>) while a call is recorded.</summary>
        public readonly bool Notice;

        /// <summary>A recording stops after this many seconds.</summary>
        public readonly int MaxSeconds;

        /// <summary>"screening.greeting": the storage name of the greeting WAV, or null for the built-in chime.</summary>
        public readonly string Greeting;

        /// <summary>"off", "on", "forced".</summary>
        public static string ModeName(RecordingMode mode)
        {
            return mode == RecordingMode.Off ? "off" : mode == RecordingMode.Forced ? "forced" : "on";
        }
    }
}
