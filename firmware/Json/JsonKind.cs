// The six kinds of JSON value.
namespace DeskPhone.Firmware.Json
{
    /// <summary>What a <see cref="JsonValue"/> holds.</summary>
    public enum JsonKind
    {
        /// <summary>The literal <c>null</c>.</summary>
        Null = 0,
        /// <summary><c>true</c> or <c>false</c>.</summary>
        Boolean = 1,
        /// <summary>A number: an integer that fits a long, or a double.</summary>
        Number = 2,
        /// <summary>A string (escapes already decoded).</summary>
        String = 3,
        /// <summary>An ordered list of values.</summary>
        Array = 4,
        /// <summary>Named members, in file order, names unique.</summary>
        Object = 5
    }
}
