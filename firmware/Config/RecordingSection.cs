// Reads the top-level "recording" and "screening" objects, with every problem located.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// <c>"recording": {"mode": "off"|"on"|"forced", "download": false, "notice": true, "maxSeconds": 3600}</c>
    /// and <c>"screening": {"greeting": "greeting.wav"}</c> (both optional; firmware/Config/README.md, "Recording and screening").
    /// </summary>
    internal static class RecordingSection
    {
        /// <summary>The top-level recording field.</summary>
        public const string Field = "recording";

        /// <summary>The top-level screening field.</summary>
        public const string ScreeningField = "screening";

        /// <summary>Shortest and longest "maxSeconds".</summary>
        public const int MinSeconds = 10, MaxSeconds = 14400;

        /// <summary>Longest greeting storage name.</summary>
        public const int MaxGreetingName = 64;

        private static readonly string[] Fields = { "mode", "download", "notice", "maxSeconds" };
        private static readonly string[] ScreeningFields = { "greeting" };
        private static readonly string[] Modes = { "off", "on", "forced" };

        /// <summary>The policy (<see cref="RecordingPolicy.Default"/> when both are absent); errors added for what is wrong.</summary>
        public static RecordingPolicy Read(ConfigObject top, ConfigErrors errors)
        {
            string greeting = ReadGreeting(top, errors);
            RecordingPolicy d = RecordingPolicy.Default;
            JsonValue v = top.Container(Field, JsonKind.Object, false);
            ConfigObject o = v == null ? null : ConfigObject.Open(v, Field, Fields, errors);
            if (o == null) return new RecordingPolicy(d.Mode, d.Download, d.Notice, d.MaxSeconds, greeting);
            o.ReportUnknownFields();
            int mode = o.Choice("mode", Modes, "a recording mode", true);
            bool download = o.Boolean("download", false);
            bool notice = o.Boolean("notice", true);
            int maxSeconds = o.Integer("maxSeconds", MinSeconds, MaxSeconds, RecordingPolicy.DefaultMaxSeconds);
            return new RecordingPolicy(mode < 0 ? RecordingMode.Off : (RecordingMode)mode, download, notice, maxSeconds, greeting);
        }

        private static string ReadGreeting(ConfigObject top, ConfigErrors errors)
        {
            JsonValue v = top.Container(ScreeningField, JsonKind.Object, false);
            ConfigObject o = v == null ? null : ConfigObject.Open(v, ScreeningField, ScreeningFields, errors);
            if (o == null) return null;
            o.ReportUnknownFields();
            string name = o.String("greeting", false, MaxGreetingName);
            if (name == null) return null;
            if (!StorageFileName.IsValid(name))
            {
                o.ErrorAt("greeting", "'" + ConfigObject.Printable(name) + "' is not a storage file name (letters, digits, '.', '-', '_' and '/' inside, like \"greeting.wav\")");
                return null;
            }
            if (!StorageFileName.HasExtension(name, ".wav"))
            {
                o.ErrorAt("greeting", "'" + ConfigObject.Printable(name) + "' must name a .wav file (16-bit mono PCM, 8000 or 16000 Hz)");
                return null;
            }
            return name;
        }
    }
}
