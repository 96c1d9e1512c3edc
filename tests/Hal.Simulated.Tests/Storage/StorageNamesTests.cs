// Which storage names are allowed: short relative paths that cannot climb out or collide with temporaries.
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Hal.Simulated.Tests.Storage;

public class StorageNamesTests
{
    [Theory]
    [InlineData("history.bin")]
    [InlineData("config/device.json")]
    [InlineData("a/b/c/d.e")]
    [InlineData("A-Z_0-9.txt")]
    [InlineData("x")]
    [InlineData("notes.tmpx")]
    [InlineData("tmp/file")]
    public void Short_relative_names_are_valid(string name)
    {
        Assert.True(StorageNames.IsValid(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/./b")]
    [InlineData("/abs")]
    [InlineData("a//b")]
    [InlineData("dir/")]
    [InlineData("x.tmp")]
    [InlineData("dir/x.tmp")]
    [InlineData("a\\b")]
    [InlineData("a b")]
    [InlineData("C:x")]
    [InlineData("caf\u00e9")]
    [InlineData("nul\0")]
    public void Names_that_could_escape_or_clash_are_invalid(string? name)
    {
        Assert.False(StorageNames.IsValid(name));
    }

    [Fact]
    public void Names_up_to_96_characters_are_valid_and_longer_ones_are_not()
    {
        Assert.True(StorageNames.IsValid(new string('a', StorageNames.MaxLength)));
        Assert.False(StorageNames.IsValid(new string('a', StorageNames.MaxLength + 1)));
    }
}
