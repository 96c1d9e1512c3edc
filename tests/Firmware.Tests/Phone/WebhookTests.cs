// Call events to the CRM from a whole phone: incoming, answered, ended (with duration), outcome; across an outage and a reboot.
using System.Text.Json;
using DeskPhone.Firmware.Http;
using DeskPhone.Firmware.Tests.Http;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Firmware.Tests.Phone;

public class WebhookTests
{
    private static string Config(string limit = "1000") => PhoneRig.DefaultConfig.TrimEnd().TrimEnd('}') + """
      , "webhooks": { "url": "http://127.0.1.70:8000/phone-events", "token": "hook-token", "queueLimit": 
    """ + limit + " } }";

    private sealed class Crm
    {
        public readonly RecordingHandler Handler = new();
        private readonly HttpServer _server;

        public Crm(PhoneRig rig)
        {
            _server = new HttpServer(rig.Wire.AddHost("127.0.1.70"), rig.Loop, rig.Log, Handler);
        }

        public Crm Up() { Assert.True(_server.Start(8000)); return this; }

        public void Down() => _server.Stop();

        public List<JsonElement> Events => Handler.Requests.Select(r => JsonDocument.Parse(r.BodyText).RootElement).ToList();

        public List<string> Types => Events.Select(e => e.GetProperty("type").GetString()!).ToList();
    }

    private static PhoneRig Rig(IStorage? storage = null, string limit = "1000") => new(Config(limit), storage, farEnd: true);

    /// <summary>Alice calls, the phone answers, talks <paramref name="talkMs"/>, hangs up.</summary>
    private static void IncomingCall(PhoneRig rig, string callId, int talkMs)
    {
        var far = rig.FarEnd!;
        far.Invite(PhoneRig.SdpOffer, callId: callId, fromTag: "t-" + callId);
        rig.Wait(5);
        rig.LiftHandset();
        far.Send(far.AckFor(far.Responses("INVITE").Last()));
        rig.Wait(talkMs);
        rig.HangUp();
        rig.Wait(50);
    }

