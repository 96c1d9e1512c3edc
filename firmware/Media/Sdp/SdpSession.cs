// A session description (RFC 4566): the session level and its media descriptions; printed with CRLF.
using System.Collections;
using System.Text;

namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// A whole SDP body. Parse untrusted text with <see cref="TryParse"/> (never throws); build
    /// offers and answers with <see cref="SdpNegotiator"/>; print with <see cref="ToString"/>
    /// (CRLF line ends, RFC 4566 §5 line order, unknown lines and attributes kept).
    /// </summary>
    public sealed partial class SdpSession : SdpSection
    {
        private SdpOrigin _origin;
        private string _name = "-";
        private readonly ArrayList _media = new ArrayList();

        /// <summary>An empty description with origin <paramref name="origin"/> and s=-.</summary>
        public SdpSession(SdpOrigin origin)
        {
            _origin = origin;
        }

        /// <summary>The o= line.</summary>
        public SdpOrigin Origin
        {
            get { return _origin; }
            set { _origin = value; }
        }

        /// <summary>The s= text ("-" when there is nothing to say; "" as some peers send it).</summary>
        public string SessionName
        {
            get { return _name; }
            set { _name = value; }
        }

        /// <summary>The first t= value ("0 0" for an unbounded session), "0 0" when there is none.</summary>
        public string Timing
        {
            get
            {
                string t = FindLine('t');
                return t == null ? "0 0" : t;
            }
        }

        /// <summary>How many m= sections there are.</summary>
        public int MediaCount { get { return _media.Count; } }

        /// <summary>m= section <paramref name="index"/>, in written order.</summary>
        public SdpMedia Media(int index) { return (SdpMedia)_media[index]; }

        /// <summary>Appends an m= section.</summary>
        public void AddMedia(SdpMedia media) { _media.Add(media); }

        /// <summary>The connection that applies to <paramref name="media"/>: its own c= line, else the session's, else null.</summary>
        public SdpConnection ConnectionOf(SdpMedia media)
        {
            return media.Connection != null ? media.Connection : Connection;
        }

        /// <summary>The direction that applies to <paramref name="media"/>: its own attribute, else the session's, else sendrecv.</summary>
        public SdpDirection DirectionOf(SdpMedia media)
        {
            if (media.Attributes.HasDirection) return media.Attributes.Direction;
            return Attributes.Direction;
        }

        /// <summary>a=ptime for <paramref name="media"/>: its own, else a session-level one (seen in the wild), else 0.</summary>
        public int PtimeOf(SdpMedia media)
        {
            int p = media.Attributes.Ptime;
            return p != 0 ? p : Attributes.Ptime;
        }

        /// <summary>A copy whose origin, name, lines, attributes and m= sections can change without touching this one.</summary>
        public SdpSession Copy()
        {
            SdpSession copy = new SdpSession(_origin);
            copy._name = _name;
            CopyInto(copy);
            for (int i = 0; i < _media.Count; i++) copy._media.Add(Media(i).Copy());
            return copy;
        }

        /// <summary>The description without its o= version, for telling whether anything changed (RFC 3264 §8).</summary>
        public string ToStringWithoutVersion()
        {
            return Encode(_origin == null ? null : _origin.WithVersion(0));
        }

        /// <summary>The body: v=0, o=, s=, ..., every line ending in CRLF.</summary>
        public override string ToString() { return Encode(_origin); }

        private string Encode(SdpOrigin origin)
        {
            StringBuilder sb = new StringBuilder();
            sb.Append("v=0\r\n");
            if (origin != null) sb.Append("o=").Append(origin.Value).Append("\r\n");
            sb.Append("s=").Append(_name == null ? "-" : _name).Append("\r\n");
            EncodeBody(sb, "0 0");
            for (int i = 0; i < _media.Count; i++) Media(i).Encode(sb);
            return sb.ToString();
        }
    }
}
