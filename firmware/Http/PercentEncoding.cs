// %-decoding of URL parts (RFC 3986 §2.1), UTF-8 underneath.
using System.Text;

namespace DeskPhone.Firmware.Http
{
    /// <summary>Decodes "%2B41%2044" to "+41 44". Never throws: bad input gives null.</summary>
    public static class PercentEncoding
    {
        /// <summary>
        /// The decoded text, or null when a '%' is not followed by two hex digits or the bytes are
        /// not UTF-8. <paramref name="plusIsSpace"/> for form-style query strings.
        /// </summary>
        public static string Decode(string text, bool plusIsSpace)
        {
            if (text == null) return null;
            if (text.IndexOf('%') < 0 && (!plusIsSpace || text.IndexOf('+') < 0)) return text;
            byte[] bytes = new byte[text.Length * 3];
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '%')
                {
                    if (i + 2 >= text.Length) return null;
                    int hi = Hex(text[i + 1]);
                    int lo = Hex(text[i + 2]);
                    if (hi < 0 || lo < 0) return null;
                    bytes[n++] = (byte)(hi * 16 + lo);
                    i += 2;
                }
                else if (c == '+' && plusIsSpace) bytes[n++] = 32;
                else if (c < 0x80) bytes[n++] = (byte)c;
                else
                {
                    byte[] enc = Encoding.UTF8.GetBytes(new string(c, 1));
                    for (int k = 0; k < enc.Length; k++) bytes[n++] = enc[k];
                }
            }
            return Utf8.Strict(bytes, 0, n);
        }

        private static int Hex(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
