// Turns what a CRM hands over (callto:, sip:, tel: links, numbers with separators) into what the phone dials.
using System.Text;
using DeskPhone.Firmware.Http;

namespace DeskPhone.Firmware.Crm
{
    /// <summary>
    /// Normalises a click-to-call target. The rules (README.md, "Numbers from a CRM"):
    /// <list type="bullet">
    /// <item>"tel:" (RFC 3966): visual separators (- . ( ) and spaces) go, a leading + stays, parameters
    /// (";ext=", ";phone-context=", ";isub=") are dropped: the phone dials the number itself.</item>
    /// <item>"sip:"/"sips:": headers (?...) and parameters dropped; a URI whose host is the phone's own
    /// domain dials its user part (as if typed), any other host dials the whole URI; the user part is
    /// %-decoded and, when it is a telephone number, loses its separators too.</item>
    /// <item>"callto:" and "callto://": what follows is read like a plain entry.</item>
    /// <item>Plain entries: %-decoded; "user@host" is read as a SIP address; otherwise separators go and
    /// only digits, a leading +, * and # may remain.</item>
    /// </list>
    /// Letters, an empty result or a number longer than <see cref="MaxDigits"/> are refused with a reason.
    /// </summary>
    public static class DialNumber
    {
        /// <summary>Longest number dialed (as the keypad's dial buffer).</summary>
        public const int MaxDigits = 32;
        /// <summary>Longest input or SIP address.</summary>
        public const int MaxLength = 256;

        /// <summary>
        /// The target to dial for <paramref name="text"/>, or false with a reason. <paramref name="ownDomain"/>
        /// is the phone account's domain (a sip: URI there dials its user part).
        /// </summary>
        public static bool TryNormalize(string text, string ownDomain, out string target, out string reason)
        {
            target = null;
            reason = null;
            if (text == null || text.Trim().Length == 0) { reason = "no number given"; return false; }
            text = text.Trim();
            if (text.Length > MaxLength) { reason = "longer than " + MaxLength.ToString() + " characters"; return false; }
            string lower = text.ToLower();
            if (lower.StartsWith("tel:")) return Tel(text.Substring(4), out target, out reason);
            if (lower.StartsWith("sips:")) return Sip("sips", text.Substring(5), ownDomain, out target, out reason);
            if (lower.StartsWith("sip:")) return Sip("sip", text.Substring(4), ownDomain, out target, out reason);
            if (lower.StartsWith("callto:"))
            {
                string rest = text.Substring(7);
                if (rest.StartsWith("//")) rest = rest.Substring(2);
                while (rest.EndsWith("/")) rest = rest.Substring(0, rest.Length - 1);
                if (rest.ToLower().StartsWith("+") || rest.IndexOf(':') < 0) return Plain(rest, ownDomain, out target, out reason);
                reason = "'callto:' must be followed by a number";
                return false;
            }
            int colon = lower.IndexOf(':');
            int at = lower.IndexOf('@');
            if (colon >= 0 && (at < 0 || colon < at)) { reason = "'" + HttpHead.Shown(text) + "' is not a tel:, sip: or callto: link or a number"; return false; }
            return Plain(text, ownDomain, out target, out reason);
        }

        private static bool Tel(string rest, out string target, out string reason)
        {
            target = null;
            int semi = rest.IndexOf(';');
            string number = semi < 0 ? rest : rest.Substring(0, semi);
            string decoded = PercentEncoding.Decode(number, false);
            if (decoded == null) { reason = "bad %-encoding"; return false; }
            return Digits(decoded, out target, out reason);
        }

        private static bool Sip(string scheme, string rest, string ownDomain, out string target, out string reason)
        {
            target = null;
            reason = null;
            int q = rest.IndexOf('?');
            if (q >= 0) rest = rest.Substring(0, q);
            int at = rest.LastIndexOf('@');
            if (at <= 0) { reason = "the " + scheme + ": address has no user part"; return false; }
            string user = rest.Substring(0, at);
            int userParams = user.IndexOf(';'); // RFC 3261 §19.1.1: a telephone-subscriber user may carry ;params
            if (userParams >= 0) user = user.Substring(0, userParams);
            string host = rest.Substring(at + 1);
            int semi = host.IndexOf(';');
            if (semi >= 0) host = host.Substring(0, semi);
            if (host.Length == 0) { reason = "the " + scheme + ": address has no host"; return false; }
            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
                if (!ok) { reason = "the " + scheme + ": address has a bad host"; return false; }
            }
            string decoded = PercentEncoding.Decode(user, false);
            if (decoded == null || decoded.Length == 0) { reason = "the " + scheme + ": address has a bad user part"; return false; }
            if (LooksLikeNumber(decoded))
            {
                if (!Digits(decoded, out decoded, out reason)) return false;
            }
            else
            {
                for (int i = 0; i < decoded.Length; i++)
                {
                    char c = decoded[i];
                    if (c <= ' ' || c == '@' || c == '<' || c == '>' || c == '"' || c > '~') { reason = "the " + scheme + ": user part has a character that cannot be dialed"; return false; }
                }
            }
            bool own = scheme == "sip" && ownDomain != null && HttpHeaders.SameName(host, ownDomain);
            target = own ? decoded : scheme + ":" + decoded + "@" + host;
            return true;
        }

        private static bool Plain(string text, string ownDomain, out string target, out string reason)
        {
            target = null;
            string decoded = PercentEncoding.Decode(text, false);
            if (decoded == null) { reason = "bad %-encoding"; return false; }
            decoded = decoded.Trim();
            if (decoded.IndexOf('@') > 0) return Sip("sip", decoded, ownDomain, out target, out reason);
            return Digits(decoded, out target, out reason);
        }

        /// <summary>Only digits, separators and a leading + (a user part that is a telephone number).</summary>
        private static bool LooksLikeNumber(string s)
        {
            bool digit = false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c >= '0' && c <= '9') digit = true;
                else if (!IsSeparator(c) && c != '+' && c != '*' && c != '#') return false;
            }
            return digit;
        }

        private static bool IsSeparator(char c)
        {
            return c == '-' || c == '.' || c == '(' || c == ')' || c == ' ' || c == '/' || c == '\u00A0';
        }

        /// <summary>Separators removed; only digits, a leading '+', '*' and '#' allowed.</summary>
        private static bool Digits(string s, out string target, out string reason)
        {
            target = null;
            reason = null;
            StringBuilder sb = new StringBuilder();
            bool letters = false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if ((c >= '0' && c <= '9') || c == '*' || c == '#') sb.Append(c);
                else if (c == '+')
                {
                    if (sb.Length > 0) { reason = "'+' may only start a number"; return false; }
                    sb.Append(c);
                }
                else if (IsSeparator(c)) continue;
                else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letters = true;
                else { reason = "has a character that cannot be dialed"; return false; }
            }
            if (letters) { reason = "has letters: only digits, a leading +, * and # can be dialed (or give a sip: address)"; return false; }
            string digits = sb.ToString();
            if (digits.Length == 0 || digits == "+") { reason = "nothing to dial once separators are removed"; return false; }
            if (digits.Length > MaxDigits) { reason = "longer than " + MaxDigits.ToString() + " digits"; return false; }
            target = digits;
            return true;
        }
    }
}
