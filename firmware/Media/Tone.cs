// A call-progress tone's recipe.
namespace DeskPhone.Firmware.Media
{
    /// <summary>Two frequencies, a level and a cadence (OffMs 0 = continuous).</summary>
    public sealed class Tone
    {
        /// <summary>North American dial tone: 350 + 440 Hz, continuous.</summary>
        public static readonly Tone Dial = new Tone("dial", 350, 440, 0, 0, 4000);

        /// <summary>Ringback: 440 + 480 Hz, 2 s on, 4 s off.</summary>
        public static readonly Tone Ringback = new Tone("ringback", 440, 480, 2000, 4000, 4000);

        /// <summary>The ring of an incoming call on the speaker: 440 + 480 Hz, 2 s on, 4 s off.</summary>
        public static readonly Tone Ring = new Tone("ring", 440, 480, 2000, 4000, 6000);

        /// <summary>Busy: 480 + 620 Hz, 0.5 s on, 0.5 s off.</summary>
        public static readonly Tone Busy = new Tone("busy", 480, 620, 500, 500, 4000);

        /// <summary>A tone.</summary>
        public Tone(string name, int frequency1, int frequency2, int onMs, int offMs, int level)
        {
            Name = name;
            Frequency1 = frequency1;
            Frequency2 = frequency2;
            OnMs = onMs;
            OffMs = offMs;
            Level = level;
        }

        /// <summary>"dial", "busy"...</summary>
        public readonly string Name;
        /// <summary>First frequency in Hz.</summary>
        public readonly int Frequency1;
        /// <summary>Second frequency in Hz (0 = none).</summary>
        public readonly int Frequency2;
        /// <summary>Milliseconds on per cycle.</summary>
        public readonly int OnMs;
        /// <summary>Milliseconds off per cycle (0 = continuous).</summary>
        public readonly int OffMs;
        /// <summary>Peak amplitude of each frequency (of 32767).</summary>
        public readonly int Level;
    }
}
