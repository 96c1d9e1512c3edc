// A small pull tokenizer for dialog-info+xml bodies: tags, attributes, text; no System.Xml on nanoFramework.
using System.Text;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>What <see cref="DialogInfoXml.Next"/> found.</summary>
    internal enum XmlToken
    {
        /// <summary>The end of the text.</summary>
        End = 0,
        /// <summary>&lt;name attr="v"&gt; or &lt;name/&gt; (<see cref="DialogInfoXml.SelfClosing"/>).</summary>
        StartTag = 1,
        /// <summary>&lt;/name&gt;.</summary>
        EndTag = 2,
        /// <summary>Character data between tags (or a CDATA section).</summary>
        Text = 3,
        /// <summary>Not well-formed: <see cref="DialogInfoXml.Error"/> says why; the scan stops.</summary>
        Error = 4
    }

    /// <summary>
    /// Tokenizes the XML subset a dialog-info body uses (XML 1.0 elements, attributes, character
    /// and entity references, comments, processing instructions, CDATA). Names and raw text are
    /// ranges into the body, so a scan allocates only the strings the caller asks for. A DOCTYPE is
    /// refused (no entity expansion, no external anything). Linear in the length of the text.
    /// </summary>
    internal sealed class DialogInfoXml
    {
        /// <summary>Most attributes one element may carry.</summary>
        public const int MaxAttributes = 16;

        private readonly string _s;
        private int _pos;
        private readonly int[] _attrName = new int[MaxAttributes];
        private readonly int[] _attrNameLength = new int[MaxAttributes];
        private readonly int[] _attrValue = new int[MaxAttributes];
        private readonly int[] _attrValueLength = new int[MaxAttributes];

        /// <summary>A scanner at the start of <paramref name="text"/> (a leading byte-order mark is skipped).</summary>
        public DialogInfoXml(string text)
        {
            _s = text;
            if (_s.Length > 0 && _s[0] == '\uFEFF') _pos = 1;
        }

        /// <summary>The current token.</summary>
        public XmlToken Kind { get; private set; }

        /// <summary>Start and length of the tag's qualified name ("d:dialog") in the text.</summary>
        public int NameStart { get; private set; }

        /// <summary>Length of the tag's qualified name.</summary>
        public int NameLength { get; private set; }

        /// <summary>True for &lt;name/&gt;.</summary>
        public bool SelfClosing { get; private set; }

        /// <summary>Attributes of the current start tag.</summary>
        public int AttributeCount { get; private set; }

        /// <summary>Why the text is not well-formed, or null.</summary>
        public string Error { get; private set; }

        /// <summary>Where the problem is (0-based character offset).</summary>
        public int ErrorAt { get; private set; }

        private int _textStart;
        private int _textLength;
        private bool _textIsCData;

        /// <summary>Moves to the next token; false at the end or on an error (see <see cref="Kind"/>).</summary>
        public bool Next()
        {
            while (true)
            {
                if (Kind == XmlToken.Error) return false;
                if (_pos >= _s.Length) { Kind = XmlToken.End; return false; }
                if (_s[_pos] != '<') return ReadText();
                if (StartsWith("<!--"))
                {
                    if (!SkipPast("-->", _pos + 4)) return Fail("a comment is not closed", _pos);
                    continue;
                }
                if (StartsWith("<?"))
                {
                    if (!SkipPast("?>", _pos + 2)) return Fail("a processing instruction is not closed", _pos);
                    continue;
                }
                if (StartsWith("<![CDATA[")) return ReadCData();
                if (StartsWith("<!")) return Fail("a DOCTYPE or declaration is not accepted", _pos);
                if (StartsWith("</")) return ReadEndTag();
                return ReadStartTag();
            }
        }

        /// <summary>True when the current tag's local name (after any "prefix:") is <paramref name="local"/>.</summary>
        public bool NameIs(string local)
        {
            return LocalNameIs(NameStart, NameLength, local);
        }

        /// <summary>The tag's qualified name as a string (for messages).</summary>
        public string Name { get { return _s.Substring(NameStart, NameLength); } }

        /// <summary>The characters of a range of the text (a name kept from an earlier tag).</summary>
        public string RangeText(int start, int length)
        {
            return _s.Substring(start, length);
        }

        /// <summary>True when the two ranges hold the same characters (an end tag against its start tag).</summary>
        public bool SameText(int aStart, int aLength, int bStart, int bLength)
        {
            if (aLength != bLength) return false;
            for (int i = 0; i < aLength; i++)
            {
                if (_s[aStart + i] != _s[bStart + i]) return false;
            }
            return true;
        }

        /// <summary>
        /// The decoded value of the attribute whose local name is <paramref name="local"/>, or null
        /// when there is none. <paramref name="bad"/> is set when its references do not decode.
        /// </summary>
        public string Attribute(string local, ref bool bad)
        {
            for (int i = 0; i < AttributeCount; i++)
            {
                if (!LocalNameIs(_attrName[i], _attrNameLength[i], local)) continue;
                string value = Decode(_attrValue[i], _attrValueLength[i]);
                if (value == null) bad = true;
                return value;
            }
            return null;
        }

        /// <summary>The decoded text of a Text token; null when a reference in it does not decode.</summary>
        public string Text()
        {
            if (_textIsCData) return _s.Substring(_textStart, _textLength);
            return Decode(_textStart, _textLength);
        }

        /// <summary>True when the Text token is only XML white space.</summary>
        public bool TextIsSpace()
        {
            for (int i = 0; i < _textLength; i++)
            {
                if (!IsSpace(_s[_textStart + i])) return false;
            }
            return true;
        }

        private bool ReadText()
        {
            int start = _pos;
            int lt = _s.IndexOf('<', _pos);
            _pos = lt < 0 ? _s.Length : lt;
            _textStart = start;
            _textLength = _pos - start;
            _textIsCData = false;
            Kind = XmlToken.Text;
            return true;
        }

        private bool ReadCData()
        {
            int start = _pos + 9;
            int end = Find("]]>", start);
            if (end < 0) return Fail("a CDATA section is not closed", _pos);
            _textStart = start;
            _textLength = end - start;
            _textIsCData = true;
            _pos = end + 3;
            Kind = XmlToken.Text;
            return true;
        }

        private bool ReadEndTag()
        {
            int at = _pos;
            _pos += 2;
            int nameLength = NameAt(_pos);
            if (nameLength == 0) return Fail("an end tag has no name", at);
            NameStart = _pos;
            NameLength = nameLength;
            _pos += nameLength;
            SkipSpace();
            if (_pos >= _s.Length || _s[_pos] != '>') return Fail("an end tag is not closed with '>'", at);
            _pos++;
            AttributeCount = 0;
            SelfClosing = false;
            Kind = XmlToken.EndTag;
            return true;
        }

        private bool ReadStartTag()
        {
            int at = _pos;
            _pos++;
            int nameLength = NameAt(_pos);
            if (nameLength == 0) return Fail("'<' is not followed by a tag name", at);
            NameStart = _pos;
            NameLength = nameLength;
            _pos += nameLength;
            AttributeCount = 0;
            SelfClosing = false;
            while (true)
            {
                bool spaced = SkipSpace();
                if (_pos >= _s.Length) return Fail("a tag is not closed", at);
                char c = _s[_pos];
                if (c == '>') { _pos++; break; }
                if (c == '/')
                {
                    if (_pos + 1 >= _s.Length || _s[_pos + 1] != '>') return Fail("'/' in a tag is not followed by '>'", _pos);
                    _pos += 2;
                    SelfClosing = true;
                    break;
                }
                if (!spaced) return Fail("attributes must be separated by white space", _pos);
                if (!ReadAttribute()) return false;
            }
            Kind = XmlToken.StartTag;
            return true;
        }

        private bool ReadAttribute()
        {
            int at = _pos;
            int nameLength = NameAt(_pos);
            if (nameLength == 0) return Fail("a tag holds something that is not an attribute", at);
            if (AttributeCount >= MaxAttributes) return Fail("a tag has more than " + MaxAttributes.ToString() + " attributes", at);
            int nameStart = _pos;
            _pos += nameLength;
            SkipSpace();
            if (_pos >= _s.Length || _s[_pos] != '=') return Fail("an attribute has no '=' and value", at);
            _pos++;
            SkipSpace();
            if (_pos >= _s.Length || (_s[_pos] != '"' && _s[_pos] != '\'')) return Fail("an attribute value is not quoted", at);
            char quote = _s[_pos];
            int valueStart = _pos + 1;
            int end = _s.IndexOf(quote, valueStart);
            if (end < 0) return Fail("an attribute value is not closed", at);
            for (int i = valueStart; i < end; i++)
            {
                if (_s[i] == '<') return Fail("'<' in an attribute value", i);
            }
            for (int i = 0; i < AttributeCount; i++)
            {
                if (SameText(_attrName[i], _attrNameLength[i], nameStart, nameLength)) return Fail("an attribute appears twice in one tag", at);
            }
            _attrName[AttributeCount] = nameStart;
            _attrNameLength[AttributeCount] = nameLength;
            _attrValue[AttributeCount] = valueStart;
            _attrValueLength[AttributeCount] = end - valueStart;
            AttributeCount++;
            _pos = end + 1;
            return true;
        }

        /// <summary>Length of the XML name at <paramref name="at"/> (0 when none). Tolerant: any character that cannot end a name belongs to it.</summary>
        private int NameAt(int at)
        {
            int i = at;
            while (i < _s.Length)
            {
                char c = _s[i];
                if (IsSpace(c) || c == '>' || c == '/' || c == '=' || c == '<' || c == '"' || c == '\'' || c == '&' || c < ' ') break;
                i++;
            }
            if (i == at) return 0;
            char first = _s[at];
            if ((first >= '0' && first <= '9') || first == '-' || first == '.') return 0;
            return i - at;
        }

        private bool LocalNameIs(int start, int length, string local)
        {
            int colon = -1;
            for (int i = 0; i < length; i++)
            {
                if (_s[start + i] == ':') colon = i;
            }
            int from = colon + 1;
            if (length - from != local.Length) return false;
            for (int i = 0; i < local.Length; i++)
            {
                if (_s[start + from + i] != local[i]) return false;
            }
            return true;
        }

        /// <summary>The text of a range with &amp;lt; &amp;gt; &amp;amp; &amp;quot; &amp;apos; &amp;#N; &amp;#xN; replaced; null for a bad reference.</summary>
        private string Decode(int start, int length)
        {
            int amp = -1;
            for (int i = 0; i < length; i++)
            {
                if (_s[start + i] == '&') { amp = i; break; }
            }
            if (amp < 0) return _s.Substring(start, length);
            StringBuilder sb = new StringBuilder(length);
            int end = start + length;
            int p = start;
            while (p < end)
            {
                char c = _s[p];
                if (c != '&') { sb.Append(c); p++; continue; }
                int semi = -1;
                for (int j = p + 1; j < end && j <= p + 10; j++)
                {
                    if (_s[j] == ';') { semi = j; break; }
                }
                if (semi < 0) return null;
                int decoded = Reference(p + 1, semi - p - 1);
                if (decoded < 0) return null;
                if (decoded > 0xFFFF)
                {
                    int v = decoded - 0x10000;
                    sb.Append((char)(0xD800 + (v >> 10)));
                    sb.Append((char)(0xDC00 + (v & 0x3FF)));
                }
                else sb.Append((char)decoded);
                p = semi + 1;
            }
            return sb.ToString();
        }

        /// <summary>The code point a reference body ("lt", "#60", "#x3C") stands for, or -1.</summary>
        private int Reference(int start, int length)
        {
            if (length <= 0) return -1;
            if (IsRange(start, length, "lt")) return '<';
            if (IsRange(start, length, "gt")) return '>';
            if (IsRange(start, length, "amp")) return '&';
            if (IsRange(start, length, "quot")) return '"';
            if (IsRange(start, length, "apos")) return '\'';
            if (_s[start] != '#' || length < 2) return -1;
            bool hex = _s[start + 1] == 'x';
            int from = hex ? start + 2 : start + 1;
            int end = start + length;
            if (from >= end) return -1;
            int value = 0;
            for (int i = from; i < end; i++)
            {
                char c = _s[i];
                int d;
                if (c >= '0' && c <= '9') d = c - '0';
                else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
                else return -1;
                value = value * (hex ? 16 : 10) + d;
                if (value > 0x10FFFF) return -1;
            }
            if (value == 0 || (value >= 0xD800 && value <= 0xDFFF)) return -1;
            return value;
        }

        private bool IsRange(int start, int length, string s)
        {
            if (length != s.Length) return false;
            for (int i = 0; i < length; i++)
            {
                if (_s[start + i] != s[i]) return false;
            }
            return true;
        }

        private bool StartsWith(string s)
        {
            if (_pos + s.Length > _s.Length) return false;
            for (int i = 0; i < s.Length; i++)
            {
                if (_s[_pos + i] != s[i]) return false;
            }
            return true;
        }

        private bool SkipPast(string terminator, int from)
        {
            int end = Find(terminator, from);
            if (end < 0) return false;
            _pos = end + terminator.Length;
            return true;
        }

        /// <summary>Where <paramref name="s"/> next occurs from <paramref name="from"/>, ordinal; -1 when it does not.</summary>
        private int Find(string s, int from)
        {
            int last = _s.Length - s.Length;
            for (int i = from; i <= last; i++)
            {
                int j = 0;
                while (j < s.Length && _s[i + j] == s[j]) j++;
                if (j == s.Length) return i;
            }
            return -1;
        }

        private bool SkipSpace()
        {
            int start = _pos;
            while (_pos < _s.Length && IsSpace(_s[_pos])) _pos++;
            return _pos > start;
        }

        private static bool IsSpace(char c)
        {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private bool Fail(string why, int at)
        {
            Kind = XmlToken.Error;
            Error = why;
            ErrorAt = at;
            return false;
        }
    }
}
