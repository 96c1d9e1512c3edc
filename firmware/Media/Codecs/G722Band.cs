// One G.722 sub-band's ADPCM state: scale-factor adaptation (blocks 3L/3H) and the pole-zero predictor (block 4).
namespace DeskPhone.Firmware.Media.Codecs
{
    /// <summary>
    /// The adaptive state of one sub-band, shared by encoder and decoder: the quantizer scale
    /// factor and the two-pole, six-zero predictor. The encoder and decoder feed it the same
    /// quantized difference, so both sides track the same estimate <see cref="Estimate"/>.
    /// </summary>
    internal sealed class G722Band
    {
        private readonly int _initialScale;
        private readonly int _maxLogScale;
        private readonly int _scaleShift;

        private int _logScale;                    // NBL / NBH
        private int _zeroEstimate;                // SZL / SZH
        private readonly int[] _a = new int[3];   // pole coefficients a1, a2 (index 0 unused)
        private readonly int[] _b = new int[7];   // zero coefficients b1…b6 (index 0 unused)
        private readonly int[] _d = new int[7];   // quantized differences: d[0] now, d[1…6] past
        private readonly int[] _p = new int[3];   // partially reconstructed signal, p[1], p[2] past
        private readonly int[] _r = new int[3];   // reconstructed signal, r[1], r[2] past

        /// <summary>The lower band (DETL starts at 32, NBL ≤ 18432) or the higher band (DETH 8, NBH ≤ 22528).</summary>
        internal G722Band(bool lower)
        {
            _initialScale = lower ? 32 : 8;
            _maxLogScale = lower ? 18432 : 22528;
            _scaleShift = lower ? 8 : 10;
            Reset();
        }

        /// <summary>The predicted signal SL / SH for the next sample.</summary>
        internal int Estimate;

        /// <summary>The quantizer scale factor DETL / DETH.</summary>
        internal int Scale;

        /// <summary>Back to the state at the start of a stream.</summary>
        internal void Reset()
        {
            Estimate = 0;
            Scale = _initialScale;
            _logScale = 0;
            _zeroEstimate = 0;
            for (int i = 0; i < 7; i++)
            {
                _b[i] = 0;
                _d[i] = 0;
            }
            for (int i = 0; i < 3; i++)
            {
                _a[i] = 0;
                _p[i] = 0;
                _r[i] = 0;
            }
        }

        /// <summary>
        /// One sample's adaptation: <paramref name="difference"/> is the quantized difference DLT /
        /// DH (from the old scale factor), <paramref name="logStep"/> the WL / WH multiplier of its code.
        /// </summary>
        internal void Update(int difference, int logStep)
        {
            AdaptScale(logStep);
            Predict(difference);
        }

        // LOGSCL/LOGSCH then SCALEL/SCALEH.
        private void AdaptScale(int logStep)
        {
            int nb = G722Fixed.Add(G722Fixed.Mult(_logScale, 32512), logStep);
            if (nb < 0) nb = 0;
            else if (nb > _maxLogScale) nb = _maxLogScale;
            _logScale = nb;

            int mantissa = G722Tables.InverseLog[(nb >> 6) & 31];
            int shift = _scaleShift - (nb >> 11);
            int scale = shift >= 0 ? mantissa >> shift : mantissa << -shift;
            Scale = scale << 2;
        }

        // Block 4: PARREC, RECONS, UPZERO, UPPOL2, UPPOL1, FILTEZ, FILTEP, PREDIC.
        private void Predict(int dq)
        {
            int[] a = _a;
            int[] b = _b;
            int[] d = _d;
            int[] p = _p;
            int[] r = _r;

            int p0 = G722Fixed.Add(dq, _zeroEstimate);
            int r0 = G722Fixed.Add(Estimate, dq);

            // UPZERO: sign-sign update of the zeros with leakage 255/256, and the delay line.
            d[0] = dq;
            int step = dq == 0 ? 0 : 128;
            bool negative = dq < 0;
            for (int i = 6; i > 0; i--)
            {
                int leaked = G722Fixed.Mult(b[i], 32640);
                b[i] = (d[i] < 0) == negative ? G722Fixed.Add(leaked, step) : G722Fixed.Sub(leaked, step);
                d[i] = d[i - 1];
            }

            // UPPOL2 (uses the old a1), then UPPOL1 (limited by the new a2).
            bool s0 = p0 < 0;
            bool s1 = p[1] < 0;
            bool s2 = p[2] < 0;
            int wd1 = G722Fixed.Saturate(a[1] << 2);
            int wd2 = s0 == s1 ? G722Fixed.Saturate(-wd1) : wd1;
            int a2 = G722Fixed.Add(G722Fixed.Add(wd2 >> 7, s0 == s2 ? 128 : -128), G722Fixed.Mult(a[2], 32512));
            if (a2 > 12288) a2 = 12288;
            else if (a2 < -12288) a2 = -12288;

            int a1 = G722Fixed.Add(s0 == s1 ? 192 : -192, G722Fixed.Mult(a[1], 32640));
            int bound = G722Fixed.Sub(15360, a2);
            if (a1 > bound) a1 = bound;
            else if (a1 < -bound) a1 = -bound;
            a[1] = a1;
            a[2] = a2;
            p[2] = p[1];
            p[1] = p0;

            // FILTEZ: the six-zero section, saturating at every step as the reference does.
            int sz = 0;
            for (int i = 6; i > 0; i--) sz = G722Fixed.Add(sz, G722Fixed.Mult(G722Fixed.Add(d[i], d[i]), b[i]));
            _zeroEstimate = sz;

            // FILTEP and PREDIC.
            r[2] = r[1];
            r[1] = r0;
            int sp = G722Fixed.Add(G722Fixed.Mult(a1, G722Fixed.Add(r0, r0)), G722Fixed.Mult(a2, G722Fixed.Add(r[2], r[2])));
            Estimate = G722Fixed.Add(sp, sz);
        }
    }
}
