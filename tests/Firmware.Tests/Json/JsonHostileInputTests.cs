// Hostile or broken input never throws and never exhausts the device: it earns a clear error.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Tests.Json;

public class JsonHostileInputTests
{
    private static JsonError Fail(string text)
    {
        Assert.False(JsonReader.TryParse(text, out var value, out var error));
        Assert.Null(value);
        return error!;
    }

    [Fact]
    public void Nesting_deeper_than_32_levels_is_refused_where_it_goes_too_deep()
    {
        var error = Fail(new string('[', 100_000));
        Assert.Equal(1, error.Line);
        Assert.Equal(JsonReader.MaxDepth + 1, error.Column);
        Assert.Contains("deeper than 32", error.Message);
    }

    [Fact]
    public void Deep_objects_are_refused_too()
    {
        var text = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);
        Assert.Contains("deeper than 32", Fail(text).Message);
    }

    [Fact]
    public void A_text_over_256_KB_is_refused_before_it_is_read()
    {
        var error = Fail("\"" + new string('x', JsonReader.MaxTextLength) + "\"");
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("limit is 262144", error.Message);
    }

    [Fact]
    public void A_string_over_4096_characters_is_refused()
    {
        var error = Fail("[\"" + new string('y', JsonReader.MaxStringLength + 1) + "\"]");
        Assert.Equal(2, error.Column);
        Assert.Contains("longer than 4096", error.Message);
    }

    [Fact]
    public void A_string_made_long_by_escapes_is_refused_too()
    {
        var text = "\"" + string.Concat(Enumerable.Repeat("\\u0041", JsonReader.MaxStringLength + 1)) + "\"";
        Assert.Contains("longer than 4096", Fail(text).Message);
    }

    [Fact]
    public void A_field_name_over_4096_characters_is_refused()
    {
        Assert.Contains("longer than 4096", Fail("{\"" + new string('n', 5000) + "\":1}").Message);
    }

    [Fact]
    public void An_array_with_more_than_1024_items_is_refused()
    {
        var text = "[" + string.Join(",", Enumerable.Repeat("0", JsonReader.MaxEntries + 1)) + "]";
        Assert.Contains("more than 1024 items", Fail(text).Message);
    }

    [Fact]
    public void An_object_with_more_than_1024_fields_is_refused()
    {
        var text = "{" + string.Join(",", Enumerable.Range(0, JsonReader.MaxEntries + 1).Select(i => $"\"k{i}\":0")) + "}";
        Assert.Contains("more than 1024 fields", Fail(text).Message);
    }

    [Fact]
    public void A_very_long_number_is_refused()
    {
        Assert.Contains("longer than 64", Fail(new string('9', 1000)).Message);
    }

    [Fact]
    public void A_raw_NUL_inside_a_string_must_be_escaped()
    {
        var error = Fail("{\"a\":\"x\0y\"}");
        Assert.Equal(8, error.Column);
        Assert.Contains("control character U+0000", error.Message);
    }

    [Fact]
    public void A_NUL_outside_a_string_is_an_unexpected_character()
    {
        Assert.Contains("U+0000", Fail("{\"a\":1}\0").Message);
        Assert.Contains("U+0000", Fail("\0").Message);
    }

    // Lone surrogates cannot travel through test-case serialisation, so cases spell them {D800}.
    [Theory]
    [InlineData("\"{D800}\"", "unpaired surrogate U+D800")]
    [InlineData("\"a{DC00}\"", "unpaired surrogate U+DC00")]
    [InlineData("\"{D800}x\"", "unpaired surrogate U+D800")]
    [InlineData("\"{DC00}{D800}\"", "unpaired surrogate U+DC00")]
    [InlineData("\"\\uD800\"", "first half of a surrogate pair")]
    [InlineData("\"\\uD800\\u0041\"", "first half of a surrogate pair")]
    [InlineData("\"\\uDC00\"", "second half of a surrogate pair")]
    [InlineData("{D800}", "U+D800")]
    [InlineData("{\"{DBFF}\": 1}", "unpaired surrogate U+DBFF")]
    public void Invalid_UTF16_surrogates_are_refused(string pattern, string fragment)
    {
        var text = pattern.Replace("{D800}", "\uD800").Replace("{DC00}", "\uDC00").Replace("{DBFF}", "\uDBFF");
        Assert.Contains(fragment, Fail(text).Message);
    }

    public static TheoryData<int> Cuts => new() { 1, 2, 5, 9, 10, 14, 20, 27, 33, 40 };

    [Theory]
    [MemberData(nameof(Cuts))]
    public void Truncated_input_is_reported_as_unexpected_end_of_text(int length)
    {
        const string whole = "{\"a\": [1, 2.5e3, \"x\\u0041\", true], \"b\": {\"c\": null}}";
        var error = Fail(whole.Substring(0, length));
        Assert.Contains("end of text", error.Message);
    }

    [Fact]
    public void Every_prefix_of_a_document_fails_cleanly()
    {
        const string whole = "{\"device\": {\"id\": \"a\\ud83d\\ude00\", \"n\": -1.5e-3, \"l\": [true, false, null]}}";
        for (int i = 0; i < whole.Length; i++)
        {
            Assert.False(JsonReader.TryParse(whole.Substring(0, i), out _, out var error), whole.Substring(0, i));
            Assert.NotNull(error);
        }
        Assert.True(JsonReader.TryParse(whole, out _, out _));
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new Random(3261);
        const string alphabet = "{}[]:,\"\\u0123456789abcdefE+-.tfnrl \n\t\0\uD800\uDC00";
        for (int round = 0; round < 3000; round++)
        {
            var chars = new char[random.Next(0, 60)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }
            var text = new string(chars);
            var ok = JsonReader.TryParseAll(text, out var value, out var errors);
            Assert.Equal(ok, errors.Length == 0);
            Assert.True(ok ? value != null : errors[0].Message.Length > 0);
        }
    }

    [Fact]
    public void Error_messages_do_not_echo_huge_or_unprintable_names()
    {
        var name = new string('k', 3000) + "\u0001";
        var error = Fail("{\"" + name + "\" 1}");
        Assert.True(error.Message.Length < 120, error.Message);
    }
}
