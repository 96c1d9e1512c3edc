// Which client addresses may use a service: exact IPv4 addresses and CIDR blocks.
using System.Collections;

namespace DeskPhone.Firmware.Http
{
    /// <summary>A list of IPv4 blocks ("127.0.0.1" = /32, "10.0.0.0/8"); <see cref="Allows"/> checks an address against them.</summary>
    public sealed class AddressAllowList
    {
        private readonly uint[] _networks;
        private readonly uint[] _masks;
        private readonly string[] _texts;

        private AddressAllowList(uint[] networks, uint[] masks, string[] texts)
        {
            _networks = networks;
            _masks = masks;
            _texts = texts;
        }

        /// <summary>How many entries.</summary>
        public int Count { get { return _texts.Length; } }

        /// <summary>Entry <paramref name="index"/> as written.</summary>
        public string At(int index) { return _texts[index]; }

        /// <summary>
        /// Builds a list from entries like "10.0.0.0/8"; false with the first bad entry's index and reason.
        /// </summary>
        public static bool TryCreate(string[] entries, out AddressAllowList list, out int badIndex, out string reason)
        {
            list = null;
            badIndex = -1;
            reason = null;
            uint[] nets = new uint[entries.Length];
            uint[] masks = new uint[entries.Length];
            for (int i = 0; i < entries.Length; i++)
            {
                if (!IpAddress.TryParseBlock(entries[i], out nets[i], out masks[i], out reason)) { badIndex = i; return false; }
            }
            string[] texts = new string[entries.Length];
            System.Array.Copy(entries, 0, texts, 0, entries.Length);
            list = new AddressAllowList(nets, masks, texts);
            return true;
        }

        /// <summary>True when <paramref name="address"/> (a dotted quad; "::ffff:1.2.3.4" is read as 1.2.3.4) is in a block.</summary>
        public bool Allows(string address)
        {
            if (address == null) return false;
            if (address.StartsWith("::ffff:")) address = address.Substring(7);
            uint a;
            if (!IpAddress.TryParse(address, out a)) return false;
            for (int i = 0; i < _networks.Length; i++)
            {
                if ((a & _masks[i]) == _networks[i]) return true;
            }
            return false;
        }
    }
}
