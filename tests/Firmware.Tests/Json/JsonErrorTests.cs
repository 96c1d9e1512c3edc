// Bad JSON is reported at the right place with a sentence a person can act on.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Tests.Json;

public class JsonErrorTests
{
    private static JsonError Fail(string text)
    {
        Assert.False(JsonReader.TryParse(text, out var value, out var error));
        Assert.Null(value);
        Assert.NotNull(error);
        return error!;
    }

    public static TheoryData<string, int, int, string> BadDocuments => new()
    {
        { "", 1, 1, "empty" },
        { "   \n  ", 2, 3, "empty" },
        { "{\"a\":1,}", 1, 8, "trailing comma before '}'" },
        { "[1,2,]", 1, 6, "trailing comma before ']'" },
        { "{\"a\":1 \"b\":2}", 1, 8, "missing comma" },
        { "[1 2]", 1, 4, "expected ',' or ']'" },
        { "{a:1}", 1, 2, "field names must be in double quotes" },
        { "{'a':1}", 1, 2, "field names must be in double quotes" },
        { "['a']", 1, 2, "double quotes" },
        { "{\"a\" 1}", 1, 6, "expected ':'" },
        { "{\"a\":}", 1, 6, "expected a value, found '}'" },
        { "// note\n{}", 1, 1, "comments are not allowed" },
        { "{\"a\": True}", 1, 7, "lower case" },
        { "{\"a\": yes}", 1, 7, "unexpected word 'yes'" },
        { "01", 1, 1, "leading zero" },
        { "-", 1, 1, "'-' must be followed by a digit" },
        { "+1", 1, 1, "expected a value, found '+'" },
        { ".5", 1, 1, "expected a value" },
        { "1.", 1, 1, "a digit must follow the decimal point" },
        { "1e", 1, 1, "exponent" },
        { "1x", 1, 1, "unexpected 'x' in a number" },
        { "1e999", 1, 1, "too large" },
        { "\"abc", 1, 1, "unexpected end of text in the string starting at line 1, column 1" },
        { "\"ab\ncd\"", 1, 1, "no closing quote on its line" },
        { "\"a\\qb\"", 1, 3, "unknown escape '\\q'" },
        { "\"\\u12G4\"", 1, 2, "four hex digits" },
        { "{}{}", 1, 3, "after the end of the document" },
        { "[1,\n  2,\n  {\"x\": [}\n]", 3, 10, "expected a value, found '}'" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void Bad_JSON_is_reported_at_its_line_and_column(string text, int line, int column, string fragment)
    {
        var error = Fail(text);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void An_error_names_the_path_of_the_value_being_read()
    {
        var error = Fail("{\"keys\": [{}, {\"target\": \"sip:\\x\"}]}");
        Assert.Equal("keys[1].target", error.Path);
        Assert.StartsWith("1:", error.ToString());
        Assert.Contains(": keys[1].target: unknown escape", error.ToString());
    }

    [Fact]
    public void Odd_field_names_are_quoted_in_the_path()
    {
        var error = Fail("{\"a b\": [tru]}");
        Assert.Equal("[\"a b\"][0]", error.Path);
    }

    [Fact]
    public void Duplicate_fields_are_all_reported_and_the_first_one_wins()
    {
        const string text = "{\n \"id\": 1,\n \"id\": 2,\n \"x\": {\"k\": 1, \"k\": 2},\n \"id\": 3\n}";
        Assert.False(JsonReader.TryParseAll(text, out var value, out var errors));
        Assert.Equal(3, errors.Length);
        Assert.Equal("3:2: id: duplicate field 'id' (first at line 2, column 2)", errors[0].ToString());
        Assert.Equal("x.k", errors[1].Path);
        Assert.Equal(5, errors[2].Line);
        Assert.NotNull(value);
        Assert.Equal(1, value!.Get("id").IntegerValue);
        Assert.Equal(2, value.Count);
    }

    [Fact]
    public void The_single_error_form_reports_a_duplicate_and_gives_no_tree()
    {
        var error = Fail("{\"a\":1,\"a\":1}");
        Assert.Contains("duplicate field 'a'", error.Message);
    }

    [Fact]
    public void A_null_text_is_an_empty_document_not_an_exception()
    {
        Assert.Contains("empty", Fail(null!).Message);
    }
}
