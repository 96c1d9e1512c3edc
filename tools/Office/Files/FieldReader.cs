// Typed, located reading of one JSON object of office.json; every problem becomes an OfficeError.
using System.Text.Json.Nodes;
using JsonValue = DeskPhone.Firmware.Json.JsonValue;
using DeskPhone.Firmware.Json;
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Files;

/// <summary>
/// The fields of one object ("users[1]"): missing, mistyped, empty or unknown fields are errors at
/// their position; getters return null after an error so that reading goes on and every error is found.
/// </summary>
internal sealed class FieldReader
{
    private readonly JsonValue _value;
    private readonly OfficeErrors _errors;
    private readonly string[] _allowed;

    private FieldReader(JsonValue value, string path, string[] allowed, OfficeErrors errors)
    {
        _value = value;
        Path = path;
        _allowed = allowed;
        _errors = errors;
    }

    public string Path { get; }

    public JsonValue Value => _value;

    /// <summary>A reader for <paramref name="value"/> if it is an object (unknown fields reported), else null and an error.</summary>
    public static FieldReader? Open(JsonValue value, string path, string[] allowed, OfficeErrors errors)
    {
        if (value.Kind != JsonKind.Object)
        {
            errors.Add(value, path, "expected an object, found " + value.Describe());
            return null;
        }
        var reader = new FieldReader(value, path, allowed, errors);
        for (int i = 0; i < value.Count; i++)
        {
            JsonMember m = value.MemberAt(i);
            if (!allowed.Contains(m.Name))
            {
                errors.Add(m.Line, m.Column, reader.FieldPath(m.Name),
                    $"unknown field '{m.Name}' {(path.Length == 0 ? "at the top level" : "in " + path)}{Spelling.Hint(m.Name, allowed)}");
            }
        }
        return reader;
    }

    public string FieldPath(string name) => Path.Length == 0 ? name : Path + "." + name;

    public JsonValue? Get(string name) => _value.Get(name);

    /// <summary>An error at the field's value (or at the object when the field is absent).</summary>
    public void ErrorAt(string name, string message) => _errors.Add(_value.Get(name) ?? _value, FieldPath(name), message);

    public string? String(string name, bool required, int maxLength = 64)
    {
        JsonValue? v = _value.Get(name);
        if (v == null)
        {
            if (required) _errors.Add(_value, Path, $"missing required field '{name}'");
            return null;
        }
        if (v.Kind != JsonKind.String)
        {
            ErrorAt(name, "expected a string, found " + v.Describe());
            return null;
        }
        string s = v.StringValue;
        if (s.Length == 0)
        {
            ErrorAt(name, "must not be empty");
            return null;
        }
        if (s.Length > maxLength)
        {
            ErrorAt(name, $"is {s.Length} characters long; at most {maxLength} are allowed");
            return null;
        }
        if (s.Any(c => c < ' ' || c == '\u007f'))
        {
            ErrorAt(name, "contains a control character");
            return null;
        }
        return s;
    }

    /// <summary>Letters, digits, '-' and '_' (ids, board names).</summary>
    public string? Identifier(string name, bool required)
    {
        string? s = String(name, required, 32);
        if (s != null && !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            ErrorAt(name, $"'{s}' may only contain letters, digits, '-' and '_'");
            return null;
        }
        return s;
    }

    public int? Integer(string name, int min, int max)
    {
        JsonValue? v = _value.Get(name);
        if (v == null) return null;
        if (v.Kind != JsonKind.Number || !v.IsInteger)
        {
            ErrorAt(name, "expected a whole number, found " + v.Describe());
            return null;
        }
        if (v.IntegerValue < min || v.IntegerValue > max)
        {
            ErrorAt(name, $"{v.NumberText} is out of range ({min}-{max})");
            return null;
        }
        return (int)v.IntegerValue;
    }

    public bool? Boolean(string name)
    {
        JsonValue? v = _value.Get(name);
        if (v == null) return null;
        if (v.Kind != JsonKind.Boolean)
        {
            ErrorAt(name, "expected true or false, found " + v.Describe());
            return null;
        }
        return v.BooleanValue;
    }

    /// <summary>An array or object field (by <paramref name="kind"/>); null when absent or wrong.</summary>
    public JsonValue? Container(string name, JsonKind kind, bool required)
    {
        JsonValue? v = _value.Get(name);
        if (v == null)
        {
            if (required) _errors.Add(_value, Path, $"missing required field '{name}'");
            return null;
        }
        if (v.Kind != kind)
        {
            ErrorAt(name, $"expected {JsonValue.Describe(kind)}, found {v.Describe()}");
            return null;
        }
        return v;
    }

    /// <summary>An array of strings; null when absent or wrong.</summary>
    public List<(string Text, JsonValue At)>? Strings(string name, int maxLength = 64)
    {
        JsonValue? v = Container(name, JsonKind.Array, false);
        if (v == null) return null;
        var result = new List<(string, JsonValue)>();
        for (int i = 0; i < v.Count; i++)
        {
            JsonValue item = v[i];
            if (item.Kind != JsonKind.String || item.StringValue.Length == 0 || item.StringValue.Length > maxLength)
            {
                _errors.Add(item, $"{FieldPath(name)}[{i}]", item.Kind != JsonKind.String
                    ? "expected a string, found " + item.Describe()
                    : $"must be 1-{maxLength} characters");
                continue;
            }
            result.Add((item.StringValue, item));
        }
        return result;
    }

    /// <summary>An object field copied as it is (for the device file's own loader to check), or null.</summary>
    public JsonObject? Object(string name)
    {
        JsonValue? v = Container(name, JsonKind.Object, false);
        return v == null ? null : (JsonObject)JsonCopy.ToNode(v)!;
    }
}

/// <summary>The errors found in one file, sorted by position when read.</summary>
internal sealed class OfficeErrors(string file)
{
    private readonly List<OfficeError> _list = new();

    public int Count => _list.Count;

    public void Add(JsonValue at, string path, string message) => Add(at.Line, at.Column, path, message);

    public void Add(int line, int column, string path, string message) => _list.Add(new OfficeError(file, line, column, path, message));

    public IReadOnlyList<OfficeError> Sorted() =>
        _list.OrderBy(e => e.Line).ThenBy(e => e.Column).ThenBy(e => e.Path, StringComparer.Ordinal).ToList();
}

/// <summary>Copies a firmware JSON tree into System.Text.Json nodes, keeping field order and number text.</summary>
internal static class JsonCopy
{
    public static JsonNode? ToNode(JsonValue v)
    {
        switch (v.Kind)
        {
            case JsonKind.Null: return null;
            case JsonKind.Boolean: return JsonValue_(v.BooleanValue);
            case JsonKind.String: return System.Text.Json.Nodes.JsonValue.Create(v.StringValue);
            case JsonKind.Number: return JsonNode.Parse(v.NumberText);
            case JsonKind.Array:
                var array = new JsonArray();
                for (int i = 0; i < v.Count; i++) array.Add(ToNode(v[i]));
                return array;
            default:
                var obj = new JsonObject();
                for (int i = 0; i < v.Count; i++)
                {
                    JsonMember m = v.MemberAt(i);
                    obj[m.Name] = ToNode(m.Value);
                }
                return obj;
        }
    }

    private static JsonNode JsonValue_(bool b) => System.Text.Json.Nodes.JsonValue.Create(b);
}
