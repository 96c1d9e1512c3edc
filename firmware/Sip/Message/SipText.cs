// Character classes and small text helpers shared by the message layer (RFC 3261 §25.1).
using System.Text;

namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>
    /// Text helpers with no culture involved: ASCII case, token characters, quoted strings,
    /// comma lists that respect quotes and angle brackets, UTF-8 without intermediate copies.
    /// </summary>
    public static partial class SipText
    {
        internal static readonly string[] NoStrings = new string[0];

        /// <summary>Lower-cases one ASCII letter; other characters are returned unchanged.</summary>
        internal static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }

        /// <summary>Escapes a header value for a URI's ?header= part (RFC 3261 §19.1.1: unreserved and hnv-unreserved stay, anything else as %XX of its UTF-8).</summary>
        internal static string EscapeUriHeader(string value)
        {
            const string Hex = "0123456789ABCDEF";
            StringBuilder sb = new StringBuilder(value.Length * 2);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!~*'()[]/?:+$".IndexOf(c) >= 0;
                if (plain)
                {
                    sb.Append(c);
                    continue;
                }
                byte[] utf8 = Encoding.UTF8.GetBytes(new string(c, 1));
                for (int b = 0; b < utf8.Length; b++) sb.Append('%').Append(Hex[(utf8[b] >> 4) & 15]).Append(Hex[utf8[b] & 15]);
            }
            return sb.ToString();
        }

        /// <summary>Lower-cases ASCII letters only.</summary>
        internal static string LowerAscii(string s)
        {
            if (s == null)
            {
                return null;
            }
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] >= 'A' && s[i] <= 'Z')
                {
                    char[] chars = s.ToCharArray();
                    for (int j = i; j < chars.Length; j++)
                    {
                        chars[j] = Lower(chars[j]);
                    }
                    return new string(chars);
                }
            }
            return s;
        }

        /// <summary>Upper-cases ASCII letters only.</summary>
        internal static string UpperAscii(string s)
        {
            if (s == null)
            {
                return null;
            }
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] >= 'a' && s[i] <= 'z')
                {
                    char[] chars = s.ToCharArray();
                    for (int j = i; j < chars.Length; j++)
                    {
                        if (chars[j] >= 'a' && chars[j] <= 'z')
                        {
                            chars[j] = (char)(chars[j] - 32);
                        }
                    }
                    return new string(chars);
                }
            }
            return s;
        }

        /// <summary>ASCII case-insensitive equality; null equals only null.</summary>
        public static bool EqualsIgnoreCase(string a, string b)
        {
            if (a == null || b == null)
            {
                return (object)a == (object)b;
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

        /// <summary>True when data[start..] spells <paramref name="lower"/> (a lower-case ASCII string) in any case.</summary>
        internal static bool EqualsIgnoreCase(string lower, byte[] data, int start)
        {
            for (int i = 0; i < lower.Length; i++)
            {
                if (Lower((char)data[start + i]) != lower[i])
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>token characters: alphanumerics and -.!%*_+`'~ (RFC 3261 §25.1).</summary>
        internal static bool IsTokenChar(int c)
        {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            {
                return true;
            }
            switch (c)
            {
                case '-': case '.': case '!': case '%': case '*': case '_': case '+': case '`': case '\'': case '~':
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>True when <paramref name="s"/> is a non-empty token.</summary>
        public static bool IsToken(string s)
        {
            if (s == null || s.Length == 0)
            {
                return false;
            }
            for (int i = 0; i < s.Length; i++)
            {
                if (!IsTokenChar(s[i]))
                {
                    return false;
                }
            }
            return true;
        }

        internal static bool IsWs(char c)
        {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        internal static int SkipWs(string s, int i)
        {
            while (i < s.Length && IsWs(s[i]))
            {
                i++;
            }
            return i;
        }

        /// <summary>Trims spaces, tabs, CR and LF at both ends.</summary>
        internal static string TrimWs(string s)
        {
            int a = 0;
            int b = s.Length;
            while (a < b && IsWs(s[a]))
            {
                a++;
            }
            while (b > a && IsWs(s[b - 1]))
            {
                b--;
            }
            return a == 0 && b == s.Length ? s : s.Substring(a, b - a);
        }

        /// <summary>The index just after the quoted string that opens at <paramref name="i"/> ('"'), or -1 when it never closes.</summary>
        internal static int SkipQuoted(string s, int i)
        {
            for (int j = i + 1; j < s.Length; j++)
            {
                if (s[j] == '\\')
                {
                    j++;
                }
                else if (s[j] == '"')
                {
                    return j + 1;
                }
            }
            return -1;
        }

        /// <summary>
        /// The contents of a quoted string with quoted-pairs resolved: "\"J \\\"R\\\"\"" → J "R".
        /// Text without surrounding quotes is returned as is; an unclosed quote gives null.
        /// </summary>
        public static string Unquote(string s)
        {
            if (s == null || s.Length == 0 || s[0] != '"')
            {
                return s;
            }
            if (SkipQuoted(s, 0) != s.Length)
            {
                return null;
            }
            StringBuilder sb = new StringBuilder(s.Length);
            for (int i = 1; i < s.Length - 1; i++)
            {
                if (s[i] == '\\' && i + 1 < s.Length - 1)
                {
                    i++;
                }
                sb.Append(s[i]);
            }
            return sb.ToString();
        }

        /// <summary>
        /// A name-addr for From, To and the like: <c>"display" &lt;uri&gt;</c> with the display name quoted and
        /// escaped, or <c>&lt;uri&gt;</c> alone when there is no display name.
        /// </summary>
        public static string NameAddr(string display, string uri)
        {
            string bracketed = "<" + uri + ">";
            return display != null && display.Length > 0 ? Quote(display) + " " + bracketed : bracketed;
        }

        /// <summary>Wraps <paramref name="s"/> in double quotes, escaping '"' and '\'.</summary>
        public static string Quote(string s)
        {
            StringBuilder sb = new StringBuilder(s.Length + 2);
            sb.Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '"' || s[i] == '\\')
                {
                    sb.Append('\\');
                }
                sb.Append(s[i]);
            }
            sb.Append('"');
            return sb.ToString();
        }

        /// <summary>
        /// Splits a comma-separated header value ("a, <sip:b;x=1,2>, \"c, d\" <sip:e>") at the commas
        /// that are outside quoted strings and angle brackets; items are trimmed and empty items dropped.
        /// </summary>
        public static string[] SplitList(string value)
        {
            if (value == null)
            {
                return NoStrings;
            }
            string[] items = null;
            int count = 0;
            int start = 0;
            bool inAngle = false;
            for (int i = 0; i <= value.Length; i++)
            {
                if (i < value.Length)
                {
                    char c = value[i];
                    if (c == '"' && !inAngle)
                    {
                        int after = SkipQuoted(value, i);
                        i = (after < 0 ? value.Length : after) - 1;
                        continue;
                    }
                    if (c == '<')
                    {
                        inAngle = true;
                    }
                    else if (c == '>')
                    {
                        inAngle = false;
                    }
                    if (c != ',' || inAngle)
                    {
                        continue;
                    }
                }
                string item = TrimWs(value.Substring(start, i - start));
                start = i + 1;
                if (item.Length == 0)
                {
                    continue;
                }
                if (items == null)
                {
                    items = new string[4];
                }
                else if (count == items.Length)
                {
                    string[] bigger = new string[count * 2];
                    System.Array.Copy(items, bigger, count);
                    items = bigger;
                }
                items[count++] = item;
            }
            if (count == 0)
            {
                return NoStrings;
            }
            if (count == items.Length)
            {
                return items;
            }
            string[] exact = new string[count];
            System.Array.Copy(items, exact, count);
            return exact;
        }

        /// <summary>The first item of a comma list (see <see cref="SplitList"/>), trimmed; the string itself when it has no top-level comma.</summary>
        internal static string FirstItem(string value)
        {
            bool inAngle = false;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '"' && !inAngle)
                {
                    int after = SkipQuoted(value, i);
                    if (after < 0)
                    {
                        break;
                    }
                    i = after - 1;
                }
                else if (c == '<')
                {
                    inAngle = true;
                }
                else if (c == '>')
                {
                    inAngle = false;
                }
                else if (c == ',' && !inAngle)
                {
                    string first = TrimWs(value.Substring(0, i));
                    if (first.Length > 0)
                    {
                        return first;
                    }
                    string[] items = SplitList(value);
                    return items.Length == 0 ? "" : items[0];
                }
            }
            return TrimWs(value);
        }

        /// <summary>text[start..end) as a string: <paramref name="known"/> itself when the text spells it exactly, else a new substring.</summary>
        internal static string Slice(string text, int start, int end, string known)
        {
            return known != null && SameAt(known, text, start, end) ? known : text.Substring(start, end - start);
        }

        /// <summary>True when text[start..end) equals <paramref name="s"/> exactly (ordinal, no allocation).</summary>
        internal static bool SameAt(string s, string text, int start, int end)
        {
            if (s.Length != end - start)
            {
                return false;
            }
            for (int i = 0; i < s.Length; i++)
            {
                if (text[start + i] != s[i])
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>True when text[start..end) equals <paramref name="s"/> ignoring ASCII case.</summary>
        internal static bool SameAtIgnoreCase(string s, string text, int start, int end)
        {
            if (s.Length != end - start)
            {
                return false;
            }
            for (int i = 0; i < s.Length; i++)
            {
                if (Lower(text[start + i]) != Lower(s[i]))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>A run of decimal digits as a number: -1 when empty or not all digits, long.MaxValue when above 2^53.</summary>
        internal static long ParseDigits(string s, int start, int end)
        {
            if (end <= start)
            {
                return -1;
            }
            long value = 0;
            for (int i = start; i < end; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }
                if (value < 9007199254740992L)
                {
                    value = value * 10 + (c - '0');
                }
                else
                {
                    value = long.MaxValue;
                }
            }
            return value;
        }

        /// <summary>A trimmed all-digit string as a number (see ParseDigits), or -1.</summary>
        internal static long ParseNumber(string s)
        {
            if (s == null)
            {
                return -1;
            }
            s = TrimWs(s);
            return ParseDigits(s, 0, s.Length);
        }
    }
}
