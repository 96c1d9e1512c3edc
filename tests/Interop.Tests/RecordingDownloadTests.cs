// A recording taken off the phone through its own control API over HTTPS: phone 201 and baresip 202 through a real Kamailio, tones checked by frequency.
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Tests;
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Interop.Tests.Harness;
using DeskPhone.Softswitch;

namespace DeskPhone.Interop.Tests;

/// <summary>
/// The phone records every call (forced), serves its API over HTTPS with a certificate made here, and
/// a CRM-like client holding the token lists the recordings and downloads one: it must hold the phone's
/// microphone tone and baresip's tone. With recording.download false the same download is 403.
/// </summary>
public sealed class RecordingDownloadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private const string Token = "crm-download-0123456789";
    private const int PhoneTone = 1000;
    private const int FarTone = 700;
    private const int Rate = 8000;

    private sealed class Rig : IDisposable
    {
        public readonly KamailioProcess Kamailio;
        public readonly BaresipProcess Far;
        public readonly LivePhone Phone;
        public readonly HttpClient Api;
        private readonly X509Certificate2 _certificate;
        private readonly string _dir;

        public Rig(bool download, int rtpPortBase)
        {
            _dir = Directory.CreateTempSubdirectory("deskphone-recdl-").FullName;
            string wav = Path.Combine(_dir, "far-tone.wav");
            File.WriteAllBytes(wav, WavFile.Write(Rate, Sine(FarTone, Rate * 30)));
            _certificate = SelfSigned(_dir);
            Kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret").Start();
            Far = new BaresipProcess(Kamailio, "202", "bob-secret", audio: new BaresipAudio { Codecs = new[] { "g711" }, SourceWav = wav }).Start();
            Assert.Equal("REGISTER_OK", Far.Register().Type);
            int apiPort = FreePorts.Tcp();
            string file = Kamailio.WriteDeviceFile(_dir, "201", "reception-secret");
            string text = File.ReadAllText(file).TrimEnd();
            text = text.Substring(0, text.Length - 1) + $$"""
                , "recording": { "mode": "forced", "download": {{(download ? "true" : "false")}}, "notice": false },
                  "api": { "enabled": true, "port": {{apiPort}}, "token": "{{Token}}", "allow": ["127.0.0.1"],
                           "tls": { "certificate": "api-cert.pem", "key": "api-key.pem" } } }
                """;
            File.WriteAllText(file, text);
            Phone = new LivePhone(file, rtpPortBase);
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Registration == RegistrationState.Registered, Patience), Why());
            Assert.True(Phone.Do(() => Phone.Firmware.ApiIsHttps), "the API is not on HTTPS\n" + Why());
            string thumbprint = _certificate.Thumbprint;
            var handler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, cert, _, _) => cert != null && new X509Certificate2(cert).Thumbprint == thumbprint,
                },
            };
            Api = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{apiPort}/"), Timeout = TimeSpan.FromSeconds(30) };
            Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        public string Why() => $"phone log {Phone.LogPath}:\n{Phone.Tail()}\nbaresip log {Far.LogPath}\nkamailio log {Kamailio.LogPath}";

        /// <summary>The phone calls baresip, which answers; the phone's microphone plays its tone; baresip hangs up after <paramref name="seconds"/> of audio.</summary>
        public void RecordedCall(double seconds)
        {
            Phone.Dial("202");
            Far.WaitForEvent("CALL_INCOMING");
            Far.Answer();
            Far.WaitForEvent("CALL_ESTABLISHED");
            Assert.True(Phone.WaitFor(() => Phone.Firmware.IsRecording, Patience), Why());
            Phone.Sim.Audio.FeedMicrophone(new WavAudio(Rate, Sine(PhoneTone, (int)(Rate * (seconds + 1)))), Rate);
            var audio = Phone.Sim.Audio;
            audio.StartCapture();
            Assert.True(Phone.WaitFor(() => audio.Captured().Length >= Rate * seconds, Patience), Why());
            Far.Hangup();
            Far.WaitForEvent("CALL_CLOSED");
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Mode == PhoneMode.Idle && !Phone.Firmware.IsRecording, Patience), Why());
        }

        public void Dispose()
        {
            Api.Dispose();
            Phone.Dispose();
            Far.Dispose();
            Kamailio.Dispose();
            _certificate.Dispose();
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A self-signed certificate for 127.0.0.1 whose PEM certificate and key are written beside the device file.</summary>
    private static X509Certificate2 SelfSigned(string dir)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(dir, "api-cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(dir, "api-key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    private static short[] Sine(int hz, int count)
    {
        var s = new short[count];
        for (int i = 0; i < count; i++) s[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / Rate));
        return s;
    }

    private static void Present(short[] block, int hz, string what)
    {
        double floor = Math.Pow(block.Length * 1000.0, 2) / 4; // a sine of amplitude 1000 over the block
        double p = Goertzel.Power(block, Rate, hz);
        Assert.True(p > floor, $"{what}: {hz} Hz at {p:E2}, below {floor:E2} ({block.Length} samples)");
    }

    private static JsonElement Only(JsonElement list, Rig rig)
    {
        var recordings = list.GetProperty("recordings").EnumerateArray().ToArray();
        Assert.True(recordings.Length == 1, list + "\n" + rig.Why());
        return recordings[0];
    }

    [Fact]
    public async Task A_forced_recording_is_listed_with_its_call_and_downloaded_over_https_holding_both_tones()
    {
        using var rig = new Rig(download: true, rtpPortBase: 26000);
        rig.RecordedCall(3.0);
        var entry = rig.Phone.Do(() => rig.Phone.Firmware.History.Select(DeskPhone.Firmware.History.HistoryFilter.All)[0]);

        var list = JsonDocument.Parse(await rig.Api.GetStringAsync("/api/recordings")).RootElement;
        var r = Only(list, rig);
        Assert.Equal(entry.Recording, r.GetProperty("name").GetString());
        Assert.Equal(entry.CallId, r.GetProperty("call").GetProperty("callId").GetString());
        Assert.Equal("202", r.GetProperty("call").GetProperty("number").GetString());
        var response = await rig.Api.GetAsync("/api/recordings/" + r.GetProperty("file").GetString());
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType!.MediaType);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(r.GetProperty("bytes").GetInt32(), bytes.Length);
        Assert.True(WavFile.TryRead(bytes, out var wav, out var reason), reason);
        Assert.Equal(Rate, wav!.SampleRate);
        Assert.InRange(wav.Samples.Length, Rate * 2, Rate * 8);
        var middle = wav.Samples[(Rate * 1)..(int)(Rate * 2.5)];
        Present(middle, PhoneTone, "the downloaded recording: the phone's microphone");
        Present(middle, FarTone, "the downloaded recording: baresip");
    }

    [Fact]
    public async Task Without_download_in_the_policy_the_same_request_gets_403_while_the_recording_stays_listed()
    {
        using var rig = new Rig(download: false, rtpPortBase: 26500);
        rig.RecordedCall(1.5);

        var list = JsonDocument.Parse(await rig.Api.GetStringAsync("/api/recordings")).RootElement;
        var r = Only(list, rig);
        Assert.False(list.GetProperty("download").GetBoolean());
        var response = await rig.Api.GetAsync("/api/recordings/" + r.GetProperty("file").GetString());

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Contains("recording.download is false", await response.Content.ReadAsStringAsync());
        Assert.True(rig.Phone.Sim.Storage.Length(r.GetProperty("name").GetString()!) > 44);
    }
}
