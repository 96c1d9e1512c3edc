// Header names: canonical long forms, IANA compact forms, and an allocation-free lookup.
namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>
    /// The header names the message layer knows (RFC 3261 §20 and the extensions a phone meets),
    /// their compact forms from the IANA SIP parameters registry (i m e l c f s k t v o u r b x y a
    /// j d n) and a lookup that maps any spelling (any case, long or compact) to one canonical long
    /// name. Unknown names are kept as written.
    /// </summary>
    public static class SipHeaderNames
    {
        /// <summary>"Via" (compact "v").</summary>
        public const string Via = "Via";
        /// <summary>"From" (compact "f").</summary>
        public const string From = "From";
        /// <summary>"To" (compact "t").</summary>
        public const string To = "To";
        /// <summary>"Call-ID" (compact "i").</summary>
        public const string CallId = "Call-ID";
        /// <summary>"CSeq".</summary>
        public const string CSeq = "CSeq";
        /// <summary>"Max-Forwards".</summary>
        public const string MaxForwards = "Max-Forwards";
        /// <summary>"Contact" (compact "m").</summary>
        public const string Contact = "Contact";
        /// <summary>"Route".</summary>
        public const string Route = "Route";
        /// <summary>"Record-Route".</summary>
        public const string RecordRoute = "Record-Route";
        /// <summary>"Content-Type" (compact "c").</summary>
        public const string ContentType = "Content-Type";
        /// <summary>"Content-Length" (compact "l").</summary>
        public const string ContentLength = "Content-Length";
        /// <summary>"Expires".</summary>
        public const string Expires = "Expires";
        /// <summary>"Require".</summary>
        public const string Require = "Require";
        /// <summary>"Proxy-Require".</summary>
        public const string ProxyRequire = "Proxy-Require";
        /// <summary>"Supported" (compact "k").</summary>
        public const string Supported = "Supported";
        /// <summary>"Unsupported".</summary>
        public const string Unsupported = "Unsupported";
        /// <summary>"Allow".</summary>
        public const string Allow = "Allow";
        /// <summary>"Accept".</summary>
        public const string Accept = "Accept";
        /// <summary>"Event" (compact "o").</summary>
        public const string Event = "Event";
        /// <summary>"Subscription-State".</summary>
        public const string SubscriptionState = "Subscription-State";
        /// <summary>"Call-Info".</summary>
        public const string CallInfo = "Call-Info";
        /// <summary>"Replaces".</summary>
        public const string Replaces = "Replaces";
        /// <summary>"Refer-To" (compact "r").</summary>
        public const string ReferTo = "Refer-To";
        /// <summary>"Referred-By" (compact "b").</summary>
        public const string ReferredBy = "Referred-By";
        /// <summary>"Retry-After".</summary>
        public const string RetryAfter = "Retry-After";
        /// <summary>"WWW-Authenticate".</summary>
        public const string WwwAuthenticate = "WWW-Authenticate";
        /// <summary>"Proxy-Authenticate".</summary>
        public const string ProxyAuthenticate = "Proxy-Authenticate";
        /// <summary>"Authorization".</summary>
        public const string Authorization = "Authorization";
        /// <summary>"Proxy-Authorization".</summary>
        public const string ProxyAuthorization = "Proxy-Authorization";
        /// <summary>"Timestamp".</summary>
        public const string Timestamp = "Timestamp";
        /// <summary>"Min-Expires".</summary>
        public const string MinExpires = "Min-Expires";
        /// <summary>"User-Agent".</summary>
        public const string UserAgent = "User-Agent";

        // Ids used inside the layer: the index of the canonical name in Names.
        internal const int IdUnknown = -1;
        internal const int IdVia = 0;
        internal const int IdFrom = 1;
        internal const int IdTo = 2;
        internal const int IdCallId = 3;
        internal const int IdCSeq = 4;
        internal const int IdMaxForwards = 5;
        internal const int IdContact = 6;
        internal const int IdRoute = 7;
        internal const int IdRecordRoute = 8;
        internal const int IdContentType = 9;
        internal const int IdContentLength = 10;
        internal const int IdExpires = 11;
        internal const int IdRequire = 12;
        internal const int IdProxyRequire = 13;
        internal const int IdSupported = 14;
        internal const int IdUnsupported = 15;
        internal const int IdAllow = 16;
        internal const int IdAccept = 17;
        internal const int IdEvent = 18;
        internal const int IdSubscriptionState = 19;
        internal const int IdCallInfo = 20;
        internal const int IdReplaces = 21;
        internal const int IdReferTo = 22;
        internal const int IdReferredBy = 23;
        internal const int IdRetryAfter = 24;
        internal const int IdWwwAuthenticate = 25;
        internal const int IdProxyAuthenticate = 26;
        internal const int IdAuthorization = 27;
        internal const int IdProxyAuthorization = 28;
        internal const int IdTimestamp = 29;

        /// <summary>Canonical long names; the first 30 match the Id constants.</summary>
        private static readonly string[] Names = new string[]
        {
            Via, From, To, CallId, CSeq, MaxForwards, Contact, Route, RecordRoute, ContentType,
            ContentLength, Expires, Require, ProxyRequire, Supported, Unsupported, Allow, Accept, Event, SubscriptionState,
            CallInfo, Replaces, ReferTo, ReferredBy, RetryAfter, WwwAuthenticate, ProxyAuthenticate, Authorization, ProxyAuthorization, Timestamp,
            MinExpires, UserAgent, "Accept-Contact", "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow-Events",
            "Authentication-Info", "Content-Disposition", "Content-Encoding", "Content-Language", "Date", "Error-Info",
            "Identity", "Identity-Info", "In-Reply-To", "MIME-Version", "Min-SE", "Organization", "P-Asserted-Identity",
            "P-Preferred-Identity", "Path", "Priority", "Privacy", "RAck", "Reason", "Reject-Contact", "Reply-To",
            "Request-Disposition", "RSeq", "Server", "Service-Route", "Session-Expires", "SIP-ETag", "SIP-If-Match",
            "Subject", "Warning"
        };

        /// <summary>Compact letters and the long names they stand for (IANA registry).</summary>
        private static readonly string[] Compact = new string[]
        {
            "v", Via, "f", From, "t", To, "i", CallId, "m", Contact, "c", ContentType, "l", ContentLength,
            "k", Supported, "o", Event, "r", ReferTo, "b", ReferredBy, "e", "Content-Encoding", "s", "Subject",
            "u", "Allow-Events", "x", "Session-Expires", "y", "Identity", "a", "Accept-Contact",
            "j", "Reject-Contact", "d", "Request-Disposition", "n", "Identity-Info"
        };

        private const int TableSize = 512;
        private static readonly int[] Table = new int[TableSize];   // entry + 1, 0 = empty
        private static readonly string[] EntryText = new string[128]; // lower-case spelling
        private static readonly int[] EntryId = new int[128];       // index into Names
        private static int _entries;

        static SipHeaderNames()
        {
            for (int i = 0; i < Names.Length; i++)
            {
                AddEntry(Names[i], i);
            }
            for (int i = 0; i < Compact.Length; i += 2)
            {
                AddEntry(Compact[i], IndexOfName(Compact[i + 1]));
            }
        }

        private static int IndexOfName(string name)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    return i;
                }
            }
            return -1;
        }

        private static void AddEntry(string spelling, int id)
        {
            string lower = SipText.LowerAscii(spelling);
            int h = 0;
            for (int i = 0; i < lower.Length; i++)
            {
                h = h * 31 + lower[i];
            }
            int slot = h & (TableSize - 1);
            while (Table[slot] != 0)
            {
                slot = (slot + 1) & (TableSize - 1);
            }
            EntryText[_entries] = lower;
            EntryId[_entries] = id;
            _entries++;
            Table[slot] = _entries;
        }

        /// <summary>The canonical long name for <paramref name="name"/> ("v" → "Via", "call-id" → "Call-ID"); unknown names come back unchanged.</summary>
        public static string Canonical(string name)
        {
            int id = IdOf(name);
            return id < 0 ? name : Names[id];
        }

        /// <summary>The compact form of <paramref name="name"/> ("Via" → "v"), or null when it has none.</summary>
        public static string CompactForm(string name)
        {
            int id = IdOf(name);
            if (id < 0)
            {
                return null;
            }
            for (int i = 0; i < Compact.Length; i += 2)
            {
                if ((object)Compact[i + 1] == (object)Names[id] || Compact[i + 1] == Names[id])
                {
                    return Compact[i];
                }
            }
            return null;
        }

        /// <summary>True when <paramref name="a"/> and <paramref name="b"/> name the same header (case, compact forms).</summary>
        public static bool SameHeader(string a, string b)
        {
            if (a == null || b == null)
            {
                return false;
            }
            int ia = IdOf(a);
            return ia >= 0 ? ia == IdOf(b) : SipText.EqualsIgnoreCase(a, b);
        }

        internal static string NameOf(int id)
        {
            return Names[id];
        }

        /// <summary>The id of a known header name, or -1.</summary>
        internal static int IdOf(string name)
        {
            if (name == null || name.Length == 0)
            {
                return IdUnknown;
            }
            int h = 0;
            for (int i = 0; i < name.Length; i++)
            {
                h = h * 31 + SipText.Lower(name[i]);
            }
            int slot = h & (TableSize - 1);
            while (Table[slot] != 0)
            {
                int e = Table[slot] - 1;
                string text = EntryText[e];
                if (text.Length == name.Length && SipText.EqualsIgnoreCase(text, name))
                {
                    return EntryId[e];
                }
                slot = (slot + 1) & (TableSize - 1);
            }
            return IdUnknown;
        }

        /// <summary>The id of the header name in data[start..start+length), or -1; allocates nothing.</summary>
        internal static int IdOf(byte[] data, int start, int length)
        {
            int h = 0;
            for (int i = 0; i < length; i++)
            {
                h = h * 31 + SipText.Lower((char)data[start + i]);
            }
            int slot = h & (TableSize - 1);
            while (Table[slot] != 0)
            {
                int e = Table[slot] - 1;
                string text = EntryText[e];
                if (text.Length == length && SipText.EqualsIgnoreCase(text, data, start))
                {
                    return EntryId[e];
                }
                slot = (slot + 1) & (TableSize - 1);
            }
            return IdUnknown;
        }
    }
}
