// Splits a challenge header value into its scheme and auth-params (RFC 3261 §25.1, RFC 7616 §3.3).
using System.Collections;
using System.Text;

namespace DeskPhone.Firmware.Sip.Auth
{
    /// <summary>
    /// Reads "Scheme name=value, name="quoted value", ..." into names and unquoted values.
    /// Whitespace (including CR and LF left over from folding) is allowed around names, '=' and
    /// commas; empty list elements (",,") are skipped. Never throws: every failure is a reason.
    /// Values must not contain control characters (they would be echoed into our requests).
    /// </summary>
    internal sealed class DigestParamReader
    {
        /// <summary>The longest header value accepted, in characters.</summary>
        public const int MaxHeaderLength = 4096;

        /// <summary>The longest single parameter value accepted, in characters.</summary>
        public const int MaxValueLength = 1024;

        /// <summary>The most parameters accepted in one challenge.</summary>
        public const int MaxParameters = 32;

        private readonly string _text;
        private int _pos;
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _values = new ArrayList();
        private string _scheme;

        private DigestParamReader(string text)
        {
            _text = text;
        }

        /// <summary>The scheme token as written ("Digest").</summary>
        public string Scheme { get { return _scheme; } }

        /// <summary>How many parameters were read.</summary>
        public int Count { get { return _names.Count; } }

        /// <summary>Parameter <paramref name="index"/>'s name as written.</summary>
        public string Name(int index) { return (string)_names[index]; }

        /// <summary>Parameter <paramref name="index"/>'s value, quotes removed and escapes resolved.</summary>
        public string Value(int index) { return (string)_values[index]; }

        /// <summary>
        /// Reads <paramref name="text"/>. On failure <paramref name="reader"/> is null and
        /// <paramref name="reason"/> says what is wrong ("parameter 'nonce' has no closing '\"'").
        /// The scheme is not checked here.
        /// </summary>
        public static bool TryRead(string text, out DigestParamReader reader, out string reason)
        {
            reader = null;
            if (text == null)
            {
                reason = "the header value is missing";
                return false;
            }
            if (text.Length > MaxHeaderLength)
            {
                reason = "the header value is " + text.Length.ToString() + " characters long; the limit is " + MaxHeaderLength.ToString();
                return false;
            }
            DigestParamReader r = new DigestParamReader(text);
            reason = r.Read();
            if (reason != null)
            {
                return false;
            }
            reader = r;
            return true;
        }

        private string Read()
        {
            SkipSpace();
            int start = _pos;
            while (_pos < _text.Length && DigestText.IsTokenChar(_text[_pos]))
            {
                _pos++;
            }
            if (_pos == start)
            {
                return _pos == _text.Length
                    ? "the header value is empty"
                    : "the header value does not start with an authentication scheme";
            }
            _scheme = _text.Substring(start, _pos - start);
            if (_pos < _text.Length && !IsSpace(_text[_pos]))
            {
                return "the scheme " + DigestText.Excerpt(_scheme) + " is followed by " + CharText(_text[_pos]) + " instead of a space";
            }

            while (true)
            {
                SkipSpaceAndCommas();
                if (_pos == _text.Length)
                {
                    return null;
                }
                string problem = ReadParameter();
                if (problem != null)
                {
                    return problem;
                }
                SkipSpace();
                if (_pos < _text.Length && _text[_pos] != ',')
                {
                    return "a ',' is missing after parameter " + DigestText.Excerpt(Name(Count - 1));
                }
            }
        }

        private string ReadParameter()
        {
            int start = _pos;
            while (_pos < _text.Length && DigestText.IsTokenChar(_text[_pos]))
            {
                _pos++;
            }
            if (_pos == start)
            {
                return "a parameter name is expected at " + CharText(_text[_pos]) + " (position " + _pos.ToString() + ")";
            }
            string name = _text.Substring(start, _pos - start);
            SkipSpace();
            if (_pos == _text.Length || _text[_pos] != '=')
            {
                if (DigestText.EqualsIgnoreCase(name, "Digest"))
                {
                    return "the header value holds a second challenge; SIP sends each challenge in its own header (RFC 3261 §7.3.1)";
                }
                return "parameter " + DigestText.Excerpt(name) + " has no '=' and value";
            }
            _pos++;
            SkipSpace();
            if (_names.Count >= MaxParameters)
            {
                return "the challenge has more than " + MaxParameters.ToString() + " parameters";
            }

            string value;
            string problem = _pos < _text.Length && _text[_pos] == '"' ? ReadQuoted(name, out value) : ReadToken(name, out value);
            if (problem != null)
            {
                return problem;
            }
            _names.Add(name);
            _values.Add(value);
            return null;
        }

        private string ReadQuoted(string name, out string value)
        {
            value = null;
            _pos++;
            StringBuilder sb = new StringBuilder();
            while (_pos < _text.Length)
            {
                char c = _text[_pos++];
                if (c == '"')
                {
                    value = sb.ToString();
                    return null;
                }
                if (c == '\\')
                {
                    if (_pos == _text.Length)
                    {
                        break;
                    }
                    c = _text[_pos++];
                }
                if (DigestText.IsForbiddenControl(c))
                {
                    return "the value of parameter " + DigestText.Excerpt(name) + " contains a control character";
                }
                if (sb.Length == MaxValueLength)
                {
                    return "the value of parameter " + DigestText.Excerpt(name) + " is longer than " + MaxValueLength.ToString() + " characters";
                }
                sb.Append(c);
            }
            return "the value of parameter " + DigestText.Excerpt(name) + " has no closing '\"'";
        }

        private string ReadToken(string name, out string value)
        {
            value = null;
            int start = _pos;
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == ',' || IsSpace(c))
                {
                    break;
                }
                if (c == '"')
                {
                    return "the value of parameter " + DigestText.Excerpt(name) + " has a stray '\"'";
                }
                if (DigestText.IsForbiddenControl(c))
                {
                    return "the value of parameter " + DigestText.Excerpt(name) + " contains a control character";
                }
                _pos++;
            }
            if (_pos == start)
            {
                return "parameter " + DigestText.Excerpt(name) + " has an empty value";
            }
            if (_pos - start > MaxValueLength)
            {
                return "the value of parameter " + DigestText.Excerpt(name) + " is longer than " + MaxValueLength.ToString() + " characters";
            }
            value = _text.Substring(start, _pos - start);
            return null;
        }

        private void SkipSpace()
        {
            while (_pos < _text.Length && IsSpace(_text[_pos]))
            {
                _pos++;
            }
        }

        private void SkipSpaceAndCommas()
        {
            while (_pos < _text.Length && (IsSpace(_text[_pos]) || _text[_pos] == ','))
            {
                _pos++;
            }
        }

        // Linear whitespace: SP, HTAB, and the CR/LF of a folded line.
        private static bool IsSpace(char c)
        {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private static string CharText(char c)
        {
            if (c < ' ' || c >= '\u007F')
            {
                int code = c;
                return "character U+" + code.ToString("X4");
            }
            return "'" + new string(c, 1) + "'";
        }
    }
}
