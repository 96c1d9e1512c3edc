// Method names (RFC 3261 §7.1 and extensions): constants and an allocation-free lookup.
namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>The methods a phone meets. Method names are case-sensitive (RFC 3261 §7.1).</summary>
    public static class SipMethods
    {
        /// <summary>INVITE (RFC 3261).</summary>
        public const string Invite = "INVITE";
        /// <summary>ACK (RFC 3261).</summary>
        public const string Ack = "ACK";
        /// <summary>BYE (RFC 3261).</summary>
        public const string Bye = "BYE";
        /// <summary>CANCEL (RFC 3261).</summary>
        public const string Cancel = "CANCEL";
        /// <summary>OPTIONS (RFC 3261).</summary>
        public const string Options = "OPTIONS";
        /// <summary>REGISTER (RFC 3261).</summary>
        public const string Register = "REGISTER";
        /// <summary>PRACK (RFC 3262).</summary>
        public const string Prack = "PRACK";
        /// <summary>SUBSCRIBE (RFC 6665).</summary>
        public const string Subscribe = "SUBSCRIBE";
        /// <summary>NOTIFY (RFC 6665).</summary>
        public const string Notify = "NOTIFY";
        /// <summary>PUBLISH (RFC 3903).</summary>
        public const string Publish = "PUBLISH";
        /// <summary>INFO (RFC 6086).</summary>
        public const string Info = "INFO";
        /// <summary>REFER (RFC 3515).</summary>
        public const string Refer = "REFER";
        /// <summary>MESSAGE (RFC 3428).</summary>
        public const string Message = "MESSAGE";
        /// <summary>UPDATE (RFC 3311).</summary>
        public const string Update = "UPDATE";

        private static readonly string[] Known = new string[]
        {
            Invite, Ack, Bye, Cancel, Options, Register, Prack, Subscribe, Notify, Publish, Info, Refer, Message, Update
        };

        /// <summary>True for the methods above (standardised methods; anything else gets 501 from a UAS).</summary>
        public static bool IsKnown(string method)
        {
            return Lookup(method) != null;
        }

        /// <summary>The shared constant spelled like <paramref name="method"/>, or null.</summary>
        internal static string Lookup(string method)
        {
            if (method == null)
            {
                return null;
            }
            for (int i = 0; i < Known.Length; i++)
            {
                if (Known[i] == method)
                {
                    return Known[i];
                }
            }
            return null;
        }

        /// <summary>The constant spelled exactly like text[start..start+length), or null (no allocation).</summary>
        internal static string Lookup(string text, int start, int length)
        {
            for (int i = 0; i < Known.Length; i++)
            {
                if (SipText.SameAt(Known[i], text, start, start + length))
                {
                    return Known[i];
                }
            }
            return null;
        }

        /// <summary>The constant spelled exactly like data[start..start+length), or null (no allocation).</summary>
        internal static string Lookup(byte[] data, int start, int length)
        {
            for (int i = 0; i < Known.Length; i++)
            {
                string m = Known[i];
                if (m.Length != length)
                {
                    continue;
                }
                int j = 0;
                while (j < length && data[start + j] == m[j])
                {
                    j++;
                }
                if (j == length)
                {
                    return m;
                }
            }
            return null;
        }
    }
}
