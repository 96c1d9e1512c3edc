// A board profile (boards/profiles/NAME.json) as validated data: keys, lamps, display, codec, pins.
namespace DeskPhone.Firmware.Config.Board
{
    /// <summary>
    /// What a board is: its backend, how many line keys and lamp colours it has, its display and
    /// codec, and (for real boards) which pin each key and lamp is on. Built by
    /// <see cref="BoardProfileLoader"/> from a file it has checked completely; tests may build one by hand.
    /// </summary>
    public sealed class BoardProfile
    {
        private static readonly KeyPin[] NoKeys = new KeyPin[0];
        private static readonly LampPins[] NoLamps = new LampPins[0];

        /// <summary>An empty profile (no keys, no lamps) for the loader or a test to fill in.</summary>
        public BoardProfile()
        {
            Description = "";
            Keys = NoKeys;
            Lamps = NoLamps;
        }

        /// <summary>The profile's name, equal to its file name without ".json".</summary>
        public string Name { get; set; }

        /// <summary>A sentence for people; "" when the file has none.</summary>
        public string Description { get; set; }

        /// <summary>One of <see cref="BoardBackends"/>.</summary>
        public string Backend { get; set; }

        /// <summary>Line keys (with a lamp each) on one page, 1..96.</summary>
        public int LineKeys { get; set; }

        /// <summary>Expansion modules' pages, 0..3.</summary>
        public int ExpansionPages { get; set; }

        /// <summary>1 for single-colour lamps, 2 for red/green lamps.</summary>
        public int LampColours { get; set; }

        /// <summary>The OLED.</summary>
        public DisplaySpec Display { get; set; }

        /// <summary>The audio codec.</summary>
        public CodecSpec Codec { get; set; }

        /// <summary>Raspberry Pi: the GPIO character device ("/dev/gpiochip0"); null on other backends.</summary>
        public string GpioChip { get; set; }

        /// <summary>Keys wired to pins (empty for a simulator profile that lists none).</summary>
        public KeyPin[] Keys { get; set; }

        /// <summary>Lamps wired to pins, one per line key at most (empty for a simulator profile that lists none).</summary>
        public LampPins[] Lamps { get; set; }

        /// <summary>True when lamps are red/green.</summary>
        public bool HasTwoColourLamps { get { return LampColours == 2; } }

        /// <summary>The key wired for <paramref name="keyCode"/> (see hal KeyCodes), or null.</summary>
        public KeyPin FindKey(int keyCode)
        {
            for (int i = 0; i < Keys.Length; i++)
            {
                if (Keys[i].KeyCode == keyCode) return Keys[i];
            }
            return null;
        }

        /// <summary>The lamp of line key <paramref name="lineNumber"/> (1-based), or null when it has none.</summary>
        public LampPins FindLamp(int lineNumber)
        {
            for (int i = 0; i < Lamps.Length; i++)
            {
                if (Lamps[i].LineNumber == lineNumber) return Lamps[i];
            }
            return null;
        }
    }
}
