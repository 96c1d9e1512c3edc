// c=<nettype> <addrtype> <connection-address> (RFC 4566 §5.7).
namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// A connection line. <see cref="Address"/> is the host part only; a multicast "/ttl/count"
    /// suffix is kept in <see cref="Value"/> for printing back. Instances never change.
    /// </summary>
    public sealed class SdpConnection
    {
        private readonly string _netType;
        private readonly string _addressType;
        private readonly string _written;
        private readonly string _address;

        /// <summary>"IN" <paramref name="addressType"/> <paramref name="address"/> (may carry "/ttl").</summary>
        public SdpConnection(string netType, string addressType, string address)
        {
            _netType = netType;
            _addressType = addressType;
            _written = address;
            int slash = address.IndexOf('/');
            _address = slash < 0 ? address : address.Substring(0, slash);
        }

        /// <summary>A unicast IN connection for <paramref name="address"/>; IP6 when it contains ':'.</summary>
        public static SdpConnection For(string address)
        {
            return new SdpConnection("IN", AddressTypeOf(address), address);
        }

        /// <summary>"IP6" for an address with a ':' in it, else "IP4".</summary>
        public static string AddressTypeOf(string address)
        {
            return address != null && address.IndexOf(':') >= 0 ? "IP6" : "IP4";
        }

        /// <summary>"IN".</summary>
        public string NetType { get { return _netType; } }

        /// <summary>"IP4" or "IP6" as written.</summary>
        public string AddressType { get { return _addressType; } }

        /// <summary>The address or host name, without a multicast /ttl/count suffix.</summary>
        public string Address { get { return _address; } }

        /// <summary>True for 0.0.0.0 (or ::): an RFC 2543 peer putting the call on hold.</summary>
        public bool IsUnspecified { get { return SdpText.IsUnspecifiedAddress(_address); } }

        /// <summary>Reads the text after "c="; null and a reason when it is not "IN IP4|IP6 address".</summary>
        public static SdpConnection Parse(string value, out string problem)
        {
            string[] f = SdpText.Fields(value);
            if (f.Length != 3)
            {
                problem = "c= needs 3 fields (IN, IP4/IP6, address), not " + f.Length.ToString();
                return null;
            }
            if (f[0] != "IN")
            {
                problem = "c= network type " + SdpText.Quote(f[0]) + " is not IN";
                return null;
            }
            if (f[1] != "IP4" && f[1] != "IP6")
            {
                problem = "c= address type " + SdpText.Quote(f[1]) + " is not IP4 or IP6";
                return null;
            }
            if (f[2][0] == '/')
            {
                problem = "c= has no address before " + SdpText.Quote(f[2]);
                return null;
            }
            problem = null;
            return new SdpConnection(f[0], f[1], f[2]);
        }

        /// <summary>The text after "c=".</summary>
        public string Value { get { return _netType + " " + _addressType + " " + _written; } }

        /// <summary>The line without its CRLF.</summary>
        public override string ToString() { return "c=" + Value; }
    }
}
