// Where an account's requests go and what Contact they carry: one rule for every usage.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Sip.Transport;

namespace DeskPhone.Firmware.Sip
{
    /// <summary>Next hops and Contacts for an account, shared by registration, subscriptions and calls.</summary>
    public static class SipRouting
    {
        /// <summary>"UDP", "TCP" or "TLS" as the account is set up.</summary>
        public static string TransportOf(AccountConfig account)
        {
            switch (account.Transport)
            {
                case AccountTransport.Tcp: return "TCP";
                case AccountTransport.Tls: return "TLS";
                default: return "UDP";
            }
        }

        /// <summary>The transport address of a proxy or contact URI for <paramref name="account"/>, or null for a host name.</summary>
        public static SipTarget TargetOf(SipUri uri, AccountConfig account)
        {
            return SipTarget.For(uri, TransportOf(account));
        }

        /// <summary>Our Contact for <paramref name="user"/> on <paramref name="transport"/> (the registration's binding).</summary>
        public static string ContactFor(SipStack stack, string user, string transport)
        {
            string port = transport == "UDP" ? ":" + stack.Transport.UdpPort.ToString() : "";
            string param = transport == "UDP" ? "" : ";transport=" + (transport == "TCP" ? "tcp" : "tls");
            return "<sip:" + user + "@" + stack.Transport.LocalAddress + port + param + ">";
        }
    }
}
