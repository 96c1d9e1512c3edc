// Long files (recordings): append, patch in place, length; the same promises from the memory and on-disk stores.
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Hal.Simulated.Tests.Storage;

public abstract class LongFileTests
{
    protected abstract IStorage Store { get; }

    protected static byte[] B(string s) => System.Text.Encoding.ASCII.GetBytes(s);

    [Fact]
    public void Appending_creates_the_file_and_each_piece_lands_at_the_end()
    {
        Assert.True(Store.Append("rec/a.wav", B("xxHEAD"), 2, 4));
        Assert.True(Store.Append("rec/a.wav", B("-body-"), 0, 6));
        Assert.True(Store.Append("rec/a.wav", B("tail"), 0, 4));

        Assert.Equal(B("HEAD-body-tail"), Store.Read("rec/a.wav"));
        Assert.Equal(14, Store.Length("rec/a.wav"));
        Assert.Contains("rec/a.wav", Store.List());
    }

    [Fact]
    public void A_missing_file_has_length_minus_one_and_an_empty_one_zero()
    {
        Assert.Equal(-1, Store.Length("none.wav"));
        Assert.True(Store.Append("empty.wav", B(""), 0, 0));
        Assert.Equal(0, Store.Length("empty.wav"));
    }

    [Fact]
    public void Writing_at_a_position_patches_those_bytes_only()
    {
        Assert.True(Store.Append("rec/b.wav", B("RIFF0000WAVE"), 0, 12));
        Assert.True(Store.WriteAt("rec/b.wav", 4, B("..1234.."), 2, 4));

        Assert.Equal(B("RIFF1234WAVE"), Store.Read("rec/b.wav"));
    }

    [Fact]
    public void Writing_past_the_end_or_into_a_missing_file_is_refused_and_changes_nothing()
    {
        Assert.True(Store.Append("rec/c.wav", B("abcd"), 0, 4));

        Assert.False(Store.WriteAt("rec/c.wav", 2, B("xyz"), 0, 3));
        Assert.False(Store.WriteAt("rec/missing.wav", 0, B("x"), 0, 1));
        Assert.False(Store.WriteAt("rec/c.wav", -1, B("x"), 0, 1));

        Assert.Equal(B("abcd"), Store.Read("rec/c.wav"));
        Assert.Equal(-1, Store.Length("rec/missing.wav"));
    }

    [Fact]
    public void Bad_names_and_slices_are_refused()
    {
        Assert.False(Store.Append("../escape.wav", B("x"), 0, 1));
        Assert.False(Store.Append("rec/d.wav", B("x"), 0, 2));
        Assert.False(Store.Append("rec/d.wav", B("x"), -1, 1));
        Assert.Equal(-1, Store.Length("../escape.wav"));
        Assert.Equal(-1, Store.Length("rec/d.wav"));
    }

    [Fact]
    public void Reading_at_a_position_returns_that_piece_and_fewer_bytes_at_the_end()
    {
        Assert.True(Store.Append("rec/r.wav", B("RIFF0123456789"), 0, 14));
        var buffer = new byte[8];

        Assert.Equal(4, Store.ReadAt("rec/r.wav", 4, buffer, 2, 4));
        Assert.Equal(B("0123"), buffer[2..6]);
        Assert.Equal(3, Store.ReadAt("rec/r.wav", 11, buffer, 0, 8));
        Assert.Equal(B("789"), buffer[0..3]);
        Assert.Equal(0, Store.ReadAt("rec/r.wav", 14, buffer, 0, 8));
        Assert.Equal(0, Store.ReadAt("rec/r.wav", 100, buffer, 0, 8));
    }

    [Fact]
    public void Reading_a_long_file_piece_by_piece_gives_back_every_byte()
    {
        var data = new byte[10_000];
        new Random(7).NextBytes(data);
        Assert.True(Store.Append("rec/long.wav", data, 0, data.Length));

        var copy = new List<byte>();
        var piece = new byte[4096];
        int n;
        while ((n = Store.ReadAt("rec/long.wav", copy.Count, piece, 0, piece.Length)) > 0) copy.AddRange(piece[..n]);

        Assert.Equal(data, copy.ToArray());
    }

    [Fact]
    public void Reading_a_missing_file_a_bad_name_or_a_bad_slice_gives_minus_one()
    {
        Assert.True(Store.Append("rec/s.wav", B("abcd"), 0, 4));
        var buffer = new byte[4];

        Assert.Equal(-1, Store.ReadAt("rec/none.wav", 0, buffer, 0, 4));
        Assert.Equal(-1, Store.ReadAt("../rec/s.wav", 0, buffer, 0, 4));
        Assert.Equal(-1, Store.ReadAt("rec/s.wav", -1, buffer, 0, 4));
        Assert.Equal(-1, Store.ReadAt("rec/s.wav", 0, buffer, 1, 4));
        Assert.Equal(-1, Store.ReadAt("rec/s.wav", 0, buffer, -1, 2));
    }

    [Fact]
    public void An_appended_file_can_still_be_replaced_and_deleted()
    {
        Assert.True(Store.Append("rec/e.wav", B("old"), 0, 3));
        Assert.True(Store.WriteAtomic("rec/e.wav", B("new!"), 0, 4));
        Assert.Equal(4, Store.Length("rec/e.wav"));
        Assert.True(Store.Delete("rec/e.wav"));
        Assert.Equal(-1, Store.Length("rec/e.wav"));
    }
}

public sealed class MemoryStorageLongFileTests : LongFileTests
{
    private readonly MemoryStorage _store = new();

    protected override IStorage Store => _store;

    [Fact]
    public void A_full_drive_refuses_appends_and_patches_but_still_reads()
    {
        Assert.True(_store.Append("rec/f.wav", B("abcd"), 0, 4));
        _store.Full = true;

        Assert.False(_store.Append("rec/f.wav", B("e"), 0, 1));
        Assert.False(_store.WriteAt("rec/f.wav", 0, B("X"), 0, 1));
        Assert.False(_store.WriteAtomic("rec/g.wav", B("X"), 0, 1));
        Assert.Equal(B("abcd"), _store.Read("rec/f.wav"));

        _store.Full = false;
        Assert.True(_store.Append("rec/f.wav", B("e"), 0, 1));
    }
}

public sealed class DirectoryStorageLongFileTests : LongFileTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "deskphone-longfile-" + Guid.NewGuid().ToString("N"));
    private readonly DirectoryStorage _store;

    public DirectoryStorageLongFileTests() { _store = new DirectoryStorage(_root); }

    protected override IStorage Store => _store;

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Appended_bytes_are_on_disk_at_once_under_the_files_name()
    {
        Assert.True(_store.Append("rec/h.wav", B("abc"), 0, 3));

        Assert.Equal(B("abc"), File.ReadAllBytes(Path.Combine(_root, "rec", "h.wav")));
        Assert.Equal(B("abc"), new DirectoryStorage(_root).Read("rec/h.wav"));
    }
}
