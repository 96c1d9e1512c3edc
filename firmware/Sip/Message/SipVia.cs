// One Via value (RFC 3261 §20.42, §18.2.1; RFC 3581 rport): sent-protocol, sent-by and parameters.
using System.Text;

namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>
    /// One Via value: "SIP/2.0/UDP host:port;branch=z9hG4bK..;rport;received=..". Parsed from a
    /// header with <see cref="Parse"/> (null when malformed) or built for an outgoing request.
    /// The objects a <see cref="SipMessage"/> hands out are shared: <see cref="Clone"/> before
    /// changing one, and write it back with <see cref="SipMessage.SetTopVia"/>.
    /// </summary>
    public sealed class SipVia
    {
        /// <summary>The branch prefix of RFC 3261 transaction ids (§8.1.1.7).</summary>
        public const string MagicCookie = "z9hG4bK";

        private SipVia()
        {
        }

        /// <summary>A Via for an outgoing request: SIP/2.0/<paramref name="transport"/> host[:port];branch=...;rport when asked.</summary>
        public SipVia(string transport, string host, int port, string branch, bool rport)
        {
            ProtocolName = "SIP";
            ProtocolVersion = "2.0";
            Transport = SipText.UpperAscii(transport);
            SetHost(host);
            Port = port;
            Parameters = new SipParameters();
            if (branch != null)
            {
                Parameters.Add("branch", branch);
            }
            if (rport)
            {
                Parameters.Add("rport", "");
            }
        }

        /// <summary>"SIP" as written.</summary>
        public string ProtocolName { get; private set; }

        /// <summary>"2.0" as written.</summary>
        public string ProtocolVersion { get; private set; }

        /// <summary>The transport in upper case: "UDP", "TCP", "TLS", "SCTP", "WS" or an extension token.</summary>
        public string Transport { get; private set; }

        /// <summary>The sent-by host without the brackets of an IPv6 reference.</summary>
        public string Host { get; private set; }

        /// <summary>True when <see cref="Host"/> is an IPv6 address.</summary>
        public bool IsIPv6 { get; private set; }

        /// <summary>The sent-by port, or 0 when absent.</summary>
        public int Port { get; private set; }

        /// <summary>The sent-by port, else 5061 for TLS and 5060 otherwise (RFC 3261 §18.2.2).</summary>
        public int PortOrDefault { get { return Port != 0 ? Port : (Transport == "TLS" ? 5061 : 5060); } }

        /// <summary>"host" or "host:port", IPv6 in brackets.</summary>
        public string SentBy
        {
            get
            {
                string h = IsIPv6 ? "[" + Host + "]" : Host;
                return Port == 0 ? h : h + ":" + Port.ToString();
            }
        }

        /// <summary>Every ;parameter in order (branch, rport, received, maddr, ttl and unknown ones).</summary>
        public SipParameters Parameters { get; private set; }

        /// <summary>The branch parameter, or null.</summary>
        public string Branch { get { return Parameters.Get("branch"); } }

        /// <summary>True when the branch starts with the RFC 3261 magic cookie "z9hG4bK".</summary>
        public bool HasRfc3261Branch
        {
            get
            {
                string b = Branch;
                return b != null && b.Length >= MagicCookie.Length && SipText.SameAt(MagicCookie, b, 0, MagicCookie.Length);
            }
        }

        /// <summary>The received parameter, or null.</summary>
        public string Received { get { return Parameters.Get("received"); } }

        /// <summary>The maddr parameter, or null.</summary>
        public string Maddr { get { return Parameters.Get("maddr"); } }

        /// <summary>The ttl parameter (0-255), or -1 when absent or malformed.</summary>
        public int Ttl
        {
            get
            {
                long v = SipText.ParseNumber(Parameters.Get("ttl"));
                return v < 0 || v > 255 ? -1 : (int)v;
            }
        }

        /// <summary>True when an rport parameter is present, with or without a value (RFC 3581).</summary>
        public bool HasRport { get { return Parameters.Has("rport"); } }

        /// <summary>The rport value, or 0 when absent, empty (a request for it) or malformed.</summary>
        public int Rport
        {
            get
            {
                long v = SipText.ParseNumber(Parameters.Get("rport"));
                return v < 1 || v > 65535 ? 0 : (int)v;
            }
        }

        /// <summary>Sets (or adds) received=<paramref name="address"/> (RFC 3261 §18.2.1).</summary>
        public void SetReceived(string address)
        {
            Parameters.Set("received", address);
        }

        /// <summary>Sets (or adds) rport=<paramref name="port"/> (RFC 3581 §4).</summary>
        public void SetRport(int port)
        {
            Parameters.Set("rport", port.ToString());
        }

        /// <summary>Where a response to this hop goes: received (else host), rport (else port, else the default).</summary>
        public string ResponseHost { get { return Received != null ? Received : Host; } }

        /// <summary>The port responses go to: rport when it has a value, else <see cref="PortOrDefault"/>.</summary>
        public int ResponsePort { get { return Rport != 0 ? Rport : PortOrDefault; } }

        /// <summary>A deep copy.</summary>
        public SipVia Clone()
        {
            SipVia v = new SipVia();
            v.ProtocolName = ProtocolName;
            v.ProtocolVersion = ProtocolVersion;
            v.Transport = Transport;
            v.Host = Host;
            v.IsIPv6 = IsIPv6;
            v.Port = Port;
            v.Parameters = Parameters.Clone();
            return v;
        }

        /// <summary>"SIP/2.0/UDP host:port;params".</summary>
        public override string ToString()
        {
            StringBuilder sb = new StringBuilder(64);
            sb.Append(ProtocolName).Append('/').Append(ProtocolVersion).Append('/').Append(Transport).Append(' ').Append(SentBy);
            Parameters.AppendTo(sb);
            return sb.ToString();
        }

        private void SetHost(string host)
        {
            if (host != null && host.Length > 1 && host[0] == '[' && host[host.Length - 1] == ']')
            {
                host = host.Substring(1, host.Length - 2);
            }
            Host = host;
            IsIPv6 = host != null && host.IndexOf(':') >= 0;
        }

        /// <summary>
        /// Parses one Via value (no commas). Whitespace is allowed around '/', ':' and ';' as in
        /// RFC 4475 wsinv. Returns null when the value is malformed.
        /// </summary>
        public static SipVia Parse(string text)
        {
            if (text == null)
            {
                return null;
            }
            SipVia via = new SipVia();
            int i = SipText.SkipWs(text, 0);
            int start = i;
            i = SkipToken(text, i);
            if (i == start) return null;
            via.ProtocolName = SipText.Slice(text, start, i, "SIP");
            i = SipText.SkipWs(text, i);
            if (i >= text.Length || text[i] != '/') return null;
            i = SipText.SkipWs(text, i + 1);
            start = i;
            i = SkipToken(text, i);
            if (i == start) return null;
            via.ProtocolVersion = SipText.Slice(text, start, i, "2.0");
            i = SipText.SkipWs(text, i);
            if (i >= text.Length || text[i] != '/') return null;
            i = SipText.SkipWs(text, i + 1);
            start = i;
            i = SkipToken(text, i);
            if (i == start) return null;
            string transport = KnownTransport(text, start, i);
            via.Transport = transport != null ? transport : SipText.UpperAscii(text.Substring(start, i - start));
            int afterTransport = i;
            i = SipText.SkipWs(text, i);
            if (i == afterTransport || i >= text.Length) return null;
            start = i;
            if (text[i] == '[')
            {
                int close = text.IndexOf(']', i);
                if (close < 0) return null;
                i = close + 1;
            }
            else
            {
                while (i < text.Length && IsHostChar(text[i])) i++;
            }
            if (i == start) return null;
            via.SetHost(text.Substring(start, i - start));
            i = SipText.SkipWs(text, i);
            if (i < text.Length && text[i] == ':')
            {
                i = SipText.SkipWs(text, i + 1);
                start = i;
                while (i < text.Length && text[i] >= '0' && text[i] <= '9') i++;
                long port = SipText.ParseDigits(text, start, i);
                if (port < 1 || port > 65535) return null;
                via.Port = (int)port;
            }
            SipParameters parameters = SipParameters.Parse(text, i);
            if (parameters == null) return null;
            via.Parameters = parameters;
            return via;
        }

        private static readonly string[] Transports = new string[] { "UDP", "TCP", "TLS", "SCTP", "WS", "WSS" };

        /// <summary>The upper-case constant for a common transport spelled at text[start..end) in any case, or null.</summary>
        private static string KnownTransport(string text, int start, int end)
        {
            for (int i = 0; i < Transports.Length; i++)
            {
                if (SipText.SameAtIgnoreCase(Transports[i], text, start, end))
                {
                    return Transports[i];
                }
            }
            return null;
        }

        internal static bool IsHostChar(int c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        }

        private static int SkipToken(string s, int i)
        {
            while (i < s.Length && SipText.IsTokenChar(s[i])) i++;
            return i;
        }
    }
}
