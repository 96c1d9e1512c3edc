// The simulated phones' own control API (device file "api") is reachable on loopback, a port per phone.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using DeskPhone.Simulator;

namespace DeskPhone.Simulator.Tests;

public class PhoneApiTests
{
    private const string Token = "sim-token-0123456789";

    private static string DeviceFile(string dir, string id, string ext, int apiPort)
    {
        string file = Path.Combine(dir, id + ".json");
        File.WriteAllText(file, $$"""
            {
              "device": { "id": "{{id}}", "name": "Desk {{ext}}", "extension": "{{ext}}", "board": "sim-desk-8" },
              "accounts": [ { "id": "main", "user": "{{ext}}", "domain": "office.example", "registrar": "sip:127.0.0.1:9" } ],
              "api": { "enabled": true, "port": {{apiPort}}, "token": "{{Token}}" }
            }
            """);
        return file;
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    [Fact]
    public async Task Two_phones_whose_files_name_the_same_api_port_each_get_their_own_and_both_answer()
    {
        string dir = Directory.CreateTempSubdirectory("deskphone-api-").FullName;
        try
        {
            int port = FreePort();
            var files = new[] { DeviceFile(dir, "desk-a", "301", port), DeviceFile(dir, "desk-b", "302", port) };
            using var host = new PhoneHost(new HostOptions { DeviceFiles = files, RtpPortBase = 24000 });
            var a = host.Get("desk-a");
            var b = host.Get("desk-b");
            Assert.Equal(port, host.Do(a, () => a.Firmware.ApiPort));
            int other = host.Do(b, () => b.Firmware.ApiPort);
            Assert.NotEqual(0, other);
            Assert.NotEqual(port, other);

            using var http = new HttpClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            Assert.Contains("\"device\":\"desk-a\"", await http.GetStringAsync($"http://127.0.0.1:{port}/api/status"));
            Assert.Contains("\"device\":\"desk-b\"", await http.GetStringAsync($"http://127.0.0.1:{other}/api/status"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
