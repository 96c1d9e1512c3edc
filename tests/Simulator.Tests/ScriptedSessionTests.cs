using System.Net.Http.Json;
using System.Buffers.Binary;
using System.IO.Compression;

namespace DeskPhone.Simulator.Tests;

/// <summary>What a tester does with the simulator: start phones, press keys, read lamps and the screen.</summary>
public class ScriptedSessionTests
{
    [Fact]
    public async Task A_tester_starts_a_phone_presses_a_line_key_and_reads_the_lamp_and_the_display_png()
    {
        await using var sim = await RunningSimulator.StartAsync();

        var phones = await sim.Get("api/phones");
        Assert.Contains(phones.EnumerateArray(), p => p.GetProperty("id").GetString() == "reception-1");
        var idleLamp = await sim.Lamp("reception-1", 1);
        Assert.Equal("off", idleLamp.GetProperty("colour").GetString());
        byte[] idlePng = await sim.Http.GetByteArrayAsync("api/phones/reception-1/display.png");

        var after = await sim.Post("api/phones/reception-1/keys/line1/press");
        Assert.Equal("dialing", after.GetProperty("mode").GetString());
        Assert.Equal("dial", after.GetProperty("tone").GetString());

        var lamp = await sim.Lamp("reception-1", 1);
        Assert.Equal("green", lamp.GetProperty("colour").GetString());
        Assert.Equal("steady", lamp.GetProperty("cadence").GetString());
        Assert.Equal("Line 1", lamp.GetProperty("label").GetString());

        byte[] png = await sim.Http.GetByteArrayAsync("api/phones/reception-1/display.png");
        var (w, h, pixels) = Png.DecodeGray(png);
        Assert.Equal((128, 64), (w, h));
        Assert.NotEqual(idlePng, png);
        var art = (await sim.Http.GetStringAsync("api/phones/reception-1/display.txt")).Split('\n');
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 128; x++)
                Assert.Equal(art[y][x] == '#', pixels[y * 128 + x] == 0xFF);
        Assert.Contains(await sim.ScreenLines("reception-1"), l => l.StartsWith("Line 1"));
    }

    [Fact]
    public async Task Every_phone_boots_to_an_idle_screen_with_its_name_extension_registration_and_time()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var lines = await sim.ScreenLines("assistant-bob");
        Assert.Equal("Bob Stone | 09:00", lines[0]);
        Assert.Equal("202  Registering", lines[1]); // virtual time has no softswitch: the in-memory wire has no 127.0.0.1
        foreach (var lamp in (await sim.Get("api/phones/assistant-bob/lamps")).EnumerateArray())
            Assert.Equal("off", lamp.GetProperty("colour").GetString());
    }

    [Fact]
    public async Task Hook_dial_and_long_press_work_through_the_api()
    {
        await using var sim = await RunningSimulator.StartAsync();
        await sim.Post("api/phones/reception-1/hook/off");
        var dialed = await sim.Post("api/phones/reception-1/dial", new { digits = "2025550143" });
        Assert.Equal("2025550143", dialed.GetProperty("dialString").GetString());
        Assert.Contains(await sim.ScreenLines("reception-1"), l => l.Contains("2025550143"));
        var hungUp = await sim.Post("api/phones/reception-1/hook/on");
        Assert.Equal("idle", hungUp.GetProperty("mode").GetString());

        await sim.Post("api/phones/reception-1/keys/line4/long-press");
        Assert.Contains(await sim.ScreenLines("reception-1"), l => l.StartsWith("Key 4: BLF"));
    }

    [Fact]
    public async Task Virtual_time_moves_only_when_the_tester_advances_it()
    {
        await using var sim = await RunningSimulator.StartAsync();
        long t0 = (await sim.Get("api/clock")).GetProperty("nowMs").GetInt64();
        Assert.Equal(0, t0);
        var advanced = await sim.Post("api/clock/advance?ms=120000");
        Assert.Equal(120000, advanced.GetProperty("nowMs").GetInt64());
        Assert.StartsWith("Reception | 09:02", (await sim.ScreenLines("reception-1"))[0]);
    }

    [Fact]
    public async Task The_speaker_capture_holds_the_dial_tone_as_a_wav()
    {
        await using var sim = await RunningSimulator.StartAsync();
        await sim.Post("api/phones/reception-1/speaker/start");
        await sim.Post("api/phones/reception-1/hook/off");
        await sim.Post("api/clock/advance?ms=1000");
        byte[] wav = await sim.Http.GetByteArrayAsync("api/phones/reception-1/speaker.wav");
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal(8000, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)));
        int samples = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(40)) / 2;
        Assert.InRange(samples, 7800, 8400);
        var pcm = new short[samples];
        for (int i = 0; i < samples; i++) pcm[i] = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(44 + 2 * i));
        Assert.True(Tone.Power(pcm, 350) > 1000 * Tone.Power(pcm, 1000));
    }

    [Fact]
    public async Task A_wav_fed_to_the_microphone_is_queued_at_the_codec_rate()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var wav = DeskPhone.Hal.Simulated.Audio.WavFile.Write(16000, new short[16000]);
        var content = new ByteArrayContent(wav);
        var r = await sim.Http.PostAsync("api/phones/reception-1/microphone", content);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, body);
        Assert.Contains("\"queuedSamples\":8000", body);
        var bad = await sim.Http.PostAsync("api/phones/reception-1/microphone", new ByteArrayContent(new byte[] { 1, 2, 3 }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not a RIFF/WAVE file", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_phones_and_keys_get_clear_errors()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var noPhone = await sim.Http.PostAsync("api/phones/nobody/keys/line1/press", null);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, noPhone.StatusCode);
        Assert.Contains("no phone 'nobody'", await noPhone.Content.ReadAsStringAsync());
        var noKey = await sim.Http.PostAsync("api/phones/reception-1/keys/flux/press", null);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Contains("no key named 'flux'", await noKey.Content.ReadAsStringAsync());
        var badHook = await sim.Http.PostAsync("api/phones/reception-1/hook/sideways", null);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badHook.StatusCode);
        var badDigits = await sim.Http.PostAsJsonAsync("api/phones/reception-1/dial", new { digits = "12a" });
        Assert.Contains("'a' is not a dial pad key", await badDigits.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_view_page_is_served_at_the_root()
    {
        await using var sim = await RunningSimulator.StartAsync();
        string html = await sim.Http.GetStringAsync("");
        Assert.Contains("<title>DeskPhone simulator</title>", html);
        Assert.Contains("/api/phones", html);
    }
}

internal static class Tone
{
    public static double Power(short[] s, double f, int rate = 8000)
    {
        double c = 2 * Math.Cos(2 * Math.PI * f / rate), s1 = 0, s2 = 0;
        foreach (var x in s) { double v = x + c * s1 - s2; s2 = s1; s1 = v; }
        return s1 * s1 + s2 * s2 - c * s1 * s2;
    }
}

/// <summary>Decodes the simulator's own PNGs (8-bit grayscale, filter 0) to check them pixel by pixel.</summary>
internal static class Png
{
    public static (int width, int height, byte[] pixels) DecodeGray(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int at = 8, width = 0, height = 0;
        using var idat = new MemoryStream();
        while (at < png.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 8));
                height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 12));
                Assert.Equal(8, png[at + 16]);
                Assert.Equal(0, png[at + 17]);
            }
            if (type == "IDAT") idat.Write(png, at + 8, len);
            at += 12 + len;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var rows = raw.ToArray();
        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * (width + 1)]);
            Array.Copy(rows, y * (width + 1) + 1, pixels, y * width, width);
        }
        return (width, height, pixels);
    }
}