    [Fact]
    public void An_answered_call_posts_incoming_answered_and_ended_with_its_duration_in_order()
    {
        var rig = Rig();
        var crm = new Crm(rig).Up();
        IncomingCall(rig, "call-a", 42_000);
        Assert.Equal(new[] { "call.incoming", "call.answered", "call.ended" }, crm.Types);
        var events = crm.Events;
        Assert.Equal(new[] { "desk-1-1", "desk-1-2", "desk-1-3" }, events.Select(e => e.GetProperty("id").GetString()));
        Assert.All(events, e => Assert.Equal("desk-1", e.GetProperty("device").GetString()));
        Assert.All(events, e => Assert.Equal("call-a", e.GetProperty("call").GetProperty("callId").GetString()));
        Assert.Equal("2026-11-23T09:05:00", events[0].GetProperty("time").GetString());
        var incoming = events[0].GetProperty("call");
        Assert.Equal("incoming", incoming.GetProperty("direction").GetString());
        Assert.Equal("Alice", incoming.GetProperty("name").GetString());
        Assert.Equal("main", incoming.GetProperty("line").GetString());
        var ended = events[2].GetProperty("call");
        Assert.Equal(42, ended.GetProperty("durationSeconds").GetInt32());
        Assert.Equal("received", ended.GetProperty("kind").GetString());
        Assert.Equal("hangup", ended.GetProperty("ending").GetString());
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("outcome").ValueKind);
        Assert.All(crm.Handler.Requests, r => Assert.Equal("Bearer hook-token", r.Headers.Get("Authorization")));
        Assert.Equal(0, rig.Phone.CrmEvents!.Queue.Count);
        rig.NoLoopFailures();
    }

    [Fact]
    public void The_ended_event_waits_for_the_outcome_and_a_later_change_posts_call_outcome()
    {
        var config = Config().TrimEnd().TrimEnd('}') + ", \"outcomes\": " + OutcomeTests.Outcomes + " }";
        var rig = new PhoneRig(config, null, farEnd: true);
        var crm = new Crm(rig).Up();
        IncomingCall(rig, "call-o", 1000);
        Assert.Equal(PhoneMode.Outcome, rig.Phone.Mode);
        Assert.Equal(new[] { "call.incoming", "call.answered" }, crm.Types); // the entry is not final yet
        rig.Loop.Post(() => rig.Phone.ChooseOutcome("reached"));
        rig.Wait(100);
        Assert.Equal("call.ended", crm.Types.Last());
        Assert.Equal("Reached", crm.Events.Last().GetProperty("call").GetProperty("outcome").GetString());

        rig.Press(KeyCodes.Soft1 + 2); // Calls
        rig.Press(KeyCodes.Soft1 + 2); // Result
        rig.Press(KeyCodes.Down);      // Left voicemail
        rig.Press(KeyCodes.Soft1);     // Choose
        rig.Wait(100);
        var last = crm.Events.Last();
        Assert.Equal("call.outcome", last.GetProperty("type").GetString());
        Assert.Equal("Left voicemail", last.GetProperty("call").GetProperty("outcome").GetString());
        Assert.Equal("call-o", last.GetProperty("call").GetProperty("callId").GetString());
        Assert.Equal(4, crm.Events.Count);
    }

    [Fact]
    public void Calls_during_a_crm_outage_are_all_delivered_in_order_once_it_is_back()
    {
        var rig = Rig();
        var crm = new Crm(rig);
        for (int i = 1; i <= 4; i++) IncomingCall(rig, "out-" + i, 2000);
        Assert.Empty(crm.Handler.Requests);
        Assert.Equal(12, rig.Phone.CrmEvents!.Queue.Count);
        crm.Up();
        rig.Wait(61_000);
        var events = crm.Events;
        Assert.Equal(Enumerable.Range(1, 12).Select(i => "desk-1-" + i), events.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(Enumerable.Range(1, 4).SelectMany(i => Enumerable.Repeat("out-" + i, 3)), events.Select(e => e.GetProperty("call").GetProperty("callId").GetString()));
        Assert.Equal(0, rig.Phone.CrmEvents.Queue.Count);
    }

    [Fact]
    public void Events_waiting_at_a_reboot_are_sent_after_it_and_new_ones_get_new_ids()
    {
        var storage = new MemoryStorage();
        var before = Rig(storage);
        IncomingCall(before, "before-reboot", 1000); // no CRM yet: three events wait on storage

        var after = Rig(storage);
        var crm = new Crm(after).Up();
        after.Wait(61_000);
        Assert.Equal(new[] { "desk-1-1", "desk-1-2", "desk-1-3" }, crm.Events.Select(e => e.GetProperty("id").GetString()));
        IncomingCall(after, "after-reboot", 1000);
        Assert.Equal(new[] { "desk-1-4", "desk-1-5", "desk-1-6" }, crm.Events.Skip(3).Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public void A_full_queue_drops_the_oldest_events_and_says_so_in_the_log()
    {
        var rig = Rig(limit: "4");
        IncomingCall(rig, "q-1", 1000);
        IncomingCall(rig, "q-2", 1000);
        Assert.Equal(4, rig.Phone.CrmEvents!.Queue.Count);
        Assert.Equal(2, rig.Phone.CrmEvents.Queue.Dropped);
        Assert.Contains(rig.Log.Lines(), l => l.Level == LogLevel.Warning && l.Message.Contains("dropped the oldest event, #1"));
        var crm = new Crm(rig).Up();
        rig.Wait(61_000);
        Assert.Equal(new[] { "desk-1-3", "desk-1-4", "desk-1-5", "desk-1-6" }, crm.Events.Select(e => e.GetProperty("id").GetString()));
    }
}
