// G.711 µ-law and A-law (ITU-T G.711): 16-bit linear PCM to 8-bit companded samples and back.
namespace DeskPhone.Firmware.Media.Codecs
{
    /// <summary>
    /// G.711 companding with table-driven decoding and arithmetic encoding, as in the ITU-T
    /// recommendation (µ-law with bias 0x84 and the 14-bit range; A-law with its 13-bit segments).
    /// No allocation per frame: callers pass their own buffers.
    /// </summary>
    public static class G711
    {
        private const int MuBias = 0x84;
        private const int MuClip = 32635;

        private static short[] _muDecode;
        private static short[] _aDecode;

        /// <summary>Encodes one linear sample to µ-law.</summary>
        public static byte LinearToMu(short sample)
        {
            int s = sample;
            int sign = (s >> 8) & 0x80;
            if (sign != 0) s = -s;
            if (s > MuClip) s = MuClip;
            s += MuBias;
            int exponent = 7;
            for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
            int mantissa = (s >> (exponent + 3)) & 0x0F;
            return (byte)~(sign | (exponent << 4) | mantissa);
        }

        /// <summary>Decodes one µ-law byte to linear.</summary>
        public static short MuToLinear(byte mu)
        {
            if (_muDecode == null) _muDecode = BuildMuTable();
            return _muDecode[mu];
        }

        /// <summary>Encodes one linear sample to A-law.</summary>
        public static byte LinearToA(short sample)
        {
            int s = sample >> 3; // 13-bit magnitude
            int sign;
            if (s >= 0) sign = 0xD5;
            else
            {
                sign = 0x55;
                s = -s - 1;
            }
            int segment = 0;
            int limit = 0x1F;
            while (segment < 8 && s > limit)
            {
                segment++;
                limit = (limit << 1) | 1;
            }
            int value;
            if (segment >= 8) value = 0x7F;
            else
            {
                value = segment << 4;
                value |= segment < 2 ? (s >> 1) & 0x0F : (s >> segment) & 0x0F;
            }
            return (byte)(value ^ sign);
        }

        /// <summary>Decodes one A-law byte to linear.</summary>
        public static short AToLinear(byte a)
        {
            if (_aDecode == null) _aDecode = BuildATable();
            return _aDecode[a];
        }

        /// <summary>Encodes <paramref name="count"/> samples to µ-law (PCMU).</summary>
        public static void EncodeMu(short[] pcm, int pcmOffset, byte[] output, int outOffset, int count)
        {
            for (int i = 0; i < count; i++) output[outOffset + i] = LinearToMu(pcm[pcmOffset + i]);
        }

        /// <summary>Decodes <paramref name="count"/> µ-law bytes (PCMU).</summary>
        public static void DecodeMu(byte[] input, int inOffset, short[] pcm, int pcmOffset, int count)
        {
            if (_muDecode == null) _muDecode = BuildMuTable();
            for (int i = 0; i < count; i++) pcm[pcmOffset + i] = _muDecode[input[inOffset + i]];
        }

        /// <summary>Encodes <paramref name="count"/> samples to A-law (PCMA).</summary>
        public static void EncodeA(short[] pcm, int pcmOffset, byte[] output, int outOffset, int count)
        {
            for (int i = 0; i < count; i++) output[outOffset + i] = LinearToA(pcm[pcmOffset + i]);
        }

        /// <summary>Decodes <paramref name="count"/> A-law bytes (PCMA).</summary>
        public static void DecodeA(byte[] input, int inOffset, short[] pcm, int pcmOffset, int count)
        {
            if (_aDecode == null) _aDecode = BuildATable();
            for (int i = 0; i < count; i++) pcm[pcmOffset + i] = _aDecode[input[inOffset + i]];
        }

        private static short[] BuildMuTable()
        {
            short[] t = new short[256];
            for (int i = 0; i < 256; i++)
            {
                int u = ~i & 0xFF;
                int exponent = (u >> 4) & 0x07;
                int mantissa = u & 0x0F;
                int magnitude = (((mantissa << 3) + MuBias) << exponent) - MuBias;
                t[i] = (short)((u & 0x80) != 0 ? -magnitude : magnitude);
            }
            return t;
        }

        private static short[] BuildATable()
        {
            short[] t = new short[256];
            for (int i = 0; i < 256; i++)
            {
                int a = i ^ 0x55;
                int segment = (a >> 4) & 0x07;
                int mantissa = a & 0x0F;
                int magnitude = segment == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (segment - 1);
                t[i] = (short)((a & 0x80) != 0 ? magnitude : -magnitude);
            }
            return t;
        }
    }
}
