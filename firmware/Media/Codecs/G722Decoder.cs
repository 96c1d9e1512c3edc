// G.722 decoder at 64 kbit/s: 6-bit lower-band and 2-bit higher-band ADPCM, then the receive QMF to 16 kHz.
namespace DeskPhone.Firmware.Media.Codecs
{
    /// <summary>
    /// ITU-T G.722 decoder, mode 1 (64 kbit/s): each octet (higher-band code in bits 7-6,
    /// lower-band code in bits 5-0) becomes two 16 kHz samples. Integer arithmetic as in the ITU
    /// reference, output saturated to 16 bits. Keeps state between calls; allocates nothing.
    /// </summary>
    public sealed class G722Decoder
    {
        private const int Taps = 12;

        // Receive QMF delay lines of RL − RH and RL + RH, kept twice over like the encoder's. Newest at _pos.
        private readonly int[] _difference = new int[2 * Taps];
        private readonly int[] _sum = new int[2 * Taps];
        private int _pos;

        private readonly G722Band _low = new G722Band(true);
        private readonly G722Band _high = new G722Band(false);

        /// <summary>Forgets all state: the next call starts a new stream.</summary>
        public void Reset()
        {
            for (int i = 0; i < 2 * Taps; i++)
            {
                _difference[i] = 0;
                _sum[i] = 0;
            }
            _pos = 0;
            _low.Reset();
            _high.Reset();
        }

        /// <summary>
        /// Decodes <paramref name="count"/> octets from <paramref name="input"/> at <paramref name="inputOffset"/>
        /// into <paramref name="pcm"/> at <paramref name="pcmOffset"/>; returns the samples written, 2 · <paramref name="count"/>.
        /// </summary>
        public int Decode(byte[] input, int inputOffset, int count, short[] pcm, int pcmOffset)
        {
            int[] difference = _difference;
            int[] sum = _sum;
            int[] even = G722Tables.QmfEven;
            int[] odd = G722Tables.QmfOdd;
            int o = pcmOffset;
            for (int n = 0; n < count; n++)
            {
                int code = input[inputOffset + n];
                int rl = DecodeLow(code & 0x3F);
                int rh = DecodeHigh(code >> 6);

                int pos = _pos == 0 ? Taps - 1 : _pos - 1;
                _pos = pos;
                int d = rl - rh;
                int s = rl + rh;
                difference[pos] = d;
                difference[pos + Taps] = d;
                sum[pos] = s;
                sum[pos + Taps] = s;

                // Receive QMF: the even taps over RL − RH give the first sample, the odd taps over RL + RH the second.
                int first = 0;
                int second = 0;
                for (int i = 0; i < Taps; i++)
                {
                    first += even[i] * difference[pos + i];
                    second += odd[i] * sum[pos + i];
                }
                pcm[o++] = (short)G722Fixed.Saturate(first >> 11);
                pcm[o++] = (short)G722Fixed.Saturate(second >> 11);
            }
            return 2 * count;
        }

        /// <summary>
        /// Decodes <paramref name="count"/> octets to the reconstructed sub-band signals RL and RH
        /// (15-bit), written to <paramref name="low"/> and <paramref name="high"/> at
        /// <paramref name="bandOffset"/>, with the QMF bypassed as in the ITU-T G.722 digital test
        /// sequences (Appendix II). Returns <paramref name="count"/>.
        /// </summary>
        public int DecodeBands(byte[] input, int inputOffset, int count, short[] low, short[] high, int bandOffset)
        {
            for (int n = 0; n < count; n++)
            {
                int code = input[inputOffset + n];
                low[bandOffset + n] = (short)DecodeLow(code & 0x3F);
                high[bandOffset + n] = (short)DecodeHigh(code >> 6);
            }
            return count;
        }

        // Blocks 5L (INVQBL, RECONS), 6L (LIMIT), 2L, 3L, 4L.
        private int DecodeLow(int il)
        {
            G722Band band = _low;
            int scale = band.Scale;
            int rl = G722Fixed.Limit(band.Estimate + G722Fixed.Mult(scale, G722Tables.Inverse6[il]));
            int il4 = il >> 2;
            band.Update(G722Fixed.Mult(scale, G722Tables.Inverse4[il4]), G722Tables.LowScaleStep[il4]);
            return rl;
        }

        // Blocks 2H (INVQAH), 5H (RECONS), 6H (LIMIT), 3H, 4H.
        private int DecodeHigh(int ih)
        {
            G722Band band = _high;
            int dh = G722Fixed.Mult(band.Scale, G722Tables.Inverse2[ih]);
            int rh = G722Fixed.Limit(band.Estimate + dh);
            band.Update(dh, G722Tables.HighScaleStep[ih]);
            return rh;
        }
    }
}
