// Writing JSON the way our hand-written files look: short objects on one line, lists one entry per line.
using System.Text;
using System.Text.Json.Nodes;

namespace DeskPhone.Office.Files;

/// <summary>
/// Small JSON writing helpers. Strings keep their characters (a Japanese name stays readable);
/// only quotes, backslashes and control characters are escaped. Numbers keep the text they were read with.
/// </summary>
public static class JsonText
{
    /// <summary>"text" with JSON escapes.</summary>
    public static string Quote(string text) => DeskPhone.Firmware.Json.JsonWriter.Quote(text); // the phones' own writer: one set of escapes

    /// <summary>A value on one line: <c>{ "a": 1, "b": ["x", "y"] }</c>.</summary>
    public static string Inline(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject obj:
                return obj.Count == 0 ? "{}" : "{ " + string.Join(", ", obj.Select(m => Quote(m.Key) + ": " + Inline(m.Value))) + " }";
            case JsonArray array:
                return "[" + string.Join(", ", array.Select(Inline)) + "]";
            default:
                var value = node.AsValue();
                return value.TryGetValue(out string? s) ? Quote(s) : node.ToJsonString();
        }
    }

    /// <summary>A one-line object from name/value pairs, leaving out null values.</summary>
    public static string Object(params (string Name, JsonNode? Value)[] fields) =>
        Inline(Build(fields));

    /// <summary>A JsonObject from name/value pairs, leaving out null values.</summary>
    public static JsonObject Build(params (string Name, JsonNode? Value)[] fields)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (value != null) obj[name] = value;
        }
        return obj;
    }

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    /// <summary>
    /// Appends <c>"name": [</c>, one line per item at <paramref name="indent"/>+2, <c>]</c>; an empty list is <c>[]</c>.
    /// </summary>
    public static void List(StringBuilder sb, string indent, string name, IReadOnlyList<string> items, bool last)
    {
        sb.Append(indent).Append(Quote(name)).Append(": ");
        if (items.Count == 0)
        {
            sb.Append("[]");
        }
        else
        {
            sb.Append("[\n");
            for (int i = 0; i < items.Count; i++)
            {
                sb.Append(indent).Append("  ").Append(items[i]).Append(i == items.Count - 1 ? "\n" : ",\n");
            }
            sb.Append(indent).Append(']');
        }
        sb.Append(last ? "\n" : ",\n");
    }
}
