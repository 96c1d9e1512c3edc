// The in-memory wire's fault knobs: partition, drop, duplicate, jitter, reorder, per-link overrides.
using DeskPhone.Hal.Simulated.Network;
using static DeskPhone.Hal.Simulated.Tests.Network.VirtualWire;

namespace DeskPhone.Hal.Simulated.Tests.Network;

public class InMemoryFaultTests
{
    private static (VirtualWire net, Inbox inbox, DeskPhone.Hal.IUdpEndpoint sender) Pair(int seed = 1)
    {
        var net = new VirtualWire(seed);
        var inbox = new Inbox(net.Clock);
        var sender = net.HostA.OpenUdp(5060, (_, _, _, _, _) => { })!;
        net.HostB.OpenUdp(5060, inbox.Handler);
        return (net, inbox, sender);
    }

    private static void Send(DeskPhone.Hal.IUdpEndpoint from, string text, string to = B) =>
        Assert.True(from.SendTo(Bytes(text), 0, text.Length, to, 5060));

    [Fact]
    public void A_partitioned_link_delivers_nothing_until_healed()
    {
        var (net, inbox, a) = Pair();
        var backInbox = new Inbox(net.Clock);
        var b = net.HostB.OpenUdp(5070, (_, _, _, _, _) => { })!;
        net.HostA.OpenUdp(5070, backInbox.Handler);

        net.Wire.Partition(A, B);
        Send(a, "lost");
        b.SendTo(Bytes("lost too"), 0, 8, A, 5070);
        net.Driver.Advance(60_000);
        Assert.Empty(inbox.Arrivals);
        Assert.Empty(backInbox.Arrivals);
        Assert.Equal(1, net.Wire.Counters(A, B).Dropped);
        Assert.Equal(1, net.Wire.Counters(B, A).Dropped);

        net.Wire.Heal(A, B);
        Send(a, "after heal");
        net.Driver.Advance(1);
        Assert.Equal(new[] { "after heal" }, inbox.Texts);
        Assert.False(net.Wire.IsPartitioned(A, B));
    }

    [Fact]
    public void Drop_probability_one_loses_every_datagram_and_counts_it()
    {
        var (net, inbox, a) = Pair();
        net.Wire.Faults.DropProbability = 1;

        for (int i = 0; i < 10; i++) Send(a, "m" + i);
        net.Driver.Advance(100);

        Assert.Empty(inbox.Arrivals);
        Assert.Equal(new LinkCounters(Sent: 10, Delivered: 0, Dropped: 10, 0, 0, 0, 0, 0), net.Wire.Counters(A, B));
    }

    [Fact]
    public void Drop_probability_half_loses_about_half_and_the_same_ones_for_a_seed()
    {
        string[] Survivors(int seed)
        {
            var (net, inbox, a) = Pair(seed);
            net.Wire.Faults.DropProbability = 0.5;
            for (int i = 0; i < 1000; i++) Send(a, "m" + i);
            net.Driver.Advance(1);
            Assert.Equal(1000, net.Wire.Counters(A, B).Dropped + inbox.Arrivals.Count);
            return inbox.Texts.ToArray();
        }

        var first = Survivors(7);
        Assert.InRange(first.Length, 400, 600);
        Assert.Equal(first, Survivors(7));
        Assert.NotEqual(first, Survivors(8));
    }

    [Fact]
    public void Duplicate_probability_one_delivers_every_datagram_twice()
    {
        var (net, inbox, a) = Pair();
        net.Wire.Faults.DuplicateProbability = 1;

        Send(a, "one");
        Send(a, "two");
        net.Driver.Advance(1);

        Assert.Equal(new[] { "one", "two", "one", "two" }.Order(), inbox.Texts.Order());
        Assert.Equal(2, net.Wire.Counters(A, B).Duplicated);
        Assert.Equal(4, net.Wire.Counters(A, B).Delivered);
    }

