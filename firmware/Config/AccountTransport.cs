// How an account reaches its registrar and proxies.
namespace DeskPhone.Firmware.Config
{
    /// <summary>An account's "transport": "udp" (default), "tcp" or "tls".</summary>
    public enum AccountTransport
    {
        /// <summary>"udp".</summary>
        Udp = 0,
        /// <summary>"tcp".</summary>
        Tcp = 1,
        /// <summary>"tls" (required when the registrar is a sips: URI).</summary>
        Tls = 2
    }
}
