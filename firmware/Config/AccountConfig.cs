// One SIP account from the "accounts" section.
using DeskPhone.Firmware.Sip;

namespace DeskPhone.Firmware.Config
{
    /// <summary>A SIP account the phone registers: identity, credentials, where to register and how.</summary>
    public sealed class AccountConfig
    {
        /// <summary>Where "expires" starts when left out, in seconds.</summary>
        public const int DefaultExpires = 600;
        /// <summary>Shortest registration interval accepted, in seconds.</summary>
        public const int MinExpires = 60;
        /// <summary>Longest registration interval accepted, in seconds (one day).</summary>
        public const int MaxExpires = 86400;

        internal AccountConfig()
        {
        }

        /// <summary>Position in the "accounts" array (0-based).</summary>
        public int Index { get; internal set; }

        /// <summary>The account's id, unique in the file ("main"); keys refer to accounts by it.</summary>
        public string Id { get; internal set; }

        /// <summary>The SIP user ("201").</summary>
        public string User { get; internal set; }

        /// <summary>Display name sent in From (defaults to the device name).</summary>
        public string DisplayName { get; internal set; }

        /// <summary>The SIP domain ("office.example").</summary>
        public string Domain { get; internal set; }

        /// <summary>User name for digest authentication (defaults to <see cref="User"/>).</summary>
        public string AuthUser { get; internal set; }

        /// <summary>Digest password ("" when none).</summary>
        public string Password { get; internal set; }

        /// <summary>Where REGISTER goes: a SIP URI without a user part.</summary>
        public SipUri Registrar { get; internal set; }

        /// <summary>Proxy every request is sent through, or null.</summary>
        public SipUri OutboundProxy { get; internal set; }

        /// <summary>Proxy used when the outbound proxy does not answer, or null.</summary>
        public SipUri BackupProxy { get; internal set; }

        /// <summary>Transport towards registrar and proxies (default UDP).</summary>
        public AccountTransport Transport { get; internal set; }

        /// <summary>Requested registration lifetime in seconds (60-86400, default 600).</summary>
        public int Expires { get; internal set; }

        /// <summary>Where the message-summary (MWI, RFC 3842) SUBSCRIBE goes, or null: the address of record.</summary>
        public SipUri Mailbox { get; internal set; }

        /// <summary>How calls to this account ring ("ring" in the file), or null: standard, the user's ring volume.</summary>
        public RingSettings Ring { get; internal set; }

        /// <summary>The address of record, "sip:user@domain".</summary>
        public string AddressOfRecord { get { return "sip:" + User + "@" + Domain; } }
    }
}
