// Webhook delivery on virtual time: in order, one at a time, retried with backoff, refused events dropped.
using DeskPhone.Firmware.Crm;
using DeskPhone.Firmware.Http;
using HttpClient = DeskPhone.Firmware.Http.HttpClient;
using DeskPhone.Firmware.Tests.Http;
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Firmware.Tests.Crm;

public class WebhookSenderTests
{
    private sealed class Rig
    {
        public readonly HttpRig Net = new();
        public readonly RecordingHandler Crm = new();
        public readonly MemoryStorage Storage = new();
        public HttpServer? Server;
        public EventQueue Queue;
        public WebhookSender Sender;

        public Rig(int limit = 100, bool crmUp = true)
        {
            Queue = new EventQueue(Storage, Net.V.Log, limit);
            Sender = new WebhookSender(Queue, new HttpClient(Net.ClientHost, Net.V.Loop), Net.V.Loop, Net.V.Log, "http://127.0.2.1:8000/events", "crm-token");
            if (crmUp) Up();
        }

        public void Up() { Server = new HttpServer(Net.ServerHost, Net.V.Loop, Net.V.Log, Crm); Assert.True(Server.Start(8000)); }

        public void Down() { Server!.Stop(); Server = null; }

        public void Add(string body)
        {
            Queue.Add(Queue.Reserve(), body);
            Sender.Kick();
        }

        public List<string> Bodies => Crm.Requests.Select(r => r.BodyText).ToList();

        /// <summary>When each request reached the CRM, in virtual ms.</summary>
        public readonly List<long> Times = new();
    }

    [Fact]
    public void Events_are_posted_in_order_with_the_token_and_removed_once_taken()
    {
        var rig = new Rig();
        rig.Add("{\"n\":1}");
        rig.Add("{\"n\":2}");
        rig.Add("{\"n\":3}");
        rig.Net.V.Advance(1000);
        Assert.Equal(new[] { "{\"n\":1}", "{\"n\":2}", "{\"n\":3}" }, rig.Bodies);
        Assert.All(rig.Crm.Requests, r => Assert.Equal("Bearer crm-token", r.Headers.Get("Authorization")));
        Assert.Equal(0, rig.Queue.Count);
        Assert.Equal(3, rig.Sender.Delivered);
    }

    [Fact]
    public void While_the_crm_is_down_retries_back_off_from_1_s_doubling_to_60_s()
    {
        var rig = new Rig(crmUp: false);
        rig.Add("{\"n\":1}");
        rig.Net.V.Advance(300_000);
        var attempts = rig.Net.V.Log.Lines().Where(l => l.Message.Contains("not delivered")).Select(l => l.AtMs).ToList();
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal(new long[] { 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000 }, gaps.Take(8).Select(g => g / 1000 * 1000));
        Assert.Equal(1, rig.Queue.Count);
        Assert.Equal(60000, rig.Sender.BackoffMs);
    }

    [Fact]
    public void After_an_outage_every_waiting_event_arrives_in_order_and_backoff_starts_over()
    {
        var rig = new Rig(crmUp: false);
        for (int i = 1; i <= 20; i++) rig.Add("{\"n\":" + i + "}");
        rig.Net.V.Advance(40_000);
        Assert.Empty(rig.Crm.Requests);
        rig.Up();
        rig.Net.V.Advance(61_000);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => "{\"n\":" + i + "}"), rig.Bodies);
        Assert.Equal(0, rig.Queue.Count);
        Assert.Equal(WebhookSender.FirstRetryMs, rig.Sender.BackoffMs);
    }

    [Fact]
    public void A_503_keeps_the_event_and_it_is_sent_again_until_taken()
    {
        var rig = new Rig();
        rig.Crm.Status = 503;
        rig.Add("{\"n\":1}");
        rig.Add("{\"n\":2}");
        rig.Net.V.Advance(3500); // attempts at 0, 1 s, 3 s
        Assert.Equal(3, rig.Crm.Requests.Count);
        Assert.All(rig.Bodies, b => Assert.Equal("{\"n\":1}", b));
        rig.Crm.Status = 200;
        rig.Net.V.Advance(5000);
        Assert.Equal(new[] { "{\"n\":1}", "{\"n\":2}" }, rig.Bodies.Skip(3));
        Assert.Equal(0, rig.Queue.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(422)]
    public void An_event_the_crm_refuses_as_unacceptable_is_dropped_logged_and_the_next_goes(int status)
    {
        var rig = new Rig();
        rig.Crm.Status = status;
        rig.Add("{\"n\":1}");
        rig.Net.V.Advance(100);
        rig.Crm.Status = 200;
        rig.Add("{\"n\":2}");
        rig.Net.V.Advance(100);
        Assert.Equal(new[] { "{\"n\":1}", "{\"n\":2}" }, rig.Bodies);
        Assert.Equal(1, rig.Sender.Refused);
        Assert.Equal(0, rig.Queue.Count);
        Assert.Contains(rig.Net.V.Log.Lines(), l => l.Message.Contains("CRM refused event #1 with " + status));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(408)]
    [InlineData(429)]
    public void A_wrong_token_or_url_or_a_busy_crm_keeps_the_event_for_a_retry(int status)
    {
        var rig = new Rig();
        rig.Crm.Status = status;
        rig.Add("{\"n\":1}");
        rig.Net.V.Advance(100);
        Assert.Equal(1, rig.Queue.Count);
        Assert.True(rig.Sender.WaitingToRetry);
    }

    private sealed class Probe : IHttpHandler
    {
        public HttpServer? Server;
        public int Most;
        public int Count;

        public void Handle(HttpRequest request, HttpResponse response)
        {
            Count++;
            Most = Math.Max(Most, Server!.OpenConnections);
            response.Json(200, "{}");
        }
    }

    [Fact]
    public void Only_one_post_is_in_flight_at_a_time()
    {
        var rig = new Rig(crmUp: false);
        var probe = new Probe();
        probe.Server = new HttpServer(rig.Net.ServerHost, rig.Net.V.Loop, rig.Net.V.Log, probe);
        Assert.True(probe.Server.Start(8000));
        rig.Net.Wire.Faults.DelayMs = 50;
        for (int i = 0; i < 5; i++) rig.Add("{}");
        rig.Net.V.Advance(5000);
        Assert.Equal(5, probe.Count);
        Assert.Equal(1, probe.Most);
    }

    [Fact]
    public void Events_queued_before_a_reboot_are_delivered_after_it()
    {
        var rig = new Rig(crmUp: false);
        rig.Add("{\"n\":1}");
        rig.Add("{\"n\":2}");
        rig.Net.V.Advance(100);
        // reboot: a new queue and sender on the same storage
        var queue = new EventQueue(rig.Storage, rig.Net.V.Log, 100);
        var sender = new WebhookSender(queue, new HttpClient(rig.Net.ClientHost, rig.Net.V.Loop), rig.Net.V.Loop, rig.Net.V.Log, "http://127.0.2.1:8000/events", null!);
        rig.Up();
        sender.Kick();
        rig.Net.V.Advance(1000);
        Assert.Contains("{\"n\":1}", rig.Bodies);
        Assert.Equal(new[] { "{\"n\":1}", "{\"n\":2}" }, rig.Bodies.Distinct());
        Assert.Equal(0, queue.Count);
    }
}
