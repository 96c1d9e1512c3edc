// Any other SDP line (i=, u=, e=, p=, b=, t=, r=, z=, k= or a type this code does not know), kept for printing back.
namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>A line kept as written: its one-letter type and the text after '='.</summary>
    public sealed class SdpLine
    {
        private readonly char _type;
        private readonly string _value;

        /// <summary>A line "<paramref name="type"/>=<paramref name="value"/>".</summary>
        public SdpLine(char type, string value)
        {
            _type = type;
            _value = value;
        }

        /// <summary>The type letter.</summary>
        public char Type { get { return _type; } }

        /// <summary>The text after '='.</summary>
        public string Value { get { return _value; } }

        /// <summary>The rank after which c= is written: i=, u=, e=, p= come before it (RFC 4566 §5 order).</summary>
        internal const int LastBeforeConnection = 3;

        /// <summary>The highest rank <see cref="Rank"/> gives.</summary>
        internal const int MaxRank = 8;

        /// <summary>
        /// Where a line of <paramref name="type"/> goes in RFC 4566 §5 order: i u e p (c) c b t/r z k,
        /// unknown types last, before the a= lines. t= and r= share a rank so repeat times stay
        /// under their t= line.
        /// </summary>
        internal static int Rank(char type)
        {
            switch (type)
            {
                case 'i': return 0;
                case 'u': return 1;
                case 'e': return 2;
                case 'p': return 3;
                case 'c': return 4; // a second c= (RFC 4566 §5.7 allows several for layered multicast)
                case 'b': return 4;
                case 't': return 5;
                case 'r': return 5;
                case 'z': return 6;
                case 'k': return 7;
                default: return MaxRank;
            }
        }

        /// <summary>The line without its CRLF.</summary>
        public override string ToString() { return new string(_type, 1) + "=" + _value; }
    }
}
