// The HTTP client against the firmware's own server on the in-memory network: POST, GET, failures and timeouts.
using DeskPhone.Firmware.Http;
using HttpClient = DeskPhone.Firmware.Http.HttpClient;

namespace DeskPhone.Firmware.Tests.Http;

public class HttpClientTests
{
    private static HttpResult? Run(HttpRig rig, Action<HttpClient, HttpDone> send, int advanceMs = 1000, int timeoutMs = 10000)
    {
        var client = new HttpClient(rig.ClientHost, rig.V.Loop) { TimeoutMs = timeoutMs };
        HttpResult? result = null;
        int calls = 0;
        send(client, r => { result = r; calls++; });
        rig.V.Advance(advanceMs);
        Assert.True(calls <= 1, "the callback ran more than once");
        return result;
    }

    [Fact]
    public void A_json_post_arrives_with_host_token_and_body_and_its_status_and_body_come_back()
    {
        var rig = new HttpRig();
        var crm = new RecordingHandler { Status = 201, Body = "{\"id\":7}" };
        rig.Serve(crm, 8000);
        var result = Run(rig, (c, done) => c.PostJson("http://127.0.2.1:8000/phone-events?x=1", "t0ken", "{\"a\":\"\u00e9\"}", done));
        Assert.NotNull(result);
        Assert.Equal(201, result!.Status);
        Assert.Equal("{\"id\":7}", result.BodyText);
        var req = Assert.Single(crm.Requests);
        Assert.Equal("POST", req.Method);
        Assert.Equal("/phone-events", req.Path);
        Assert.Equal("127.0.2.1:8000", req.Headers.Get("Host"));
        Assert.Equal("Bearer t0ken", req.Headers.Get("Authorization"));
        Assert.Equal("application/json", req.Headers.Get("Content-Type"));
        Assert.Equal("{\"a\":\"\u00e9\"}", req.BodyText);
        Assert.False(req.KeepAlive);
    }

    [Fact]
    public void An_accept_field_is_sent_when_the_client_names_one()
    {
        var rig = new HttpRig();
        var crm = new RecordingHandler();
        rig.Serve(crm);
        var result = Run(rig, (c, done) => { c.Accept = "application/json"; c.Get("http://127.0.2.1/lookup", null!, done); });
        Assert.Equal(200, result!.Status);
        Assert.Equal("application/json", Assert.Single(crm.Requests).Headers.Get("Accept"));
    }

    [Fact]
    public void A_get_without_a_token_sends_no_authorization()
    {
        var rig = new HttpRig();
        var crm = new RecordingHandler();
        rig.Serve(crm);
        var result = Run(rig, (c, done) => c.Get("http://127.0.2.1/lookup", null!, done));
        Assert.Equal(200, result!.Status);
        Assert.Null(Assert.Single(crm.Requests).Headers.Get("Authorization"));
        Assert.Equal("127.0.2.1", crm.Requests[0].Headers.Get("Host"));
    }

    [Fact]
    public void A_refused_connection_fails_with_a_reason_and_no_status()
    {
        var rig = new HttpRig();
        var result = Run(rig, (c, done) => c.PostJson("http://127.0.2.1:9/x", null!, "{}", done));
        Assert.Equal(0, result!.Status);
        Assert.Contains("refused", result.Error);
    }

    [Fact]
    public void A_server_that_never_answers_times_out_on_the_loops_clock()
    {
        var rig = new HttpRig();
        rig.ServerHost.ListenTcp(8000, _ => { }, (_, _, _, _) => { }, (_, _) => { }); // accepts, reads, never answers
        var client = new HttpClient(rig.ClientHost, rig.V.Loop) { TimeoutMs = 5000 };
        HttpResult? result = null;
        client.PostJson("http://127.0.2.1:8000/x", null!, "{}", r => result = r);
        rig.V.Advance(4900);
        Assert.Null(result);
        rig.V.Advance(200);
        Assert.Equal("timed out after 5000 ms", result!.Error);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/x", "http:// or https://")]
    [InlineData("http://crm.example/x", "IPv4 address")]
    [InlineData("http://127.0.0.1:99999/x", "port")]
    [InlineData("http://user:pw@127.0.0.1/x", "password")]
    public void A_bad_url_fails_later_on_the_loop_with_the_reason(string url, string reason)
    {
        var rig = new HttpRig();
        var client = new HttpClient(rig.ClientHost, rig.V.Loop);
        HttpResult? result = null;
        client.Get(url, null!, r => result = r);
        Assert.Null(result); // never inside Send
        rig.V.Advance(1);
        Assert.Contains(reason, result!.Error);
    }

    [Fact]
    public void Https_without_tls_in_the_hal_fails_with_a_reason()
    {
        var rig = new HttpRig();
        var result = Run(rig, (c, done) => c.Get("https://127.0.2.1/x", null!, done));
        Assert.Contains("no TLS", result!.Error);
    }
}
