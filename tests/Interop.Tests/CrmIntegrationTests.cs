// A CRM driving a live phone: click-to-call through the phone's HTTP API, call events to a real HTTP listener, and an outage mid-burst.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DeskPhone.Firmware.Phone;
using DeskPhone.Interop.Tests.Harness;
using DeskPhone.Softswitch;

namespace DeskPhone.Interop.Tests;

/// <summary>
/// Phone 201 (a LivePhone with "api" and "webhooks" on), baresip 202 as the far end, a real Kamailio,
/// and System.Net.HttpListener on 127.0.0.1 as the CRM. The phone's RTP ports: 24000 up.
/// </summary>
public sealed class CrmIntegrationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private const string ApiToken = "crm-api-token-0123456789";
    private const string HookToken = "crm-hook-token";

    private sealed class Rig : IDisposable
    {
        public readonly KamailioProcess Kamailio;
        public readonly BaresipProcess Far;
        public readonly CrmListener Crm;
        public readonly LivePhone Phone;
        public readonly HttpClient Api;
        public readonly int ApiPort;
        private readonly string _dir;

        public Rig()
        {
            Kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret").Start();
            Far = new BaresipProcess(Kamailio, "202", "bob-secret").Start();
            Assert.Equal("REGISTER_OK", Far.Register().Type);
            Crm = new CrmListener(FreePorts.Tcp());
            ApiPort = FreePorts.Tcp();
            _dir = Directory.CreateTempSubdirectory("deskphone-crm-").FullName;
            string file = Kamailio.WriteDeviceFile(_dir, "201", "reception-secret", "Reception");
            string text = File.ReadAllText(file).TrimEnd();
            text = text.Substring(0, text.Length - 1) + $$"""
                , "api": { "enabled": true, "port": {{ApiPort}}, "token": "{{ApiToken}}", "allow": ["127.0.0.1"] },
                  "webhooks": { "url": "{{Crm.Url}}", "token": "{{HookToken}}", "queueLimit": 200 } }
                """;
            File.WriteAllText(file, text);
            Phone = new LivePhone(file, rtpPortFirst: 24000);
            Api = Client("127.0.0.1");
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Registration == RegistrationState.Registered, Patience), "phone not registered\n" + Phone.Tail());
        }

        /// <summary>An HTTP client whose connections come from <paramref name="source"/> (a loopback address), with the API token.</summary>
        public HttpClient Client(string source, string token = ApiToken)
        {
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, cancel) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancel);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{ApiPort}/"), Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        public async Task<(int Status, JsonElement Body)> Post(string path, string? json = null, HttpClient? client = null)
        {
            var content = json == null ? null : new StringContent(json, Encoding.UTF8, "application/json");
            var r = await (client ?? Api).PostAsync(path, content);
            return ((int)r.StatusCode, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement);
        }

        public async Task<JsonElement> Status() =>
            JsonDocument.Parse(await Api.GetStringAsync("api/status")).RootElement;

        public async Task Until(Func<JsonElement, bool> condition, string what)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (!condition(await Status()))
            {
                Assert.True(DateTime.UtcNow < deadline, what + " never happened; status " + await Status() + "\n" + Phone.Tail());
                await Task.Delay(50);
            }
        }

        /// <summary>Click-to-call: the phone dials baresip through the API, baresip answers, the API hangs up.</summary>
        public async Task ClickToCall()
        {
            var (status, body) = await Post("api/dial", "{\"number\": \"sip:202@" + Kamailio.Domain + "\"}");
            Assert.True(status == 200, body + "\n" + Phone.Tail());
            Assert.Equal("202", body.GetProperty("dialed").GetString());
            Far.WaitForEvent("CALL_INCOMING");
            Far.Answer();
            Far.WaitForEvent("CALL_ESTABLISHED");
            await Until(s => s.GetProperty("mode").GetString() == "in-call", "the phone in the call");
            Assert.Equal(200, (await Post("api/hangup")).Status);
            Far.WaitForEvent("CALL_CLOSED");
            await Until(s => s.GetProperty("mode").GetString() == "idle", "the phone idle again");
        }

        /// <summary>The CRM's delivered events once <paramref name="count"/> distinct ids arrived (bounded wait).</summary>
        public List<JsonElement> DistinctEvents(int count, TimeSpan patience)
        {
            var deadline = DateTime.UtcNow + patience;
            while (true)
            {
                var distinct = Crm.Delivered.GroupBy(e => e.GetProperty("id").GetString()).Select(g => g.First()).ToList();
                if (distinct.Count >= count) return distinct;
                Assert.True(DateTime.UtcNow < deadline, $"only {distinct.Count} of {count} events reached the CRM ({Crm.Attempts} attempts)\n{Phone.Tail()}");
                Thread.Sleep(100);
            }
        }

        public void Dispose()
        {
            Api.Dispose();
            Phone.Dispose();
            Crm.Dispose();
            Far.Dispose();
            Kamailio.Dispose();
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_crm_dials_baresip_through_the_phones_api_and_hangs_up_and_a_wrong_token_or_address_is_refused()
    {
        using var rig = new Rig();
        using (var wrongToken = rig.Client("127.0.0.1", "not-the-token-at-all"))
        {
            var (status, body) = await rig.Post("api/dial", "{\"number\": \"202\"}", wrongToken);
            Assert.Equal(401, status);
            Assert.Equal("missing or wrong bearer token", body.GetProperty("error").GetString());
        }
        using (var stranger = rig.Client("127.0.0.2"))
        {
            var (status, body) = await rig.Post("api/dial", "{\"number\": \"202\"}", stranger);
            Assert.Equal(403, status);
            Assert.Contains("127.0.0.2 is not allowed", body.GetProperty("error").GetString());
        }
        Assert.Equal("idle", (await rig.Status()).GetProperty("mode").GetString());
        Assert.Equal(422, (await rig.Post("api/dial", "{\"number\": \"call bob\"}")).Status);

        var (dialed, answer) = await rig.Post("api/dial", "{\"number\": \"tel:202\"}");
        Assert.Equal(200, dialed);
        var incoming = rig.Far.WaitForEvent("CALL_INCOMING");
        Assert.Equal(rig.Kamailio.Aor("201"), incoming.PeerUri);
        Assert.Equal("outgoing", answer.GetProperty("call").GetProperty("direction").GetString());
        rig.Far.Answer();
        rig.Far.WaitForEvent("CALL_ESTABLISHED");
        await rig.Until(s => s.GetProperty("call").ValueKind == JsonValueKind.Object && s.GetProperty("call").GetProperty("state").GetString() == "connected", "the call connected");

        Assert.Equal(200, (await rig.Post("api/hangup")).Status);
        rig.Far.WaitForEvent("CALL_CLOSED");
        await rig.Until(s => s.GetProperty("call").ValueKind == JsonValueKind.Null, "the call gone");
        Assert.Equal(409, (await rig.Post("api/hangup")).Status);
    }

    [Fact]
    public async Task A_call_from_baresip_answered_through_the_api_posts_incoming_answered_and_ended_with_its_duration()
    {
        using var rig = new Rig();
        rig.Far.Dial(rig.Kamailio.Aor("201"));
        await rig.Until(s => s.GetProperty("mode").GetString() == "ringing", "the phone ringing");
        Assert.Equal(200, (await rig.Post("api/answer")).Status);
        rig.Far.WaitForEvent("CALL_ESTABLISHED");
        await rig.Until(s => s.GetProperty("mode").GetString() == "in-call", "the phone in the call");
        Assert.True(rig.Phone.WaitFor(() => string.Join("\n", rig.Phone.Firmware.Screen.TextLines()).Contains("00:02"), Patience), "the call clock never reached 00:02"); // a talk of two seconds, for the duration
        rig.Far.Hangup();
        await rig.Until(s => s.GetProperty("mode").GetString() == "idle", "the phone idle again");

        var events = rig.DistinctEvents(3, Patience);
        Assert.Equal(new[] { "call.incoming", "call.answered", "call.ended" }, events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(new[] { "phone-201-1", "phone-201-2", "phone-201-3" }, events.Select(e => e.GetProperty("id").GetString()));
        string callId = events[0].GetProperty("call").GetProperty("callId").GetString()!;
        Assert.False(string.IsNullOrEmpty(callId));
        Assert.All(events, e => Assert.Equal(callId, e.GetProperty("call").GetProperty("callId").GetString()));
        var ended = events[2].GetProperty("call");
        Assert.Equal("incoming", ended.GetProperty("direction").GetString());
        Assert.Equal("202", ended.GetProperty("number").GetString());
        Assert.Equal("remote-hangup", ended.GetProperty("ending").GetString());
        Assert.InRange(ended.GetProperty("durationSeconds").GetInt32(), 2, 30);
        Assert.All(rig.Crm.Authorizations, a => Assert.Equal("Bearer " + HookToken, a));
    }

    private static int Failures(Rig rig) => rig.Phone.Do(() => rig.Phone.Firmware.CrmEvents!.Sender.Failures);

    [Fact]
    public async Task A_crm_outage_in_the_middle_of_a_burst_of_calls_loses_no_event_and_they_arrive_in_order()
    {
        using var rig = new Rig();
        await rig.ClickToCall();                      // delivered at once: answered, ended
        rig.DistinctEvents(2, Patience);

        rig.Crm.Status = 503;                         // the CRM answers but stores nothing
        await rig.ClickToCall();
        await rig.ClickToCall();
        Assert.True(SpinWait.SpinUntil(() => rig.Crm.Attempts >= 2 + 3, TimeSpan.FromSeconds(30)), "the phone never retried against the 503s");
        rig.Crm.Stop();                               // then it is gone altogether: connection refused
        int failures = Failures(rig);
        await rig.ClickToCall();
        Assert.True(rig.Phone.WaitFor(() => rig.Phone.Firmware.CrmEvents!.Sender.Failures >= failures + 2, TimeSpan.FromSeconds(40)), "no retry while the CRM was down\n" + rig.Phone.Tail());
        Assert.Equal(6, rig.Phone.Do(() => rig.Phone.Firmware.CrmEvents!.Queue.Count));
        Assert.Equal(2, rig.Crm.Delivered.Count);
        Assert.Contains("refused", File.ReadAllText(rig.Phone.LogPath));

        rig.Crm.Status = 200;                         // back
        rig.Crm.Start();
        await rig.ClickToCall();
        var events = rig.DistinctEvents(10, TimeSpan.FromSeconds(90));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => "phone-201-" + i), events.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), events.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(Enumerable.Repeat(new[] { "call.answered", "call.ended" }, 5).SelectMany(x => x), events.Select(e => e.GetProperty("type").GetString()));
        var delivered = rig.Crm.Delivered;
        Assert.True(delivered.Select(e => e.GetProperty("sequence").GetInt64()).SequenceEqual(delivered.Select(e => e.GetProperty("sequence").GetInt64()).OrderBy(s => s)),
            "events arrived out of order: " + string.Join(", ", delivered.Select(e => e.GetProperty("id").GetString())));
        foreach (var group in delivered.GroupBy(e => e.GetProperty("id").GetString()))
            Assert.All(group, e => Assert.Equal(group.First().GetRawText(), e.GetRawText())); // a repeat is the same event
        Assert.True(rig.Phone.WaitFor(() => rig.Phone.Firmware.CrmEvents!.Queue.Count == 0, Patience), "events still queued");
        Assert.True(rig.Crm.Attempts > delivered.Count, "the outage was never noticed");
    }
}
