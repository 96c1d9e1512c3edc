// What the session level and a media description share: other lines, a c= line and a= lines.
using System.Collections;
using System.Text;

namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// The part of a description common to the session level and each m= section: lines kept as
    /// written (i=, b=, k=...), an optional connection and the attributes. Printed in RFC 4566 §5
    /// order, so a well-formed description prints back line for line.
    /// </summary>
    public abstract class SdpSection
    {
        private readonly ArrayList _lines = new ArrayList();
        private readonly SdpAttributeList _attributes = new SdpAttributeList();
        private SdpConnection _connection;

        /// <summary>The c= line of this level, or null.</summary>
        public SdpConnection Connection
        {
            get { return _connection; }
            set { _connection = value; }
        }

        /// <summary>The a= lines of this level, in written order.</summary>
        public SdpAttributeList Attributes { get { return _attributes; } }

        /// <summary>The explicit direction attribute of this level, or sendrecv (see <see cref="SdpAttributeList.HasDirection"/>).</summary>
        public SdpDirection Direction
        {
            get { return _attributes.Direction; }
            set { _attributes.SetDirection(value); }
        }

        /// <summary>How many other lines (i=, b=, t=, k=, unknown types...) this level keeps.</summary>
        public int LineCount { get { return _lines.Count; } }

        /// <summary>Other line <paramref name="index"/>, in written order.</summary>
        public SdpLine Line(int index) { return (SdpLine)_lines[index]; }

        /// <summary>Keeps <paramref name="line"/> for printing back.</summary>
        public void AddLine(SdpLine line) { _lines.Add(line); }

        /// <summary>The value of the first line of <paramref name="type"/>, or null.</summary>
        public string FindLine(char type)
        {
            for (int i = 0; i < _lines.Count; i++)
            {
                if (Line(i).Type == type) return Line(i).Value;
            }
            return null;
        }

        /// <summary>Copies lines, connection and attributes into <paramref name="other"/>.</summary>
        protected void CopyInto(SdpSection other)
        {
            for (int i = 0; i < _lines.Count; i++) other._lines.Add(_lines[i]);
            other._connection = _connection;
            SdpAttributeList a = _attributes;
            for (int i = 0; i < a.Count; i++) other._attributes.Add(a[i]);
        }

        /// <summary>Writes the lines ranked up to <paramref name="lastRank"/> from <paramref name="firstRank"/>.</summary>
        private void EncodeLines(StringBuilder sb, int firstRank, int lastRank)
        {
            for (int rank = firstRank; rank <= lastRank; rank++)
            {
                for (int i = 0; i < _lines.Count; i++)
                {
                    SdpLine line = Line(i);
                    if (SdpLine.Rank(line.Type) == rank)
                    {
                        sb.Append(line.Type).Append('=').Append(line.Value).Append("\r\n");
                    }
                }
            }
        }

        /// <summary>Writes i= u= e= p=, c=, b= t= r= z= k=, unknown types, then the a= lines.</summary>
        internal void EncodeBody(StringBuilder sb, string defaultTiming)
        {
            EncodeLines(sb, 0, SdpLine.LastBeforeConnection);
            if (_connection != null)
            {
                sb.Append("c=").Append(_connection.Value).Append("\r\n");
            }
            EncodeLines(sb, SdpLine.LastBeforeConnection + 1, SdpLine.Rank('b'));
            if (defaultTiming != null && FindLine('t') == null)
            {
                sb.Append("t=").Append(defaultTiming).Append("\r\n");
            }
            EncodeLines(sb, SdpLine.Rank('t'), SdpLine.MaxRank);
            _attributes.Encode(sb);
        }
    }
}
