// JSON written by hand for the API and webhooks: every string escaped so the text is valid whatever it holds.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Tests.Json;

public class JsonWriterTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("line\nbreak\r\ttab", "\"line\\nbreak\\r\\ttab\"")]
    [InlineData("\u0001\u001f\u007f", "\"\\u0001\\u001f\\u007f\"")]
    [InlineData("sep\u2028arator", "\"sep\\u2028arator\"")]
    [InlineData("Zoë 日本", "\"Zoë 日本\"")]
    public void Strings_are_escaped_per_rfc_8259(string value, string expected)
    {
        Assert.Equal(expected, JsonWriter.Quote(value));
    }

    [Fact]
    public void An_object_with_every_kind_of_field_reads_back_the_same()
    {
        string nested = new JsonWriter().Field("n", 1).Close();
        string text = new JsonWriter()
            .Field("name", "O'Brien \"Bob\"\n")
            .Field("none", (string?)null)
            .Field("count", 42L)
            .Field("ok", true)
            .Raw("inner", nested)
            .Raw("nothing", null!)
            .Close();
        Assert.True(JsonReader.TryParse(text, out var v, out var error), error?.Message);
        Assert.Equal("O'Brien \"Bob\"\n", v.Get("name").StringValue);
        Assert.Equal(JsonKind.Null, v.Get("none").Kind);
        Assert.Equal(42, v.Get("count").IntegerValue);
        Assert.True(v.Get("ok").BooleanValue);
        Assert.Equal(1, v.Get("inner").Get("n").IntegerValue);
        Assert.Equal(JsonKind.Null, v.Get("nothing").Kind);
    }

    [Fact]
    public void Random_text_always_makes_valid_json_that_reads_back()
    {
        var random = new Random(3);
        for (int i = 0; i < 500; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int k = 0; k < chars.Length; k++) chars[k] = (char)random.Next(0, 0xD7FF);
            string s = new string(chars);
            Assert.True(JsonReader.TryParse(new JsonWriter().Field("s", s).Close(), out var v, out _));
            Assert.Equal(s, v.Get("s").StringValue);
        }
    }
}
