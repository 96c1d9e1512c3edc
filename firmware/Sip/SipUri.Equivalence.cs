// SIP URI equivalence (RFC 3261 §19.1.4) and %XX unescaping.
using System.Text;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip
{
    public sealed partial class SipUri
    {
        /// <summary>
        /// URI equivalence per RFC 3261 §19.1.4: same scheme; user and password equal after
        /// unescaping (case-sensitive); host equal ignoring case; the same port or both without one;
        /// transport, user, ttl, method and maddr parameters present in both or neither and equal;
        /// other parameters equal where both have them; the same headers with equal values.
        /// IPv6 addresses are compared as text (case-insensitive), not as numbers.
        /// </summary>
        public bool IsEquivalentTo(SipUri other)
        {
            if (other == null || _scheme != other._scheme || _port != other._port || _hostKind != other._hostKind)
            {
                return false;
            }
            if (!SameOrBothNull(Unescape(_user), Unescape(other._user)) ||
                !SameOrBothNull(Unescape(_password), Unescape(other._password)))
            {
                return false;
            }
            if (SipText.LowerAscii(_host) != SipText.LowerAscii(other._host))
            {
                return false;
            }
            if (!ParametersMatch(this, other) || !ParametersMatch(other, this))
            {
                return false;
            }
            return HeadersContained(this, other) && HeadersContained(other, this);
        }

        private static bool ParametersMatch(SipUri a, SipUri b)
        {
            for (int i = 0; i < a._paramNames.Length; i++)
            {
                string name = a._paramNames[i];
                int j = Find(b._paramNames, name);
                if (j < 0)
                {
                    string lower = SipText.LowerAscii(name);
                    if (lower == "transport" || lower == "user" || lower == "ttl" || lower == "method" || lower == "maddr")
                    {
                        return false;
                    }
                    continue;
                }
                if (SipText.LowerAscii(Unescape(a._paramValues[i])) != SipText.LowerAscii(Unescape(b._paramValues[j])))
                {
                    return false;
                }
            }
            return true;
        }

        private static bool HeadersContained(SipUri a, SipUri b)
        {
            for (int i = 0; i < a._headerNames.Length; i++)
            {
                int j = Find(b._headerNames, a._headerNames[i]);
                if (j < 0 || Unescape(a._headerValues[i]) != Unescape(b._headerValues[j]))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// Decodes %XX escapes; each escape becomes the character with that code (0-255), so the
        /// result is a byte string for comparison, not decoded UTF-8. Null stays null; malformed
        /// escapes are kept as written.
        /// </summary>
        public static string Unescape(string text)
        {
            if (text == null || text.IndexOf('%') < 0)
            {
                return text;
            }
            StringBuilder sb = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
                {
                    sb.Append((char)(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
                    i += 2;
                }
                else
                {
                    sb.Append(c);
                }
            }
            return sb.ToString();
        }
    }
}
