// A seeded vowel-like test signal: harmonics of a wandering pitch shaped by drifting formants, in syllables.
namespace DeskPhone.Firmware.Tests.Media;

/// <summary>
/// Voiced speech stand-in for concealment tests: a pitch of 90..220 Hz that glides and wobbles,
/// harmonics up to 3.4 kHz (7 kHz at 16 kHz) weighted by three formant resonances that drift
/// between vowels, a spectral tilt, and a syllable envelope at about 4 Hz that never quite reaches
/// silence. Deterministic for a seed. Peak about 5000.
/// </summary>
public sealed class SpeechLikeSignal
{
    private const int Harmonics = 40;
    private readonly int _rate;
    private readonly Random _random;
    private readonly double[] _weights = new double[Harmonics + 1];
    private readonly double[] _phase0 = new double[Harmonics + 1];
    private double _phase;
    private double _pitch = 140;
    private double _pitchGoal = 140;
    private double _f1 = 600, _f2 = 1200, _f3 = 2500;
    private double _g1 = 600, _g2 = 1200, _g3 = 2500;
    private double _syllable;
    private double _syllableRate = 4;
    private long _n;

    public SpeechLikeSignal(int sampleRate, int seed)
    {
        _rate = sampleRate;
        _random = new Random(seed);
        for (int h = 1; h <= Harmonics; h++) _phase0[h] = _random.NextDouble() * 2 * Math.PI;
    }

    /// <summary>The next <paramref name="count"/> samples.</summary>
    public void Fill(short[] output, int offset, int count)
    {
        double top = _rate == 8000 ? 3400 : 7000;
        for (int i = 0; i < count; i++, _n++)
        {
            if (_n % (_rate / 100) == 0) Steer();
            _phase += 2 * Math.PI * _pitch / _rate;
            if (_phase > 2 * Math.PI * 1000) _phase -= 2 * Math.PI * 1000;
            _syllable += _syllableRate / _rate;
            double envelope = 0.25 + 0.75 * Math.Pow(Math.Sin(Math.PI * _syllable), 2);
            double s = 0;
            for (int h = 1; h <= Harmonics && h * _pitch < top; h++) s += _weights[h] * Math.Sin(h * _phase + _phase0[h]);
            output[offset + i] = (short)Math.Clamp(s * envelope * 4000, -32000, 32000);
        }
    }

    /// <summary>Every 10 ms: pitch and formants move toward goals that change now and then.</summary>
    private void Steer()
    {
        if (_random.NextDouble() < 0.04) _pitchGoal = 90 + _random.NextDouble() * 130;
        if (_random.NextDouble() < 0.03)
        {
            _g1 = 300 + _random.NextDouble() * 500;
            _g2 = 900 + _random.NextDouble() * 1300;
            _g3 = 2300 + _random.NextDouble() * 700;
        }
        if (_random.NextDouble() < 0.02) _syllableRate = 3 + _random.NextDouble() * 3;
        _pitch += (_pitchGoal - _pitch) * 0.06 + (_random.NextDouble() - 0.5) * 1.5;
        _f1 += (_g1 - _f1) * 0.08;
        _f2 += (_g2 - _f2) * 0.08;
        _f3 += (_g3 - _f3) * 0.08;
        double sum = 0;
        for (int h = 1; h <= Harmonics; h++)
        {
            double f = h * _pitch;
            double w = Resonance(f, _f1, 90) + 0.6 * Resonance(f, _f2, 120) + 0.3 * Resonance(f, _f3, 180) + 0.05;
            _weights[h] = w / Math.Sqrt(h);
            sum += _weights[h];
        }
        for (int h = 1; h <= Harmonics; h++) _weights[h] /= sum * 0.5;
    }

    private static double Resonance(double f, double centre, double bandwidth)
    {
        double x = (f - centre) / bandwidth;
        return 1 / (1 + x * x);
    }
}
