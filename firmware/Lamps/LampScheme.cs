// The lamp scheme: PHONE-BEHAVIOUR.md's table of lamp states as data, one entry per meaning.
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Lamps
{
    /// <summary>What a key's lamp has to tell, whatever the kind of key (line, shared line, BLF, park slot).</summary>
    public enum LampMeaning
    {
        /// <summary>Nothing going on.</summary>
        Idle = 0,
        /// <summary>Ringing here: I may answer.</summary>
        RingingMine = 1,
        /// <summary>Ringing on a line I watch (a colleague's BLF, someone else's shared line).</summary>
        RingingOthers = 2,
        /// <summary>My call: seized, dialing or active.</summary>
        MineActive = 3,
        /// <summary>Someone else's call on a shared line, or a watched colleague busy.</summary>
        OthersBusy = 4,
        /// <summary>Held by me.</summary>
        HeldByMe = 5,
        /// <summary>Held by someone else (public hold).</summary>
        HeldByOthers = 6,
        /// <summary>Held privately by someone else (the screen adds a privacy icon).</summary>
        HeldPrivate = 7,
        /// <summary>A call parked on a park slot.</summary>
        Parked = 8,
        /// <summary>The subscription failed or the line is not available; must look different from idle.</summary>
        Failed = 9
    }

    /// <summary>
    /// What each <see cref="LampMeaning"/> looks like: a colour and a cadence. <see cref="Default"/>
    /// is the table in PHONE-BEHAVIOUR.md; a device file's "lampScheme" section overrides entries
    /// (<see cref="With"/>). Immutable: every change makes a new scheme. Single-colour LEDs light
    /// their one LED for any colour (the HAL does it, see <see cref="ILamps.HasTwoColours"/>), so on
    /// them only on/off and the cadence tell meanings apart (<see cref="LooksDifferent"/>).
    /// </summary>
    public sealed class LampScheme
    {
        /// <summary>How many meanings there are.</summary>
        public const int MeaningCount = 10;

        private static readonly string[] Names =
        {
            "idle", "ringingMine", "ringingOthers", "mineActive", "othersBusy",
            "heldByMe", "heldByOthers", "heldPrivate", "parked", "failed"
        };

        private static LampScheme _default;
        private readonly LampState[] _states;

        private LampScheme(LampState[] states)
        {
            _states = states;
        }

        /// <summary>
        /// PHONE-BEHAVIOUR.md's scheme: idle off; ringing here green fast flash; ringing on a watched
        /// line (BLF ringing, as Yealink and Poly show it) red fast flash; my call green steady; others'
        /// call or a busy colleague red steady; held by me green slow flash; held by others red slow
        /// flash; held privately red steady; parked red slow flash; failed red broken flash.
        /// </summary>
        public static LampScheme Default
        {
            get
            {
                if (_default != null) return _default;
                LampState[] s = new LampState[MeaningCount];
                s[(int)LampMeaning.Idle] = LampState.Off;
                s[(int)LampMeaning.RingingMine] = new LampState(LampColour.Green, Cadence.FastFlash);
                s[(int)LampMeaning.RingingOthers] = new LampState(LampColour.Red, Cadence.FastFlash);
                s[(int)LampMeaning.MineActive] = new LampState(LampColour.Green, Cadence.Steady);
                s[(int)LampMeaning.OthersBusy] = new LampState(LampColour.Red, Cadence.Steady);
                s[(int)LampMeaning.HeldByMe] = new LampState(LampColour.Green, Cadence.SlowFlash);
                s[(int)LampMeaning.HeldByOthers] = new LampState(LampColour.Red, Cadence.SlowFlash);
                s[(int)LampMeaning.HeldPrivate] = new LampState(LampColour.Red, Cadence.Steady);
                s[(int)LampMeaning.Parked] = new LampState(LampColour.Red, Cadence.SlowFlash);
                s[(int)LampMeaning.Failed] = new LampState(LampColour.Red, Cadence.BrokenFlash);
                _default = new LampScheme(s);
                return _default;
            }
        }

        /// <summary>The lamp for <paramref name="meaning"/> (off for a value outside the enum).</summary>
        public LampState For(LampMeaning meaning)
        {
            int i = (int)meaning;
            return i >= 0 && i < MeaningCount ? _states[i] : LampState.Off;
        }

        /// <summary>A copy of this scheme with <paramref name="meaning"/> shown as <paramref name="state"/>.</summary>
        public LampScheme With(LampMeaning meaning, LampState state)
        {
            LampState[] copy = new LampState[MeaningCount];
            for (int i = 0; i < MeaningCount; i++) copy[i] = _states[i];
            int m = (int)meaning;
            if (m >= 0 && m < MeaningCount) copy[m] = state;
            return new LampScheme(copy);
        }

        /// <summary>The name a device file uses for <paramref name="meaning"/> ("ringingOthers").</summary>
        public static string Name(LampMeaning meaning)
        {
            int i = (int)meaning;
            return i >= 0 && i < MeaningCount ? Names[i] : "idle";
        }

        /// <summary>Every meaning's name, in enum order (a copy).</summary>
        public static string[] AllNames()
        {
            string[] copy = new string[MeaningCount];
            for (int i = 0; i < MeaningCount; i++) copy[i] = Names[i];
            return copy;
        }

        /// <summary>The meaning named <paramref name="name"/> (exact, as <see cref="Name"/> writes it).</summary>
        public static bool TryParseMeaning(string name, out LampMeaning meaning)
        {
            meaning = LampMeaning.Idle;
            for (int i = 0; i < MeaningCount; i++)
            {
                if (Names[i] != name) continue;
                meaning = (LampMeaning)i;
                return true;
            }
            return false;
        }

        /// <summary>
        /// Reads a lamp as <see cref="LampState.ToString"/> writes it: "off", or a colour ("green",
        /// "red", "amber") and a cadence ("steady", "fast-flash", "slow-flash", "broken-flash")
        /// separated by one or more spaces. False for anything else.
        /// </summary>
        public static bool TryParseState(string text, out LampState state)
        {
            state = LampState.Off;
            if (text == null) return false;
            string t = text.Trim();
            if (t == "off") return true;
            int space = t.IndexOf(' ');
            if (space <= 0) return false;
            string colourName = t.Substring(0, space);
            string cadenceName = t.Substring(space + 1).Trim();
            LampColour colour;
            Cadence cadence;
            if (!TryParseColour(colourName, out colour) || !Cadences.TryParse(cadenceName, out cadence)) return false;
            state = new LampState(colour, cadence);
            return true;
        }

        /// <summary>"green", "red" or "amber" (not "off": an unlit lamp is written "off" alone).</summary>
        public static bool TryParseColour(string name, out LampColour colour)
        {
            colour = LampColour.Off;
            if (name == "green") colour = LampColour.Green;
            else if (name == "red") colour = LampColour.Red;
            else if (name == "amber") colour = LampColour.Amber;
            return colour != LampColour.Off;
        }

        /// <summary>
        /// True when a person can tell <paramref name="a"/> from <paramref name="b"/> on the LED: on a
        /// two-colour LED by colour or cadence, on a single-colour LED only by on/off and cadence.
        /// </summary>
        public static bool LooksDifferent(LampState a, LampState b, bool twoColours)
        {
            if (a.IsOff || b.IsOff) return a.IsOff != b.IsOff;
            if (a.Cadence != b.Cadence) return true;
            return twoColours && a.Colour != b.Colour;
        }
    }
}
