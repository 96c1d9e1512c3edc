// One long list of a document read item by item: each item handed over whole and not kept, other limits unchanged.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Tests.Json;

public class JsonStreamedArrayTests
{
    private sealed class Sink : IJsonItemSink
    {
        public readonly List<(int Index, JsonValue Item)> Items = new();
        public void Item(int index, JsonValue item) => Items.Add((index, item));
    }

    private static (bool Ok, JsonValue? Root, JsonError[] Errors, Sink Sink) Parse(string text, int maxText = 1 << 20)
    {
        var sink = new Sink();
        bool ok = JsonReader.TryParseStreamed(text, maxText, "contacts", sink, out JsonValue root, out JsonError[] errors);
        return (ok, root, errors, sink);
    }

    [Fact]
    public void The_named_lists_items_go_to_the_sink_in_order_with_their_places_and_the_tree_keeps_it_empty()
    {
        var (ok, root, errors, sink) = Parse("{\"version\": 2,\n \"contacts\": [{\"name\": \"A\"},\n  {\"name\": \"B\"}]}");
        Assert.True(ok);
        Assert.Empty(errors);
        Assert.Equal(new[] { 0, 1 }, sink.Items.Select(i => i.Index));
        Assert.Equal("B", sink.Items[1].Item.Get("name")!.StringValue);
        Assert.Equal((3, 3), (sink.Items[1].Item.Line, sink.Items[1].Item.Column));
        Assert.Equal(JsonKind.Array, root!.Get("contacts")!.Kind);
        Assert.Equal(0, root.Get("contacts")!.Count);
        Assert.Equal(2, root.Get("version")!.IntegerValue);
    }

    [Fact]
    public void The_streamed_list_has_no_entry_limit_but_the_texts()
    {
        string text = "{\"contacts\":[" + string.Join(",", Enumerable.Range(0, 5000).Select(i => i.ToString())) + "]}";
        var (ok, _, _, sink) = Parse(text);
        Assert.True(ok);
        Assert.Equal(5000, sink.Items.Count);
        Assert.Equal(4999, sink.Items[^1].Item.IntegerValue);
        var (tooLong, root, errors, _) = Parse(text, maxText: text.Length - 1);
        Assert.False(tooLong);
        Assert.Null(root);
        Assert.Equal("the text is " + text.Length + " characters long; the limit is " + (text.Length - 1), Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("{\"other\":[LIST]}", "other: the array has more than 1024 items")]
    [InlineData("{\"contacts\":[{\"numbers\":[LIST]}]}", "contacts[0].numbers: the array has more than 1024 items")]
    [InlineData("[LIST]", ": the array has more than 1024 items")]
    public void Lists_elsewhere_keep_the_1024_entry_limit(string shape, string error)
    {
        var (ok, root, errors, _) = Parse(shape.Replace("LIST", string.Join(",", Enumerable.Range(0, 1100).Select(i => i.ToString()))));
        Assert.False(ok);
        Assert.Null(root);
        Assert.EndsWith(error, Assert.Single(errors).Path + ": " + errors[0].Message);
    }

    [Fact]
    public void A_repeated_list_field_is_streamed_once_and_the_repeat_is_a_duplicate()
    {
        var (ok, root, errors, sink) = Parse("{\"contacts\":[1,2],\"contacts\":[3]}");
        Assert.False(ok);
        Assert.NotNull(root);
        Assert.Equal(new long[] { 1, 2 }, sink.Items.Select(i => i.Item.IntegerValue));
        Assert.StartsWith("duplicate field 'contacts'", Assert.Single(errors).Message);
    }

    [Fact]
    public void A_syntax_error_after_streamed_items_gives_no_tree()
    {
        var (ok, root, errors, sink) = Parse("{\"contacts\":[1,2,}");
        Assert.False(ok);
        Assert.Null(root);
        Assert.Equal(2, sink.Items.Count); // handed over before the error: the caller keeps them aside until a tree comes
        Assert.Single(errors);
    }
}
