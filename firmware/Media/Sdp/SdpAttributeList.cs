// The ordered a= lines of a session or a media description, with typed readers for the ones the phone uses.
using System.Collections;
using System.Text;

namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// Attributes in the order written, duplicates and unknown names kept. Typed readers
    /// (<see cref="Direction"/>, <see cref="Ptime"/>, <see cref="RtpMap"/>, <see cref="Fmtp"/>,
    /// <see cref="RtcpPort"/>) return "absent" (0, -1, null) for attributes that are missing or
    /// malformed, never throw: a peer's odd attribute must not end a call.
    /// </summary>
    public sealed class SdpAttributeList
    {
        private readonly ArrayList _items = new ArrayList();

        /// <summary>How many attributes there are.</summary>
        public int Count { get { return _items.Count; } }

        /// <summary>Attribute <paramref name="index"/> in written order.</summary>
        public SdpAttribute this[int index] { get { return (SdpAttribute)_items[index]; } }

        /// <summary>Appends <paramref name="attribute"/>.</summary>
        public void Add(SdpAttribute attribute) { _items.Add(attribute); }

        /// <summary>Appends a=<paramref name="name"/>[:<paramref name="value"/>].</summary>
        public void Add(string name, string value) { _items.Add(new SdpAttribute(name, value)); }

        /// <summary>Removes every attribute called <paramref name="name"/>; returns how many went.</summary>
        public int RemoveAll(string name)
        {
            int removed = 0;
            for (int i = _items.Count - 1; i >= 0; i--)
            {
                if (this[i].Is(name))
                {
                    _items.RemoveAt(i);
                    removed++;
                }
            }
            return removed;
        }

        /// <summary>The first attribute called <paramref name="name"/>, or null.</summary>
        public SdpAttribute Find(string name)
        {
            for (int i = 0; i < _items.Count; i++)
            {
                if (this[i].Is(name)) return this[i];
            }
            return null;
        }

        /// <summary>True when an attribute called <paramref name="name"/> is present.</summary>
        public bool Has(string name) { return Find(name) != null; }

        /// <summary>The value of the first attribute called <paramref name="name"/>: null when absent or a property attribute.</summary>
        public string Value(string name)
        {
            SdpAttribute a = Find(name);
            return a == null ? null : a.Value;
        }

        // ---- direction -----------------------------------------------------------------------

        /// <summary>True when one of sendrecv, sendonly, recvonly or inactive is present.</summary>
        public bool HasDirection
        {
            get
            {
                SdpDirection d;
                return FindDirection(out d) >= 0;
            }
        }

        /// <summary>The first direction attribute, or sendrecv when there is none (RFC 3264 §5.1 default).</summary>
        public SdpDirection Direction
        {
            get
            {
                SdpDirection d;
                return FindDirection(out d) >= 0 ? d : SdpDirection.SendRecv;
            }
        }

        /// <summary>Puts <paramref name="direction"/> in place of the first direction attribute (others removed), or appends it.</summary>
        public void SetDirection(SdpDirection direction)
        {
            SdpDirection old;
            int at = FindDirection(out old);
            SdpAttribute attribute = new SdpAttribute(SdpDirections.Name(direction), null);
            if (at < 0)
            {
                _items.Add(attribute);
                return;
            }
            _items[at] = attribute;
            for (int i = _items.Count - 1; i > at; i--)
            {
                SdpDirection ignored;
                if (this[i].Value == null && SdpDirections.TryParse(this[i].Name, out ignored)) _items.RemoveAt(i);
            }
        }

        private int FindDirection(out SdpDirection direction)
        {
            for (int i = 0; i < _items.Count; i++)
            {
                if (this[i].Value == null && SdpDirections.TryParse(this[i].Name, out direction)) return i;
            }
            direction = SdpDirection.SendRecv;
            return -1;
        }

        // ---- packet time, RTP maps, format parameters, RTCP ------------------------------------

        /// <summary>a=ptime in milliseconds, or 0 when absent or not a whole number from 1 to 1000.</summary>
        public int Ptime { get { return Milliseconds(Value("ptime")); } }

        /// <summary>a=maxptime in milliseconds, or 0 when absent or not a whole number from 1 to 1000.</summary>
        public int MaxPtime { get { return Milliseconds(Value("maxptime")); } }

        private static int Milliseconds(string value)
        {
            if (value == null) return 0;
            string v = value.Trim();
            int dot = v.IndexOf('.'); // "20.0" is seen in the wild; the fraction is dropped
            if (dot > 0) v = v.Substring(0, dot);
            int ms = SdpText.ParseInt(v);
            return ms >= 1 && ms <= 1000 ? ms : 0;
        }

        /// <summary>The a=rtpmap for <paramref name="payloadType"/>, or null when absent or malformed.</summary>
        public SdpRtpMap RtpMap(int payloadType)
        {
            for (int i = 0; i < _items.Count; i++)
            {
                SdpRtpMap map;
                if (this[i].Is("rtpmap") && SdpRtpMap.TryParse(this[i].Value, out map) && map.PayloadType == payloadType) return map;
            }
            return null;
        }

        /// <summary>The parameters of a=fmtp:<paramref name="format"/> (text after the format and a space), or null.</summary>
        public string Fmtp(string format)
        {
            for (int i = 0; i < _items.Count; i++)
            {
                string v = this[i].Value;
                if (v == null || !this[i].Is("fmtp")) continue;
                v = v.Trim();
                int space = v.IndexOf(' ');
                string fmt = space < 0 ? v : v.Substring(0, space);
                if (fmt == format) return space < 0 ? "" : v.Substring(space + 1).Trim();
            }
            return null;
        }

        /// <summary>The port of a=rtcp (RFC 3605), or -1 when absent or malformed.</summary>
        public int RtcpPort
        {
            get
            {
                string[] f = SdpText.Fields(Value("rtcp"));
                return f.Length == 0 ? -1 : SdpText.ParsePort(f[0]);
            }
        }

        /// <summary>The address of "a=rtcp:port IN IP4 address", or null when the attribute names none.</summary>
        public string RtcpAddress
        {
            get
            {
                string[] f = SdpText.Fields(Value("rtcp"));
                return f.Length == 4 ? f[3] : null;
            }
        }

        // ---- copy and print --------------------------------------------------------------------

        /// <summary>A list with the same attributes (attributes themselves never change, so they are shared).</summary>
        public SdpAttributeList Copy()
        {
            SdpAttributeList copy = new SdpAttributeList();
            for (int i = 0; i < _items.Count; i++) copy._items.Add(_items[i]);
            return copy;
        }

        /// <summary>Writes every attribute line.</summary>
        public void Encode(StringBuilder sb)
        {
            for (int i = 0; i < _items.Count; i++) this[i].Encode(sb);
        }
    }
}
