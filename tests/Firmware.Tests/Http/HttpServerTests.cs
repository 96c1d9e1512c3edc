// The HTTP server on the in-memory network: answers in order, keeps or closes connections, refuses hostile clients.
using DeskPhone.Firmware.Http;

namespace DeskPhone.Firmware.Tests.Http;

public class HttpServerTests
{
    [Fact]
    public void A_request_split_into_pieces_over_time_is_answered_once_whole()
    {
        var rig = new HttpRig();
        var handler = new RecordingHandler();
        rig.Serve(handler);
        var client = rig.Connect();
        client.Send("POST /api/dial HTTP/1.1\r\nHost: phone\r\nContent-Le");
        rig.V.Advance(500);
        client.Send("ngth: 4\r\n\r\n20");
        rig.V.Advance(500);
        Assert.Empty(handler.Requests);
        client.Send("2\n");
        rig.V.Advance(100);
        Assert.Equal("202\n", Assert.Single(handler.Requests).BodyText);
        Assert.Equal("127.0.2.2", handler.Requests[0].RemoteAddress);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", client.Received);
        Assert.Contains("Content-Type: application/json\r\n", client.Received);
        Assert.EndsWith("\r\n\r\n{\"ok\":true}", client.Received);
        Assert.False(client.Closed);
    }

    [Fact]
    public void Several_requests_on_one_connection_are_answered_in_order_and_connection_close_closes_it()
    {
        var rig = new HttpRig();
        var handler = new RecordingHandler();
        rig.Serve(handler);
        var client = rig.Connect();
        client.Send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nGET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        rig.V.Advance(100);
        Assert.Equal(new[] { "/a", "/b", "/c" }, handler.Requests.Select(r => r.Path));
        Assert.Equal(new[] { 200, 200, 200 }, client.Statuses);
        Assert.True(client.Closed);
    }

    [Fact]
    public void Three_requests_with_16_KB_bodies_in_one_read_are_all_answered()
    {
        var rig = new HttpRig();
        var handler = new RecordingHandler();
        rig.Serve(handler);
        var client = rig.Connect();
        string one = "POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 16384\r\n\r\n" + new string('b', 16384);
        client.Send(one + one + one);
        rig.V.Advance(100);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal(16384, r.Body.Length));
        Assert.Equal(new[] { 200, 200, 200 }, client.Statuses);
    }

    [Fact]
    public void Garbage_gets_a_400_with_its_reason_and_the_connection_is_closed()
    {
        var rig = new HttpRig();
        var handler = new RecordingHandler();
        rig.Serve(handler);
        var client = rig.Connect();
        client.Send("HELLO THERE\r\n\r\n");
        rig.V.Advance(100);
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", client.Received);
        Assert.Contains("{\"error\":\"request line is not 'METHOD target HTTP/1.1'\"}", client.Received);
        Assert.True(client.Closed);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void A_huge_header_gets_431_and_an_oversized_body_413_without_reading_it()
    {
        var rig = new HttpRig();
        rig.Serve(new RecordingHandler());
        var big = rig.Connect();
        big.Send("GET / HTTP/1.1\r\nHost: x\r\nX: " + new string('a', 20000) + "\r\n\r\n");
        var huge = rig.Connect();
        huge.Send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
        rig.V.Advance(100);
        Assert.Equal(new[] { 431 }, big.Statuses);
        Assert.Equal(new[] { 413 }, huge.Statuses);
        Assert.True(big.Closed && huge.Closed);
    }

    [Fact]
    public void A_slowloris_client_trickling_a_request_is_answered_408_and_closed_after_the_timeout()
    {
        var rig = new HttpRig();
        var handler = new RecordingHandler();
        var server = rig.Serve(handler);
        var client = rig.Connect();
        for (int i = 0; i < 9; i++)
        {
            client.Send("X");
            rig.V.Advance(1000);
        }
        Assert.False(client.Closed);
        rig.V.Advance(1100);
        Assert.Equal(new[] { 408 }, client.Statuses);
        Assert.True(client.Closed);
        Assert.Equal(0, server.OpenConnections);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void An_idle_keep_alive_connection_is_closed_quietly_after_the_timeout()
    {
        var rig = new HttpRig();
        var server = rig.Serve(new RecordingHandler());
        var client = rig.Connect();
        client.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        rig.V.Advance(9000);
        Assert.False(client.Closed);
        rig.V.Advance(1500);
        Assert.True(client.Closed);
        Assert.Equal(new[] { 200 }, client.Statuses);
        Assert.Equal(0, server.OpenConnections);
    }

    [Fact]
    public void A_handler_that_throws_gives_500_and_the_server_goes_on()
    {
        var rig = new HttpRig();
        var handler = new RecordingHandler { Throw = true };
        rig.Serve(handler);
        var client = rig.Connect();
        client.Send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
        rig.V.Advance(100);
        handler.Throw = false;
        client.Send("GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        rig.V.Advance(100);
        Assert.Equal(new[] { 500, 200 }, client.Statuses);
        Assert.Equal(0, rig.V.Loop.Failures);
    }

    [Fact]
    public void Connections_beyond_the_limit_are_refused_with_503()
    {
        var rig = new HttpRig();
        var server = rig.Serve(new RecordingHandler());
        var clients = Enumerable.Range(0, 5).Select(_ => rig.Connect()).ToList();
        foreach (var c in clients) c.Send("G");
        rig.V.Advance(100);
        Assert.Equal(1, clients.Count(c => c.Statuses.SequenceEqual(new[] { 503 })));
        Assert.Equal(4, server.OpenConnections);
    }

    [Fact]
    public void A_taken_port_cannot_be_served_twice()
    {
        var rig = new HttpRig();
        rig.Serve(new RecordingHandler(), 8088);
        var second = new HttpServer(rig.ServerHost, rig.V.Loop, rig.V.Log, new RecordingHandler());
        Assert.False(second.Start(8088));
    }
}
