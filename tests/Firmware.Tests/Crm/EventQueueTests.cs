// The webhook queue on storage: order, the bound (oldest dropped and counted), and surviving a reboot.
using DeskPhone.Firmware.Crm;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Storage;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Crm;

public class EventQueueTests
{
    private readonly MemoryStorage _storage = new();
    private readonly SimLog _log = new(new VirtualClock());

    private static void Add(EventQueue q, string text) => q.Add(q.Reserve(), text);

    private static List<string> Drain(EventQueue q)
    {
        var all = new List<string>();
        string? head;
        while ((head = q.Head()) != null)
        {
            all.Add(head);
            q.Remove(q.HeadSequence);
        }
        return all;
    }

    [Fact]
    public void Events_come_out_in_the_order_they_went_in_with_rising_sequence_numbers()
    {
        var q = new EventQueue(_storage, _log, 100);
        for (int i = 1; i <= 12; i++) Add(q, "{\"n\":" + i + "}");
        Assert.Equal(12, q.Count);
        Assert.Equal(1, q.HeadSequence);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => "{\"n\":" + i + "}"), Drain(q));
        Assert.Equal(13, q.NextSequence);
    }

    [Fact]
    public void The_queue_and_its_sequence_survive_a_reboot()
    {
        var q = new EventQueue(_storage, _log, 100);
        Add(q, "a");
        Add(q, "b");
        Add(q, "c");
        q.Remove(q.HeadSequence);

        var after = new EventQueue(_storage, _log, 100);
        Assert.Equal(2, after.Count);
        Assert.Equal(2, after.HeadSequence);
        Assert.Equal(4, after.NextSequence);
        Assert.Equal(new[] { "b", "c" }, Drain(after));
    }

    [Fact]
    public void Ids_are_not_reused_after_a_reboot_even_when_everything_was_delivered()
    {
        var q = new EventQueue(_storage, _log, 100);
        for (int i = 0; i < 5; i++) Add(q, "x");
        Drain(q);
        var after = new EventQueue(_storage, _log, 100);
        Assert.Equal(0, after.Count);
        Assert.Equal(6, after.Reserve());
    }

    [Fact]
    public void At_the_bound_the_oldest_event_is_dropped_counted_and_logged()
    {
        var q = new EventQueue(_storage, _log, 3);
        for (int i = 1; i <= 5; i++) Add(q, "e" + i);
        Assert.Equal(3, q.Count);
        Assert.Equal(2, q.Dropped);
        Assert.Contains(_log.Lines(), l => l.Message.Contains("queue full (3): dropped the oldest event, #2"));
        Assert.Equal(new[] { "e3", "e4", "e5" }, Drain(q));
        Assert.Equal(2, new EventQueue(_storage, _log, 3).Dropped);
    }

    [Fact]
    public void Below_the_bound_nothing_is_dropped()
    {
        var q = new EventQueue(_storage, _log, 1000);
        for (int i = 0; i < 1000; i++) Add(q, "e" + i);
        Assert.Equal(1000, q.Count);
        Assert.Equal(0, q.Dropped);
        Assert.Equal(1000, _storage.List().Count(n => n.StartsWith(EventQueue.Folder + "e")));
    }

    [Fact]
    public void An_unreadable_event_file_is_skipped_and_logged_not_a_crash()
    {
        var q = new EventQueue(_storage, _log, 10);
        Add(q, "a");
        Add(q, "b");
        var bad = new byte[] { 0xC3, 0x28 };
        _storage.WriteAtomic(EventQueue.Folder + "e0000000001.json", bad, 0, bad.Length);
        Assert.Equal("b", q.Head());
        Assert.Contains(_log.Lines(), l => l.Message.Contains("event #1 cannot be read back"));
    }
}
