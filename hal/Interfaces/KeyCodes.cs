// The logical key codes shared by boards (which map pins to them) and the firmware.
namespace DeskPhone.Hal
{
    /// <summary>
    /// Logical key codes. Boards map their pins or scan codes to these through the board profile;
    /// line keys are numbered from <see cref="LineBase"/> (line key 1 = LineBase + 1).
    /// </summary>
    public static class KeyCodes
    {
        public const int Digit0 = 0;   // Digit0..Digit9 are 0..9
        public const int Star = 10;
        public const int Pound = 11;
        public const int Hook = 20;
        public const int Speaker = 21;
        public const int Headset = 22;
        public const int Mute = 23;
        public const int Hold = 24;
        public const int Transfer = 25;
        public const int Dnd = 26;
        public const int Redial = 27;
        public const int Park = 28;
        public const int Record = 29;
        public const int VolumeUp = 30;
        public const int VolumeDown = 31;
        public const int Up = 32;
        public const int Down = 33;
        public const int Left = 34;
        public const int Right = 35;
        public const int Ok = 36;
        public const int Back = 37;
        public const int Page = 38;
        public const int Soft1 = 41;   // Soft1..Soft4 are 41..44, left to right under the screen
        public const int LineBase = 100;
        public const int MaxLineKeys = 96;

        private static readonly string[] Names =
        {
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#",
            "hook", "speaker", "headset", "mute", "hold", "transfer", "dnd", "redial", "park", "record",
            "vol+", "vol-", "up", "down", "left", "right", "ok", "back", "page",
            "soft1", "soft2", "soft3", "soft4"
        };

        private static readonly int[] Codes =
        {
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, Star, Pound,
            Hook, Speaker, Headset, Mute, Hold, Transfer, Dnd, Redial, Park, Record,
            VolumeUp, VolumeDown, Up, Down, Left, Right, Ok, Back, Page,
            Soft1, Soft1 + 1, Soft1 + 2, Soft1 + 3
        };

        /// <summary>The key code of line key <paramref name="number"/> (1-based).</summary>
        public static int Line(int number) { return LineBase + number; }

        /// <summary>True for line keys.</summary>
        public static bool IsLine(int code) { return code > LineBase && code <= LineBase + MaxLineKeys; }

        /// <summary>The 1-based line key number of a line key code.</summary>
        public static int LineNumber(int code) { return code - LineBase; }

        /// <summary>True for the dial pad keys 0-9, * and #.</summary>
        public static bool IsDialPad(int code) { return code >= Digit0 && code <= Pound; }

        /// <summary>The dial pad character of a dial pad key.</summary>
        public static char DialChar(int code)
        {
            if (code == Star) return '*';
            if (code == Pound) return '#';
            return (char)('0' + code);
        }

        /// <summary>The name testers and board profiles use ("hook", "line3", "5", "soft2").</summary>
        public static string Name(int code)
        {
            if (IsLine(code)) return "line" + LineNumber(code).ToString();
            for (int i = 0; i < Codes.Length; i++)
            {
                if (Codes[i] == code) return Names[i];
            }
            return "key" + code.ToString();
        }

        /// <summary>Parses a key name; false when no key has that name.</summary>
        public static bool TryParse(string name, out int code)
        {
            code = -1;
            if (name == null || name.Length == 0) return false;
            string lower = name.ToLower();
            if (lower.Length > 4 && lower.Substring(0, 4) == "line")
            {
                int n = 0;
                for (int i = 4; i < lower.Length; i++)
                {
                    char c = lower[i];
                    if (c < '0' || c > '9' || n > MaxLineKeys) return false;
                    n = n * 10 + (c - '0');
                }
                if (n < 1 || n > MaxLineKeys) return false;
                code = Line(n);
                return true;
            }
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == lower) { code = Codes[i]; return true; }
            }
            return false;
        }
    }
}
