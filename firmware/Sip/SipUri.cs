// SIP and SIPS URIs (RFC 3261 §19.1, grammar in §25.1): parse, inspect, compare, print.
using System.Collections;
using System.Text;

namespace DeskPhone.Firmware.Sip
{
    /// <summary>How a URI's host is written.</summary>
    public enum SipHostKind
    {
        /// <summary>A DNS name such as "office.example".</summary>
        Name = 0,
        /// <summary>A dotted IPv4 address such as "192.0.2.4".</summary>
        IPv4 = 1,
        /// <summary>An IPv6 address, written in brackets in the URI ("[2001:db8::1]").</summary>
        IPv6 = 2
    }

    /// <summary>
    /// A sip: or sips: URI: sip:user:password@host:port;uri-parameters?headers.
    /// Parts are kept as written (escapes included) so <see cref="ToString"/> gives the text
    /// back; only the scheme is lower-cased and the port normalised. Parameters and headers
    /// keep their order. Instances never change. <see cref="TryParse(string, out SipUri, out string)"/>
    /// never throws for bad input.
    /// </summary>
    public sealed class SipUri
    {
        private static readonly string[] None = new string[0];

        private string _scheme;
        private string _user;
        private string _password;
        private string _host;
        private SipHostKind _hostKind;
        private int _port;
        private string[] _paramNames = None;
        private string[] _paramValues = None;
        private string[] _headerNames = None;
        private string[] _headerValues = None;

        private SipUri()
        {
        }

        /// <summary>"sip" or "sips" (lower case).</summary>
        public string Scheme { get { return _scheme; } }

        /// <summary>True for sips: (TLS on every hop).</summary>
        public bool IsSecure { get { return _scheme == "sips"; } }

        /// <summary>The user part as written, escapes kept ("alice", "%61lice"); null when the URI has none.</summary>
        public string User { get { return _user; } }

        /// <summary>The password as written; null when there is none ("" for "sip:bob:@host").</summary>
        public string Password { get { return _password; } }

        /// <summary>The host as written, without the brackets of an IPv6 reference.</summary>
        public string Host { get { return _host; } }

        /// <summary>Whether <see cref="Host"/> is a name, an IPv4 or an IPv6 address.</summary>
        public SipHostKind HostKind { get { return _hostKind; } }

        /// <summary>The explicit port, or 0 when the URI has none.</summary>
        public int Port { get { return _port; } }

        /// <summary>True when the URI names a port.</summary>
        public bool HasPort { get { return _port != 0; } }

        /// <summary>The explicit port, else 5061 for sips: and 5060 for sip:.</summary>
        public int PortOrDefault { get { return _port != 0 ? _port : (IsSecure ? 5061 : 5060); } }

        /// <summary>"host" or "host:port", with brackets around an IPv6 address.</summary>
        public string HostPort
        {
            get
            {
                string h = _hostKind == SipHostKind.IPv6 ? "[" + _host + "]" : _host;
                return _port == 0 ? h : h + ":" + _port.ToString();
            }
        }

        /// <summary>How many ;parameters the URI has.</summary>
        public int ParameterCount { get { return _paramNames.Length; } }

        /// <summary>The name of parameter <paramref name="index"/>, as written.</summary>
        public string ParameterName(int index) { return _paramNames[index]; }

        /// <summary>The value of parameter <paramref name="index"/> as written; "" for a flag such as ";lr".</summary>
        public string ParameterValue(int index) { return _paramValues[index]; }

        /// <summary>The first parameter called <paramref name="name"/> (ASCII case-insensitive): its value, "" for a flag, null when absent.</summary>
        public string GetParameter(string name)
        {
            int i = Find(_paramNames, name);
            return i < 0 ? null : _paramValues[i];
        }

        /// <summary>True when a parameter called <paramref name="name"/> is present.</summary>
        public bool HasParameter(string name) { return Find(_paramNames, name) >= 0; }

        /// <summary>The transport parameter in lower case ("udp", "tcp", "tls"...), or null.</summary>
        public string Transport
        {
            get
            {
                string t = GetParameter("transport");
                return t == null ? null : LowerAscii(t);
            }
        }

        /// <summary>True when the URI carries ";lr" (a loose router, RFC 3261 §16.12).</summary>
        public bool IsLooseRouter { get { return HasParameter("lr"); } }

        /// <summary>How many ?headers the URI has.</summary>
        public int HeaderCount { get { return _headerNames.Length; } }

        /// <summary>The name of header <paramref name="index"/>, as written.</summary>
        public string HeaderName(int index) { return _headerNames[index]; }

        /// <summary>The value of header <paramref name="index"/>, as written (may be "").</summary>
        public string HeaderValue(int index) { return _headerValues[index]; }

        /// <summary>The first header called <paramref name="name"/> (ASCII case-insensitive), or null.</summary>
        public string GetHeader(string name)
        {
            int i = Find(_headerNames, name);
            return i < 0 ? null : _headerValues[i];
        }

        /// <summary>The URI text; equals the parsed text except for the scheme's case and leading zeros in the port.</summary>
        public override string ToString()
        {
            StringBuilder sb = new StringBuilder();
            sb.Append(_scheme).Append(':');
            if (_user != null)
            {
                sb.Append(_user);
                if (_password != null)
                {
                    sb.Append(':').Append(_password);
                }
                sb.Append('@');
            }
            sb.Append(HostPort);
            for (int i = 0; i < _paramNames.Length; i++)
            {
                sb.Append(';').Append(_paramNames[i]);
                if (_paramValues[i].Length > 0)
                {
                    sb.Append('=').Append(_paramValues[i]);
                }
            }
            for (int i = 0; i < _headerNames.Length; i++)
            {
                sb.Append(i == 0 ? '?' : '&').Append(_headerNames[i]).Append('=').Append(_headerValues[i]);
            }
            return sb.ToString();
        }

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
            if (LowerAscii(_host) != LowerAscii(other._host))
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
                    string lower = LowerAscii(name);
                    if (lower == "transport" || lower == "user" || lower == "ttl" || lower == "method" || lower == "maddr")
                    {
                        return false;
                    }
                    continue;
                }
                if (LowerAscii(Unescape(a._paramValues[i])) != LowerAscii(Unescape(b._paramValues[j])))
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
            string scheme = colon < 0 ? "" : LowerAscii(text.Substring(0, colon));
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
        private static bool IsIPv4(string s)
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
            string lower = LowerAscii(name);
            for (int i = 0; i < names.Length; i++)
            {
                if (LowerAscii(names[i]) == lower)
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>Lower-cases ASCII letters only (no culture tables).</summary>
        private static string LowerAscii(string s)
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
                    if (chars == null)
                    {
                        chars = s.ToCharArray();
                    }
                    chars[i] = (char)(c + 32);
                }
            }
            return chars == null ? s : new string(chars);
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
