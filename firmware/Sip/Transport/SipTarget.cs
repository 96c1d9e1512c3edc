// Where a SIP message goes (or came from): transport, address, port.
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
