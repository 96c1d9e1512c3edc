// The webhook events' JSON: ids from the device and the sequence, a timestamp, and every field of a finished call.
using System.Text.Json;
using DeskPhone.Firmware.Crm;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Http;
using DeskPhone.Firmware.Tests.Http;
using DeskPhone.Hal.Simulated.Storage;
using DeskPhone.Hal.Simulated.Time;
using HttpClient = DeskPhone.Firmware.Http.HttpClient;

namespace DeskPhone.Firmware.Tests.Crm;

public class CallEventsTests
{
    private static (CallEvents events, EventQueue queue) Sink()
    {
        var net = new HttpRig(); // nobody listens: events stay queued
        var queue = new EventQueue(new MemoryStorage(), net.V.Log, 100);
        var sender = new WebhookSender(queue, new HttpClient(net.ClientHost, net.V.Loop), net.V.Loop, net.V.Log, "http://127.0.2.1:8000/e", null!);
        return (new CallEvents("front-desk-1", new VirtualClock(new DateTime(2026, 11, 23, 14, 3, 9)), queue, sender), queue);
    }

    private static CallRecord Record() => new()
    {
        Time = new DateTime(2026, 11, 23, 14, 0, 0), Kind = CallKind.Received, Ending = CallEnding.RemoteHangup, Status = 200,
        DurationSeconds = 189, Line = "main", Number = "202", Name = "Bob \"The\" Stone", Uri = "sip:202@office.example",
        Outcome = "Left voicemail", HandledBy = "Ann Lee", Recording = "rec/0007.wav", CallId = "c-77@10.0.0.2",
        Contact = "Bob Stone", Company = "Stone & Sons",
    };

    [Fact]
    public void A_logged_call_becomes_call_ended_with_every_field_the_crm_files_it_by()
    {
        var (events, queue) = Sink();
        events.Logged(Record());
        var e = JsonDocument.Parse(queue.Head()!).RootElement;
        Assert.Equal("front-desk-1-1", e.GetProperty("id").GetString());
        Assert.Equal(1, e.GetProperty("sequence").GetInt64());
        Assert.Equal("call.ended", e.GetProperty("type").GetString());
        Assert.Equal("2026-11-23T14:03:09", e.GetProperty("time").GetString());
        Assert.Equal("front-desk-1", e.GetProperty("device").GetString());
        var c = e.GetProperty("call");
        Assert.Equal("c-77@10.0.0.2", c.GetProperty("callId").GetString());
        Assert.Equal("incoming", c.GetProperty("direction").GetString());
        Assert.Equal("received", c.GetProperty("kind").GetString());
        Assert.Equal("202", c.GetProperty("number").GetString());
        Assert.Equal("Bob \"The\" Stone", c.GetProperty("name").GetString());
        Assert.Equal("main", c.GetProperty("line").GetString());
        Assert.Equal("2026-11-23T14:00:00", c.GetProperty("startedAt").GetString());
        Assert.Equal(189, c.GetProperty("durationSeconds").GetInt32());
        Assert.Equal("remote-hangup", c.GetProperty("ending").GetString());
        Assert.Equal("Left voicemail", c.GetProperty("outcome").GetString());
        Assert.Equal("Ann Lee", c.GetProperty("handledBy").GetString());
        Assert.Equal("rec/0007.wav", c.GetProperty("recording").GetString());
        Assert.Equal("Bob Stone", c.GetProperty("contact").GetString());
        Assert.Equal("Stone & Sons", c.GetProperty("company").GetString());
    }

    [Fact]
    public void An_outcome_change_is_its_own_event_with_the_next_id()
    {
        var (events, queue) = Sink();
        var r = Record();
        events.Logged(r);
        r.Outcome = "Reached";
        events.OutcomeChanged(r);
        queue.Remove(queue.HeadSequence);
        var e = JsonDocument.Parse(queue.Head()!).RootElement;
        Assert.Equal("front-desk-1-2", e.GetProperty("id").GetString());
        Assert.Equal("call.outcome", e.GetProperty("type").GetString());
        Assert.Equal("Reached", e.GetProperty("call").GetProperty("outcome").GetString());
    }

    [Fact]
    public void Fields_not_set_are_null_and_a_placed_call_is_outgoing()
    {
        var (events, queue) = Sink();
        events.Logged(new CallRecord { Kind = CallKind.Placed, Ending = CallEnding.Busy, Status = 486, Number = "203" });
        var c = JsonDocument.Parse(queue.Head()!).RootElement.GetProperty("call");
        Assert.Equal("outgoing", c.GetProperty("direction").GetString());
        Assert.Equal("busy", c.GetProperty("ending").GetString());
        foreach (var field in new[] { "outcome", "handledBy", "recording", "contact", "company", "callId", "name" })
            Assert.Equal(JsonValueKind.Null, c.GetProperty(field).ValueKind);
    }
}
