// G.722 encoder at 64 kbit/s: transmit QMF, 6-bit lower-band and 2-bit higher-band ADPCM, one byte per two samples.
namespace DeskPhone.Firmware.Media.Codecs
{
    /// <summary>
    /// ITU-T G.722 encoder, mode 1 (64 kbit/s): 16 kHz linear PCM in, one octet per pair of
    /// samples out, the higher-band code in bits 7-6 and the lower-band code in bits 5-0 (the
    /// RFC 3551 §4.5.2 payload). Integer arithmetic as in the ITU reference, so the bit stream is
    /// bit-exact with other conforming encoders. Keeps state between calls; allocates nothing.
    /// </summary>
    public sealed class G722Encoder
    {
        private const int Taps = 12;

        // Transmit QMF delay lines, kept twice over (index i and i + 12) so a dot product reads
        // 12 consecutive values from the current position without wrapping. Newest at _pos.
        private readonly int[] _newer = new int[2 * Taps];   // second sample of each pair: x(j), x(j-2) …
        private readonly int[] _older = new int[2 * Taps];   // first sample of each pair: x(j-1), x(j-3) …
        private int _pos;

        private readonly G722Band _low = new G722Band(true);
        private readonly G722Band _high = new G722Band(false);

        /// <summary>Forgets all state: the next call starts a new stream.</summary>
        public void Reset()
        {
            for (int i = 0; i < 2 * Taps; i++)
            {
                _newer[i] = 0;
                _older[i] = 0;
            }
            _pos = 0;
            _low.Reset();
            _high.Reset();
        }

        /// <summary>
        /// Encodes <paramref name="samples"/> (an even count) 16 kHz samples from <paramref name="pcm"/>
        /// at <paramref name="pcmOffset"/> into <paramref name="output"/> at <paramref name="outputOffset"/>;
        /// returns the octets written, <paramref name="samples"/> / 2.
        /// </summary>
        public int Encode(short[] pcm, int pcmOffset, int samples, byte[] output, int outputOffset)
        {
            if ((samples & 1) != 0) throw new System.ArgumentException("G.722 encodes samples in pairs", "samples");
            int pairs = samples >> 1;
            int[] newer = _newer;
            int[] older = _older;
            int[] even = G722Tables.QmfEven;
            int[] odd = G722Tables.QmfOdd;
            for (int n = 0; n < pairs; n++)
            {
                int pos = _pos == 0 ? Taps - 1 : _pos - 1;
                _pos = pos;
                int first = pcm[pcmOffset + 2 * n];
                int second = pcm[pcmOffset + 2 * n + 1];
                older[pos] = first;
                older[pos + Taps] = first;
                newer[pos] = second;
                newer[pos + Taps] = second;

                // Transmit QMF: xA over the even taps, xB over the odd taps; xL = xA + xB, xH = xA − xB.
                int sumA = 0;
                int sumB = 0;
                for (int i = 0; i < Taps; i++)
                {
                    sumA += even[i] * newer[pos + i];
                    sumB += odd[i] * older[pos + i];
                }
                int xl = G722Fixed.Limit((sumA + sumB) >> 14);
                int xh = G722Fixed.Limit((sumA - sumB) >> 14);

                output[outputOffset + n] = (byte)((EncodeHigh(xh) << 6) | EncodeLow(xl));
            }
            return pairs;
        }

        /// <summary>
        /// Encodes sub-band samples directly, with the QMF bypassed: <paramref name="count"/> lower-band
        /// samples from <paramref name="low"/> and higher-band samples from <paramref name="high"/> at
        /// <paramref name="bandOffset"/> become <paramref name="count"/> octets. This is the configuration
        /// of the ITU-T G.722 digital test sequences (Appendix II). The QMF path limits band samples to
        /// 15 bits, [−16384, 16383]; values given here are used as they are.
        /// </summary>
        public int EncodeBands(short[] low, short[] high, int bandOffset, int count, byte[] output, int outputOffset)
        {
            for (int n = 0; n < count; n++)
            {
                output[outputOffset + n] = (byte)((EncodeHigh(high[bandOffset + n]) << 6) | EncodeLow(low[bandOffset + n]));
            }
            return count;
        }

        // Blocks 1L (SUBTRA, QUANTL), 2L (INVQAL), 3L, 4L.
        private int EncodeLow(int xl)
        {
            G722Band band = _low;
            int el = G722Fixed.Sub(xl, band.Estimate);
            int magnitude = el >= 0 ? el : ~el;
            int scale = band.Scale;

            // The first interval whose upper decision level exceeds the magnitude (levels rise, so bisect).
            int[] levels = G722Tables.LowDecision;
            int lo = 1;
            int hi = 30;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (magnitude < ((levels[mid] * scale) >> 12)) hi = mid;
                else lo = mid + 1;
            }
            int il = el < 0 ? G722Tables.NegativeCode(lo) : G722Tables.PositiveCode(lo);

            int il4 = il >> 2;
            band.Update(G722Fixed.Mult(scale, G722Tables.Inverse4[il4]), G722Tables.LowScaleStep[il4]);
            return il;
        }

        // Blocks 1H (SUBTRA, QUANTH), 2H (INVQAH), 3H, 4H.
        private int EncodeHigh(int xh)
        {
            G722Band band = _high;
            int eh = G722Fixed.Sub(xh, band.Estimate);
            int magnitude = eh >= 0 ? eh : ~eh;
            int scale = band.Scale;
            bool outer = magnitude >= ((G722Tables.HighDecision * scale) >> 12);
            int ih = eh < 0 ? (outer ? 0 : 1) : (outer ? 2 : 3);
            band.Update(G722Fixed.Mult(scale, G722Tables.Inverse2[ih]), G722Tables.HighScaleStep[ih]);
            return ih;
        }
    }
}
