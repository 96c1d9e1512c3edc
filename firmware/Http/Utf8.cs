// Strict UTF-8 decoding for untrusted bytes: the same answer on every runtime.
using System.Text;

namespace DeskPhone.Firmware.Http
{
    /// <summary>Checks bytes are well-formed UTF-8 (RFC 3629) before decoding them.</summary>
    public static class Utf8
    {
        /// <summary>The text, or null when the bytes are not well-formed UTF-8 (overlongs, surrogates, truncation).</summary>
        public static string Strict(byte[] data, int offset, int count)
        {
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                int b = data[i];
                int extra;
                int min;
                if (b < 0x80) { i++; continue; }
                if (b >= 0xC2 && b <= 0xDF) { extra = 1; min = 0x80; }
                else if (b >= 0xE0 && b <= 0xEF) { extra = 2; min = 0x800; }
                else if (b >= 0xF0 && b <= 0xF4) { extra = 3; min = 0x10000; }
                else return null;
                if (i + extra >= end) return null; // truncated
                int cp = b & (0x3F >> extra);
                for (int k = 1; k <= extra; k++)
                {
                    int c = data[i + k];
                    if ((c & 0xC0) != 0x80) return null;
                    cp = (cp << 6) | (c & 0x3F);
                }
                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return null;
                i += extra + 1;
            }
            if (count == 0) return "";
            return new string(Encoding.UTF8.GetChars(data, offset, count));
        }
    }
}
