// The history file format: round trips, the header, bounds, and damaged files read as far as they go.
using System.Text;
using DeskPhone.Firmware.History;

namespace DeskPhone.Firmware.Tests.History;

public class HistoryFileTests
{
    private static CallRecord Call(int minute, CallKind kind, string number, string? name = null, int seconds = 0, CallEnding ending = CallEnding.Hangup) => new()
    {
        Time = new DateTime(2026, 11, 23, 9, minute, 0),
        Kind = kind,
        Ending = ending,
        Status = kind == CallKind.Missed ? 487 : 200,
        DurationSeconds = seconds,
        Unread = kind == CallKind.Missed,
        Line = "main",
        Number = number,
        Name = name,
        Uri = "sip:" + number + "@office.example",
    };

    private static CallHistory Of(params CallRecord[] oldestFirst)
    {
        var h = new CallHistory(CallHistory.DefaultCapacity);
        foreach (var r in oldestFirst) h.Add(r);
        return h;
    }

    private static (CallHistory History, HistoryReadResult Result) ReadBack(byte[] data, int capacity = CallHistory.DefaultCapacity)
    {
        var h = new CallHistory(capacity);
        return (h, HistoryFile.Read(data, h));
    }

    [Fact]
    public void The_file_is_a_versioned_header_with_the_entry_count_then_one_line_per_call_newest_first()
    {
        var h = Of(Call(1, CallKind.Placed, "203", seconds: 95), Call(5, CallKind.Missed, "202", "Bob Stone", ending: CallEnding.Cancelled));
        string text = Encoding.UTF8.GetString(HistoryFile.Encode(h));
        Assert.Equal(
            "deskphone-history 1 2\n" +
            "20261123T090500\tmissed\tcancelled\t487\t0\t1\tmain\t202\tBob Stone\tsip:202@office.example\n" +
            "20261123T090100\tplaced\thangup\t200\t95\t0\tmain\t203\t\tsip:203@office.example\n", text);
    }

    [Fact]
    public void Every_field_round_trips_including_Japanese_names_tabs_backslashes_and_the_reserved_fields()
    {
        var r = Call(7, CallKind.Received, "201", "山田太郎\tand\\co\nnew line", seconds: 3725, ending: CallEnding.RemoteHangup);
        r.Outcome = "transferred to 203";
        r.HandledBy = "Ann Lee";
        r.Recording = "rec/2026-11-23/0001.wav";
        var (back, result) = ReadBack(HistoryFile.Encode(Of(r)));
        Assert.Null(result.Problem);
        Assert.Equal(1, result.Read);
        var b = back.At(0);
        Assert.Equal((r.Time, r.Kind, r.Ending, r.Status, r.DurationSeconds, r.Unread), (b.Time, b.Kind, b.Ending, b.Status, b.DurationSeconds, b.Unread));
        Assert.Equal((r.Line, r.Number, r.Name, r.Uri), (b.Line, b.Number, b.Name, b.Uri));
        Assert.Equal((r.Outcome, r.HandledBy, r.Recording), (b.Outcome, b.HandledBy, b.Recording));
    }

    [Fact]
    public void The_history_keeps_the_newest_100_calls_and_drops_the_oldest()
    {
        var h = new CallHistory(CallHistory.DefaultCapacity);
        for (int i = 0; i < 130; i++) h.Add(Call(i % 60, CallKind.Placed, (1000 + i).ToString()));
        Assert.Equal(100, h.Count);
        Assert.Equal("1129", h.At(0).Number);
        Assert.Equal("1030", h.At(99).Number);
        var (back, result) = ReadBack(HistoryFile.Encode(h));
        Assert.Equal(100, back.Count);
        Assert.Null(result.Problem);
    }

    [Fact]
    public void A_file_cut_inside_an_entry_keeps_the_entries_before_it_and_says_it_was_cut()
    {
        byte[] full = HistoryFile.Encode(Of(Call(1, CallKind.Placed, "203"), Call(2, CallKind.Placed, "204"), Call(3, CallKind.Missed, "205")));
        var (back, result) = ReadBack(full[..(full.Length - 20)]);
        Assert.Equal(2, back.Count);
        Assert.Equal(new[] { "205", "204" }, new[] { back.At(0).Number, back.At(1).Number });
        Assert.True(result.Truncated);
        Assert.Contains("the last entry is cut short", result.Problem);
        Assert.Contains("truncated: 2 of 3 entries read", result.Problem);
    }

    [Fact]
    public void A_file_cut_at_a_line_boundary_is_noticed_through_the_count_in_the_header()
    {
        string text = Encoding.UTF8.GetString(HistoryFile.Encode(Of(Call(1, CallKind.Placed, "203"), Call(2, CallKind.Placed, "204"))));
        string cut = text[..(text.IndexOf('\n', text.IndexOf('\n') + 1) + 1)];
        var (back, result) = ReadBack(Encoding.UTF8.GetBytes(cut));
        Assert.Equal(1, back.Count);
        Assert.Equal("truncated: 1 of 2 entries read", result.Problem);
    }

