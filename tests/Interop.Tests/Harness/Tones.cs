// Test tones and the checks on them: a sine to feed a microphone or baresip, and Goertzel verdicts on what was heard.
using DeskPhone.Firmware.Tests;

namespace DeskPhone.Interop.Tests.Harness;

/// <summary>Tones for the audio tests, and whether one is heard in a block of samples.</summary>
public static class Tones
{
    /// <summary><paramref name="count"/> samples of a <paramref name="hz"/> sine at amplitude 8000.</summary>
    public static short[] Sine(int hz, int rate, int count)
    {
        var s = new short[count];
        for (int i = 0; i < count; i++) s[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / rate));
        return s;
    }

    /// <summary>The samples from <paramref name="fromSeconds"/> to <paramref name="toSeconds"/> (clamped to what there is).</summary>
    public static short[] Slice(short[] s, int rate, double fromSeconds, double toSeconds)
    {
        int from = Math.Clamp((int)(fromSeconds * rate), 0, s.Length);
        int to = Math.Clamp((int)(toSeconds * rate), from, s.Length);
        return s[from..to];
    }

    /// <summary>The power of a sine of amplitude 1000 over the block: what "present" must beat.</summary>
    public static double Floor(short[] block) => Math.Pow(block.Length * 1000.0, 2) / 4;

    /// <summary>The <paramref name="hz"/> tone is in the block, above the floor.</summary>
    public static void Present(short[] block, int rate, int hz, string what)
    {
        double p = Goertzel.Power(block, rate, hz);
        Assert.True(p > Floor(block), $"{what}: {hz} Hz at {p:E2}, below {Floor(block):E2} ({block.Length} samples)");
    }

    /// <summary>The <paramref name="hz"/> tone is far below the <paramref name="against"/> tone and below a tenth of the floor.</summary>
    public static void Absent(short[] block, int rate, int hz, int against, string what)
    {
        double p = Goertzel.Power(block, rate, hz);
        double reference = Goertzel.Power(block, rate, against);
        Assert.True(p * 100 < reference && p < Floor(block) / 10, $"{what}: {hz} Hz at {p:E2} should be far below {against} Hz at {reference:E2}");
    }

    /// <summary>The tone at <paramref name="expected"/> stands 100 times above the other side's tone, and above the floor.</summary>
    public static void Hears(short[] samples, int rate, int expected, int other, string who)
    {
        double wanted = Goertzel.Power(samples, rate, expected);
        double unwanted = Goertzel.Power(samples, rate, other);
        Assert.True(wanted > 100 * unwanted, $"{who}: {expected} Hz {wanted:E2} vs {other} Hz {unwanted:E2}");
        Assert.True(wanted > Floor(samples), $"{who}: {expected} Hz {wanted:E2} below {Floor(samples):E2} ({samples.Length} samples)");
    }
}
