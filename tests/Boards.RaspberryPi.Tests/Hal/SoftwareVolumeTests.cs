// The software speaker gain: 10 is unity, 3 dB per step, 0 is silence.
using DeskPhone.Boards.RaspberryPi.Hal;

namespace DeskPhone.Boards.RaspberryPi.Tests.Hal;

public sealed class SoftwareVolumeTests
{
    [Fact]
    public void Level_10_leaves_samples_as_they_are()
    {
        short[] s = [short.MaxValue, short.MinValue, 1234, -1];
        SoftwareVolume.Apply(s, s.Length, SoftwareVolume.GainOf(10));
        Assert.Equal([short.MaxValue, short.MinValue, 1234, -1], s);
    }

    [Fact]
    public void Level_0_silences()
    {
        short[] s = [short.MaxValue, 1234];
        SoftwareVolume.Apply(s, s.Length, SoftwareVolume.GainOf(0));
        Assert.Equal([0, 0], s);
    }

    [Fact]
    public void Each_step_down_is_3_dB()
    {
        for (int level = 10; level > 1; level--)
        {
            double db = 20 * Math.Log10((double)SoftwareVolume.GainOf(level - 1) / SoftwareVolume.GainOf(level));
            Assert.InRange(db, -3.01, -2.99);
        }
    }

    [Fact]
    public void Levels_outside_0_to_10_are_clamped()
    {
        Assert.Equal(SoftwareVolume.GainOf(10), SoftwareVolume.GainOf(99));
        Assert.Equal(0, SoftwareVolume.GainOf(-3));
    }

    [Fact]
    public void Level_5_scales_full_scale_to_minus_15_dB()
    {
        short[] s = [16384];
        SoftwareVolume.Apply(s, 1, SoftwareVolume.GainOf(5));
        Assert.Equal(2913, s[0]);   // gain round(32768 * 10^(-15/20)) = 5827; 16384 * 5827 >> 15 = 2913
    }
}
