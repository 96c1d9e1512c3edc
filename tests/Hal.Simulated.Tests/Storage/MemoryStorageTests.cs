// The in-memory store: atomic replace, copies in and out, and the power-cut knob.
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Hal.Simulated.Tests.Storage;

public class MemoryStorageTests
{
    private readonly MemoryStorage _store = new();

    private static byte[] B(string s) => System.Text.Encoding.ASCII.GetBytes(s);

    private bool Write(string name, string text) { var b = B(text); return _store.WriteAtomic(name, b, 0, b.Length); }

    [Fact]
    public void A_written_file_reads_back_and_a_missing_one_reads_null()
    {
        Assert.True(Write("config/device.json", "{}"));
        Assert.Equal(B("{}"), _store.Read("config/device.json"));
        Assert.Null(_store.Read("history.bin"));
    }

    [Fact]
    public void A_write_takes_only_the_given_slice()
    {
        Assert.True(_store.WriteAtomic("a", B("xxHELLOyy"), 2, 5));
        Assert.Equal(B("HELLO"), _store.Read("a"));
    }

    [Fact]
    public void The_store_keeps_its_own_copy_in_and_out()
    {
        var data = B("abc");
        _store.WriteAtomic("a", data, 0, 3);
        data[0] = (byte)'X';
        var read = _store.Read("a")!;
        read[1] = (byte)'Y';

        Assert.Equal(B("abc"), _store.Read("a"));
    }

    [Fact]
    public void A_power_cut_during_a_write_leaves_the_old_content()
    {
        Write("history.bin", "old");
        _store.CutPowerDuringNextWrite(3);

        Assert.False(Write("history.bin", "new content"));

        Assert.Equal(B("old"), _store.Read("history.bin"));
        Assert.Equal(1, _store.CutWrites);
    }

    [Fact]
    public void A_power_cut_during_the_first_write_leaves_no_file()
    {
        _store.CutPowerDuringNextWrite(0);
        Assert.False(Write("history.bin", "new"));
        Assert.Null(_store.Read("history.bin"));
        Assert.Empty(_store.List());
    }

    [Fact]
    public void The_power_cut_knob_affects_only_the_next_write()
    {
        _store.CutPowerDuringNextWrite(1);
        Assert.False(Write("a", "12345"));
        Assert.True(Write("a", "12345"));
        Assert.Equal(B("12345"), _store.Read("a"));
        Assert.Equal(1, _store.CutWrites);
    }

    [Fact]
    public void A_cut_after_every_byte_was_written_does_not_harm_the_write()
    {
        _store.CutPowerDuringNextWrite(5);
        Assert.True(Write("a", "12345"));
        Assert.Equal(0, _store.CutWrites);
        Assert.True(Write("a", "67890"));   // the knob was used up
        Assert.Equal(B("67890"), _store.Read("a"));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/abs")]
    [InlineData("a//b")]
    [InlineData("x.tmp")]
    [InlineData("")]
    public void Invalid_names_are_refused(string name)
    {
        Assert.False(Write(name, "data"));
        Assert.Null(_store.Read(name));
        Assert.Empty(_store.List());
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(0, -1)]
    [InlineData(2, 2)]
    [InlineData(0, 4)]
    public void A_slice_outside_the_buffer_is_refused(int offset, int count)
    {
        Assert.False(_store.WriteAtomic("a", B("abc"), offset, count));
        Assert.Null(_store.Read("a"));
    }

    [Fact]
    public void Delete_removes_a_file_and_says_whether_there_was_one()
    {
        Write("a", "1");
        Assert.True(_store.Delete("a"));
        Assert.False(_store.Delete("a"));
        Assert.Null(_store.Read("a"));
    }

    [Fact]
    public void List_names_every_file()
    {
        Write("config/device.json", "{}");
        Write("history.bin", "h");
        Write("history.bin", "h2");

        Assert.Equal(new[] { "config/device.json", "history.bin" }, _store.List().OrderBy(n => n, StringComparer.Ordinal));
    }
}
