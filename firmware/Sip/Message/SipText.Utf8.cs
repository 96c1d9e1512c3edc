// UTF-8 in and out of the message layer without intermediate copies: decode header values (folds too), measure and write strings.
using System.Text;

namespace DeskPhone.Firmware.Sip.Message
{
    public static partial class SipText
    {
        /// <summary>Decodes UTF-8 bytes; invalid sequences become U+FFFD.</summary>
        internal static string Decode(byte[] data, int start, int length)
        {
            if (length <= 0)
            {
                return "";
            }
            return Encoding.UTF8.GetString(data, start, length);
        }

        /// <summary>Decodes a header value that was folded: each line break and the whitespace around it become one space.</summary>
        internal static string DecodeFolded(byte[] data, int start, int length)
        {
            byte[] copy = new byte[length];
            int n = 0;
            for (int i = start; i < start + length; i++)
            {
                byte b = data[i];
                if (b == '\r' || b == '\n')
                {
                    while (n > 0 && (copy[n - 1] == ' ' || copy[n - 1] == '\t'))
                    {
                        n--;
                    }
                    while (i + 1 < start + length && (data[i + 1] == '\r' || data[i + 1] == '\n' || data[i + 1] == ' ' || data[i + 1] == '\t'))
                    {
                        i++;
                    }
                    copy[n++] = (byte)' ';
                    continue;
                }
                copy[n++] = b;
            }
            return Decode(copy, 0, n);
        }

        /// <summary>How many bytes <paramref name="s"/> takes in UTF-8.</summary>
        internal static int Utf8Count(string s)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < 0x80)
                {
                    n += 1;
                }
                else if (c < 0x800)
                {
                    n += 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    n += 4;
                    i++;
                }
                else
                {
                    n += 3;
                }
            }
            return n;
        }

        /// <summary>Writes <paramref name="s"/> as UTF-8 at <paramref name="at"/>; returns the index after it. Lone surrogates become U+FFFD.</summary>
        internal static int WriteUtf8(string s, byte[] buffer, int at)
        {
            for (int i = 0; i < s.Length; i++)
            {
                int c = s[i];
                if (c < 0x80)
                {
                    buffer[at++] = (byte)c;
                    continue;
                }
                if (c < 0x800)
                {
                    buffer[at++] = (byte)(0xC0 | (c >> 6));
                    buffer[at++] = (byte)(0x80 | (c & 0x3F));
                    continue;
                }
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
                    i++;
                    buffer[at++] = (byte)(0xF0 | (cp >> 18));
                    buffer[at++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    buffer[at++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    buffer[at++] = (byte)(0x80 | (cp & 0x3F));
                    continue;
                }
                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    c = 0xFFFD;
                }
                buffer[at++] = (byte)(0xE0 | (c >> 12));
                buffer[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                buffer[at++] = (byte)(0x80 | (c & 0x3F));
            }
            return at;
        }

        /// <summary>UTF-8 bytes of <paramref name="s"/>.</summary>
        internal static byte[] Encode(string s)
        {
            byte[] bytes = new byte[Utf8Count(s)];
            WriteUtf8(s, bytes, 0);
            return bytes;
        }
    }
}
