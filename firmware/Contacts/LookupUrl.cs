// The "lookupUrl" of the device file: where to ask for a number's contact, split for a plain HTTP GET.
using System.Text;

namespace DeskPhone.Firmware.Contacts
{
    /// <summary>
    /// <c>http://ADDRESS[:PORT]/PATH?QUERY</c> with a <c>{number}</c> placeholder, e.g.
    /// <c>http://10.0.0.5:8000/lookup?number={number}</c>. The address is an IPv4 literal: the phone's
    /// network interface connects to addresses, it does not resolve names. Plain HTTP only.
    /// </summary>
    public sealed class LookupUrl
    {
        /// <summary>The placeholder the number replaces.</summary>
        public const string Placeholder = "{number}";

        private LookupUrl(string text, string address, int port, string target)
        {
            Text = text;
            Address = address;
            Port = port;
            Target = target;
        }

        /// <summary>The URL as written.</summary>
        public string Text { get; private set; }

        /// <summary>The server's IPv4 address.</summary>
        public string Address { get; private set; }

        /// <summary>The server's port (80 unless written).</summary>
        public int Port { get; private set; }

        /// <summary>Path and query with the placeholder ("/lookup?number={number}").</summary>
        public string Target { get; private set; }

        /// <summary>Reads <paramref name="text"/>; null with <paramref name="problem"/> saying why when it is not a usable lookup URL.</summary>
        public static LookupUrl TryParse(string text, out string problem)
        {
            problem = null;
            const string scheme = "http://";
            if (text == null || text.Length <= scheme.Length || text.Substring(0, scheme.Length).ToLower() != scheme)
            {
                problem = "must start with http:// (the phone's lookup speaks plain HTTP)";
                return null;
            }
            string rest = text.Substring(scheme.Length);
            int slash = rest.IndexOf('/');
            string authority = slash < 0 ? rest : rest.Substring(0, slash);
            string target = slash < 0 ? "/" : rest.Substring(slash);
            int port = 80;
            string address = authority;
            int colon = authority.IndexOf(':');
            if (colon >= 0)
            {
                address = authority.Substring(0, colon);
                if (!TryPort(authority.Substring(colon + 1), out port))
                {
                    problem = "has no valid port after ':' (1-65535)";
                    return null;
                }
            }
            if (!Sip.SipUri.IsIPv4(address))
            {
                problem = "names '" + address + "', not an IPv4 address; write the CRM's address as digits (the phone does not resolve names)";
                return null;
            }
            if (target.IndexOf(Placeholder) < 0)
            {
                problem = "has no " + Placeholder + " placeholder where the caller's number goes";
                return null;
            }
            for (int i = 0; i < target.Length; i++)
            {
                if (target[i] <= ' ' || target[i] > '~' || target[i] == '#')
                {
                    problem = "contains a space, a '#' or a character outside printable ASCII at position " + (scheme.Length + slash + i + 1).ToString();
                    return null;
                }
            }
            return new LookupUrl(text, address, port, target);
        }

        /// <summary>The request target for <paramref name="number"/>, percent-encoded ("/lookup?number=%2B442079460018").</summary>
        public string TargetFor(string number)
        {
            StringBuilder sb = new StringBuilder();
            int at = Target.IndexOf(Placeholder);
            sb.Append(Target.Substring(0, at));
            const string hex = "0123456789ABCDEF";
            byte[] bytes = Encoding.UTF8.GetBytes(number);
            for (int i = 0; i < bytes.Length; i++)
            {
                byte b = bytes[i];
                bool plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~';
                if (plain) sb.Append((char)b);
                else sb.Append('%').Append(hex[b >> 4]).Append(hex[b & 15]);
            }
            sb.Append(Target.Substring(at + Placeholder.Length));
            return sb.ToString();
        }

        private static bool TryPort(string s, out int port)
        {
            port = 0;
            if (s.Length == 0 || s.Length > 5) return false;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return false;
                port = port * 10 + (s[i] - '0');
            }
            return port >= 1 && port <= 65535;
        }
    }
}
