// Recordings through the phone's control API: listed with their calls, downloaded in pieces when the office allows, deleted by the token holder.
using System.Text;
using System.Text.Json;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Media.Recording;
using DeskPhone.Firmware.Tests.Http;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Firmware.Tests.Phone;

public class ControlApiRecordingsTests
{
    private const string Token = "crm-secret-0123456789";
    private const string Api = """ "api": { "enabled": true, "port": 8088, "token": "crm-secret-0123456789", "allow": ["127.0.1.50"] }, """;
    private const string Stored = "rec/20261123-090000-202.wav";

    /// <summary>Memory storage that notes every whole-file read and every piece read.</summary>
    private sealed class SpyStorage : IStorage
    {
        public readonly MemoryStorage Inner = new();
        public readonly List<string> WholeReads = new();
        public int LargestPiece;

        public byte[]? Read(string name) { WholeReads.Add(name); return Inner.Read(name); }
        public bool WriteAtomic(string name, byte[] data, int offset, int count) => Inner.WriteAtomic(name, data, offset, count);
        public bool Delete(string name) => Inner.Delete(name);
        public string[] List() => Inner.List();
        public int Length(string name) => Inner.Length(name);
        public bool Append(string name, byte[] data, int offset, int count) => Inner.Append(name, data, offset, count);
        public bool WriteAt(string name, int position, byte[] data, int offset, int count) => Inner.WriteAt(name, position, data, offset, count);
        public int ReadAt(string name, int position, byte[] buffer, int offset, int count)
        {
            LargestPiece = Math.Max(LargestPiece, count);
            return Inner.ReadAt(name, position, buffer, offset, count);
        }
    }

    private sealed record Answer(int Status, string Head, byte[] Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
        public string Error => Json.GetProperty("error").GetString()!;
    }

    private static Answer Call(PhoneRig rig, string method, string path, string? token = Token, int waitMs = 500)
    {
        var client = new RawClient(rig.Wire.Hosts.Any(h => h.LocalAddress == "127.0.1.50") ? rig.Wire.Host("127.0.1.50") : rig.Wire.AddHost("127.0.1.50"), "127.0.1.1", 8088);
        string auth = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
        client.Send(method + " " + path + " HTTP/1.1\r\nHost: phone\r\n" + auth + "Connection: close\r\n\r\n");
        rig.Wait(waitMs);
        Assert.True(client.Closed, "no answer to " + method + " " + path);
        byte[] all = Encoding.Latin1.GetBytes(client.Received);
        int split = client.Received.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        return new Answer(int.Parse(client.Received.Substring(9, 3)), client.Received[..split], all[split..]);
    }

    /// <summary>A 6-second 8 kHz WAV (96 KB of samples) as the recorder leaves it.</summary>
    private static byte[] Wav(int seconds = 6)
    {
        var b = new byte[WavHeader.Size + seconds * 16000];
        WavHeader.Write(b, 0, 8000, seconds * 16000);
        for (int i = WavHeader.Size; i < b.Length; i++) b[i] = (byte)(i * 7);
        return b;
    }

    private static PhoneRig PhoneWith(string recording, SpyStorage storage)
    {
        var wav = Wav();
        storage.Inner.WriteAtomic(Stored, wav, 0, wav.Length);
        return new PhoneRig(RecordingRig.Config(recording, Api), storage, farEnd: true);
    }

    [Fact]
    public void A_recording_downloads_whole_as_audio_wav_read_from_storage_in_4_KB_pieces_never_whole()
    {
        var storage = new SpyStorage();
        var rig = PhoneWith("""{ "mode": "on", "download": true }""", storage);

        var a = Call(rig, "GET", "/api/recordings/20261123-090000-202.wav");

        Assert.Equal(200, a.Status);
        Assert.Contains("Content-Type: audio/wav\r\n", a.Head);
        Assert.Contains("Content-Length: " + Wav().Length + "\r\n", a.Head);
        Assert.Contains("Content-Disposition: attachment; filename=\"20261123-090000-202.wav\"\r\n", a.Head);
        Assert.Equal(Wav(), a.Body);
        Assert.DoesNotContain(Stored, storage.WholeReads);
        Assert.Equal(4096, storage.LargestPiece);
        rig.NoLoopFailures();
    }

