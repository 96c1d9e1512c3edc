// Key names as testers and board profiles write them, both ways.
using DeskPhone.Firmware.Input;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Input;

public class KeyCodesTests
{
    public static TheoryData<string, int> NamedKeys => new()
    {
        { "0", 0 }, { "1", 1 }, { "2", 2 }, { "3", 3 }, { "4", 4 }, { "5", 5 }, { "6", 6 }, { "7", 7 }, { "8", 8 }, { "9", 9 },
        { "*", KeyCodes.Star }, { "#", KeyCodes.Pound },
        { "hook", KeyCodes.Hook }, { "speaker", KeyCodes.Speaker }, { "headset", KeyCodes.Headset },
        { "mute", KeyCodes.Mute }, { "hold", KeyCodes.Hold }, { "transfer", KeyCodes.Transfer },
        { "dnd", KeyCodes.Dnd }, { "redial", KeyCodes.Redial }, { "park", KeyCodes.Park }, { "record", KeyCodes.Record },
        { "vol+", KeyCodes.VolumeUp }, { "vol-", KeyCodes.VolumeDown },
        { "up", KeyCodes.Up }, { "down", KeyCodes.Down }, { "left", KeyCodes.Left }, { "right", KeyCodes.Right },
        { "ok", KeyCodes.Ok }, { "back", KeyCodes.Back }, { "page", KeyCodes.Page },
        { "soft1", 41 }, { "soft2", 42 }, { "soft3", 43 }, { "soft4", 44 },
    };

    public static IEnumerable<object[]> LineNumbers => Enumerable.Range(1, KeyCodes.MaxLineKeys).Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(NamedKeys))]
    public void Every_named_key_parses_to_its_code_and_names_back(string name, int code)
    {
        Assert.True(KeyCodes.TryParse(name, out int parsed));
        Assert.Equal(code, parsed);
        Assert.Equal(name, KeyCodes.Name(code));
    }

    [Theory]
    [MemberData(nameof(LineNumbers))]
    public void Every_line_key_from_1_to_96_round_trips(int n)
    {
        string name = "line" + n;
        Assert.True(KeyCodes.TryParse(name, out int code));
        Assert.Equal(KeyCodes.LineBase + n, code);
        Assert.True(KeyCodes.IsLine(code));
        Assert.Equal(n, KeyCodes.LineNumber(code));
        Assert.Equal(name, KeyCodes.Name(code));
    }

    [Theory]
    [InlineData("HOOK", KeyCodes.Hook)]
    [InlineData("Line3", KeyCodes.LineBase + 3)]
    [InlineData("LINE96", KeyCodes.LineBase + 96)]
    [InlineData("Soft2", 42)]
    [InlineData("VOL+", KeyCodes.VolumeUp)]
    public void Names_are_not_case_sensitive(string name, int code)
    {
        Assert.True(KeyCodes.TryParse(name, out int parsed));
        Assert.Equal(code, parsed);
    }

    [Theory]
    [InlineData("line0")]
    [InlineData("line97")]
    [InlineData("line100")]
    [InlineData("line99999999999999999999")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("line")]
    [InlineData("lineX")]
    [InlineData("line1x")]
    [InlineData("line-1")]
    [InlineData("line 1")]
    [InlineData(" hook")]
    [InlineData("soft5")]
    [InlineData("10")]
    [InlineData("key5")]
    [InlineData("volume")]
    public void Names_no_key_has_are_rejected(string? name)
    {
        Assert.False(KeyCodes.TryParse(name!, out int code));
        Assert.Equal(-1, code);
    }

    [Theory]
    [InlineData(12, "key12")]
    [InlineData(99, "key99")]
    [InlineData(100, "key100")]
    [InlineData(197, "key197")]
    [InlineData(-3, "key-3")]
    public void Codes_without_a_name_are_named_by_number(int code, string name)
    {
        Assert.Equal(name, KeyCodes.Name(code));
    }

    [Theory]
    [InlineData(100, false)]
    [InlineData(101, true)]
    [InlineData(196, true)]
    [InlineData(197, false)]
    [InlineData(KeyCodes.Hook, false)]
    public void Only_codes_101_to_196_are_line_keys(int code, bool isLine)
    {
        Assert.Equal(isLine, KeyCodes.IsLine(code));
    }

    [Theory]
    [InlineData(0, '0')]
    [InlineData(7, '7')]
    [InlineData(9, '9')]
    [InlineData(KeyCodes.Star, '*')]
    [InlineData(KeyCodes.Pound, '#')]
    public void Dial_pad_keys_map_to_their_characters(int code, char c)
    {
        Assert.True(KeyCodes.IsDialPad(code));
        Assert.Equal(c, KeyCodes.DialChar(code));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(12)]
    [InlineData(KeyCodes.Hook)]
    [InlineData(KeyCodes.LineBase + 1)]
    public void Other_keys_are_not_on_the_dial_pad(int code)
    {
        Assert.False(KeyCodes.IsDialPad(code));
    }

    [Fact]
    public void Only_volume_and_navigation_keys_repeat()
    {
        var repeating = Enumerable.Range(-1, 200).Where(KeyTiming.Repeats).ToArray();
        Assert.Equal(new[] { KeyCodes.VolumeUp, KeyCodes.VolumeDown, KeyCodes.Up, KeyCodes.Down, KeyCodes.Left, KeyCodes.Right }, repeating);
    }
}
