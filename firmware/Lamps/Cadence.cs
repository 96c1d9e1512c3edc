// How a lamp blinks, with the on/off times from PHONE-BEHAVIOUR.md.
namespace DeskPhone.Firmware.Lamps
{
    /// <summary>A lamp's blink pattern.</summary>
    public enum Cadence
    {
        /// <summary>Lit all the time.</summary>
        Steady = 0,
        /// <summary>200 ms on, 200 ms off: ringing.</summary>
        FastFlash = 1,
        /// <summary>500 ms on, 500 ms off: held, parked.</summary>
        SlowFlash = 2,
        /// <summary>100 ms on, 900 ms off: failed or unavailable (must differ from idle).</summary>
        BrokenFlash = 3
    }

    /// <summary>On and off times of each cadence, and their names.</summary>
    public static class Cadences
    {
        /// <summary>Lamps are updated on this tick; every cadence is a multiple of it.</summary>
        public const int TickMs = 100;

        /// <summary>Milliseconds lit per cycle.</summary>
        public static int OnMs(Cadence c)
        {
            switch (c)
            {
                case Cadence.FastFlash: return 200;
                case Cadence.SlowFlash: return 500;
                case Cadence.BrokenFlash: return 100;
                default: return 0;
            }
        }

        /// <summary>Milliseconds dark per cycle.</summary>
        public static int OffMs(Cadence c)
        {
            switch (c)
            {
                case Cadence.FastFlash: return 200;
                case Cadence.SlowFlash: return 500;
                case Cadence.BrokenFlash: return 900;
                default: return 0;
            }
        }

        /// <summary>Whether a lamp with cadence <paramref name="c"/> is lit <paramref name="msIntoCycle"/> into the shared cycle.</summary>
        public static bool IsLit(Cadence c, long msSinceStart)
        {
            if (c == Cadence.Steady) return true;
            int period = OnMs(c) + OffMs(c);
            return (msSinceStart % period) < OnMs(c);
        }

        /// <summary>The cadence named <paramref name="name"/> ("steady", "fast-flash", "slow-flash", "broken-flash"; exact); false for anything else.</summary>
        public static bool TryParse(string name, out Cadence cadence)
        {
            cadence = Cadence.Steady;
            for (int i = 0; i <= (int)Cadence.BrokenFlash; i++)
            {
                if (Name((Cadence)i) != name) continue;
                cadence = (Cadence)i;
                return true;
            }
            return false;
        }

        /// <summary>The name used by the simulator API and configuration ("fast-flash").</summary>
        public static string Name(Cadence c)
        {
            switch (c)
            {
                case Cadence.FastFlash: return "fast-flash";
                case Cadence.SlowFlash: return "slow-flash";
                case Cadence.BrokenFlash: return "broken-flash";
                default: return "steady";
            }
        }
    }
}
