// IPv4 addresses and CIDR blocks as text, for allow-lists and URLs.
namespace DeskPhone.Firmware.Http
{
    /// <summary>Dotted-quad IPv4 parsing (no leading zeros, each part 0-255) and prefix matching.</summary>
    public static class IpAddress
    {
        /// <summary>True for "10.0.0.5".</summary>
        public static bool IsIPv4(string text)
        {
            uint v;
            return TryParse(text, out v);
        }

        /// <summary>The address as a 32-bit number; false for anything but a dotted quad.</summary>
        public static bool TryParse(string text, out uint value)
        {
            value = 0;
            if (text == null || text.Length < 7 || text.Length > 15) return false;
            int part = 0;
            int digits = 0;
            uint current = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                char c = i < text.Length ? text[i] : '.';
                if (c == '.')
                {
                    if (digits == 0 || current > 255 || part > 3) return false;
                    value = (value << 8) | current;
                    part++;
                    digits = 0;
                    current = 0;
                    continue;
                }
                if (c < '0' || c > '9') return false;
                if (digits == 1 && current == 0) return false; // "010": leading zero (octal in some parsers)
                current = current * 10 + (uint)(c - '0');
                digits++;
                if (digits > 3) return false;
            }
            return part == 4;
        }

        /// <summary>
        /// Parses "10.0.0.0/8" or a single address ("10.0.0.5" = /32) into network and mask; false with a reason.
        /// </summary>
        public static bool TryParseBlock(string text, out uint network, out uint mask, out string reason)
        {
            network = 0;
            mask = 0;
            reason = null;
            int slash = text.IndexOf('/');
            string address = slash < 0 ? text : text.Substring(0, slash);
            int bits = 32;
            if (slash >= 0)
            {
                bits = HttpHead.Digits(text.Substring(slash + 1), 32);
                if (bits < 0 || bits > 32) { reason = "prefix length must be 0-32"; return false; }
            }
            uint a;
            if (!TryParse(address, out a)) { reason = "'" + HttpHead.Shown(address) + "' is not an IPv4 address"; return false; }
            mask = bits == 0 ? 0u : 0xFFFFFFFFu << (32 - bits);
            if ((a & ~mask) != 0) { reason = "has host bits set after the /" + bits.ToString() + " prefix"; return false; }
            network = a;
            return true;
        }
    }
}
