// Hostile device files fail cleanly: no exception, bounded error lists, clear first error.
using DeskPhone.Firmware.Config;
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Config;

public class DeviceConfigHostileInputTests
{
    [Fact]
    public void A_thousand_broken_keys_give_a_bounded_error_list()
    {
        var keys = string.Join(",\n", Enumerable.Repeat("""{ "kind": "blf", "target": "sip:x@", "page": 0, "extra": 1 }""", 1000));
        var errors = Errors(WithKeys(keys));
        Assert.Equal(ConfigErrors.MaxErrors, errors.Count);
        Assert.True(errors.Truncated);
        Assert.EndsWith("test.json: more than 100 errors; the rest are not shown", errors.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0")]
    [InlineData("{")]
    [InlineData("{\"device\":")]
    [InlineData("null")]
    [InlineData("\"device\"")]
    public void Empty_truncated_or_odd_text_is_an_error_not_an_exception(string text)
    {
        var errors = Errors(text);
        Assert.StartsWith("test.json:1:", errors[0].ToString());
    }

    [Fact]
    public void A_deeply_nested_file_is_refused()
    {
        var text = "{\"device\":" + new string('[', 5000);
        Assert.Contains("deeper than 32", Errors(text)[0].Message);
    }

    [Fact]
    public void A_huge_file_is_refused()
    {
        var text = Complete + new string(' ', 300_000);
        var error = Assert.Single(Lines(Errors(text)));
        Assert.Equal($"test.json:1:1: the text is {text.Length} characters long; the limit is 262144", error);
    }

    [Fact]
    public void Every_prefix_of_a_valid_file_fails_without_throwing()
    {
        for (int i = 0; i < Complete.Length; i += 7)
        {
            Assert.False(DeviceConfigLoader.TryLoad("cut.json", Complete.Substring(0, i), out var config, out var errors));
            Assert.Null(config);
            Assert.True(errors.Count > 0);
        }
    }

    [Fact]
    public void Unprintable_field_names_are_shown_safely()
    {
        var text = Minimal.Replace("\"board\"", "\"bo\\u0000ard\": 1, \"board\"");
        Assert.Equal(new[] { "device.bo?ard: unknown field 'bo?ard' in device (did you mean 'board'?)" }, Messages(Errors(text)));
    }
}