    [Fact]
    public void Without_download_in_the_policy_the_file_and_its_deletion_are_refused_with_403_and_the_reason()
    {
        var storage = new SpyStorage();
        var rig = PhoneWith("""{ "mode": "forced", "download": false }""", storage);

        var get = Call(rig, "GET", "/api/recordings/20261123-090000-202.wav");
        var delete = Call(rig, "DELETE", "/api/recordings/20261123-090000-202.wav");

        Assert.Equal(403, get.Status);
        Assert.Contains("recording.download is false", get.Error);
        Assert.Equal(403, delete.Status);
        Assert.Equal(Wav().Length, storage.Length(Stored));
        var list = Call(rig, "GET", "/api/recordings").Json;
        Assert.False(list.GetProperty("download").GetBoolean());
        Assert.Equal("20261123-090000-202.wav", list.GetProperty("recordings")[0].GetProperty("file").GetString());
    }

    [Theory]
    [InlineData("/api/recordings/..%2Fconfig%2Fdevice.json", 400)]
    [InlineData("/api/recordings/../history.bin", 400)]
    [InlineData("/api/recordings/sub/x.wav", 400)]
    [InlineData("/api/recordings/.x.wav", 400)]
    [InlineData("/api/recordings/notes.txt", 400)]
    [InlineData("/api/recordings/20261123-090000-999.wav", 404)]
    public void A_name_that_is_not_a_plain_wav_under_rec_is_refused_and_an_unknown_one_is_404(string path, int status)
    {
        var storage = new SpyStorage();
        storage.Inner.WriteAtomic("history.bin", new byte[] { 1, 2, 3 }, 0, 3);
        var rig = PhoneWith("""{ "mode": "on", "download": true }""", storage);

        var a = Call(rig, "GET", path);

        Assert.Equal(status, a.Status);
        Assert.StartsWith("{\"error\":", Encoding.UTF8.GetString(a.Body));
        Assert.Equal(new byte[] { 1, 2, 3 }, storage.Inner.Read("history.bin"));
    }

    [Fact]
    public void A_wrong_method_on_a_recording_is_405_naming_get_and_delete_and_a_missing_token_401()
    {
        var rig = PhoneWith("""{ "mode": "on", "download": true }""", new SpyStorage());

        var post = Call(rig, "POST", "/api/recordings/20261123-090000-202.wav");
        Assert.Equal(405, post.Status);
        Assert.Contains("Allow: GET, DELETE\r\n", post.Head);
        Assert.Equal(401, Call(rig, "GET", "/api/recordings/20261123-090000-202.wav", token: null).Status);
        Assert.Equal(401, Call(rig, "GET", "/api/recordings", token: null).Status);
    }

