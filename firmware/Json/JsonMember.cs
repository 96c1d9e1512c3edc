// One "name": value pair of a JSON object.
namespace DeskPhone.Firmware.Json
{
    /// <summary>A member of a JSON object: its name, where the name was written, and its value.</summary>
    public sealed class JsonMember
    {
        internal JsonMember(string name, int line, int column, JsonValue value)
        {
            Name = name;
            Line = line;
            Column = column;
            Value = value;
        }

        /// <summary>The member's name, escapes decoded.</summary>
        public string Name { get; private set; }

        /// <summary>1-based line of the name's opening quote.</summary>
        public int Line { get; private set; }

        /// <summary>1-based column of the name's opening quote.</summary>
        public int Column { get; private set; }

        /// <summary>The member's value; never null.</summary>
        public JsonValue Value { get; private set; }
    }
}
