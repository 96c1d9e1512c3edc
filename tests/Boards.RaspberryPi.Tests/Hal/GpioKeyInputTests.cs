// Kernel edge events (crafted gpio_v2_line_event bytes) to raw key edges, through a fake line set.
using DeskPhone.Boards.RaspberryPi.Hal;
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Tests.Hal;

public sealed class GpioKeyInputTests
{
    private static readonly KeyLine[] Keys =
    [
        new(5, KeyCodes.Line(1)),
        new(6, KeyCodes.Hook),
        new(26, KeyCodes.Mute, ActiveLow: false),
    ];

    private static (GpioKeyInput Input, List<(int Key, bool Down)> Edges, ListLog Log) Open(FakeGpioLines lines)
    {
        var log = new ListLog();
        var input = new GpioKeyInput(lines, Keys, log, startReader: run => run());   // the reader loop runs here, to the end of the queued events
        var edges = new List<(int, bool)>();
        input.Open((key, down) => edges.Add((key, down)));
        return (input, edges, log);
    }

    [Fact]
    public void Rising_edge_is_a_press_and_falling_edge_a_release()
    {
        var lines = new FakeGpioLines(5, 6, 26);
        lines.Reads.Enqueue(EdgeBytes.Of((5, GpioEdge.Rising), (5, GpioEdge.Falling)));
        var (_, edges, _) = Open(lines);
        Assert.Equal([(KeyCodes.Line(1), true), (KeyCodes.Line(1), false)], edges);
    }

    [Fact]
    public void Bounces_are_passed_on_every_one_for_the_portable_debounce()
    {
        var lines = new FakeGpioLines(5, 6, 26);
        lines.Reads.Enqueue(EdgeBytes.Of((6, GpioEdge.Rising), (6, GpioEdge.Falling), (6, GpioEdge.Rising)));
        lines.Reads.Enqueue(EdgeBytes.Of((6, GpioEdge.Falling)));
        var (input, edges, _) = Open(lines);
        Assert.Equal([(KeyCodes.Hook, true), (KeyCodes.Hook, false), (KeyCodes.Hook, true), (KeyCodes.Hook, false)], edges);
        Assert.Equal(4, input.Edges);
    }

    [Fact]
    public void Edges_of_several_keys_in_one_read_keep_their_order()
    {
        var lines = new FakeGpioLines(5, 6, 26);
        lines.Reads.Enqueue(EdgeBytes.Of((26, GpioEdge.Rising), (5, GpioEdge.Rising), (26, GpioEdge.Falling)));
        var (_, edges, _) = Open(lines);
        Assert.Equal([(KeyCodes.Mute, true), (KeyCodes.Line(1), true), (KeyCodes.Mute, false)], edges);
    }

    [Fact]
    public void Keys_already_active_at_open_are_reported_down_first()
    {
        var lines = new FakeGpioLines(5, 6, 26) { Values = 0b010 };   // the handset is off the hook at boot
        lines.Reads.Enqueue(EdgeBytes.Of((6, GpioEdge.Falling)));
        var (_, edges, _) = Open(lines);
        Assert.Equal([(KeyCodes.Hook, true), (KeyCodes.Hook, false)], edges);
    }

    [Fact]
    public void An_edge_on_a_pin_no_key_uses_is_logged_and_skipped()
    {
        var lines = new FakeGpioLines(5, 6, 26);
        lines.Reads.Enqueue(EdgeBytes.Of((13, GpioEdge.Rising), (5, GpioEdge.Rising)));
        var (_, edges, log) = Open(lines);
        Assert.Equal([(KeyCodes.Line(1), true)], edges);
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("pin 13"));
    }

    [Fact]
    public void A_partial_event_at_the_end_of_a_read_is_not_decoded()
    {
        var lines = new FakeGpioLines(5, 6, 26);
        byte[] one = EdgeBytes.Of((5, GpioEdge.Rising));
        lines.Reads.Enqueue([.. one, .. one.AsSpan(0, 20).ToArray()]);
        var (_, edges, _) = Open(lines);
        Assert.Equal([(KeyCodes.Line(1), true)], edges);
    }

    [Fact]
    public void Opening_twice_is_a_bug()
    {
        var (input, _, _) = Open(new FakeGpioLines(5, 6, 26));
        Assert.Throws<InvalidOperationException>(() => input.Open((_, _) => { }));
    }

    [Fact]
    public void Active_low_keys_get_pull_up_and_active_low_and_active_high_keys_a_pull_down_attribute()
    {
        var (flags, attributes) = GpioKeyInput.Config(Keys);
        Assert.Equal(GpioLineFlags.Input | GpioLineFlags.EdgeRising | GpioLineFlags.EdgeFalling | GpioLineFlags.ActiveLow | GpioLineFlags.BiasPullUp, flags);
        var a = Assert.Single(attributes);
        Assert.Equal(GpioAttributeId.Flags, a.Id);
        Assert.Equal((ulong)(GpioLineFlags.Input | GpioLineFlags.EdgeRising | GpioLineFlags.EdgeFalling | GpioLineFlags.BiasPullDown), a.Value);
        Assert.Equal(0b100UL, a.Mask);
    }

    [Fact]
    public void All_active_low_keys_need_no_attribute()
    {
        var (_, attributes) = GpioKeyInput.Config([new KeyLine(5, KeyCodes.Line(1)), new KeyLine(6, KeyCodes.Hook)]);
        Assert.Empty(attributes);
    }
}
