// SIP and SIPS URIs (RFC 3261 §19.1, grammar in §25.1): parse, inspect, compare, print.
using System.Text;
using DeskPhone.Firmware.Sip.Message;

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
    public sealed partial class SipUri
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
                return t == null ? null : SipText.LowerAscii(t);
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
    }
}
