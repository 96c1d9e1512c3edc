// The shell side of the control API: each subcommand is one HTTP call, printed for a person.
using System.Net.Http.Json;
using System.Text.Json;

namespace DeskPhone.Simulator;

/// <summary>Runs the client subcommands against a running simulator.</summary>
public static class CliClient
{
    /// <summary>Executes <paramref name="args"/> (a client command), writing results to <paramref name="output"/>.</summary>
    public static async Task<int> Execute(string[] args, TextWriter output)
    {
        string api = Environment.GetEnvironmentVariable("DESKPHONE_SIM") ?? "http://127.0.0.1:" + Program.DefaultPort;
        var rest = new List<string>();
        int? hold = null, scale = null;
        string? png = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--api": api = Program.Value(args, ++i, "--api"); break;
                case "--hold": hold = Program.ParseInt(args, ++i, "--hold", 0, 60000); break;
                case "--png": png = Program.Value(args, ++i, "--png"); break;
                case "--scale": scale = Program.ParseInt(args, ++i, "--scale", 1, 16); break;
                default: rest.Add(args[i]); break;
            }
        }
        using var http = new HttpClient { BaseAddress = new Uri(api.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        string cmd = rest[0];
        string Arg(int n, string what) => rest.Count > n ? Uri.EscapeDataString(rest[n]) : throw new UsageException(cmd + " needs " + what);
        try
        {
            switch (cmd)
            {
                case "phones": return await Print(http.GetAsync("api/phones"), output);
                case "status": return await Print(http.GetAsync($"api/phones/{Arg(1, "a phone id")}"), output);
                case "press":
                    return await Print(http.PostAsync($"api/phones/{Arg(1, "a phone id")}/keys/{Arg(2, "a key")}/press" + (hold is int h ? "?holdMs=" + h : ""), null), output);
                case "long-press": return await Print(http.PostAsync($"api/phones/{Arg(1, "a phone id")}/keys/{Arg(2, "a key")}/long-press", null), output);
                case "down": return await Print(http.PostAsync($"api/phones/{Arg(1, "a phone id")}/keys/{Arg(2, "a key")}/down", null), output);
                case "up": return await Print(http.PostAsync($"api/phones/{Arg(1, "a phone id")}/keys/{Arg(2, "a key")}/up", null), output);
                case "hook": return await Print(http.PostAsync($"api/phones/{Arg(1, "a phone id")}/hook/{Arg(2, "off or on")}", null), output);
                case "dial":
                    return await Print(http.PostAsJsonAsync($"api/phones/{Arg(1, "a phone id")}/dial", new { digits = rest.Count > 2 ? rest[2] : throw new UsageException("dial needs digits") }), output);
                case "lamps": return await PrintLamps(http, Arg(1, "a phone id"), output);
                case "screen":
                    if (png != null)
                    {
                        var r = await http.GetAsync($"api/phones/{Arg(1, "a phone id")}/display.png?scale={scale ?? 1}");
                        if (!r.IsSuccessStatusCode) return await Print(Task.FromResult(r), output);
                        await File.WriteAllBytesAsync(png, await r.Content.ReadAsByteArrayAsync());
                        output.WriteLine("saved " + png);
                        return 0;
                    }
                    return await PrintScreen(http, Arg(1, "a phone id"), output);
                case "art":
                    var art = await http.GetAsync($"api/phones/{Arg(1, "a phone id")}/display.txt");
                    if (!art.IsSuccessStatusCode) return await Print(Task.FromResult(art), output);
                    output.Write(ScreenArt.Blocks(await art.Content.ReadAsStringAsync()));
                    return 0;
                case "calls": return await Print(http.GetAsync($"api/phones/{Arg(1, "a phone id")}/calls"), output);
                case "log":
                    var log = await http.GetAsync($"api/phones/{Arg(1, "a phone id")}/log");
                    if (!log.IsSuccessStatusCode) return await Print(Task.FromResult(log), output);
                    foreach (var line in (await log.Content.ReadFromJsonAsync<string[]>())!) output.WriteLine(line);
                    return 0;
                case "mic":
                    string wav = rest.Count > 2 ? rest[2] : throw new UsageException("mic needs a WAV file");
                    if (!File.Exists(wav)) throw new SimulatorException("no such file: " + wav);
                    var content = new ByteArrayContent(await File.ReadAllBytesAsync(wav));
                    content.Headers.ContentType = new("audio/wav");
                    return await Print(http.PostAsync($"api/phones/{Arg(1, "a phone id")}/microphone", content), output);
                case "speaker":
                    string what = rest.Count > 2 ? rest[2] : throw new UsageException("speaker needs 'start' or 'save FILE.wav'");
                    if (what == "start") return await Print(http.PostAsync($"api/phones/{Arg(1, "a phone id")}/speaker/start", null), output);
                    if (what != "save" || rest.Count < 4) throw new UsageException("speaker needs 'start' or 'save FILE.wav'");
                    var sound = await http.GetAsync($"api/phones/{Arg(1, "a phone id")}/speaker.wav");
                    if (!sound.IsSuccessStatusCode) return await Print(Task.FromResult(sound), output);
                    await File.WriteAllBytesAsync(rest[3], await sound.Content.ReadAsByteArrayAsync());
                    output.WriteLine("saved " + rest[3]);
                    return 0;
                case "advance":
                    return await Print(http.PostAsync($"api/clock/advance?ms={Arg(1, "milliseconds")}", null), output);
                default:
                    throw new UsageException("unknown command '" + cmd + "'");
            }
        }
        catch (HttpRequestException e)
        {
            throw new SimulatorException($"cannot reach the simulator at {api} ({e.Message}); start it with 'deskphone-sim demo' or pass --api");
        }
    }

    private static async Task<int> Print(Task<HttpResponseMessage> call, TextWriter output)
    {
        var r = await call;
        string body = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode)
        {
            string message = body;
            try { message = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString() ?? body; } catch (JsonException) { } catch (KeyNotFoundException) { }
            output.WriteLine("error: " + message);
            return 1;
        }
        try
        {
            using var doc = JsonDocument.Parse(body);
            output.WriteLine(JsonSerializer.Serialize(doc.RootElement, new JsonSerializerOptions { WriteIndented = true }));
        }
        catch (JsonException)
        {
            output.WriteLine(body);
        }
        return 0;
    }

    private static async Task<int> PrintLamps(HttpClient http, string phone, TextWriter output)
    {
        var r = await http.GetAsync($"api/phones/{phone}/lamps");
        if (!r.IsSuccessStatusCode) return await Print(Task.FromResult(r), output);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        foreach (var lamp in doc.RootElement.EnumerateArray())
        {
            string colour = lamp.GetProperty("colour").GetString()!;
            string cadence = lamp.GetProperty("cadence").GetString()!;
            string label = lamp.GetProperty("label").GetString() ?? "";
            output.WriteLine($"{lamp.GetProperty("key").GetString(),-7} {label,-16} {(colour == "off" ? "off" : colour + " " + cadence)}");
        }
        return 0;
    }

    private static async Task<int> PrintScreen(HttpClient http, string phone, TextWriter output)
    {
        var r = await http.GetAsync($"api/phones/{phone}/display");
        if (!r.IsSuccessStatusCode) return await Print(Task.FromResult(r), output);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        foreach (var line in doc.RootElement.GetProperty("lines").EnumerateArray()) output.WriteLine(line.GetString());
        return 0;
    }
}
