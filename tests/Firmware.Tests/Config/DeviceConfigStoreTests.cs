// The running configuration only ever changes to a file that is entirely valid.
using DeskPhone.Firmware.Config;
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Config;

public class DeviceConfigStoreTests
{
    [Fact]
    public void A_bad_file_never_replaces_the_running_config()
    {
        var store = new DeviceConfigStore();
        Assert.True(store.TryReplace("good.json", Complete, out var none));
        Assert.Equal(0, none.Count);
        var running = store.Current;
        var changes = 0;
        store.Changed += (_, _) => changes++;

        // Valid JSON, device section fine, one bad key at the end: nothing of it may apply.
        var bad = Complete.Replace("Reception", "Lobby").Replace("\"feature\": \"dnd\"", "\"feature\": \"dnt\"");
        Assert.False(store.TryReplace("bad.json", bad, out var errors));

        Assert.Same(running, store.Current);
        Assert.Equal("Reception", store.Current.Device.Name);
        Assert.Equal(1, store.Generation);
        Assert.Equal(0, changes);
        Assert.Contains("bad.json:", errors.ToString());
        Assert.Contains("keys[5].feature: 'dnt' is not a feature (did you mean 'dnd'?)", errors.ToString());
    }

    [Fact]
    public void A_file_with_a_syntax_error_leaves_the_running_config_alone()
    {
        var store = new DeviceConfigStore();
        store.TryReplace("good.json", Complete, out _);
        var running = store.Current;
        Assert.False(store.TryReplace("cut.json", Complete.Substring(0, Complete.Length / 2), out var errors));
        Assert.Same(running, store.Current);
        Assert.Single(Lines(errors));
    }

    [Fact]
    public void A_good_file_replaces_the_config_and_says_so()
    {
        var store = new DeviceConfigStore();
        DeviceConfig? before = null, after = null;
        store.Changed += (previous, current) => { before = previous; after = current; };

        Assert.True(store.TryReplace("a.json", Complete, out _));
        Assert.Null(before);
        Assert.Same(store.Current, after);
        var first = store.Current;

        Assert.True(store.TryReplace("b.json", Minimal, out _));
        Assert.Same(first, before);
        Assert.Equal("b.json", store.Current.FileName);
        Assert.Equal(2, store.Generation);
    }

    [Fact]
    public void A_store_that_never_loaded_a_good_file_has_no_config()
    {
        var store = new DeviceConfigStore();
        Assert.False(store.TryReplace("bad.json", "{}", out _));
        Assert.Null(store.Current);
        Assert.Equal(0, store.Generation);
    }
}
