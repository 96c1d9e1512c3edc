// Output volume by scaling samples: works on every card, DACs without a mixer (PCM5102) included.
namespace DeskPhone.Boards.RaspberryPi.Hal;

/// <summary>
/// Volume 0-10 as a gain in Q15: 10 is unity, each step down is 3 dB, 0 is silence. A software
/// gain rather than an ALSA mixer element because mixer control names differ per codec and the
/// PCM5102 has none; set the card's own mixer once with alsamixer (README).
/// </summary>
internal static class SoftwareVolume
{
    /// <summary>Unity gain in Q15.</summary>
    public const int Unity = 1 << 15;

    private static readonly int[] Gains = BuildGains();

    /// <summary>The Q15 gain of <paramref name="level"/> (clamped to 0-10).</summary>
    public static int GainOf(int level) => Gains[Math.Clamp(level, 0, 10)];

    /// <summary>Scales <paramref name="count"/> samples in place by <paramref name="gainQ15"/>.</summary>
    public static void Apply(short[] samples, int count, int gainQ15)
    {
        if (gainQ15 == Unity) return;
        for (int i = 0; i < count; i++) samples[i] = (short)((samples[i] * gainQ15) >> 15);
    }

    private static int[] BuildGains()
    {
        var gains = new int[11];
        for (int level = 1; level <= 10; level++) gains[level] = (int)Math.Round(Unity * Math.Pow(10, -3.0 * (10 - level) / 20));
        return gains;
    }
}
