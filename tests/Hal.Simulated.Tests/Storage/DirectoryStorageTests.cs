// The on-disk store: replace by rename, survive a cut before the rename, clean up, refuse bad names.
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Hal.Simulated.Tests.Storage;

public sealed class DirectoryStorageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "deskphone-storage-" + Guid.NewGuid().ToString("N"));
    private readonly DirectoryStorage _store;

    public DirectoryStorageTests() { _store = new DirectoryStorage(_root); }

    public void Dispose()
    {
        string parent = Path.GetDirectoryName(_root)!;
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        Assert.True(Directory.Exists(parent));
    }

    private static byte[] B(string s) => System.Text.Encoding.ASCII.GetBytes(s);

    private bool Write(DirectoryStorage store, string name, string text) { var b = B(text); return store.WriteAtomic(name, b, 0, b.Length); }

    private string[] FilesOnDisk() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(_root, p)).OrderBy(p => p, StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_root_is_created_when_missing()
    {
        Assert.True(Directory.Exists(_root));
    }

    [Fact]
    public void A_write_replaces_the_file_and_leaves_no_temporary_behind()
    {
        Assert.True(Write(_store, "history.bin", "old content"));
        Assert.True(Write(_store, "history.bin", "new"));

        Assert.Equal(B("new"), _store.Read("history.bin"));
        Assert.Equal(new[] { "history.bin" }, FilesOnDisk());
    }

    [Fact]
    public void A_write_into_a_folder_creates_the_folder()
    {
        Assert.True(Write(_store, "config/phones/desk-1.json", "{}"));

        Assert.Equal(B("{}"), File.ReadAllBytes(Path.Combine(_root, "config", "phones", "desk-1.json")));
    }

    [Fact]
    public void The_temporary_file_holds_the_whole_new_content_before_the_rename()
    {
        string? seen = null;
        byte[]? tmpContent = null;
        _store.BeforeRename = tmp => { seen = tmp; tmpContent = File.ReadAllBytes(tmp); };

        Assert.True(Write(_store, "a.bin", "payload"));

        Assert.Equal(Path.Combine(_root, "a.bin.tmp"), seen);
        Assert.Equal(B("payload"), tmpContent);
    }

    [Fact]
    public void A_power_cut_before_the_rename_keeps_the_old_content_and_the_next_start_removes_the_stray_tmp()
    {
        Assert.True(Write(_store, "config/device.json", "old"));
        _store.BeforeRename = _ => throw new IOException("power cut");

        Assert.False(Write(_store, "config/device.json", "new"));

        Assert.Equal(B("old"), _store.Read("config/device.json"));
        Assert.Contains(Path.Combine("config", "device.json.tmp"), FilesOnDisk());
        Assert.Equal(new[] { "config/device.json" }, _store.List());

        var restarted = new DirectoryStorage(_root);

        Assert.Equal(new[] { Path.Combine("config", "device.json") }, FilesOnDisk());
        Assert.Equal(B("old"), restarted.Read("config/device.json"));
    }

    [Fact]
    public void A_power_cut_during_the_first_write_leaves_no_file()
    {
        _store.BeforeRename = _ => throw new IOException("power cut");

        Assert.False(Write(_store, "history.bin", "new"));

        Assert.Null(_store.Read("history.bin"));
        Assert.Empty(_store.List());
    }

    [Fact]
    public void A_write_succeeds_again_after_a_power_cut()
    {
        _store.BeforeRename = _ => throw new IOException("power cut");
        Write(_store, "a", "1");
        _store.BeforeRename = null;

        Assert.True(Write(_store, "a", "2"));
        Assert.Equal(B("2"), _store.Read("a"));
        Assert.Equal(new[] { "a" }, FilesOnDisk());
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("../../etc/passwd")]
    [InlineData("/abs")]
    [InlineData("a//b")]
    [InlineData("x.tmp")]
    [InlineData("dir/x.tmp")]
    [InlineData("a/./b")]
    [InlineData("")]
    [InlineData("dir/")]
    public void Invalid_names_are_refused_and_nothing_is_written(string name)
    {
        string outside = Path.Combine(Path.GetDirectoryName(_root)!, "x");
        bool outsideExisted = File.Exists(outside);

        Assert.False(Write(_store, name, "data"));
        Assert.Null(_store.Read(name));
        Assert.False(_store.Delete(name));
        Assert.Empty(FilesOnDisk());
        Assert.Equal(outsideExisted, File.Exists(outside));
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(0, -1)]
    [InlineData(2, 2)]
    public void A_slice_outside_the_buffer_is_refused(int offset, int count)
    {
        Assert.False(_store.WriteAtomic("a", B("abc"), offset, count));
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public void List_names_every_file_with_forward_slashes_and_no_temporaries()
    {
        Write(_store, "history.bin", "h");
        Write(_store, "config/device.json", "{}");
        Write(_store, "config/keys/page2.json", "[]");
        File.WriteAllText(Path.Combine(_root, "config", "leftover.json.tmp"), "torn");

        Assert.Equal(new[] { "config/device.json", "config/keys/page2.json", "history.bin" },
            _store.List().OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Delete_removes_a_file_and_says_whether_there_was_one()
    {
        Write(_store, "a", "1");

        Assert.True(_store.Delete("a"));
        Assert.False(_store.Delete("a"));
        Assert.Null(_store.Read("a"));
        Assert.Empty(_store.List());
    }

    [Fact]
    public void Files_written_by_one_instance_are_read_by_the_next()
    {
        Write(_store, "config/device.json", "{\"id\":1}");

        var next = new DirectoryStorage(_root);

        Assert.Equal(B("{\"id\":1}"), next.Read("config/device.json"));
    }
}
