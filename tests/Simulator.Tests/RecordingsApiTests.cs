// The control API's recordings: the list with each file's call and length, and downloads only when the office allows them.
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeskPhone.Hal.Simulated.Audio;

namespace DeskPhone.Simulator.Tests;

public sealed class RecordingsApiTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "deskphone-recapi-" + Guid.NewGuid().ToString("N"));

    public RecordingsApiTests() { Directory.CreateDirectory(_dir); }

    public void Dispose() { if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true); }

    /// <summary>The example reception phone with <paramref name="recording"/> as its policy.</summary>
    private string Reception(string recording)
    {
        var json = JsonNode.Parse(File.ReadAllText(Checkout.Path("examples", "devices", "reception.json")))!.AsObject();
        json["recording"] = JsonNode.Parse(recording);
        string path = Path.Combine(_dir, "reception.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static void PutWav(RunningSimulator sim, string name, int seconds)
    {
        var wav = WavFile.Write(8000, new short[8000 * seconds]);
        Assert.True(sim.App.Host.Get("reception-1").Storage.WriteAtomic(name, wav, 0, wav.Length));
    }

    [Fact]
    public async Task The_list_gives_each_recording_with_its_size_and_length_and_the_policy()
    {
        await using var sim = await RunningSimulator.StartAsync(Reception("""{ "mode": "forced", "download": true, "notice": false, "maxSeconds": 900 }"""));
        PutWav(sim, "rec/20261121-090000-202.wav", 2);
        PutWav(sim, "rec/20261121-091500-203-screened.wav", 1);

        var r = await sim.Get("api/phones/reception-1/recordings");

        Assert.Equal("forced", r.GetProperty("policy").GetProperty("mode").GetString());
        Assert.True(r.GetProperty("policy").GetProperty("download").GetBoolean());
        Assert.Equal(900, r.GetProperty("policy").GetProperty("maxSeconds").GetInt32());
        var list = r.GetProperty("recordings").EnumerateArray().ToArray();
        Assert.Equal(2, list.Length);
        Assert.Equal("rec/20261121-091500-203-screened.wav", list[0].GetProperty("name").GetString());
        Assert.True(list[0].GetProperty("screened").GetBoolean());
        Assert.Equal(1.0, list[0].GetProperty("seconds").GetDouble());
        Assert.Equal(44 + 32000, list[1].GetProperty("bytes").GetInt32());
        Assert.Equal(2.0, list[1].GetProperty("seconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, list[1].GetProperty("call").ValueKind); // no history entry names it
    }

    [Fact]
    public async Task A_recording_downloads_as_its_WAV_bytes_when_the_policy_allows_it()
    {
        await using var sim = await RunningSimulator.StartAsync(Reception("""{ "mode": "on", "download": true }"""));
        PutWav(sim, "rec/20261121-090000-202.wav", 1);

        var r = await sim.Http.GetAsync("api/phones/reception-1/recordings/20261121-090000-202.wav");

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("audio/wav", r.Content.Headers.ContentType!.MediaType);
        Assert.Equal(sim.App.Host.Get("reception-1").Storage.Read("rec/20261121-090000-202.wav"), await r.Content.ReadAsByteArrayAsync());
        var missing = await sim.Http.GetAsync("api/phones/reception-1/recordings/nothing.wav");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var climbing = await sim.Http.GetAsync("api/phones/reception-1/recordings/..%2Fhistory.bin");
        Assert.Equal(HttpStatusCode.NotFound, climbing.StatusCode);
    }

    [Fact]
    public async Task Without_the_offices_permission_a_download_is_refused_with_403_and_the_reason()
    {
        await using var sim = await RunningSimulator.StartAsync(Reception("""{ "mode": "on", "download": false }"""));
        PutWav(sim, "rec/20261121-090000-202.wav", 1);

        var r = await sim.Http.GetAsync("api/phones/reception-1/recordings/20261121-090000-202.wav");

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("recording.download is false", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Record_and_screen_outside_a_call_answer_with_the_phones_message()
    {
        await using var sim = await RunningSimulator.StartAsync(Reception("""{ "mode": "off" }"""));

        var rec = await sim.Post("api/phones/reception-1/recording/toggle");
        Assert.Equal("Recording is off", rec.GetProperty("message").GetString());
        var screen = await sim.Post("api/phones/reception-1/screening/start");
        Assert.Equal("No call to screen", screen.GetProperty("message").GetString());
        Assert.False(screen.GetProperty("screening").GetBoolean());
    }
}
