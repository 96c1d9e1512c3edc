// Writes JSON text by hand: strings escaped per RFC 8259 §7, objects built field by field.
using System.Text;

namespace DeskPhone.Firmware.Json
{
    /// <summary>
    /// A small forward-only JSON object writer: <c>new JsonWriter().Field("a", "x").Field("n", 3).Close()</c>;
    /// a nested object is written by another writer and added with <see cref="Raw"/>. Strings are escaped completely
    /// (quote, backslash, every control character), so the text is valid JSON whatever they hold.
    /// </summary>
    public sealed class JsonWriter
    {
        private readonly StringBuilder _sb = new StringBuilder();
        private bool _first = true;

        /// <summary>Starts the top-level object.</summary>
        public JsonWriter()
        {
            _sb.Append('{');
        }

        /// <summary>A string field; null writes null.</summary>
        public JsonWriter Field(string name, string value)
        {
            Name(name);
            if (value == null) _sb.Append("null");
            else AppendQuoted(_sb, value);
            return this;
        }

        /// <summary>A number field.</summary>
        public JsonWriter Field(string name, long value)
        {
            Name(name);
            _sb.Append(value.ToString());
            return this;
        }

        /// <summary>A true/false field.</summary>
        public JsonWriter Field(string name, bool value)
        {
            Name(name);
            _sb.Append(value ? "true" : "false");
            return this;
        }

        /// <summary>A field whose value is JSON text already (an object written by another writer, or null).</summary>
        public JsonWriter Raw(string name, string json)
        {
            Name(name);
            _sb.Append(json == null ? "null" : json);
            return this;
        }

        /// <summary>Ends the top-level object and returns the text.</summary>
        public string Close()
        {
            _sb.Append('}');
            return _sb.ToString();
        }

        private void Name(string name)
        {
            if (!_first) _sb.Append(',');
            _first = false;
            AppendQuoted(_sb, name);
            _sb.Append(':');
        }

        /// <summary><paramref name="s"/> as a JSON string literal, quotes included.</summary>
        public static string Quote(string s)
        {
            StringBuilder sb = new StringBuilder(s.Length + 2);
            AppendQuoted(sb, s);
            return sb.ToString();
        }

        private const string HexDigits = "0123456789abcdef";

        private static void AppendQuoted(StringBuilder sb, string s)
        {
            sb.Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u007F')
                        {
                            sb.Append("\\u").Append(HexDigits[(c >> 12) & 15]).Append(HexDigits[(c >> 8) & 15]).Append(HexDigits[(c >> 4) & 15]).Append(HexDigits[c & 15]);
                        }
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }
    }
}
