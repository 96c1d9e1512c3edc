namespace DeskPhone.Firmware.Tests;

/// <summary>The power of one frequency in a block of samples (Goertzel's algorithm).</summary>
public static class Goertzel
{
    public static double Power(short[] samples, int rate, double frequency)
    {
        double coeff = 2 * Math.Cos(2 * Math.PI * frequency / rate);
        double s1 = 0, s2 = 0;
        foreach (short x in samples)
        {
            double s = x + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return s1 * s1 + s2 * s2 - coeff * s1 * s2;
    }
}
