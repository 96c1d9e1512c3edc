// The 44-byte header of a 16-bit mono PCM WAV file, and the two sizes patched once the length is known.
namespace DeskPhone.Firmware.Media.Recording
{
    /// <summary>RIFF/WAVE with one "fmt " (PCM, 1 channel, 16 bits) and one "data" chunk.</summary>
    public static class WavHeader
    {
        /// <summary>Bytes before the samples.</summary>
        public const int Size = 44;

        /// <summary>Where the RIFF chunk's size (file length - 8) is.</summary>
        public const int RiffSizeAt = 4;

        /// <summary>Where the data chunk's size (sample bytes) is.</summary>
        public const int DataSizeAt = 40;

        /// <summary>Writes the header for <paramref name="dataBytes"/> bytes of samples at <paramref name="sampleRate"/> into <paramref name="b"/> at <paramref name="at"/>.</summary>
        public static void Write(byte[] b, int at, int sampleRate, int dataBytes)
        {
            Ascii(b, at, "RIFF");
            Int32(b, at + RiffSizeAt, 36 + dataBytes);
            Ascii(b, at + 8, "WAVE");
            Ascii(b, at + 12, "fmt ");
            Int32(b, at + 16, 16);
            Int16(b, at + 20, 1);               // PCM
            Int16(b, at + 22, 1);               // mono
            Int32(b, at + 24, sampleRate);
            Int32(b, at + 28, sampleRate * 2);  // bytes per second
            Int16(b, at + 32, 2);               // bytes per frame
            Int16(b, at + 34, 16);              // bits per sample
            Ascii(b, at + 36, "data");
            Int32(b, at + DataSizeAt, dataBytes);
        }

        /// <summary>Little-endian 32-bit value.</summary>
        public static void Int32(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        /// <summary>Reads a little-endian 32-bit value.</summary>
        public static int ReadInt32(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }

        /// <summary>Reads a little-endian 16-bit value (unsigned).</summary>
        public static int ReadInt16(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }

        private static void Int16(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
        }

        private static void Ascii(byte[] b, int at, string s)
        {
            for (int i = 0; i < s.Length; i++) b[at + i] = (byte)s[i];
        }
    }
}
