// G.722 constants: QMF coefficients, quantizer levels and scale-factor tables from ITU-T G.722.
namespace DeskPhone.Firmware.Media.Codecs
{
    /// <summary>
    /// The fixed tables of ITU-T G.722 at 64 kbit/s (mode 1), in the integer scaling the
    /// recommendation's block descriptions use. The code-indexed lookups are built once from the
    /// standard's magnitude tables and code assignments, so every per-sample step is one lookup.
    /// </summary>
    internal static class G722Tables
    {
        /// <summary>Even QMF taps h(0), h(2) … h(22), scaled by 2^13.</summary>
        internal static readonly int[] QmfEven = { 3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11 };

        /// <summary>Odd QMF taps h(1), h(3) … h(23); the filter is symmetric, h(i) = h(23 − i).</summary>
        internal static readonly int[] QmfOdd = { -11, 53, -156, 362, -805, 3876, 951, -210, 32, 12, -11, 3 };

        /// <summary>
        /// Lower-band decision levels of the 60-level quantizer for intervals 1…29 (index 0 unused),
        /// scaled by 2^12 against DETL (QUANTL).
        /// </summary>
        internal static readonly int[] LowDecision =
        {
            0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650,
            714, 786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919
        };

        /// <summary>The one higher-band decision level (QUANTH), scaled by 2^12 against DETH.</summary>
        internal const int HighDecision = 564;

        /// <summary>Reconstruction magnitudes of the 6-bit inverse quantizer for intervals 1…30 (INVQBL).</summary>
        private static readonly int[] Level6 =
        {
            0, 136, 432, 728, 1040, 1360, 1688, 2032, 2400, 2776, 3168, 3576, 4008, 4464, 4944, 5456,
            6000, 6576, 7192, 7856, 8576, 9360, 10232, 11192, 12280, 13512, 14984, 16704, 19008, 21904, 24808
        };

        /// <summary>Reconstruction magnitudes of the 4-bit inverse quantizer (INVQAL), by magnitude index.</summary>
        private static readonly int[] Level4 = { 0, 1200, 2584, 4240, 6288, 8968, 12896, 20456 };

        /// <summary>Lower-band log scale-factor multipliers WL by 4-bit magnitude index (LOGSCL).</summary>
        private static readonly int[] LowLogStep = { -60, -30, 58, 172, 334, 538, 1198, 3042 };

        /// <summary>Inverse log table ILB, 2^(i/32) scaled by 2^11 (SCALEL/SCALEH).</summary>
        internal static readonly int[] InverseLog =
        {
            2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
            2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008
        };

        /// <summary>6-bit lower-band code → signed reconstruction level (scaled by 2^15 against DETL).</summary>
        internal static readonly int[] Inverse6 = new int[64];

        /// <summary>4-bit truncated lower-band code (IL >> 2) → signed level for the predictor loop.</summary>
        internal static readonly int[] Inverse4 = new int[16];

        /// <summary>4-bit truncated lower-band code → log scale-factor step WL.</summary>
        internal static readonly int[] LowScaleStep = new int[16];

        /// <summary>2-bit higher-band code → signed level QQ2 (INVQAH).</summary>
        internal static readonly int[] Inverse2 = { -7408, -1616, 7408, 1616 };

        /// <summary>2-bit higher-band code → log scale-factor step WH (LOGSCH).</summary>
        internal static readonly int[] HighScaleStep = { 798, -214, 798, -214 };

        /// <summary>Positive 6-bit code of quantizer interval 1…30 (QUANTL).</summary>
        internal static int PositiveCode(int interval) { return 62 - interval; }

        /// <summary>Negative 6-bit code of quantizer interval 1…30 (QUANTL).</summary>
        internal static int NegativeCode(int interval)
        {
            if (interval == 1) return 63;
            if (interval == 2) return 62;
            return 34 - interval;
        }

        static G722Tables()
        {
            // Codes 0…3 are never sent by an encoder; the standard maps them to −LEVEL(1).
            for (int code = 0; code < 4; code++) Inverse6[code] = -Level6[1];
            for (int interval = 1; interval <= 30; interval++)
            {
                Inverse6[PositiveCode(interval)] = Level6[interval];
                Inverse6[NegativeCode(interval)] = -Level6[interval];
            }

            // 4-bit codes: 8…15 positive with magnitude index 15 − code, 1…7 negative with 8 − code, 0 is zero.
            for (int code = 0; code < 16; code++)
            {
                int magnitude = code >= 8 ? 15 - code : (code == 0 ? 0 : 8 - code);
                Inverse4[code] = code >= 8 ? Level4[magnitude] : -Level4[magnitude];
                LowScaleStep[code] = LowLogStep[magnitude];
            }
        }
    }
}
