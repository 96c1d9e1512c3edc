// Call-progress tones: the right frequencies, the right cadence, and no allocation per frame.
using DeskPhone.Firmware.Media;

namespace DeskPhone.Firmware.Tests.Media;

public class ToneGeneratorTests
{
    private readonly ToneGenerator _gen = new();

    /// <summary><paramref name="frames"/> 20 ms frames at <paramref name="rate"/>, joined.</summary>
    private short[] Render(int rate, int frames)
    {
        var all = new List<short>();
        var frame = new short[rate / 50];
        for (int i = 0; i < frames; i++)
        {
            _gen.Fill(frame, rate);
            all.AddRange(frame);
        }
        return all.ToArray();
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Dial_tone_has_energy_at_350_and_440_Hz_and_not_at_1_kHz(int rate)
    {
        _gen.Play(Tone.Dial);
        var samples = Render(rate, 10);   // 200 ms

        double p350 = Goertzel.Power(samples, rate, 350);
        double p440 = Goertzel.Power(samples, rate, 440);
        double p1000 = Goertzel.Power(samples, rate, 1000);
        double p620 = Goertzel.Power(samples, rate, 620);

        Assert.True(p350 > 1000 * p1000, $"350 Hz {p350:E2} vs 1 kHz {p1000:E2}");
        Assert.True(p440 > 1000 * p1000, $"440 Hz {p440:E2} vs 1 kHz {p1000:E2}");
        Assert.True(p350 > 1000 * p620);
        Assert.InRange(p350 / p440, 0.5, 2.0);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Busy_tone_has_energy_at_480_and_620_Hz(int rate)
    {
        _gen.Play(Tone.Busy);
        var samples = Render(rate, 25);   // the first 500 ms on period

        double p480 = Goertzel.Power(samples, rate, 480);
        double p620 = Goertzel.Power(samples, rate, 620);
        double p350 = Goertzel.Power(samples, rate, 350);
        Assert.True(p480 > 1000 * p350);
        Assert.True(p620 > 1000 * p350);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Busy_tone_sounds_for_500_ms_and_is_silent_for_500_ms(int rate)
    {
        _gen.Play(Tone.Busy);
        var frame = new short[rate / 50];

        for (int f = 0; f < 150; f++)   // three seconds: three cycles
        {
            _gen.Fill(frame, rate);
            bool onPeriod = (f % 50) < 25;
            int peak = frame.Max(s => Math.Abs((int)s));
            if (onPeriod) Assert.True(peak > 4000, "frame " + f + " should sound, peak " + peak);
            else Assert.True(peak == 0, "frame " + f + " should be silent, peak " + peak);
        }
    }

    [Fact]
    public void Ringback_sounds_2_s_and_is_silent_4_s()
    {
        _gen.Play(Tone.Ringback);
        var frame = new short[160];
        var sounding = new List<bool>();
        for (int f = 0; f < 600; f++)   // two 6 s cycles
        {
            _gen.Fill(frame, 8000);
            sounding.Add(frame.Any(s => s != 0));
        }

        for (int f = 0; f < 600; f++) Assert.Equal((f % 300) < 100, sounding[f]);
    }

    [Fact]
    public void Dial_tone_is_continuous()
    {
        _gen.Play(Tone.Dial);
        var frame = new short[160];
        for (int f = 0; f < 500; f++)
        {
            _gen.Fill(frame, 8000);
            Assert.True(frame.Max(s => Math.Abs((int)s)) > 4000, "gap at frame " + f);
        }
    }

    [Fact]
    public void The_peak_of_a_dual_tone_is_close_to_twice_its_level()
    {
        _gen.Play(Tone.Dial);
        var samples = Render(8000, 50);

        int peak = samples.Max(s => Math.Abs((int)s));
        Assert.InRange(peak, 7000, 2 * Tone.Dial.Level);
    }

    [Fact]
    public void Without_a_tone_frames_are_silent_even_if_they_held_samples()
    {
        var frame = Enumerable.Repeat((short)1234, 160).ToArray();
        _gen.Fill(frame, 8000);
        Assert.All(frame, s => Assert.Equal(0, s));

        _gen.Play(Tone.Dial);
        _gen.Fill(frame, 8000);
        _gen.Play(null!);
        _gen.Fill(frame, 8000);
        Assert.All(frame, s => Assert.Equal(0, s));
        Assert.Null(_gen.Current);
    }

    [Fact]
    public void Playing_a_tone_again_restarts_its_cadence()
    {
        _gen.Play(Tone.Busy);
        var first = Render(8000, 30);
        _gen.Play(Tone.Busy);
        var again = Render(8000, 30);

        Assert.Equal(first, again);
        Assert.Same(Tone.Busy, _gen.Current);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Fill_allocates_nothing_in_steady_state(int rate)
    {
        var frame = new short[rate / 50];
        _gen.Play(Tone.Busy);
        Assert.Equal(0, Allocations.Steady(() => { for (int i = 0; i < 1000; i++) _gen.Fill(frame, rate); }));
    }

    [Fact]
    public void A_loud_tone_clips_instead_of_wrapping_around()
    {
        var single = new ToneGenerator();
        single.Play(new Tone("one", 1000, 0, 0, 0, 20000));
        var one = new short[160];
        single.Fill(one, 8000);

        _gen.Play(new Tone("two", 1000, 1000, 0, 0, 20000));   // the same sine twice
        var two = new short[160];
        _gen.Fill(two, 8000);

        for (int i = 0; i < 160; i++)
            Assert.Equal((short)Math.Clamp(2 * one[i], short.MinValue, short.MaxValue), two[i]);
    }

    [Fact]
    public void A_single_frequency_tone_has_energy_only_there()
    {
        _gen.Play(new Tone("1k", 1000, 0, 0, 0, 8000));
        var samples = Render(16000, 10);

        Assert.True(Goertzel.Power(samples, 16000, 1000) > 1000 * Goertzel.Power(samples, 16000, 440));
    }
}
