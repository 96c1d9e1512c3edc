// One programmable key from the "keys" section.
using DeskPhone.Firmware.Sip;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// A programmable key: what it does (<see cref="Kind"/>), its label, and per kind the target,
    /// account or feature. Keys keep file order; on a page, the n-th key is the n-th physical key.
    /// </summary>
    public sealed class KeyConfig
    {
        /// <summary>Longest label, in characters.</summary>
        public const int MaxLabelLength = 24;

        internal KeyConfig()
        {
        }

        /// <summary>Position in the "keys" array (0-based).</summary>
        public int Index { get; internal set; }

        /// <summary>1-based line of the key's object in the file.</summary>
        public int Line { get; internal set; }

        /// <summary>1-based column of the key's object in the file.</summary>
        public int Column { get; internal set; }

        /// <summary>What the key does.</summary>
        public KeyKind Kind { get; internal set; }

        /// <summary>Text beside the key (at most 24 characters; defaulted from target or kind).</summary>
        public string Label { get; internal set; }

        /// <summary>For shared, blf, park and speeddial: the URI or dial string as written; null otherwise.</summary>
        public string Target { get; internal set; }

        /// <summary>The target parsed as a SIP URI; null for a speed-dial dial string or when there is no target.</summary>
        public SipUri TargetUri { get; internal set; }

        /// <summary>The account the key uses: named for line keys; for other kinds the named one or the first account; null for feature keys.</summary>
        public AccountConfig Account { get; internal set; }

        /// <summary>Id of <see cref="Account"/>, or null.</summary>
        public string AccountId { get { return Account == null ? null : Account.Id; } }

        /// <summary>Page the key is on (1-based, default 1).</summary>
        public int Page { get; internal set; }

        /// <summary>For line and shared keys: how calls on the key ring ("ring"), or null (the account's ring).</summary>
        public RingSettings Ring { get; internal set; }

        /// <summary>For shared keys: the pairing behind the key ("delegation"), or null.</summary>
        public KeyDelegation Delegation { get; internal set; }

        /// <summary>For feature keys: one of the <see cref="KeyFeatures"/> names; null otherwise.</summary>
        public string Feature { get; internal set; }
    }
}
