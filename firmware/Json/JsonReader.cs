// Reads JSON text from untrusted sources into a JsonValue tree, with positions and hard limits.
using System.Collections;
using System.Text;

namespace DeskPhone.Firmware.Json
{
    /// <summary>
    /// A strict RFC 8259 reader for files an installer wrote or a tool generated. It never throws
    /// for bad input: every problem becomes a <see cref="JsonError"/> with line, column and path.
    /// Limits keep a hostile file from exhausting a small device (see the Max* constants).
    /// Syntax errors stop the reader; duplicate field names do not (all are reported).
    /// </summary>
    public sealed partial class JsonReader
    {
        /// <summary>Deepest nesting of arrays and objects.</summary>
        public const int MaxDepth = 32;
        /// <summary>Longest accepted text, in characters (256 KB).</summary>
        public const int MaxTextLength = 256 * 1024;
        /// <summary>Longest string or field name, in characters after decoding escapes.</summary>
        public const int MaxStringLength = 4096;
        /// <summary>Most items in one array or members in one object.</summary>
        public const int MaxEntries = 1024;
        /// <summary>Longest number, in characters.</summary>
        public const int MaxNumberLength = 64;

        private readonly string _text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;
        private readonly ArrayList _errors = new ArrayList();
        private bool _stopped;
        private readonly string[] _pathNames = new string[MaxDepth + 1];
        private readonly int[] _pathIndexes = new int[MaxDepth + 1];
        private int _pathDepth;

        private JsonReader(string text)
        {
            _text = text;
        }

        /// <summary>
        /// Parses <paramref name="text"/>. On success <paramref name="value"/> is the document and
        /// <paramref name="error"/> is null; otherwise value is null and error is the first problem.
        /// </summary>
        public static bool TryParse(string text, out JsonValue value, out JsonError error)
        {
            JsonError[] errors;
            bool ok = TryParseAll(text, out value, out errors);
            if (ok)
            {
                error = null;
                return true;
            }
            value = null;
            error = errors[0];
            return false;
        }

        /// <summary>
        /// Parses <paramref name="text"/> and reports every problem found. Returns true when there
        /// are none. When the text is well-formed but repeats field names, it returns false with one
        /// error per repeat and still hands back the tree in <paramref name="value"/> (the first of
        /// each repeated name kept) so a caller can go on checking it; after a syntax error or a
        /// broken limit <paramref name="value"/> is null.
        /// </summary>
        public static bool TryParseAll(string text, out JsonValue value, out JsonError[] errors)
        {
            JsonReader reader = new JsonReader(text == null ? "" : text);
            return reader.Finish(out value, out errors);
        }

        private bool Finish(out JsonValue value, out JsonError[] errors)
        {
            value = ParseDocument();
            errors = new JsonError[_errors.Count];
            for (int i = 0; i < errors.Length; i++)
            {
                errors[i] = (JsonError)_errors[i];
            }
            if (_stopped)
            {
                value = null;
            }
            return errors.Length == 0;
        }

        private JsonValue ParseDocument()
        {
            if (_text.Length > _textLimit)
            {
                return Stop(1, 1, "the text is " + _text.Length.ToString() + " characters long; the limit is " + _textLimit.ToString());
            }
            if (_text.Length > 0 && _text[0] == '\uFEFF')
            {
                _pos = 1; // a byte-order mark left by an editor
                _lineStart = 1;
            }
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                return Stop(_line, Column(), "the text is empty; expected a JSON value");
            }
            JsonValue root = ParseValue(0);
            if (root == null)
            {
                return null;
            }
            SkipWhitespace();
            if (_pos < _text.Length)
            {
                return Stop(_line, Column(), "unexpected " + DescribeAt(_pos) + " after the end of the document");
            }
            return root;
        }

