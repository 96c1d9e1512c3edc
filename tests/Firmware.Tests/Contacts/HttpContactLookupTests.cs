// Looking a number up at the CRM's URL: a real HTTP exchange over the in-memory network, on virtual time.
using System.Text;
using DeskPhone.Firmware.Contacts;
using DeskPhone.Firmware.Core;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Contacts;

public class HttpContactLookupTests
{
    private sealed class Rig
    {
        public readonly VirtualClock Clock = new();
        public readonly VirtualTimeDriver Driver;
        public readonly InMemoryNetwork Wire;
        public readonly FakeCrm Crm;
        public readonly HttpContactLookup Lookup;
        public readonly SimLog Log;
        public readonly List<(string Number, Contact[]? Contacts, string? Failure, long At)> Answers = new();

        public Rig(string url = "http://127.0.2.1:8000/lookup?number={number}")
        {
            Driver = new VirtualTimeDriver(Clock);
            Wire = new InMemoryNetwork(Clock);
            Log = new SimLog(Clock);
            var loop = new EventLoop(Clock, Log);
            Driver.AddPump(loop.RunPending);
            Crm = new FakeCrm(Wire);
            Lookup = new HttpContactLookup(Wire.AddHost("127.0.1.1"), loop, LookupUrl.TryParse(url, out _)!, Log);
        }

        public void Ask(string number) => Lookup.Lookup(number, (n, c, f) => Answers.Add((n, c, f, Clock.NowMs)));
    }

    [Fact]
    public void The_crms_contacts_come_back_for_the_number_asked_percent_encoded()
    {
        var rig = new Rig();
        rig.Wire.Faults.DelayMs = 40;
        rig.Crm.Answer = target => FakeCrm.Json("""{"contacts":[{"name":"Gina Moss","company":"Moss & Sons","numbers":["+44 20 7946 0999"]}]}""");
        rig.Ask("+442079460999");
        Assert.Empty(rig.Answers); // never inside the call
        rig.Driver.Advance(500);
        var a = Assert.Single(rig.Answers);
        Assert.Null(a.Failure);
        Assert.Equal("+442079460999", a.Number);
        Assert.Equal(("Gina Moss", "Moss & Sons"), (a.Contacts![0].Name, a.Contacts[0].Company));
        Assert.Equal("/lookup?number=%2B442079460999", Assert.Single(rig.Crm.Targets));
        string request = rig.Crm.Requests[0];
        Assert.StartsWith("GET /lookup?number=%2B442079460999 HTTP/1.1\r\n", request);
        Assert.Contains("\r\nHost: 127.0.2.1:8000\r\n", request);
        Assert.Contains("\r\nAccept: application/json\r\n", request);
        Assert.Contains("\r\nConnection: close\r\n", request);
    }

