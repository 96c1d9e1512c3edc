// The user's settings that survive a reboot (DND, volume), kept in atomic storage.
using System.Text;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// Settings the user changes on the phone. Saved as "key=value" lines in one file written
    /// atomically, so a power cut leaves the old or the new settings, never a mix.
    /// </summary>
    public sealed class PhoneSettings
    {
        /// <summary>The storage file name.</summary>
        public const string FileName = "settings.txt";

        /// <summary>Highest volume.</summary>
        public const int MaxVolume = 10;

        private readonly IStorage _storage;

        /// <summary>Settings in <paramref name="storage"/>, with defaults until loaded.</summary>
        public PhoneSettings(IStorage storage)
        {
            _storage = storage;
            Volume = 5;
        }

        /// <summary>Do not disturb.</summary>
        public bool Dnd { get; set; }

        /// <summary>Handset/speaker volume, 0 to <see cref="MaxVolume"/>.</summary>
        public int Volume { get; set; }

        /// <summary>Loads saved settings; unknown or malformed lines are ignored. False when there were none.</summary>
        public bool Load(bool dndDefault)
        {
            Dnd = dndDefault;
            byte[] data = _storage.Read(FileName);
            if (data == null) return false;
            string text = new string(Encoding.UTF8.GetChars(data));
            string[] lines = text.Split(new char[] { '\n' });
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                int eq = line.IndexOf('=');
                if (eq <= 0) continue;
                string key = line.Substring(0, eq);
                string value = line.Substring(eq + 1);
                if (key == "dnd") Dnd = value == "1";
                else if (key == "volume") Volume = ParseVolume(value, Volume);
            }
            return true;
        }

        /// <summary>Saves the settings; false when storage failed (the old file stays).</summary>
        public bool Save()
        {
            string text = "dnd=" + (Dnd ? "1" : "0") + "\nvolume=" + Volume.ToString() + "\n";
            byte[] data = Encoding.UTF8.GetBytes(text);
            return _storage.WriteAtomic(FileName, data, 0, data.Length);
        }

        private static int ParseVolume(string s, int fallback)
        {
            if (s.Length == 0 || s.Length > 2) return fallback;
            int v = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return fallback;
                v = v * 10 + (s[i] - '0');
            }
            return v > MaxVolume ? MaxVolume : v;
        }
    }
}
