// Typed, error-collecting access to one JSON object of a device file.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// Reads the fields of one object ("device", "accounts[0]", "keys[3]"), adding a located
    /// error for each missing, mistyped or out-of-range field and for every field not in the
    /// allowed list. Getters return the default after an error so checking can go on.
    /// </summary>
    internal sealed class ConfigObject
    {
        private readonly JsonValue _value;
        private readonly string _path;
        private readonly string[] _allowed;
        private readonly ConfigErrors _errors;
        private int _errorCount;

        private ConfigObject(JsonValue value, string path, string[] allowed, ConfigErrors errors)
        {
            _value = value;
            _path = path;
            _allowed = allowed;
            _errors = errors;
        }

        /// <summary>Wraps <paramref name="value"/> when it is an object; otherwise reports the wrong type and returns null.</summary>
        public static ConfigObject Open(JsonValue value, string path, string[] allowed, ConfigErrors errors)
        {
            if (value.Kind != JsonKind.Object)
            {
                errors.Add(value.Line, value.Column, path, "expected an object, found " + Found(value));
                return null;
            }
            return new ConfigObject(value, path, allowed, errors);
        }

        /// <summary>The object's own path ("keys[3]"; "" at the top).</summary>
        public string Path { get { return _path; } }

        /// <summary>How many errors this object's fields have produced so far.</summary>
        public int ErrorCount { get { return _errorCount; } }

        /// <summary>The JSON object itself.</summary>
        public JsonValue Value { get { return _value; } }

        /// <summary>True when the field is written (whatever its value).</summary>
        public bool Has(string name)
        {
            return _value.Get(name) != null;
        }

        /// <summary>The field's raw value, or null.</summary>
        public JsonValue Get(string name)
        {
            return _value.Get(name);
        }

        /// <summary>"keys[3].target" for a field of this object.</summary>
        public string FieldPath(string name)
        {
            return _path.Length == 0 ? name : _path + "." + name;
        }

        /// <summary>Reports a problem with field <paramref name="name"/> at its value's position.</summary>
        public void ErrorAt(string name, string message)
        {
            JsonValue v = _value.Get(name);
            JsonValue at = v == null ? _value : v;
            Add(at.Line, at.Column, FieldPath(name), message);
        }

        /// <summary>Reports a missing required field at the object's opening brace.</summary>
        public void Missing(string name)
        {
            Add(_value.Line, _value.Column, _path, "missing required field '" + name + "'");
        }

        /// <summary>A string field: its value, or null when absent or wrong (errors added; <paramref name="required"/> reports absence).</summary>
        public string String(string name, bool required, int maxLength)
        {
            JsonValue v = _value.Get(name);
            if (v == null)
            {
                if (required)
                {
                    Missing(name);
                }
                return null;
            }
            if (v.Kind != JsonKind.String)
            {
                ErrorAt(name, "expected a string, found " + Found(v));
                return null;
            }
            string s = v.StringValue;
            if (s.Length == 0)
            {
                ErrorAt(name, required ? "must not be empty" : "must not be empty (leave the field out for the default)");
                return null;
            }
            if (s.Length > maxLength)
            {
                ErrorAt(name, "is " + s.Length.ToString() + " characters long; at most " + maxLength.ToString() + " are allowed");
                return null;
            }
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < ' ' || s[i] == '\u007F')
                {
                    ErrorAt(name, "contains a control character at position " + (i + 1).ToString());
                    return null;
                }
            }
            return s;
        }

        /// <summary>A whole-number field in [min, max]; <paramref name="defaultValue"/> when absent or wrong.</summary>
        public int Integer(string name, int min, int max, int defaultValue)
        {
            JsonValue v = _value.Get(name);
            if (v == null)
            {
                return defaultValue;
            }
            if (v.Kind != JsonKind.Number)
            {
                ErrorAt(name, "expected a number, found " + Found(v));
                return defaultValue;
            }
            if (!v.IsInteger)
            {
                ErrorAt(name, "expected a whole number, found " + JsonText(v.NumberText));
                return defaultValue;
            }
            long n = v.IntegerValue;
            if (n < min || n > max)
            {
                string range = max == int.MaxValue ? "at least " + min.ToString() : min.ToString() + "-" + max.ToString();
                ErrorAt(name, JsonText(v.NumberText) + " is out of range (" + range + ")");
                return defaultValue;
            }
            return (int)n;
        }

        /// <summary>A true/false field; <paramref name="defaultValue"/> when absent or wrong.</summary>
        public bool Boolean(string name, bool defaultValue)
        {
            JsonValue v = _value.Get(name);
            if (v == null)
            {
                return defaultValue;
            }
            if (v.Kind != JsonKind.Boolean)
            {
                ErrorAt(name, "expected true or false, found " + Found(v));
                return defaultValue;
            }
            return v.BooleanValue;
        }

        /// <summary>A field that must be an array or an object (by <paramref name="kind"/>); null when absent or wrong.</summary>
        public JsonValue Container(string name, JsonKind kind, bool required)
        {
            JsonValue v = _value.Get(name);
            if (v == null)
            {
                if (required)
                {
                    Missing(name);
                }
                return null;
            }
            if (v.Kind != kind)
            {
                ErrorAt(name, "expected " + JsonValue.Describe(kind) + ", found " + Found(v));
                return null;
            }
            return v;
        }

        /// <summary>One of <paramref name="choices"/> (exact), its index; -1 when absent or wrong.</summary>
        public int Choice(string name, string[] choices, string what, bool required)
        {
            string s = String(name, required, 64);
            if (s == null)
            {
                return -1;
            }
            for (int i = 0; i < choices.Length; i++)
            {
                if (choices[i] == s)
                {
                    return i;
                }
            }
            ErrorAt(name, "'" + Printable(s) + "' is not " + what + Spelling.Hint(s, choices) + "; expected one of " + Join(choices));
            return -1;
        }

        /// <summary>Reports every field not in the allowed list, with a spelling hint.</summary>
        public void ReportUnknownFields()
        {
            for (int i = 0; i < _value.Count; i++)
            {
                JsonMember m = _value.MemberAt(i);
                if (IndexOf(_allowed, m.Name) >= 0)
                {
                    continue;
                }
                string where = _path.Length == 0 ? "at the top level" : "in " + _path;
                string shown = Printable(m.Name);
                Add(m.Line, m.Column, FieldPath(shown), "unknown field '" + shown + "' " + where + Spelling.Hint(m.Name, _allowed));
            }
        }

        private void Add(int line, int column, string path, string message)
        {
            _errorCount++;
            _errors.Add(line, column, path, message);
        }

        /// <summary>"a string", or for numbers "the number 600.5", for messages.</summary>
        public static string Found(JsonValue v)
        {
            return v.Describe();
        }

        internal static int IndexOf(string[] list, string s)
        {
            for (int i = 0; i < list.Length; i++)
            {
                if (list[i] == s)
                {
                    return i;
                }
            }
            return -1;
        }

        internal static string Join(string[] list)
        {
            string s = "";
            for (int i = 0; i < list.Length; i++)
            {
                s = i == 0 ? list[i] : s + ", " + list[i];
            }
            return s;
        }

        /// <summary>Cuts and cleans text from the file for a message.</summary>
        internal static string Printable(string s)
        {
            if (s.Length > 40)
            {
                s = s.Substring(0, 37) + "...";
            }
            char[] chars = s.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] < ' ' || chars[i] >= '\u007F')
                {
                    chars[i] = '?';
                }
            }
            return new string(chars);
        }

        private static string JsonText(string token)
        {
            return Printable(token);
        }
    }
}
