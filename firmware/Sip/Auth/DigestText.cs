// Small text helpers for digest headers: ASCII case, tokens, quoting, safe excerpts for reasons.
using System.Text;

namespace DeskPhone.Firmware.Sip.Auth
{
    /// <summary>Text helpers shared by the digest parser and writer.</summary>
    internal static class DigestText
    {
        /// <summary>ASCII case-insensitive equality; null equals only null.</summary>
        public static bool EqualsIgnoreCase(string a, string b)
        {
            if (a == null || b == null)
            {
                return a == b;
            }
            if (a.Length != b.Length)
            {
                return false;
            }
            for (int i = 0; i < a.Length; i++)
            {
                if (Lower(a[i]) != Lower(b[i]))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>The ASCII lower case of <paramref name="c"/>; other characters unchanged.</summary>
        public static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }

        /// <summary>RFC 3261 §25.1 token characters: alphanum and -.!%*_+`'~</summary>
        public static bool IsTokenChar(char c)
        {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            {
                return true;
            }
            switch (c)
            {
                case '-':
                case '.':
                case '!':
                case '%':
                case '*':
                case '_':
                case '+':
                case '`':
                case '\'':
                case '~':
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Space or horizontal tab.</summary>
        public static bool IsSpace(char c)
        {
            return c == ' ' || c == '\t';
        }

        /// <summary>A control character (C0 or DEL) other than horizontal tab: never allowed in a value we echo.</summary>
        public static bool IsForbiddenControl(char c)
        {
            return (c < ' ' && c != '\t') || c == '\u007F';
        }

        /// <summary>The first forbidden control character's index in <paramref name="s"/>, or -1.</summary>
        public static int IndexOfControl(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (IsForbiddenControl(s[i]))
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>Appends <paramref name="value"/> as a quoted-string, escaping '"' and '\' (RFC 3261 §25.1).</summary>
        public static void AppendQuoted(StringBuilder sb, string value)
        {
            sb.Append('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '"' || c == '\\')
                {
                    sb.Append('\\');
                }
                sb.Append(c);
            }
            sb.Append('"');
        }

        /// <summary>A short, printable excerpt of untrusted text for a reason: at most 40 characters, controls as '?'.</summary>
        public static string Excerpt(string text)
        {
            string s = text.Length <= 40 ? text : text.Substring(0, 37) + "...";
            char[] chars = s.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] < ' ' || chars[i] >= '\u007F')
                {
                    chars[i] = '?';
                }
            }
            return "'" + new string(chars) + "'";
        }
    }
}
