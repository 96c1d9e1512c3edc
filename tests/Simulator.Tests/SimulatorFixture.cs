using System.Net.Http.Json;
using System.Text.Json;
using DeskPhone.Simulator;

namespace DeskPhone.Simulator.Tests;

/// <summary>A simulator in virtual time on a free loopback port, running the example office.</summary>
public sealed class RunningSimulator : IAsyncDisposable
{
    public SimulatorApp App { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public static async Task<RunningSimulator> StartAsync(params string[] deviceFiles)
    {
        var files = deviceFiles.Length > 0
            ? deviceFiles
            : Directory.GetFiles(Checkout.Path("examples", "devices"), "*.json").Order().ToArray();
        var sim = new RunningSimulator();
        sim.App = await SimulatorApp.StartAsync(new HostOptions { DeviceFiles = files, VirtualTime = true }, port: 0);
        sim.Http = new HttpClient { BaseAddress = new Uri(sim.App.Url + "/") };
        return sim;
    }

    public async Task<JsonElement> Get(string path)
    {
        var r = await Http.GetAsync(path);
        Assert.True(r.IsSuccessStatusCode, path + ": " + r.StatusCode + " " + await r.Content.ReadAsStringAsync());
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> Post(string path, object? body = null)
    {
        var r = body == null ? await Http.PostAsync(path, null) : await Http.PostAsJsonAsync(path, body);
        Assert.True(r.IsSuccessStatusCode, path + ": " + r.StatusCode + " " + await r.Content.ReadAsStringAsync());
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> Lamp(string phone, int line) =>
        (await Get($"api/phones/{phone}/lamps")).EnumerateArray().First(l => l.GetProperty("lamp").GetInt32() == line);

    public async Task<string[]> ScreenLines(string phone) =>
        (await Get($"api/phones/{phone}/display")).GetProperty("lines").EnumerateArray().Select(e => e.GetString()!).ToArray();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}
