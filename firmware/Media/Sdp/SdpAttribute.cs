// One SDP attribute line (RFC 4566 §5.13): "a=name" or "a=name:value".
using System.Text;

namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// An attribute as written: a property attribute ("a=sendonly") has a null <see cref="Value"/>,
    /// a value attribute ("a=ptime:20") the text after the first colon. Unknown attributes are kept
    /// unchanged so a parsed session prints back as it came. Instances never change.
    /// </summary>
    public sealed class SdpAttribute
    {
        private readonly string _name;
        private readonly string _value;

        /// <summary>An attribute <paramref name="name"/>, with <paramref name="value"/> or null for a property attribute.</summary>
        public SdpAttribute(string name, string value)
        {
            _name = name;
            _value = value;
        }

        /// <summary>The name as written ("rtpmap", "sendonly", "x-vendor").</summary>
        public string Name { get { return _name; } }

        /// <summary>The text after the first ':', or null for a property attribute.</summary>
        public string Value { get { return _value; } }

        /// <summary>True when this attribute is called <paramref name="name"/> (ASCII case-insensitive).</summary>
        public bool Is(string name) { return SdpText.SameIgnoringCase(_name, name); }

        /// <summary>Reads the text after "a=".</summary>
        public static SdpAttribute FromLineValue(string text)
        {
            int colon = text.IndexOf(':');
            return colon < 0 ? new SdpAttribute(text, null) : new SdpAttribute(text.Substring(0, colon), text.Substring(colon + 1));
        }

        /// <summary>Writes "a=name[:value]" followed by CRLF.</summary>
        public void Encode(StringBuilder sb)
        {
            sb.Append("a=").Append(_name);
            if (_value != null)
            {
                sb.Append(':').Append(_value);
            }
            sb.Append("\r\n");
        }

        /// <summary>The line without its CRLF: "a=rtpmap:0 PCMU/8000".</summary>
        public override string ToString()
        {
            return _value == null ? "a=" + _name : "a=" + _name + ":" + _value;
        }
    }
}
