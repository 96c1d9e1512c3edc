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

        /// <summary>Ring cadence "short": one 0.5 s burst every 6 s (a quiet line).</summary>
        public static readonly Tone RingShort = new Tone("ring-short", 440, 480, new int[] { 500, 5500 }, 6000);

        /// <summary>Ring cadence "triple": three 0.4 s bursts 0.2 s apart, every 6 s.</summary>
        public static readonly Tone RingTriple = new Tone("ring-triple", 440, 480, new int[] { 400, 200, 400, 200, 400, 4400 }, 6000);

        /// <summary>Ring cadence "vip": long-long, 0.8 s on, 0.4 s off, 0.8 s on, every 6 s (Bellcore distinctive ring 2).</summary>
        public static readonly Tone RingVip = new Tone("ring-vip", 440, 480, new int[] { 800, 400, 800, 4000 }, 6000);

        /// <summary>Busy: 480 + 620 Hz, 0.5 s on, 0.5 s off.</summary>
        public static readonly Tone Busy = new Tone("busy", 480, 620, 500, 500, 4000);

        /// <summary>
        /// Call waiting, heard in the earpiece over the call: one 440 Hz beep of 300 ms every 10 s,
        /// quieter than the progress tones so the conversation stays clear.
        /// </summary>
        public static readonly Tone CallWaiting = new Tone("call-waiting", 440, 0, 300, 9700, 3000);

        /// <summary>
        /// The recording notice the far end hears while a call is recorded (when the office asks for
        /// one): a 1400 Hz beep of 0.5 s at the start, then every 15 s.
        /// </summary>
        public static readonly Tone RecordingNotice = new Tone("recording-notice", 1400, 0, 500, 14500, 4000);

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

        /// <summary>
        /// A tone with a cadence of several bursts: <paramref name="cadence"/> lists on, off, on, off...
        /// milliseconds of one cycle (an even count, each at least 1). <see cref="OnMs"/> is the first
        /// burst and <see cref="OffMs"/> the rest of the cycle, so <c>OnMs + OffMs</c> is still the cycle.
        /// </summary>
        public Tone(string name, int frequency1, int frequency2, int[] cadence, int level)
            : this(name, frequency1, frequency2, cadence[0], CycleOf(cadence) - cadence[0], level)
        {
            Cadence = cadence;
        }

        /// <summary>On/off milliseconds of one cycle when the tone has several bursts, else null (<see cref="OnMs"/>/<see cref="OffMs"/>).</summary>
        public readonly int[] Cadence;

        /// <summary>True when the tone sounds <paramref name="msIntoCycle"/> milliseconds into its cycle.</summary>
        public bool IsOnAt(long msIntoCycle)
        {
            if (OffMs == 0) return true;
            if (Cadence == null) return msIntoCycle < OnMs;
            long at = 0;
            for (int i = 0; i < Cadence.Length; i++)
            {
                at += Cadence[i];
                if (msIntoCycle < at) return i % 2 == 0;
            }
            return false;
        }

        private static int CycleOf(int[] cadence)
        {
            int sum = 0;
            for (int i = 0; i < cadence.Length; i++) sum += cadence[i];
            return sum;
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
