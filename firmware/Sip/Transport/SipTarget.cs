// Where a SIP message goes (or came from): transport, address, port.
using DeskPhone.Firmware.Sip;

namespace DeskPhone.Firmware.Sip.Transport
{
    /// <summary>A transport address: "UDP", "TCP" or "TLS", a literal IP address and a port.</summary>
    public sealed class SipTarget
    {
        /// <summary>A target.</summary>
        public SipTarget(string transport, string address, int port)
        {
            Transport = transport;
            Address = address;
            Port = port;
        }

        /// <summary>"UDP", "TCP" or "TLS".</summary>
        public string Transport { get; private set; }

        /// <summary>Literal IP address.</summary>
        public string Address { get; private set; }

        /// <summary>Port.</summary>
        public int Port { get; private set; }

        /// <summary>
        /// Where a SIP URI with a literal host points (RFC 3263 without DNS): its transport parameter,
        /// else TLS for sips:, else <paramref name="defaultTransport"/>; port 5060 (5061 for TLS)
        /// when none is given. Null for a host name: this build has no resolver.
        /// </summary>
        public static SipTarget For(SipUri uri, string defaultTransport)
        {
            if (uri == null || uri.HostKind == SipHostKind.Name) return null;
            string transport = uri.Transport != null ? Upper(uri.Transport) : (uri.IsSecure ? "TLS" : defaultTransport);
            int port = uri.HasPort ? uri.Port : (transport == "TLS" ? 5061 : 5060);
            string host = uri.Host;
            if (host.Length > 1 && host[0] == '[') host = host.Substring(1, host.Length - 2);
            return new SipTarget(transport, host, port);
        }

        private static string Upper(string transport)
        {
            char[] c = transport.ToCharArray();
            for (int i = 0; i < c.Length; i++) if (c[i] >= 'a' && c[i] <= 'z') c[i] = (char)(c[i] - 32);
            return new string(c);
        }

        /// <summary>True for TCP and TLS: no retransmissions, timers that wait for them are zero (RFC 3261 §17).</summary>
        public bool IsReliable { get { return Transport != "UDP"; } }

        /// <summary>True when both name the same transport address.</summary>
        public bool SameAs(SipTarget other)
        {
            return other != null && other.Transport == Transport && other.Address == Address && other.Port == Port;
        }

        /// <summary>"UDP 127.0.0.1:5060".</summary>
        public override string ToString()
        {
            return Transport + " " + Address + ":" + Port.ToString();
        }
    }
}
