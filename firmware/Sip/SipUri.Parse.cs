// Parsing SIP URIs (RFC 3261 §19.1.1, grammar §25.1) with a sentence for every rejection.
using System.Collections;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip
{
    public sealed partial class SipUri
    {
        /// <summary>Parses <paramref name="text"/>; on failure <paramref name="reason"/> reads like "'sip:bob@' has no host".</summary>
        public static bool TryParse(string text, out SipUri uri, out string reason)
        {
            string problem;
            return TryParse(text, out uri, out reason, out problem);
        }

        /// <summary>
        /// Parses <paramref name="text"/>. On failure <paramref name="reason"/> is a sentence naming
        /// the text ("'sip:bob@' has no host") and <paramref name="problem"/> the bare finding
        /// ("no host") for callers that phrase their own message.
        /// </summary>
        public static bool TryParse(string text, out SipUri uri, out string reason, out string problem)
        {
            uri = null;
            SipUri parsed = new SipUri();
            string predicate = parsed.Parse(text);
            if (predicate != null)
            {
                reason = (text == null ? "the URI" : Quote(text)) + " " + predicate;
                problem = Problem(predicate);
                return false;
            }
            uri = parsed;
            reason = null;
            problem = null;
            return true;
        }

        /// <summary>"has no host" → "no host"; the bare finding for callers that write "is not a SIP URI (...)".</summary>
        private static string Problem(string predicate)
        {
            if (predicate.Length > 4 && predicate.Substring(0, 4) == "has ")
            {
                return predicate.Substring(4);
            }
            return predicate == NotSip ? "no sip: or sips: scheme" : predicate;
        }

        private const string NotSip = "is not a sip: or sips: URI";

        /// <summary>True when <paramref name="user"/> may stand as the user part of a SIP URI (escapes allowed).</summary>
        public static bool IsValidUser(string user)
        {
            return user != null && user.Length > 0 && CheckChars(user, UserExtra) == null;
        }

        /// <summary>True when <paramref name="host"/> is a hostname, an IPv4 address or a bracketed IPv6 reference.</summary>
        public static bool IsValidHost(string host)
        {
            if (host == null || host.Length == 0)
            {
                return false;
            }
            if (host[0] == '[')
            {
                return host.Length > 2 && host[host.Length - 1] == ']' && IsIPv6(host.Substring(1, host.Length - 2));
            }
            return IsIPv4(host) || IsHostname(host);
        }

        // ---- parsing -------------------------------------------------------------------------

        private const string UserExtra = "&=+$,;?/";
        private const string PasswordExtra = "&=+$,";
        private const string ParamExtra = "[]/:&+$";
        private const string HeaderExtra = "[]/?:+$";

        /// <summary>Fills this instance from <paramref name="text"/>; returns null or what is wrong ("has no host").</summary>
        private string Parse(string text)
        {
            if (text == null || text.Length == 0)
            {
                return "is empty";
            }
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ' || c == '\t')
                {
                    return "contains a space";
                }
                if (c < ' ' || c == '\u007F')
                {
                    return "contains a control character";
                }
                if (c > '\u007F')
                {
                    return "contains a non-ASCII character (write it as %XX escapes)";
                }
            }
            int colon = text.IndexOf(':');
            string scheme = colon < 0 ? "" : SipText.LowerAscii(text.Substring(0, colon));
            if (scheme != "sip" && scheme != "sips")
            {
                return NotSip;
            }
            _scheme = scheme;
            string rest = text.Substring(colon + 1);
            int at = rest.IndexOf('@');
            int hostStart = 0;
            if (at >= 0)
            {
                if (rest.IndexOf('@', at + 1) >= 0)
                {
                    return "has more than one '@'";
                }
                string problem = ParseUserInfo(rest.Substring(0, at));
                if (problem != null)
                {
                    return problem;
                }
                hostStart = at + 1;
            }
            int hostEnd = ParseHost(rest, hostStart);
            if (hostEnd < 0)
            {
                return _hostProblem;
            }
            int p = hostEnd;
            if (p < rest.Length && rest[p] == ':')
            {
                int portStart = p + 1;
                p = portStart;
                while (p < rest.Length && rest[p] != ';' && rest[p] != '?')
                {
                    p++;
                }
                string problem = ParsePort(rest.Substring(portStart, p - portStart));
                if (problem != null)
                {
                    return problem;
                }
            }
            if (p < rest.Length && rest[p] != ';' && rest[p] != '?')
            {
                return "has a bad character '" + CharText(rest[p]) + "' after the host";
            }
            int headersAt = rest.IndexOf('?', p);
            string parameters = headersAt < 0 ? rest.Substring(p) : rest.Substring(p, headersAt - p);
            string paramProblem = ParseParameters(parameters);
            if (paramProblem != null)
            {
                return paramProblem;
            }
            return headersAt < 0 ? null : ParseHeaders(rest.Substring(headersAt + 1));
        }

        private string ParseUserInfo(string userinfo)
        {
            int colon = userinfo.IndexOf(':');
            string user = colon < 0 ? userinfo : userinfo.Substring(0, colon);
            if (user.Length == 0)
            {
                return "has an empty user part before '@'";
            }
            string bad = CheckChars(user, UserExtra);
            if (bad != null)
            {
                return "has " + bad + " in the user part";
            }
            _user = user;
            if (colon >= 0)
            {
                string password = userinfo.Substring(colon + 1);
                bad = CheckChars(password, PasswordExtra);
                if (bad != null)
                {
                    return "has " + bad + " in the password";
                }
                _password = password;
            }
            return null;
        }

        private string _hostProblem;

        /// <summary>Reads the host starting at <paramref name="start"/>; returns the index after it, or -1 with <see cref="_hostProblem"/> set.</summary>
        private int ParseHost(string rest, int start)
        {
            if (start < rest.Length && rest[start] == '[')
            {
                int close = rest.IndexOf(']', start);
                if (close < 0)
                {
                    _hostProblem = "has an IPv6 address without its closing ']'";
                    return -1;
                }
                string address = rest.Substring(start + 1, close - start - 1);
                if (!IsIPv6(address))
                {
                    _hostProblem = "has a bad IPv6 address '" + Shorten(address) + "'";
                    return -1;
                }
                _host = address;
                _hostKind = SipHostKind.IPv6;
                return close + 1;
            }
            int end = start;
            while (end < rest.Length && rest[end] != ':' && rest[end] != ';' && rest[end] != '?')
            {
                end++;
            }
            string host = rest.Substring(start, end - start);
            if (host.Length == 0)
            {
                _hostProblem = "has no host";
                return -1;
            }
            if (IsIPv4(host))
            {
                _hostKind = SipHostKind.IPv4;
            }
            else if (IsHostname(host))
            {
                _hostKind = SipHostKind.Name;
            }
            else
            {
                _hostProblem = LooksNumeric(host)
                    ? "has a bad IPv4 address '" + Shorten(host) + "'"
                    : "has a bad host name '" + Shorten(host) + "'";
                return -1;
            }
            _host = host;
            return end;
        }

        private string ParsePort(string digits)
        {
            if (digits.Length == 0)
            {
                return "has an empty port after ':'";
            }
            int value = 0;
            for (int i = 0; i < digits.Length; i++)
            {
                char c = digits[i];
                if (c < '0' || c > '9')
                {
                    return "has a bad port '" + Shorten(digits) + "' (expected 1-65535)";
                }
                if (value <= 65535)
                {
                    value = value * 10 + (c - '0');
                }
            }
            if (value < 1 || value > 65535)
            {
                return "has port " + Shorten(digits) + " (expected 1-65535)";
            }
            _port = value;
            return null;
        }

        private string ParseParameters(string text)
        {
            if (text.Length == 0)
            {
                return null;
            }
            // text starts with ';'
            ArrayList names = new ArrayList();
            ArrayList values = new ArrayList();
            int p = 1;
            while (true)
            {
                int end = text.IndexOf(';', p);
                if (end < 0)
                {
                    end = text.Length;
                }
                string param = text.Substring(p, end - p);
                int eq = param.IndexOf('=');
                string name = eq < 0 ? param : param.Substring(0, eq);
                string value = eq < 0 ? "" : param.Substring(eq + 1);
                if (name.Length == 0)
                {
                    return "has an empty parameter name";
                }
                string bad = CheckChars(name, ParamExtra);
                if (bad != null)
                {
                    return "has " + bad + " in the parameter name '" + Shorten(name) + "'";
                }
                if (eq >= 0 && value.Length == 0)
                {
                    return "has no value after '" + Shorten(name) + "='";
                }
                bad = CheckChars(value, ParamExtra);
                if (bad != null)
                {
                    return "has " + bad + " in the value of parameter '" + Shorten(name) + "'";
                }
                names.Add(name);
                values.Add(value);
                if (end == text.Length)
                {
                    break;
                }
                p = end + 1;
            }
            _paramNames = ToStrings(names);
            _paramValues = ToStrings(values);
            return null;
        }

        private string ParseHeaders(string text)
        {
            if (text.Length == 0)
            {
                return "has '?' with no headers after it";
            }
            ArrayList names = new ArrayList();
            ArrayList values = new ArrayList();
            int p = 0;
            while (true)
            {
                int end = text.IndexOf('&', p);
                if (end < 0)
                {
                    end = text.Length;
                }
                string header = text.Substring(p, end - p);
                int eq = header.IndexOf('=');
                if (eq < 0)
                {
                    return "has a header '" + Shorten(header) + "' without '='";
                }
                string name = header.Substring(0, eq);
                string value = header.Substring(eq + 1);
                if (name.Length == 0)
                {
                    return "has an empty header name";
                }
                string bad = CheckChars(name, HeaderExtra);
                if (bad == null)
                {
                    bad = CheckChars(value, HeaderExtra);
                }
                if (bad != null)
                {
                    return "has " + bad + " in the header '" + Shorten(name) + "'";
                }
                names.Add(name);
                values.Add(value);
                if (end == text.Length)
                {
                    break;
                }
                p = end + 1;
            }
            _headerNames = ToStrings(names);
            _headerValues = ToStrings(values);
            return null;
        }
    }
}
