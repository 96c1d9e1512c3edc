// How the transport is set up.
namespace DeskPhone.Firmware.Sip.Transport
{
    /// <summary>Settings of <see cref="SipTransport"/>.</summary>
    public sealed class TransportSettings
    {
        /// <summary>Defaults: UDP port 5060, keep-alive every 90 s, 10 s for the pong.</summary>
        public TransportSettings()
        {
            UdpPort = 5060;
            KeepAliveSeconds = 90;
            PongTimeoutSeconds = 10;
            UserAgent = "DeskPhone";
        }

        /// <summary>Local UDP port (0 = any free port).</summary>
        public int UdpPort;

        /// <summary>CRLF keep-alive interval on streams (RFC 5626 §4.4.1); 0 = none.</summary>
        public int KeepAliveSeconds;

        /// <summary>A stream whose pong does not come within this is declared failed.</summary>
        public int PongTimeoutSeconds;

        /// <summary>
        /// Addresses requests are accepted from (the registrar and proxies). Empty = anyone.
        /// Requests from elsewhere get 403 and never reach the phone (ghost-call defence).
        /// </summary>
        public string[] TrustedAddresses;

        /// <summary>The name a TLS server's certificate must carry (the proxy's domain); null = its address.</summary>
        public string TlsServerName;

        /// <summary>The User-Agent / Server product.</summary>
        public string UserAgent;
    }
}