    [Fact]
    public void An_answer_without_a_length_ends_with_the_connection_and_a_chunked_one_is_put_together()
    {
        var rig = new Rig();
        rig.Crm.Answer = _ => Encoding.UTF8.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"contacts\":[{\"name\":\"A\",\"numbers\":[\"301\"]}]}");
        rig.Ask("301");
        rig.Driver.Advance(100);
        rig.Crm.Answer = _ => Encoding.UTF8.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"contacts\":[{\"n\r\n1d\r\name\":\"B\",\"numbers\":[\"302\"]}]}\r\n0\r\n\r\n");
        rig.Ask("302");
        rig.Driver.Advance(100);
        Assert.Equal(new[] { "A", "B" }, rig.Answers.Select(a => a.Contacts![0].Name));
    }

    [Fact]
    public void No_contacts_is_an_answer_not_a_failure()
    {
        var rig = new Rig();
        rig.Ask("999");
        rig.Driver.Advance(100);
        var a = Assert.Single(rig.Answers);
        Assert.Null(a.Failure);
        Assert.Empty(a.Contacts!);
    }

    [Fact]
    public void A_crm_that_never_answers_fails_the_lookup_after_two_seconds_of_loop_time()
    {
        var rig = new Rig();
        rig.Crm.Answer = _ => null;
        rig.Ask("+442079460999");
        rig.Driver.Advance(HttpContactLookup.TimeoutMs - 1);
        Assert.Empty(rig.Answers);
        rig.Driver.Advance(1);
        var a = Assert.Single(rig.Answers);
        Assert.Null(a.Contacts);
        Assert.Equal("timed out after 2000 ms", a.Failure);
        Assert.Equal(HttpContactLookup.TimeoutMs, a.At);
        rig.Driver.Advance(10_000);
        Assert.Single(rig.Answers); // once
    }

    [Theory]
    [InlineData("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found", "HTTP 404")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", "the answer is not a contacts list: lookup http://127.0.2.1:8000/lookup?number={number}:1:1: ")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n{\"people\":1}", "the answer is not a contacts list: ")]
    [InlineData("SSH-2.0-OpenSSH_9.6\r\n\r\n", "bad response: status line 'SSH-2.0-OpenSSH_9.6' is not 'HTTP/1.1 200 OK'")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"contacts\":[]}", "response cut short: ")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: x1\r\n\r\n{}", "bad response: ")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "bad response: bad chunk size")]
    public void Garbage_and_errors_from_the_crm_are_failures_with_the_reason(string response, string reason)
    {
        var rig = new Rig();
        rig.Crm.Answer = _ => Encoding.UTF8.GetBytes(response);
        rig.Ask("202");
        rig.Driver.Advance(100);
        var a = Assert.Single(rig.Answers);
        Assert.Null(a.Contacts);
        Assert.StartsWith(reason, a.Failure);
        Assert.Contains(rig.Log.Lines(), l => l.ToString().Contains("lookup of 202 failed: " + a.Failure));
    }

    [Fact]
    public void An_answer_larger_than_the_limit_is_refused_without_reading_it_all()
    {
        var rig = new Rig();
        rig.Crm.Answer = _ => FakeCrm.Json("{\"contacts\":[],\"pad\":\"" + new string('x', HttpContactLookup.MaxBodyBytes) + "\"}");
        rig.Ask("202");
        rig.Driver.Advance(100);
        Assert.Equal("bad response: body larger than 32768 bytes", Assert.Single(rig.Answers).Failure);
    }

    [Fact]
    public void A_chunked_answer_larger_than_the_limit_is_refused_too()
    {
        var rig = new Rig();
        string chunk = new string('x', 20_000);
        rig.Crm.Answer = _ => Encoding.UTF8.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4e20\r\n" + chunk + "\r\n4e20\r\n" + chunk + "\r\n0\r\n\r\n");
        rig.Ask("202");
        rig.Driver.Advance(100);
        Assert.Equal("bad response: body larger than 32768 bytes", Assert.Single(rig.Answers).Failure);
    }

    [Fact]
    public void Nobody_listening_fails_at_once_with_the_networks_reason()
    {
        var rig = new Rig("http://127.0.2.9:8000/lookup?n={number}");
        rig.Ask("202");
        rig.Driver.Advance(100);
        var a = Assert.Single(rig.Answers);
        Assert.Null(a.Contacts);
        Assert.True(a.At < HttpContactLookup.TimeoutMs);
        Assert.DoesNotContain("timed out", a.Failure);
    }

    [Fact]
    public void An_https_lookup_url_is_taken_and_without_tls_in_the_network_fails_with_that_reason()
    {
        var rig = new Rig("https://127.0.2.1:8443/lookup?n={number}");
        rig.Ask("202");
        rig.Driver.Advance(100);
        Assert.Equal("https is not available on this network (no TLS)", Assert.Single(rig.Answers).Failure);
    }

    [Theory]
    [InlineData("ftp://10.0.0.5/lookup?n={number}", "must start with http:// or https://")]
    [InlineData("http://crm.example/lookup?n={number}", "host 'crm.example' must be an IPv4 address")]
    [InlineData("http://10.0.0.5:99999/lookup?n={number}", "has a bad port")]
    [InlineData("http://10.0.0.5/lookup", "has no {number} placeholder")]
    [InlineData("http://{number}/lookup", "host '{number}' must be an IPv4 address")]
    [InlineData("http://10.0.0.5/look up?n={number}", "has a space")]
    public void A_lookup_url_the_phone_cannot_use_says_why(string url, string problem)
    {
        Assert.Null(LookupUrl.TryParse(url, out string? why));
        Assert.StartsWith(problem, why);
    }
}
