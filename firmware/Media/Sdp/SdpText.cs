// Culture-free text helpers for SDP (RFC 4566 §9 grammar): numbers, fields, ASCII case.
namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>Small helpers with no culture involved; SDP is ASCII apart from free text fields (the DTMF INFO body's keys use them too).</summary>
    internal static class SdpText
    {
        internal static readonly string[] NoStrings = new string[0];
        private static readonly char[] Blanks = new char[] { ' ', '\t' };

        /// <summary>Lower-cases ASCII letters only.</summary>
        internal static string LowerAscii(string s)
        {
            if (s == null)
            {
                return null;
            }
            char[] chars = null;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c >= 'A' && c <= 'Z')
                {
                    if (chars == null) chars = s.ToCharArray();
                    chars[i] = (char)(c + 32);
                }
            }
            return chars == null ? s : new string(chars);
        }

        /// <summary>True when both strings are equal ignoring ASCII case (null equals only null).</summary>
        internal static bool SameIgnoringCase(string a, string b)
        {
            if (a == null || b == null) return a == b;
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                char x = a[i];
                char y = b[i];
                if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
                if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
                if (x != y) return false;
            }
            return true;
        }

        /// <summary>The fields of <paramref name="value"/> separated by one or more spaces or tabs; empty fields dropped.</summary>
        internal static string[] Fields(string value)
        {
            if (value == null) return NoStrings;
            string[] parts = value.Split(Blanks);
            int count = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length > 0) count++;
            }
            if (count == parts.Length) return parts;
            string[] fields = new string[count];
            int n = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length > 0) fields[n++] = parts[i];
            }
            return fields;
        }

        /// <summary>A run of 1 to 9 decimal digits as a number, else -1 (so the result always fits an int).</summary>
        internal static int ParseInt(string s)
        {
            if (s == null || s.Length == 0 || s.Length > 9) return -1;
            int value = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') return -1;
                value = value * 10 + (c - '0');
            }
            return value;
        }

        /// <summary>Decimal digits as an unsigned 64-bit number; false when empty, not digits or above ulong.MaxValue.</summary>
        internal static bool TryParseULong(string s, out ulong value)
        {
            value = 0;
            if (s == null || s.Length == 0 || s.Length > 20) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') return false;
                uint digit = (uint)(c - '0');
                if (value > 1844674407370955161UL || (value == 1844674407370955161UL && digit > 5)) return false;
                value = value * 10 + digit;
            }
            return true;
        }

        /// <summary>A port number 0..65535 or -1.</summary>
        internal static int ParsePort(string s)
        {
            int port = ParseInt(s);
            return port > 65535 ? -1 : port;
        }

        /// <summary>At most 40 characters of <paramref name="s"/> in single quotes, for reason sentences about hostile text.</summary>
        internal static string Quote(string s)
        {
            if (s == null) return "''";
            if (s.Length > 40) s = s.Substring(0, 37) + "...";
            return "'" + s + "'";
        }

        /// <summary>True for an IPv4 or IPv6 unspecified address ("0.0.0.0", "::"), the RFC 2543 way of saying "do not send to me".</summary>
        internal static bool IsUnspecifiedAddress(string address)
        {
            return address == "0.0.0.0" || address == "::" || address == "0:0:0:0:0:0:0:0";
        }
    }
}
