// Character classes, host names, IPv4 and IPv6 addresses, and small text helpers for SipUri (RFC 3261 §25.1).
using System.Collections;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip
{
    public sealed partial class SipUri
    {
        // ---- character classes (RFC 3261 §25.1) ----------------------------------------------

        /// <summary>
        /// Checks that <paramref name="s"/> holds only unreserved characters, well-formed %XX
        /// escapes and the characters in <paramref name="extra"/>. Returns null, or "a bad
        /// character 'x'" / "a bad escape '%zz'".
        /// </summary>
        private static string CheckChars(string s, string extra)
        {
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '%')
                {
                    if (i + 2 >= s.Length || !IsHex(s[i + 1]) || !IsHex(s[i + 2]))
                    {
                        int n = s.Length - i < 3 ? s.Length - i : 3;
                        return "a bad escape '" + s.Substring(i, n) + "'";
                    }
                    i += 2;
                    continue;
                }
                if (!IsUnreserved(c) && extra.IndexOf(c) < 0)
                {
                    return "a bad character '" + CharText(c) + "'";
                }
            }
            return null;
        }

        private static bool IsUnreserved(char c)
        {
            return IsAlphaNum(c) || "-_.!~*'()".IndexOf(c) >= 0;
        }

        private static bool IsAlpha(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        private static bool IsAlphaNum(char c)
        {
            return IsAlpha(c) || IsDigit(c);
        }

        private static bool IsHex(char c)
        {
            return HexValue(c) >= 0;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        /// <summary>hostname = *( domainlabel "." ) toplabel [ "." ]; the top label starts with a letter.</summary>
        private static bool IsHostname(string host)
        {
            string h = host[host.Length - 1] == '.' ? host.Substring(0, host.Length - 1) : host;
            if (h.Length == 0)
            {
                return false;
            }
            int start = 0;
            while (true)
            {
                int dot = h.IndexOf('.', start);
                int end = dot < 0 ? h.Length : dot;
                if (end == start || !IsAlphaNum(h[start]) || !IsAlphaNum(h[end - 1]))
                {
                    return false;
                }
                for (int i = start; i < end; i++)
                {
                    if (!IsAlphaNum(h[i]) && h[i] != '-')
                    {
                        return false;
                    }
                }
                if (dot < 0)
                {
                    return IsAlpha(h[start]);
                }
                start = dot + 1;
            }
        }

        /// <summary>Four dot-separated decimal numbers of 1-3 digits, each 0-255.</summary>
        internal static bool IsIPv4(string s)
        {
            int parts = 0;
            int start = 0;
            while (true)
            {
                int dot = s.IndexOf('.', start);
                int end = dot < 0 ? s.Length : dot;
                int len = end - start;
                if (len < 1 || len > 3)
                {
                    return false;
                }
                int value = 0;
                for (int i = start; i < end; i++)
                {
                    if (!IsDigit(s[i]))
                    {
                        return false;
                    }
                    value = value * 10 + (s[i] - '0');
                }
                if (value > 255)
                {
                    return false;
                }
                parts++;
                if (dot < 0)
                {
                    return parts == 4;
                }
                start = dot + 1;
            }
        }

        private static bool LooksNumeric(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (!IsDigit(s[i]) && s[i] != '.')
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>RFC 3261 IPv6address: hex groups, at most one "::", optionally ending in an IPv4 address.</summary>
        private static bool IsIPv6(string s)
        {
            if (s.Length < 2)
            {
                return false;
            }
            int gap = IndexOfDoubleColon(s, 0);
            if (gap >= 0 && IndexOfDoubleColon(s, gap + 1) >= 0)
            {
                return false;
            }
            int groups;
            if (gap < 0)
            {
                return CountGroups(s, true, out groups) && groups == 8;
            }
            string head = s.Substring(0, gap);
            string tail = s.Substring(gap + 2);
            int headGroups = 0;
            int tailGroups = 0;
            if (head.Length > 0 && !CountGroups(head, false, out headGroups))
            {
                return false;
            }
            if (tail.Length > 0 && !CountGroups(tail, true, out tailGroups))
            {
                return false;
            }
            return headGroups + tailGroups <= 7;
        }

        /// <summary>Where "::" starts at or after <paramref name="from"/>, or -1 (ordinal, no culture rules).</summary>
        private static int IndexOfDoubleColon(string s, int from)
        {
            for (int i = from; i + 1 < s.Length; i++)
            {
                if (s[i] == ':' && s[i + 1] == ':')
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>Counts 1-4 digit hex groups separated by ':'; an IPv4 address may end the list and counts as two.</summary>
        private static bool CountGroups(string s, bool ipv4Last, out int groups)
        {
            groups = 0;
            int start = 0;
            while (true)
            {
                int colon = s.IndexOf(':', start);
                int end = colon < 0 ? s.Length : colon;
                string group = s.Substring(start, end - start);
                if (colon < 0 && ipv4Last && group.IndexOf('.') >= 0)
                {
                    if (!IsIPv4(group))
                    {
                        return false;
                    }
                    groups += 2;
                    return true;
                }
                if (group.Length < 1 || group.Length > 4)
                {
                    return false;
                }
                for (int i = 0; i < group.Length; i++)
                {
                    if (!IsHex(group[i]))
                    {
                        return false;
                    }
                }
                groups++;
                if (colon < 0)
                {
                    return true;
                }
                start = colon + 1;
            }
        }

        // ---- small helpers -------------------------------------------------------------------

        private static int Find(string[] names, string name)
        {
            if (name == null)
            {
                return -1;
            }
            string lower = SipText.LowerAscii(name);
            for (int i = 0; i < names.Length; i++)
            {
                if (SipText.LowerAscii(names[i]) == lower)
                {
                    return i;
                }
            }
            return -1;
        }

        private static bool SameOrBothNull(string a, string b)
        {
            return a == null ? b == null : a == b;
        }

        private static string[] ToStrings(ArrayList list)
        {
            string[] result = new string[list.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (string)list[i];
            }
            return result;
        }

        /// <summary>A one-character string; c.ToString() in a concatenation compiles to a span overload nanoFramework lacks.</summary>
        private static string CharText(char c)
        {
            return new string(new char[] { c });
        }

        private static string Shorten(string s)
        {
            return s.Length <= 40 ? s : s.Substring(0, 37) + "...";
        }

        /// <summary>The text in quotes for a message, cut to 80 characters and with unprintable characters shown as '?'.</summary>
        private static string Quote(string text)
        {
            string s = text.Length <= 80 ? text : text.Substring(0, 77) + "...";
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