    [Fact]
    public void A_recorded_call_is_listed_with_its_call_and_length_then_deleted_while_its_history_entry_keeps_the_name()
    {
        var rig = new RecordingRig("""{ "mode": "forced", "download": true, "notice": false }""", Api);
        rig.Call();
        rig.Phone.Wait(3000);

        var during = Call(rig.Phone, "GET", "/api/recordings").Json.GetProperty("recordings")[0];
        Assert.True(during.GetProperty("inProgress").GetBoolean());
        var busy = Call(rig.Phone, "GET", "/api/recordings/" + during.GetProperty("file").GetString());
        Assert.Equal(409, busy.Status);
        Assert.Contains("still being recorded", busy.Error);

        rig.Phone.HangUp();
        var entry = rig.P.History.Select(HistoryFilter.All)[0];
        var list = Call(rig.Phone, "GET", "/api/recordings").Json;
        Assert.Equal("forced", list.GetProperty("mode").GetString());
        var r = Assert.Single(list.GetProperty("recordings").EnumerateArray().ToArray());
        Assert.Equal(entry.Recording, r.GetProperty("name").GetString());
        Assert.Equal(rig.Storage.Length(entry.Recording!), r.GetProperty("bytes").GetInt32());
        var (rate, samples) = rig.Wav(entry.Recording!);
        Assert.Equal(Math.Floor(samples.Length * 100.0 / rate) / 100, r.GetProperty("seconds").GetDouble(), 3);
        Assert.InRange(r.GetProperty("seconds").GetDouble(), 3.8, 4.4); // 3 s, then two API calls of 0.5 s each while recording
        Assert.False(r.GetProperty("screened").GetBoolean());
        Assert.False(r.GetProperty("inProgress").GetBoolean());
        var call = r.GetProperty("call");
        Assert.Equal(entry.CallId, call.GetProperty("callId").GetString());
        Assert.Equal("5", call.GetProperty("number").GetString());
        Assert.Equal("placed", call.GetProperty("kind").GetString());
        Assert.Equal(entry.DurationSeconds, call.GetProperty("durationSeconds").GetInt32());
        Assert.Equal(JsonValueKind.Null, call.GetProperty("outcome").ValueKind);

        string file = r.GetProperty("file").GetString()!;
        var deleted = Call(rig.Phone, "DELETE", "/api/recordings/" + file);
        Assert.Equal(200, deleted.Status);
        Assert.Equal(-1, rig.Storage.Length(entry.Recording!));
        Assert.Empty(Call(rig.Phone, "GET", "/api/recordings").Json.GetProperty("recordings").EnumerateArray());
        var gone = Call(rig.Phone, "GET", "/api/recordings/" + file);
        Assert.Equal(410, gone.Status);
        Assert.Contains("was deleted", gone.Error);
        Assert.Equal(entry.Recording, rig.P.History.Select(HistoryFilter.All)[0].Recording);
        rig.Phone.NoLoopFailures();
    }

    [Fact]
    public void Https_configured_on_a_network_without_tls_keeps_the_api_off_with_a_clear_log_line_never_plain_http()
    {
        var storage = new SpyStorage();
        storage.Inner.WriteAtomic("api-cert.pem", Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----"), 0, 27);
        storage.Inner.WriteAtomic("api-key.pem", Encoding.ASCII.GetBytes("-----BEGIN PRIVATE KEY-----"), 0, 27);
        string api = """ "api": { "enabled": true, "port": 8088, "token": "crm-secret-0123456789", "allow": ["127.0.1.50"], "tls": { "certificate": "api-cert.pem", "key": "api-key.pem" } }, """;
        var rig = new PhoneRig(RecordingRig.Config("", api), storage, farEnd: true);

        Assert.Equal(0, rig.Phone.ApiPort);
        Assert.Contains(rig.Log.Lines(), l => l.Message.StartsWith("control API not started: HTTPS on port 8088 failed: the in-memory network has no TLS"));
        var client = new RawClient(rig.Wire.AddHost("127.0.1.50"), "127.0.1.1", 8088);
        client.Send("GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n");
        rig.Wait(50);
        Assert.Contains("refused", client.ClosedReason);
    }

    [Fact]
    public void Https_whose_key_is_not_in_storage_keeps_the_api_off_naming_the_missing_file()
    {
        var storage = new SpyStorage();
        storage.Inner.WriteAtomic("api-cert.pem", Encoding.ASCII.GetBytes("x"), 0, 1);
        string api = """ "api": { "enabled": true, "token": "crm-secret-0123456789", "tls": { "certificate": "api-cert.pem", "key": "api-key.pem" } }, """;
        var rig = new PhoneRig(RecordingRig.Config("", api), storage);

        Assert.Equal(0, rig.Phone.ApiPort);
        Assert.Contains(rig.Log.Lines(), l => l.Message == "control API not started: HTTPS key 'api-key.pem' (api.tls.key) is not in the phone's storage");
    }
}
