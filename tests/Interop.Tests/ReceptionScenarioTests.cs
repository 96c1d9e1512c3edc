// A tester's session through the simulator's HTTP control API, with real Kamailio and a real outside caller.
using System.Net.Http.Json;
using System.Text.Json;
using DeskPhone.Simulator;
using DeskPhone.Softswitch;

namespace DeskPhone.Interop.Tests;

/// <summary>
/// The simulator as testers run it (real time, HTTP API on a free port) with two phones registered
/// with Kamailio: reception 201 watches 202 with a BLF key; assistant 202 takes a call from baresip
/// 203. Every step is an API call, every check reads lamps (colour + cadence) and screen lines.
/// </summary>
public sealed class ReceptionScenarioTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_outside_call_rings_the_assistant_and_flashes_receptions_BLF_lamp_then_answer_hold_and_hang_up_show_on_both()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret")
            .AddSubscriber("203", "caller-secret").Start();
        using var caller = new BaresipProcess(kamailio, "203", "caller-secret").Start();
        Assert.Equal("REGISTER_OK", caller.Register().Type);
        string dir = Directory.CreateTempSubdirectory("deskphone-scenario-").FullName;
        try
        {
            string reception = kamailio.WriteDeviceFile(dir, "201", "reception-secret", "Reception",
                """{ "kind": "blf", "label": "Bob", "target": "sip:202@office.example" }""");
            string assistant = kamailio.WriteDeviceFile(dir, "202", "bob-secret", "Bob Stone");
            await using var app = await SimulatorApp.StartAsync(new HostOptions { DeviceFiles = new[] { reception, assistant }, RtpPortBase = 56000 } /* 56000 and 57000: no other interop test uses them */, port: 0, withView: false);
            using var http = new HttpClient { BaseAddress = new Uri(app.Url + "/") };

            await Until(http, async () => (await Get(http, "api/phones/phone-201")).GetProperty("registration").GetString() == "registered", "201 registered");
            await Until(http, async () => (await Get(http, "api/phones/phone-202")).GetProperty("registration").GetString() == "registered", "202 registered");
            await Until(http, async () => (await Lamp(http, "phone-201", 2)) == "off/off", "the BLF lamp off once subscribed");

            caller.Dial(kamailio.Aor("202"));
            await Until(http, async () => await Lamp(http, "phone-202", 1) == "green/fast-flash", "202's line lamp ringing");
            await Until(http, async () => await Lamp(http, "phone-201", 2) == "red/fast-flash", "reception's BLF lamp flashing");
            Assert.Equal("Incoming call", (await Lines(http, "phone-202"))[0]);

            await Post(http, "api/phones/phone-202/hook/off");
            caller.WaitForEvent("CALL_ESTABLISHED");
            await Until(http, async () => await Lamp(http, "phone-202", 1) == "green/steady", "202's lamp steady");
            await Until(http, async () => await Lamp(http, "phone-201", 2) == "red/steady", "reception's BLF lamp busy");
            Assert.StartsWith("Connected", (await Lines(http, "phone-202"))[0]);

            await Post(http, "api/phones/phone-202/keys/hold/press");
            await Until(http, async () => await Lamp(http, "phone-202", 1) == "green/slow-flash", "202's lamp held");
            Assert.StartsWith("On hold", (await Lines(http, "phone-202"))[0]);
            await Post(http, "api/phones/phone-202/keys/hold/press");
            await Until(http, async () => await Lamp(http, "phone-202", 1) == "green/steady", "202's lamp resumed");

            await Post(http, "api/phones/phone-202/hook/on");
            caller.WaitForEvent("CALL_CLOSED");
            await Until(http, async () => await Lamp(http, "phone-202", 1) == "off/off", "202's lamp off");
            await Until(http, async () => await Lamp(http, "phone-201", 2) == "off/off", "reception's BLF lamp off");
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static async Task<JsonElement> Get(HttpClient http, string path)
    {
        var r = await http.GetAsync(path);
        Assert.True(r.IsSuccessStatusCode, path + ": " + r.StatusCode + " " + await r.Content.ReadAsStringAsync());
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task Post(HttpClient http, string path)
    {
        var r = await http.PostAsync(path, null);
        Assert.True(r.IsSuccessStatusCode, path + ": " + r.StatusCode + " " + await r.Content.ReadAsStringAsync());
    }

    /// <summary>"colour/cadence" of lamp <paramref name="line"/>.</summary>
    private static async Task<string> Lamp(HttpClient http, string phone, int line)
    {
        var lamp = (await Get(http, $"api/phones/{phone}/lamps")).EnumerateArray().First(l => l.GetProperty("lamp").GetInt32() == line);
        return lamp.GetProperty("colour").GetString() + "/" + lamp.GetProperty("cadence").GetString();
    }

    private static async Task<string[]> Lines(HttpClient http, string phone) =>
        (await Get(http, $"api/phones/{phone}/display")).GetProperty("lines").EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>Polls every 50 ms, at most 10 s; on failure shows both phones' last log lines.</summary>
    private static async Task Until(HttpClient http, Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var logs = new List<string>();
                foreach (var id in new[] { "phone-201", "phone-202" })
                    logs.AddRange((await Get(http, $"api/phones/{id}/log")).EnumerateArray().Select(e => e.GetString()!).TakeLast(15));
                Assert.Fail($"never: {what}\n{string.Join("\n", logs)}");
            }
            await Task.Delay(50);
        }
    }
}
