// A read-only JSON value that remembers where it was written.
using System;
using System.Collections;

namespace DeskPhone.Firmware.Json
{
    /// <summary>
    /// One value of a parsed document: null, a boolean, a number, a string, an array or an
    /// object. Every value knows the 1-based line and column where it starts. Objects keep
    /// their members in file order. Values are built by <see cref="JsonReader"/> and never change.
    /// </summary>
    public sealed class JsonValue
    {
        private static readonly JsonValue[] NoItems = new JsonValue[0];
        private static readonly JsonMember[] NoMembers = new JsonMember[0];

        private readonly JsonKind _kind;
        private readonly int _line;
        private readonly int _column;
        private bool _boolean;
        private string _text;
        private bool _isInteger;
        private long _integer;
        private double _number;
        private JsonValue[] _items = NoItems;
        private JsonMember[] _members = NoMembers;
        private Hashtable _index;

        private JsonValue(JsonKind kind, int line, int column)
        {
            _kind = kind;
            _line = line;
            _column = column;
        }

        internal static JsonValue NewNull(int line, int column)
        {
            return new JsonValue(JsonKind.Null, line, column);
        }

        internal static JsonValue NewBoolean(bool value, int line, int column)
        {
            JsonValue v = new JsonValue(JsonKind.Boolean, line, column);
            v._boolean = value;
            return v;
        }

        internal static JsonValue NewString(string value, int line, int column)
        {
            JsonValue v = new JsonValue(JsonKind.String, line, column);
            v._text = value;
            return v;
        }

        internal static JsonValue NewInteger(long value, string token, int line, int column)
        {
            JsonValue v = new JsonValue(JsonKind.Number, line, column);
            v._isInteger = true;
            v._integer = value;
            v._number = value;
            v._text = token;
            return v;
        }

        internal static JsonValue NewDouble(double value, string token, int line, int column)
        {
            JsonValue v = new JsonValue(JsonKind.Number, line, column);
            v._number = value;
            v._text = token;
            return v;
        }

        internal static JsonValue NewArray(ArrayList items, int line, int column)
        {
            JsonValue v = new JsonValue(JsonKind.Array, line, column);
            v._items = new JsonValue[items.Count];
            for (int i = 0; i < v._items.Length; i++)
            {
                v._items[i] = (JsonValue)items[i];
            }
            return v;
        }

        /// <summary>Builds an object; <paramref name="index"/> maps each name to its position in <paramref name="members"/>.</summary>
        internal static JsonValue NewObject(ArrayList members, Hashtable index, int line, int column)
        {
            JsonValue v = new JsonValue(JsonKind.Object, line, column);
            v._members = new JsonMember[members.Count];
            for (int i = 0; i < v._members.Length; i++)
            {
                v._members[i] = (JsonMember)members[i];
            }
            v._index = index;
            return v;
        }

        /// <summary>What this value holds.</summary>
        public JsonKind Kind { get { return _kind; } }

        /// <summary>1-based line where the value starts.</summary>
        public int Line { get { return _line; } }

        /// <summary>1-based column where the value starts (UTF-16 code units).</summary>
        public int Column { get { return _column; } }

        /// <summary>The boolean; false unless <see cref="Kind"/> is Boolean.</summary>
        public bool BooleanValue { get { return _boolean; } }

        /// <summary>The decoded string; null unless <see cref="Kind"/> is String.</summary>
        public string StringValue { get { return _kind == JsonKind.String ? _text : null; } }

        /// <summary>True for a number written without fraction or exponent that fits a long.</summary>
        public bool IsInteger { get { return _isInteger; } }

        /// <summary>The integer when <see cref="IsInteger"/>; 0 otherwise.</summary>
        public long IntegerValue { get { return _integer; } }

        /// <summary>The number as a double (integers converted); 0 unless <see cref="Kind"/> is Number.</summary>
        public double NumberValue { get { return _number; } }

        /// <summary>The number exactly as written ("6.0e2"); null unless <see cref="Kind"/> is Number.</summary>
        public string NumberText { get { return _kind == JsonKind.Number ? _text : null; } }

        /// <summary>Items of an array or members of an object; 0 for other kinds.</summary>
        public int Count { get { return _kind == JsonKind.Array ? _items.Length : _members.Length; } }

        /// <summary>The array item at <paramref name="index"/>.</summary>
        public JsonValue this[int index]
        {
            get
            {
                if (_kind != JsonKind.Array)
                {
                    throw new InvalidOperationException("not an array");
                }
                return _items[index];
            }
        }

        /// <summary>The object member at <paramref name="index"/>, in file order.</summary>
        public JsonMember MemberAt(int index)
        {
            if (_kind != JsonKind.Object)
            {
                throw new InvalidOperationException("not an object");
            }
            return _members[index];
        }

        /// <summary>The member called <paramref name="name"/> (exact, case-sensitive), or null.</summary>
        public JsonMember GetMember(string name)
        {
            if (_kind != JsonKind.Object || name == null)
            {
                return null;
            }
            object at = _index[name];
            return at == null ? null : _members[(int)at];
        }

        /// <summary>The value of the member called <paramref name="name"/>, or null when there is none.</summary>
        public JsonValue Get(string name)
        {
            JsonMember m = GetMember(name);
            return m == null ? null : m.Value;
        }

        /// <summary>This value's kind for messages: "a string", "an object", "null"...</summary>
        public string Describe()
        {
            return Describe(_kind);
        }

        /// <summary>A kind for messages: "a string", "an object", "null"...</summary>
        public static string Describe(JsonKind kind)
        {
            switch (kind)
            {
                case JsonKind.Null: return "null";
                case JsonKind.Boolean: return "a boolean";
                case JsonKind.Number: return "a number";
                case JsonKind.String: return "a string";
                case JsonKind.Array: return "an array";
                default: return "an object";
            }
        }
    }
}
