// o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address> (RFC 4566 §5.2).
namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// The origin line. <see cref="SessionId"/> stays the same for a whole dialog;
    /// <see cref="SessionVersion"/> grows by one each time the description changes (RFC 3264 §8).
    /// Instances never change: <see cref="WithVersion"/> makes a new one.
    /// </summary>
    public sealed class SdpOrigin
    {
        private readonly string _username;
        private readonly string _sessionId;
        private readonly ulong _sessionVersion;
        private readonly string _netType;
        private readonly string _addressType;
        private readonly string _address;

        /// <summary>An origin "IN" <paramref name="addressType"/> ("IP4"/"IP6") <paramref name="address"/>.</summary>
        public SdpOrigin(string username, string sessionId, ulong sessionVersion, string netType, string addressType, string address)
        {
            _username = username;
            _sessionId = sessionId;
            _sessionVersion = sessionVersion;
            _netType = netType;
            _addressType = addressType;
            _address = address;
        }

        /// <summary>The user name, "-" when the phone has none to give.</summary>
        public string Username { get { return _username; } }

        /// <summary>The session id as written (digits).</summary>
        public string SessionId { get { return _sessionId; } }

        /// <summary>The session version.</summary>
        public ulong SessionVersion { get { return _sessionVersion; } }

        /// <summary>"IN".</summary>
        public string NetType { get { return _netType; } }

        /// <summary>"IP4" or "IP6" (as written).</summary>
        public string AddressType { get { return _addressType; } }

        /// <summary>The originator's address or host name.</summary>
        public string Address { get { return _address; } }

        /// <summary>The same origin with <paramref name="version"/>.</summary>
        public SdpOrigin WithVersion(ulong version)
        {
            return new SdpOrigin(_username, _sessionId, version, _netType, _addressType, _address);
        }

        /// <summary>Reads the text after "o="; null and a reason when it does not have the six fields.</summary>
        public static SdpOrigin Parse(string value, out string problem)
        {
            string[] f = SdpText.Fields(value);
            if (f.Length != 6)
            {
                problem = "o= needs 6 fields (username, session id, version, IN, IP4/IP6, address), not " + f.Length.ToString();
                return null;
            }
            ulong id;
            if (!SdpText.TryParseULong(f[1], out id))
            {
                problem = "o= session id " + SdpText.Quote(f[1]) + " is not a number";
                return null;
            }
            ulong version;
            if (!SdpText.TryParseULong(f[2], out version))
            {
                problem = "o= session version " + SdpText.Quote(f[2]) + " is not a number below 2^64";
                return null;
            }
            problem = null;
            return new SdpOrigin(f[0], f[1], version, f[3], f[4], f[5]);
        }

        /// <summary>The text after "o=".</summary>
        public string Value
        {
            get
            {
                return _username + " " + _sessionId + " " + _sessionVersion.ToString() + " " + _netType + " " + _addressType + " " + _address;
            }
        }

        /// <summary>The line without its CRLF.</summary>
        public override string ToString() { return "o=" + Value; }
    }
}