        private JsonValue ParseValue(int depth)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                return Stop(_line, Column(), "unexpected end of text; expected a value");
            }
            char c = _text[_pos];
            int line = _line;
            int column = Column();
            if (c == '{')
            {
                return ParseObject(depth + 1);
            }
            if (c == '[')
            {
                return ParseArray(depth + 1);
            }
            if (c == '"')
            {
                string s = ParseString();
                return s == null ? null : JsonValue.NewString(s, line, column);
            }
            if (c == '-' || (c >= '0' && c <= '9'))
            {
                return ParseNumber();
            }
            if (IsAsciiLetter(c))
            {
                return ParseWord();
            }
            if (c == '\'')
            {
                return Stop(line, column, "strings must be in double quotes, not single quotes");
            }
            if (c == '/')
            {
                return Stop(line, column, "comments are not allowed in JSON");
            }
            return Stop(line, column, "expected a value, found " + DescribeAt(_pos));
        }

        private JsonValue ParseWord()
        {
            int line = _line;
            int column = Column();
            int start = _pos;
            while (_pos < _text.Length && _pos - start < 32 && IsAsciiLetter(_text[_pos]))
            {
                _pos++;
            }
            string word = _text.Substring(start, _pos - start);
            if (word == "true")
            {
                return JsonValue.NewBoolean(true, line, column);
            }
            if (word == "false")
            {
                return JsonValue.NewBoolean(false, line, column);
            }
            if (word == "null")
            {
                return JsonValue.NewNull(line, column);
            }
            char[] letters = word.ToCharArray();
            for (int i = 0; i < letters.Length; i++)
            {
                if (letters[i] >= 'A' && letters[i] <= 'Z')
                {
                    letters[i] = (char)(letters[i] + 32);
                }
            }
            string lower = new string(letters);
            if (lower == "true" || lower == "false" || lower == "null")
            {
                return Stop(line, column, "'" + word + "' must be written in lower case: " + lower);
            }
            return Stop(line, column, "unexpected word '" + word + "'; strings must be in double quotes");
        }

        private JsonValue ParseArray(int depth)
        {
            int line = _line;
            int column = Column();
            if (depth > MaxDepth)
            {
                return Stop(line, column, "nesting is deeper than " + MaxDepth.ToString() + " levels");
            }
            _pos++; // '['
            ArrayList items = new ArrayList();
            bool streamed = StreamsArray(depth); // JsonReader.Streaming.cs: items handed over, not kept
            int count = 0;
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == ']')
            {
                _pos++;
                return JsonValue.NewArray(items, line, column);
            }
            while (true)
            {
                SkipWhitespace();
                if (_pos < _text.Length && _text[_pos] == ']')
                {
                    return Stop(_line, Column(), "trailing comma before ']'");
                }
                if (count == MaxEntries && !streamed)
                {
                    return Stop(_line, Column(), "the array has more than " + MaxEntries.ToString() + " items");
                }
                PushIndex(count);
                JsonValue item = ParseValue(depth);
                Pop();
                if (item == null)
                {
                    return null;
                }
                if (streamed) _sink.Item(count, item);
                else items.Add(item);
                count++;
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return Stop(_line, Column(), "unexpected end of text; expected ',' or ']' to continue the array opened at " + At(line, column));
                }
                char c = _text[_pos];
                if (c == ',')
                {
                    _pos++;
                    continue;
                }
                if (c == ']')
                {
                    _pos++;
                    return JsonValue.NewArray(items, line, column);
                }
                return Stop(_line, Column(), "expected ',' or ']' after an array item, found " + DescribeAt(_pos) + MissingCommaHint(c));
            }
        }

        private JsonValue ParseObject(int depth)
        {
            int line = _line;
            int column = Column();
            if (depth > MaxDepth)
            {
                return Stop(line, column, "nesting is deeper than " + MaxDepth.ToString() + " levels");
            }
            _pos++; // '{'
            ArrayList members = new ArrayList();
            Hashtable index = new Hashtable();
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '}')
            {
                _pos++;
                return JsonValue.NewObject(members, index, line, column);
            }
            bool afterComma = false;
            while (true)
            {
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return Stop(_line, Column(), "unexpected end of text; expected a field name in the object opened at " + At(line, column));
                }
                char c = _text[_pos];
                if (c != '"')
                {
                    if (c == '}' && afterComma)
                    {
                        return Stop(_line, Column(), "trailing comma before '}'");
                    }
                    if (c == '\'' || IsAsciiLetter(c))
                    {
                        return Stop(_line, Column(), "field names must be in double quotes");
                    }
                    return Stop(_line, Column(), "expected a field name in double quotes, found " + DescribeAt(_pos));
                }
                int nameLine = _line;
                int nameColumn = Column();
                string name = ParseString();
                if (name == null)
                {
                    return null;
                }
                SkipWhitespace();
                if (_pos >= _text.Length || _text[_pos] != ':')
                {
                    string found = _pos >= _text.Length ? "the end of the text" : DescribeAt(_pos);
                    return Stop(_line, Column(), "expected ':' after the field name '" + Printable(Shorten(name)) + "', found " + found);
                }
                _pos++;
                if (index.Count == MaxEntries)
                {
                    return Stop(nameLine, nameColumn, "the object has more than " + MaxEntries.ToString() + " fields");
                }
                PushName(name);
                JsonValue value = ParseValue(depth);
                if (value == null)
                {
                    Pop();
                    return null;
                }
                object first = index[name];
                if (first == null)
                {
                    index[name] = members.Count;
                    members.Add(new JsonMember(name, nameLine, nameColumn, value));
                }
                else
                {
                    JsonMember earlier = (JsonMember)members[(int)first];
                    _errors.Add(new JsonError(nameLine, nameColumn, Path(),
                        "duplicate field '" + Printable(Shorten(name)) + "' (first at " + At(earlier.Line, earlier.Column) + ")"));
                }
                Pop();
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return Stop(_line, Column(), "unexpected end of text; expected ',' or '}' to continue the object opened at " + At(line, column));
                }
                c = _text[_pos];
                if (c == ',')
                {
                    _pos++;
                    afterComma = true;
                    continue;
                }
                if (c == '}')
                {
                    _pos++;
                    return JsonValue.NewObject(members, index, line, column);
                }
                return Stop(_line, Column(), "expected ',' or '}' after a field, found " + DescribeAt(_pos) + MissingCommaHint(c));
            }
        }

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == ' ' || c == '\t')
                {
                    _pos++;
                }
                else if (c == '\n')
                {
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                }
                else if (c == '\r')
                {
                    _pos++;
                    if (_pos < _text.Length && _text[_pos] == '\n')
                    {
                        _pos++;
                    }
                    _line++;
                    _lineStart = _pos;
                }
                else
                {
                    return;
                }
            }
        }

        private int Column()
        {
            return _pos - _lineStart + 1;
        }

        /// <summary>Records a fatal error and returns null so callers can unwind with "return Stop(...)".</summary>
        private JsonValue Stop(int line, int column, string message)
        {
            _errors.Add(new JsonError(line, column, Path(), message));
            _stopped = true;
            return null;
        }

        private void PushName(string name)
        {
            _pathNames[_pathDepth] = name;
            _pathDepth++;
        }

        private void PushIndex(int index)
        {
            _pathNames[_pathDepth] = null;
            _pathIndexes[_pathDepth] = index;
            _pathDepth++;
        }

        private void Pop()
        {
            _pathDepth--;
        }

        private string Path()
        {
            if (_pathDepth == 0)
            {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < _pathDepth; i++)
            {
                string name = _pathNames[i];
                if (name == null)
                {
                    sb.Append('[').Append(_pathIndexes[i].ToString()).Append(']');
                }
                else
                {
                    AppendPathName(sb, name, i == 0);
                }
            }
            return sb.ToString();
        }

        /// <summary>Appends ".name", or ["name"] when the name is not a plain identifier.</summary>
        internal static void AppendPathName(StringBuilder sb, string name, bool first)
        {
            bool plain = name.Length > 0 && name.Length <= 64;
            for (int i = 0; plain && i < name.Length; i++)
            {
                char c = name[i];
                plain = IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
            }
            if (plain)
            {
                if (!first)
                {
                    sb.Append('.');
                }
                sb.Append(name);
            }
            else
            {
                sb.Append("[\"").Append(Printable(Shorten(name))).Append("\"]");
            }
        }

        private static string MissingCommaHint(char c)
        {
            return c == '"' || c == '{' || c == '[' ? " (missing comma?)" : "";
        }

        private static string At(int line, int column)
        {
            return "line " + line.ToString() + ", column " + column.ToString();
        }
    }
}
