// What a lamp should show: a colour and a cadence.
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Lamps
{
    /// <summary>A lamp's logical state. Off is colour Off (the cadence is then irrelevant).</summary>
    public struct LampState
    {
        /// <summary>The colour when lit.</summary>
        public LampColour Colour;

        /// <summary>How it blinks.</summary>
        public Cadence Cadence;

        /// <summary>A state of <paramref name="colour"/> blinking with <paramref name="cadence"/>.</summary>
        public LampState(LampColour colour, Cadence cadence)
        {
            Colour = colour;
            Cadence = cadence;
        }

        /// <summary>The dark lamp.</summary>
        public static LampState Off { get { return new LampState(LampColour.Off, Cadence.Steady); } }

        /// <summary>True when the lamp is off.</summary>
        public bool IsOff { get { return Colour == LampColour.Off; } }

        /// <summary>True when both say the same thing.</summary>
        public bool SameAs(LampState other)
        {
            if (IsOff && other.IsOff) return true;
            return Colour == other.Colour && Cadence == other.Cadence;
        }

        /// <summary>"off", "green steady", "red fast-flash".</summary>
        public override string ToString()
        {
            if (IsOff) return "off";
            return ColourName(Colour) + " " + Cadences.Name(Cadence);
        }

        /// <summary>"off", "green", "red", "amber".</summary>
        public static string ColourName(LampColour c)
        {
            switch (c)
            {
                case LampColour.Green: return "green";
                case LampColour.Red: return "red";
                case LampColour.Amber: return "amber";
                default: return "off";
            }
        }
    }
}