    [Fact]
    public void Jitter_reorders_datagrams_repeatably_for_a_seed()
    {
        IReadOnlyList<Arrival> Run(int seed)
        {
            var (net, inbox, a) = Pair(seed);
            net.Wire.Faults.DelayMs = 20;
            net.Wire.Faults.JitterMs = 50;
            for (int i = 0; i < 20; i++) Send(a, "m" + i);
            net.Driver.Advance(1000);
            return inbox.Arrivals;
        }

        var sent = Enumerable.Range(0, 20).Select(i => "m" + i).ToArray();
        var first = Run(42);

        Assert.Equal(sent.Order(), first.Select(x => x.Text).Order());       // nothing lost
        Assert.NotEqual(sent, first.Select(x => x.Text));                    // but out of order
        Assert.All(first, x => Assert.InRange(x.TimeMs, 20, 70));            // within delay + jitter
        Assert.Equal(first, Run(42));                                        // the same for the seed
        Assert.NotEqual(first.Select(x => x.Text), Run(43).Select(x => x.Text));
    }

    [Fact]
    public void Reorder_probability_one_holds_each_datagram_behind_the_next()
    {
        var (net, inbox, a) = Pair();
        net.Wire.Faults.ReorderProbability = 1;

        foreach (var m in new[] { "1", "2", "3", "4" }) Send(a, m);
        net.Driver.Advance(1);

        Assert.Equal(new[] { "2", "1", "4", "3" }, inbox.Texts);
        Assert.Equal(2, net.Wire.Counters(A, B).Reordered);
    }

    [Fact]
    public void A_held_back_datagram_goes_after_the_hold_limit_when_nothing_follows()
    {
        var (net, inbox, a) = Pair();
        net.Wire.Faults.ReorderProbability = 1;
        net.Wire.Faults.DelayMs = 5;
        net.Wire.ReorderHoldLimitMs = 100;

        Send(a, "alone");
        net.Driver.Advance(104);
        Assert.Empty(inbox.Arrivals);
        net.Driver.Advance(1);

        Assert.Equal(new Arrival(105, "alone", A, 5060), Assert.Single(inbox.Arrivals));
    }

    [Fact]
    public void Link_knobs_override_the_wire_defaults_for_one_direction_only()
    {
        var (net, inbox, a) = Pair();
        var backInbox = new Inbox(net.Clock);
        var b = net.HostB.OpenUdp(5070, (_, _, _, _, _) => { })!;
        net.HostA.OpenUdp(5070, backInbox.Handler);
        net.Wire.Faults.DelayMs = 10;
        net.Wire.Link(A, B).DelayMs = 100;

        Send(a, "slow");
        b.SendTo(Bytes("fast"), 0, 4, A, 5070);
        net.Driver.Advance(200);

        Assert.Equal(100, Assert.Single(inbox.Arrivals).TimeMs);
        Assert.Equal(10, Assert.Single(backInbox.Arrivals).TimeMs);

        net.Wire.Link(A, B).Clear();
        Send(a, "default again");
        net.Driver.Advance(200);
        Assert.Equal(210, inbox.Arrivals[1].TimeMs);
    }

    [Fact]
    public void A_link_drop_knob_applies_only_to_that_link()
    {
        var (net, inbox, a) = Pair();
        var c = net.Wire.AddHost("127.0.1.3");
        var cInbox = new Inbox(net.Clock);
        c.OpenUdp(5060, cInbox.Handler);
        net.Wire.Link(A, B).DropProbability = 1;

        Send(a, "to b");
        Send(a, "to c", "127.0.1.3");
        net.Driver.Advance(1);

        Assert.Empty(inbox.Arrivals);
        Assert.Equal(new[] { "to c" }, cInbox.Texts);
    }

    [Fact]
    public void Knob_values_out_of_range_are_rejected()
    {
        var wire = new VirtualWire().Wire;

        Assert.Throws<ArgumentOutOfRangeException>(() => wire.Faults.DropProbability = 1.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => wire.Faults.DuplicateProbability = -0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => wire.Link(A, B).DelayMs = -1);
        Assert.Throws<ArgumentException>(() => wire.Link("not-an-ip", B));
    }
}
