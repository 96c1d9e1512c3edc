// The user's settings that survive a reboot (DND, volume, the number to redial, ring volume, contrast, clock), kept in atomic storage.
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
            LastDialed = "";
            RingVolume = 5;
            Contrast = -1;
        }

        /// <summary>Do not disturb.</summary>
        public bool Dnd { get; set; }

        /// <summary>Handset/speaker volume, 0 to <see cref="MaxVolume"/>.</summary>
        public int Volume { get; set; }

        /// <summary>The number dialed last, for redial ("" when none).</summary>
        public string LastDialed { get; set; }

        /// <summary>Ring volume 0 to <see cref="MaxVolume"/> (settings menu) for lines whose config gives none.</summary>
        public int RingVolume { get; set; }

        /// <summary>Display contrast 0-255 chosen in the settings menu, or -1: the device file's.</summary>
        public int Contrast { get; set; }

        /// <summary>12 or 24 when the clock was chosen in the settings menu, else 0: the device file's.</summary>
        public int ClockHours { get; set; }

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
                else if (key == "redial") LastDialed = value;
                else ReadMenuSetting(key, value);
            }
            return true;
        }

        /// <summary>Saves the settings; false when storage failed (the old file stays).</summary>
        public bool Save()
        {
            string text = "dnd=" + (Dnd ? "1" : "0") + "\nvolume=" + Volume.ToString() + "\n";
            if (LastDialed != null && LastDialed.Length > 0) text = text + "redial=" + LastDialed + "\n";
            text = text + MenuSettingsText();
            byte[] data = Encoding.UTF8.GetBytes(text);
            return _storage.WriteAtomic(FileName, data, 0, data.Length);
        }

        /// <summary>The settings menu's lines: ring volume, contrast and clock when chosen.</summary>
        private string MenuSettingsText()
        {
            string text = "ring=" + RingVolume.ToString() + "\n";
            if (Contrast >= 0) text = text + "contrast=" + Contrast.ToString() + "\n";
            if (ClockHours == 12 || ClockHours == 24) text = text + "clock=" + ClockHours.ToString() + "\n";
            return text;
        }

        private void ReadMenuSetting(string key, string value)
        {
            if (key == "ring") RingVolume = ParseVolume(value, RingVolume);
            else if (key == "contrast") Contrast = ParseNumber(value, 255, Contrast);
            else if (key == "clock" && (value == "12" || value == "24")) ClockHours = value == "12" ? 12 : 24;
        }

        private static int ParseNumber(string s, int max, int fallback)
        {
            if (s.Length == 0 || s.Length > 3) return fallback;
            int v = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return fallback;
                v = v * 10 + (s[i] - '0');
            }
            return v > max ? fallback : v;
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
