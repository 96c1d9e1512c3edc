// JsonReader, part two: strings, escapes and the small text helpers for messages.
using System.Text;

namespace DeskPhone.Firmware.Json
{
    public sealed partial class JsonReader
    {
        /// <summary>Reads a string at the opening quote; null (after Stop) when it is malformed.</summary>
        private string ParseString()
        {
            int line = _line;
            int column = Column();
            _pos++; // opening quote
            int start = _pos;
            StringBuilder sb = null;
            int length = 0;
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    return StopString(line, column, "unexpected end of text in the string starting at " + At(line, column));
                }
                char c = _text[_pos];
                if (c == '"')
                {
                    string s = sb == null ? _text.Substring(start, _pos - start) : sb.ToString();
                    _pos++;
                    return s;
                }
                if (length == MaxStringLength)
                {
                    return StopString(line, column, "the string is longer than " + MaxStringLength.ToString() + " characters");
                }
                if (c == '\\')
                {
                    if (sb == null)
                    {
                        sb = new StringBuilder();
                        sb.Append(_text, start, _pos - start);
                    }
                    if (!ReadEscape(sb))
                    {
                        return null;
                    }
                    length = sb.Length;
                    continue;
                }
                if (c < ' ')
                {
                    if (c == '\n' || c == '\r')
                    {
                        return StopString(line, column, "the string starting here has no closing quote on its line");
                    }
                    return StopString(_line, Column(), "control character " + Hex(c) + " inside a string must be written as an escape (\\u" + Hex4(c) + ")");
                }
                if (c >= '\uD800' && c <= '\uDFFF')
                {
                    bool paired = c <= '\uDBFF' && _pos + 1 < _text.Length && _text[_pos + 1] >= '\uDC00' && _text[_pos + 1] <= '\uDFFF';
                    if (!paired)
                    {
                        return StopString(_line, Column(), "unpaired surrogate " + Hex(c) + " inside a string (the text is not valid Unicode)");
                    }
                    if (sb != null)
                    {
                        sb.Append(c);
                    }
                    _pos++;
                    length++;
                    c = _text[_pos];
                }
                if (sb != null)
                {
                    sb.Append(c);
                }
                _pos++;
                length++;
            }
        }

        /// <summary>Reads one escape at the backslash into <paramref name="sb"/>; false (after Stop) when it is bad.</summary>
        private bool ReadEscape(StringBuilder sb)
        {
            int line = _line;
            int column = Column();
            if (_pos + 1 >= _text.Length)
            {
                StopString(line, column, "unexpected end of text in an escape");
                return false;
            }
            char e = _text[_pos + 1];
            char decoded;
            switch (e)
            {
                case '"': decoded = '"'; break;
                case '\\': decoded = '\\'; break;
                case '/': decoded = '/'; break;
                case 'b': decoded = '\b'; break;
                case 'f': decoded = '\f'; break;
                case 'n': decoded = '\n'; break;
                case 'r': decoded = '\r'; break;
                case 't': decoded = '\t'; break;
                case 'u':
                    return ReadUnicodeEscape(sb, line, column);
                default:
                    StopString(line, column, "unknown escape '\\" + Printable(CharText(e)) + "' (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)");
                    return false;
            }
            sb.Append(decoded);
            _pos += 2;
            return true;
        }

        private bool ReadUnicodeEscape(StringBuilder sb, int line, int column)
        {
            int unit = HexAt(_pos + 2);
            if (unit < 0)
            {
                StopString(line, column, "'\\u' must be followed by four hex digits");
                return false;
            }
            _pos += 6;
            if (unit >= 0xDC00 && unit <= 0xDFFF)
            {
                StopString(line, column, "\\u" + Hex4((char)unit) + " is the second half of a surrogate pair with no first half");
                return false;
            }
            if (unit >= 0xD800 && unit <= 0xDBFF)
            {
                int low = -1;
                if (_pos + 1 < _text.Length && _text[_pos] == '\\' && _text[_pos + 1] == 'u')
                {
                    low = HexAt(_pos + 2);
                }
                if (low < 0xDC00 || low > 0xDFFF)
                {
                    StopString(line, column, "\\u" + Hex4((char)unit) + " is the first half of a surrogate pair; \\uDC00-\\uDFFF must follow");
                    return false;
                }
                sb.Append((char)unit);
                sb.Append((char)low);
                _pos += 6;
                return true;
            }
            sb.Append((char)unit);
            return true;
        }

        /// <summary>The value of four hex digits at <paramref name="at"/>, or -1.</summary>
        private int HexAt(int at)
        {
            if (at + 4 > _text.Length)
            {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                int d = HexDigit(_text[at + i]);
                if (d < 0)
                {
                    return -1;
                }
                value = (value << 4) | d;
            }
            return value;
        }

        private string StopString(int line, int column, string message)
        {
            Stop(line, column, message);
            return null;
        }

        internal static int HexDigit(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        internal static bool IsAsciiLetter(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        /// <summary>A character for a message: "'x'" when printable ASCII, "U+0000" otherwise.</summary>
        private string DescribeAt(int at)
        {
            char c = _text[at];
            if (c > ' ' && c < '\u007F')
            {
                return "'" + CharText(c) + "'";
            }
            return Hex(c);
        }

        /// <summary>
        /// A one-character string. Not c.ToString(): inside a concatenation the compiler turns that
        /// into a ReadOnlySpan&lt;char&gt; overload, which nanoFramework does not have.
        /// </summary>
        internal static string CharText(char c)
        {
            return new string(new char[] { c });
        }

        private static string Hex(char c)
        {
            return "U+" + Hex4(c);
        }

        private static string Hex4(char c)
        {
            const string digits = "0123456789ABCDEF";
            int v = c;
            char[] out4 = new char[] { digits[(v >> 12) & 15], digits[(v >> 8) & 15], digits[(v >> 4) & 15], digits[v & 15] };
            return new string(out4);
        }

        /// <summary>Cuts long text for messages so a hostile file cannot make huge errors.</summary>
        internal static string Shorten(string s)
        {
            return s.Length <= 40 ? s : s.Substring(0, 37) + "...";
        }

        /// <summary>Replaces control and non-ASCII characters by '?' so a message stays readable.</summary>
        internal static string Printable(string s)
        {
            StringBuilder sb = null;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool ok = c >= ' ' && c < '\u007F';
                if (!ok && sb == null)
                {
                    sb = new StringBuilder();
                    sb.Append(s, 0, i);
                }
                if (sb != null)
                {
                    sb.Append(ok ? c : '?');
                }
            }
            return sb == null ? s : sb.ToString();
        }
    }
}
