// Who may do what on the phone ("roles"): the admin PIN guarding the settings, restricted mode and the numbers it still allows.
namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// The device file's "roles". Without the section: no PIN, not restricted, emergency numbers 112 and 911.
    /// Internal patterns are dial strings where X (or x) stands for any one digit ("2XX" = 200-299, exactly three digits).
    /// </summary>
    public sealed class PhoneRoles
    {
        /// <summary>The emergency numbers when the file names none.</summary>
        public static readonly string[] DefaultEmergency = { "112", "911" };

        /// <summary>The roles of a file without a "roles" section.</summary>
        public static readonly PhoneRoles Default = new PhoneRoles(null, false, DefaultEmergency, new string[0]);

        private readonly string[] _emergency;
        private readonly string[] _internal;

        /// <summary>Roles as the device file gives them (<paramref name="adminPinSha256"/> lowercase hex or null).</summary>
        public PhoneRoles(string adminPinSha256, bool restricted, string[] emergency, string[] internalPatterns)
        {
            AdminPinSha256 = adminPinSha256;
            Restricted = restricted;
            _emergency = emergency;
            _internal = internalPatterns;
        }

        /// <summary>SHA-256 of device id + ":" + PIN as 64 lowercase hex digits, or null when the settings have no PIN.</summary>
        public string AdminPinSha256 { get; private set; }

        /// <summary>The phone answers calls but changes no settings and dials only emergency and internal numbers.</summary>
        public bool Restricted { get; private set; }

        /// <summary>How many emergency numbers there are.</summary>
        public int EmergencyCount { get { return _emergency.Length; } }

        /// <summary>The emergency number at <paramref name="index"/>.</summary>
        public string EmergencyAt(int index) { return _emergency[index]; }

        /// <summary>How many internal patterns there are.</summary>
        public int InternalCount { get { return _internal.Length; } }

        /// <summary>The internal pattern at <paramref name="index"/>.</summary>
        public string InternalAt(int index) { return _internal[index]; }

        /// <summary>True when <paramref name="number"/> is one of the emergency numbers.</summary>
        public bool IsEmergency(string number)
        {
            for (int i = 0; i < _emergency.Length; i++) if (_emergency[i] == number) return true;
            return false;
        }

        /// <summary>True when <paramref name="number"/> matches one of the internal patterns.</summary>
        public bool IsInternal(string number)
        {
            for (int i = 0; i < _internal.Length; i++) if (Matches(_internal[i], number)) return true;
            return false;
        }

        /// <summary>True when <paramref name="number"/> has the pattern's length and each character matches (X = any digit).</summary>
        public static bool Matches(string pattern, string number)
        {
            if (pattern == null || number == null || pattern.Length != number.Length) return false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char p = pattern[i];
                char c = number[i];
                if (p == 'X' || p == 'x') { if (c < '0' || c > '9') return false; }
                else if (p != c) return false;
            }
            return true;
        }
    }
}