    [Theory]
    [InlineData("20261331T090500\tplaced\thangup\t200\t0\t0\tmain\t203\t\t")]   // month 13
    [InlineData("20260230T090500\tplaced\thangup\t200\t0\t0\tmain\t203\t\t")]   // 30 February
    [InlineData("20261123T090500\tforwarded\thangup\t200\t0\t0\tmain\t203\t\t")] // unknown kind
    [InlineData("20261123T090500\tplaced\texploded\t200\t0\t0\tmain\t203\t\t")]  // unknown ending
    [InlineData("20261123T090500\tplaced\thangup\t2x0\t0\t0\tmain\t203\t\t")]    // status not a number
    [InlineData("20261123T090500\tplaced\thangup\t200\t-5\t0\tmain\t203\t\t")]   // negative duration
    [InlineData("20261123T090500\tplaced\thangup\t200\t0\t0\tmain\t20\\q3\t\t")] // bad escape
    [InlineData("20261123T090500\tplaced\thangup\t200\t0\t0\tmain")]             // too few fields
    [InlineData("20261123T090500\tplaced\thangup\t200\t0\t0\t\t\t\t")]           // nobody to call back
    [InlineData("\u0001\u0002\u00ff garbage")]
    public void An_unreadable_entry_is_skipped_and_counted_and_the_rest_is_kept(string bad)
    {
        string good = HistoryFile.EncodeRecord(Call(4, CallKind.Placed, "210"));
        var (back, result) = ReadBack(Encoding.UTF8.GetBytes("deskphone-history 1 3\n" + good + bad + "\n" + good));
        Assert.Equal(2, back.Count);
        Assert.Equal(1, result.Skipped);
        Assert.Contains("1 unreadable entry skipped", result.Problem);
        Assert.False(result.Truncated);
    }

    [Fact]
    public void A_file_without_its_header_is_reported_and_its_entries_are_still_read()
    {
        string good = HistoryFile.EncodeRecord(Call(4, CallKind.Placed, "210"));
        var (back, result) = ReadBack(Encoding.UTF8.GetBytes(good + good));
        Assert.Equal(2, back.Count);
        Assert.StartsWith("no history header ('20261123T090400?placed", result.Problem);
    }

    [Fact]
    public void A_later_format_with_more_fields_is_read_for_the_fields_this_version_knows()
    {
        string line = HistoryFile.EncodeRecord(Call(4, CallKind.Received, "210", "Lobby", seconds: 12)).TrimEnd('\n');
        var (back, result) = ReadBack(Encoding.UTF8.GetBytes("deskphone-history 2 1\n" + line + "\t\t\t\tvip\tsome-future-field\n"));
        Assert.Null(result.Problem);
        Assert.Equal(2, result.Version);
        Assert.Equal(("Lobby", 12), (back.At(0).Name, back.At(0).DurationSeconds));
    }

    [Fact]
    public void No_file_is_an_empty_history_and_an_empty_file_is_reported()
    {
        var (none, noneResult) = ReadBack(null!);
        Assert.Equal(0, none.Count);
        Assert.Null(noneResult.Problem);
        var (_, emptyResult) = ReadBack(Array.Empty<byte>());
        Assert.Contains("the file is empty", emptyResult.Problem);
    }

    [Fact]
    public void Random_and_mutated_files_never_throw_and_never_yield_more_than_the_capacity()
    {
        var rng = new Random(5);
        byte[] valid = HistoryFile.Encode(Of(Call(1, CallKind.Placed, "203", "山田"), Call(2, CallKind.Missed, "204"), Call(3, CallKind.Received, "205", seconds: 9)));
        for (int i = 0; i < 3000; i++)
        {
            byte[] data;
            if (i % 2 == 0)
            {
                data = new byte[rng.Next(0, 400)];
                rng.NextBytes(data);
            }
            else
            {
                data = (byte[])valid.Clone();
                for (int k = rng.Next(1, 6); k > 0; k--) data[rng.Next(data.Length)] = (byte)rng.Next(256);
                data = data[..rng.Next(1, data.Length + 1)];
            }
            var (back, result) = ReadBack(data, capacity: 2);
            Assert.InRange(back.Count, 0, 2);
            Assert.Equal(back.Count, result.Read);
        }
    }

    [Fact]
    public void Missed_calls_count_as_unread_until_marked_read()
    {
        var h = Of(Call(1, CallKind.Missed, "202"), Call(2, CallKind.Placed, "203"), Call(3, CallKind.Missed, "204"));
        Assert.Equal(2, h.UnreadMissed);
        Assert.Equal(new[] { "204", "202" }, h.Select(HistoryFilter.Missed).Select(r => r.Number));
        Assert.True(h.MarkMissedRead());
        Assert.Equal(0, h.UnreadMissed);
        Assert.False(h.MarkMissedRead());
    }
}
