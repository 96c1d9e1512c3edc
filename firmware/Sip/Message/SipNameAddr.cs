// name-addr / addr-spec with header parameters (RFC 3261 §20.10, §20.20, §20.39): From, To, Contact, Route...
using System.Text;

namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>
    /// An address as From, To, Contact, Route, Record-Route, Refer-To and Call-Info carry it:
    /// ["display name"] &lt;URI&gt; *(;param), or a bare URI followed by ;params (then every
    /// ;param is a header parameter, never a URI parameter: RFC 3261 §20.10, RFC 4475 cparam01).
    /// A Contact of "*" is <see cref="IsWildcard"/>. Non-SIP URIs (tel:, http:, urn:...) are kept
    /// as text with <see cref="Uri"/> null. Objects a message hands out are shared: Clone first.
    /// </summary>
    public sealed class SipNameAddr
    {
        private SipUri _uri;
        private bool _uriParsed;

        private SipNameAddr()
        {
            Parameters = new SipParameters();
        }

        /// <summary>An address for <paramref name="uri"/> with an optional display name (null for none).</summary>
        public SipNameAddr(string displayName, SipUri uri)
            : this()
        {
            DisplayName = displayName;
            _uri = uri;
            _uriParsed = true;
            UriText = uri.ToString();
        }

        /// <summary>The display name with quotes and quoted-pairs removed, or null when there is none.</summary>
        public string DisplayName { get; set; }

        /// <summary>The URI as written between the brackets (or the bare URI).</summary>
        public string UriText { get; private set; }

        /// <summary>The URI when it is a valid sip: or sips: URI, else null (see <see cref="UriText"/>).</summary>
        public SipUri Uri
        {
            get
            {
                if (!_uriParsed)
                {
                    string reason;
                    SipUri.TryParse(UriText, out _uri, out reason);
                    _uriParsed = true;
                }
                return _uri;
            }
        }

        /// <summary>The URI scheme in lower case ("sip", "sips", "tel", "http"...), or "" when the text has none.</summary>
        public string Scheme
        {
            get
            {
                int colon = UriText == null ? -1 : UriText.IndexOf(':');
                return colon <= 0 ? "" : SipText.LowerAscii(UriText.Substring(0, colon));
            }
        }

        /// <summary>True for the Contact value "*" (remove all bindings).</summary>
        public bool IsWildcard { get; private set; }

        /// <summary>The header parameters after the address.</summary>
        public SipParameters Parameters { get; private set; }

        /// <summary>The tag parameter (From/To), or null.</summary>
        public string Tag
        {
            get { return Parameters.Get("tag"); }
            set
            {
                if (value == null)
                {
                    Parameters.Remove("tag");
                }
                else
                {
                    Parameters.Set("tag", value);
                }
            }
        }

        /// <summary>The expires parameter of a Contact in seconds, or -1 when absent or malformed (above int.MaxValue reads as int.MaxValue).</summary>
        public int Expires
        {
            get
            {
                long v = SipText.ParseNumber(Parameters.Get("expires"));
                return v < 0 ? -1 : (v > int.MaxValue ? int.MaxValue : (int)v);
            }
        }

        /// <summary>The q parameter of a Contact as written ("0.7"), or null.</summary>
        public string Q { get { return Parameters.Get("q"); } }

        /// <summary>A deep copy.</summary>
        public SipNameAddr Clone()
        {
            SipNameAddr c = new SipNameAddr();
            c.DisplayName = DisplayName;
            c.UriText = UriText;
            c._uri = _uri;
            c._uriParsed = _uriParsed;
            c.IsWildcard = IsWildcard;
            c.Parameters = Parameters.Clone();
            return c;
        }

        /// <summary>"\"Display\" &lt;uri&gt;;params" (always with brackets), or "*".</summary>
        public override string ToString()
        {
            if (IsWildcard)
            {
                return "*";
            }
            StringBuilder sb = new StringBuilder(UriText.Length + 32);
            if (DisplayName != null)
            {
                sb.Append(SipText.Quote(DisplayName)).Append(' ');
            }
            sb.Append('<').Append(UriText).Append('>');
            Parameters.AppendTo(sb);
            return sb.ToString();
        }

        /// <summary>
        /// Parses one address (no top-level commas). Returns null when it is malformed: an unclosed
        /// quote or '&lt;', a missing URI, bad parameters.
        /// </summary>
        public static SipNameAddr Parse(string text)
        {
            if (text == null)
            {
                return null;
            }
            SipNameAddr a = new SipNameAddr();
            int i = SipText.SkipWs(text, 0);
            if (i < text.Length && text[i] == '*' && SipText.SkipWs(text, i + 1) == text.Length)
            {
                a.IsWildcard = true;
                a.UriText = "*";
                return a;
            }
            int open = FindOpenAngle(text, i);
            if (open == -2)
            {
                return null;
            }
            int after;
            if (open >= 0)
            {
                string display = SipText.TrimWs(text.Substring(i, open - i));
                if (display.Length > 0)
                {
                    if (display[0] == '"')
                    {
                        a.DisplayName = SipText.Unquote(display);
                        if (a.DisplayName == null)
                        {
                            return null;
                        }
                    }
                    else
                    {
                        a.DisplayName = display;
                    }
                }
                int close = text.IndexOf('>', open + 1);
                if (close < 0)
                {
                    return null;
                }
                a.UriText = SipText.TrimWs(text.Substring(open + 1, close - open - 1));
                after = close + 1;
            }
            else
            {
                int end = i;
                while (end < text.Length && text[end] != ';' && !SipText.IsWs(text[end]))
                {
                    end++;
                }
                a.UriText = text.Substring(i, end - i);
                after = end;
            }
            if (a.UriText.Length == 0 || a.UriText.IndexOf(':') <= 0)
            {
                return null;
            }
            SipParameters parameters = SipParameters.Parse(text, after);
            if (parameters == null)
            {
                return null;
            }
            a.Parameters = parameters;
            return a;
        }

        /// <summary>Where the '&lt;' is (outside quotes), -1 when there is none, -2 when a quote never closes.</summary>
        private static int FindOpenAngle(string text, int i)
        {
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '"')
                {
                    i = SipText.SkipQuoted(text, i);
                    if (i < 0)
                    {
                        return -2;
                    }
                    continue;
                }
                if (c == '<')
                {
                    return i;
                }
                i++;
            }
            return -1;
        }
    }
}
