// Reading well-formed JSON: kinds, positions, member order, escapes and numbers.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Tests.Json;

public class JsonReaderTests
{
    private static JsonValue Parse(string text)
    {
        Assert.True(JsonReader.TryParse(text, out var value, out var error), error?.ToString());
        Assert.Null(error);
        return value!;
    }

    [Fact]
    public void Every_value_knows_its_line_and_column()
    {
        var doc = Parse("{\n  \"a\": 1,\n  \"b\": [true,\n        null]\n}");
        Assert.Equal((1, 1), (doc.Line, doc.Column));
        Assert.Equal((2, 8), (doc.Get("a").Line, doc.Get("a").Column));
        var b = doc.Get("b");
        Assert.Equal((3, 8), (b.Line, b.Column));
        Assert.Equal((3, 9), (b[0].Line, b[0].Column));
        Assert.Equal((4, 9), (b[1].Line, b[1].Column));
        Assert.Equal((3, 3), (doc.GetMember("b").Line, doc.GetMember("b").Column));
    }

    [Fact]
    public void Windows_and_old_Mac_line_endings_each_count_as_one_line()
    {
        var doc = Parse("[1,\r\n2,\r3]");
        Assert.Equal(2, doc[1].Line);
        Assert.Equal(3, doc[2].Line);
        Assert.Equal(1, doc[2].Column);
    }

    [Fact]
    public void Objects_keep_their_members_in_file_order()
    {
        var doc = Parse("{\"z\":1,\"a\":2,\"m\":3}");
        Assert.Equal(new[] { "z", "a", "m" }, Enumerable.Range(0, doc.Count).Select(i => doc.MemberAt(i).Name));
    }

    [Fact]
    public void Field_lookup_is_exact_and_returns_null_for_a_missing_field()
    {
        var doc = Parse("{\"Name\":\"x\"}");
        Assert.Equal("x", doc.Get("Name").StringValue);
        Assert.Null(doc.Get("name"));
    }

    [Theory]
    [InlineData("null", JsonKind.Null)]
    [InlineData("true", JsonKind.Boolean)]
    [InlineData("false", JsonKind.Boolean)]
    [InlineData("0", JsonKind.Number)]
    [InlineData("\"\"", JsonKind.String)]
    [InlineData("[]", JsonKind.Array)]
    [InlineData("{}", JsonKind.Object)]
    [InlineData("  \t\r\n {} \n", JsonKind.Object)]
    public void Any_value_may_be_the_whole_document(string text, JsonKind kind)
    {
        Assert.Equal(kind, Parse(text).Kind);
    }

    [Theory]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("\"\\\\\\/\\b\\f\\n\\r\\t\"", "\\/\b\f\n\r\t")]
    [InlineData("\"\\u0041\\u00e9\\u20AC\"", "Aé€")]
    [InlineData("\"\\ud83d\\ude00\"", "\U0001F600")]
    [InlineData("\"\U0001F600 raw\"", "\U0001F600 raw")]
    [InlineData("\"\\u0000\"", "\0")]
    [InlineData("\"Grüße\"", "Grüße")]
    public void Escapes_and_surrogate_pairs_are_decoded(string text, string expected)
    {
        Assert.Equal(expected, Parse(text).StringValue);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("600", 600L)]
    [InlineData("-42", -42L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Whole_numbers_that_fit_a_long_stay_exact(string text, long expected)
    {
        var v = Parse(text);
        Assert.True(v.IsInteger);
        Assert.Equal(expected, v.IntegerValue);
        Assert.Equal(text, v.NumberText);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-0.25", -0.25)]
    [InlineData("6e2", 600.0)]
    [InlineData("6.0E+2", 600.0)]
    [InlineData("1e-3", 0.001)]
    [InlineData("3.14159", 3.14159)]
    [InlineData("123456789.125", 123456789.125)]
    [InlineData("9223372036854775808", 9223372036854775808.0)]
    [InlineData("1e308", 1e308)]
    [InlineData("2.5e-300", 2.5e-300)]
    [InlineData("0.000000000000000000001", 1e-21)]
    public void Other_numbers_become_doubles(string text, double expected)
    {
        var v = Parse(text);
        Assert.False(v.IsInteger);
        Assert.Equal(expected, v.NumberValue, Math.Abs(expected) * 1e-15);
    }

    [Fact]
    public void Doubles_within_the_fast_path_are_exact()
    {
        Assert.Equal(0.1, Parse("0.1").NumberValue);
        Assert.Equal(123.456, Parse("123.456").NumberValue);
        Assert.Equal(1e22, Parse("1e22").NumberValue);
    }

    [Fact]
    public void A_byte_order_mark_at_the_start_is_ignored()
    {
        var doc = Parse("\uFEFF{\"a\":1}");
        Assert.Equal(1, doc.Get("a").IntegerValue);
        Assert.Equal(1, doc.Column);
    }

    [Fact]
    public void Strings_and_arrays_at_the_limits_are_accepted()
    {
        Assert.Equal(JsonReader.MaxStringLength, Parse("\"" + new string('x', JsonReader.MaxStringLength) + "\"").StringValue.Length);
        var items = "[" + string.Join(",", Enumerable.Repeat("1", JsonReader.MaxEntries)) + "]";
        Assert.Equal(JsonReader.MaxEntries, Parse(items).Count);
        var nested = new string('[', JsonReader.MaxDepth) + new string(']', JsonReader.MaxDepth);
        Assert.Equal(JsonKind.Array, Parse(nested).Kind);
    }
}
