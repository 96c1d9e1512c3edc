// The request parser: well-formed requests split anywhere, several per connection, and a table of hostile input.
using System.Text;
using DeskPhone.Firmware.Http;

namespace DeskPhone.Firmware.Tests.Http;

public class HttpRequestParserTests
{
    private static byte[] Bytes(string s) => Encoding.Latin1.GetBytes(s);

    /// <summary>Feeds <paramref name="text"/> in pieces of <paramref name="step"/> bytes and collects what comes out.</summary>
    private static (List<HttpRequest> requests, HttpRequestParser parser, bool failed) Feed(string text, int step = int.MaxValue)
    {
        var parser = new HttpRequestParser();
        var requests = new List<HttpRequest>();
        byte[] data = Bytes(text);
        for (int at = 0; at < data.Length;)
        {
            int n = Math.Min(step, data.Length - at);
            while (n > 0)
            {
                int taken = parser.Append(data, at, n);
                at += taken;
                n -= taken;
                HttpParse r;
                while ((r = parser.Next(out var req)) == HttpParse.Request) requests.Add(req);
                if (r == HttpParse.Error) return (requests, parser, true);
            }
        }
        return (requests, parser, false);
    }

    private const string Post = "POST /api/dial?number=202 HTTP/1.1\r\nHost: phone\r\nAuthorization: Bearer abc\r\nContent-Length: 18\r\n\r\n{\"number\": \"203\"}\n";

    [Fact]
    public void A_post_with_a_body_is_read_with_its_method_path_query_headers_and_body()
    {
        var (requests, _, failed) = Feed(Post);
        Assert.False(failed);
        var r = Assert.Single(requests);
        Assert.Equal("POST", r.Method);
        Assert.Equal("/api/dial", r.Path);
        Assert.Equal("202", r.QueryValue("number"));
        Assert.Equal("Bearer abc", r.Headers.Get("authorization"));
        Assert.Equal("{\"number\": \"203\"}\n", r.BodyText);
        Assert.True(r.KeepAlive);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    public void A_request_split_across_reads_anywhere_comes_out_whole(int step)
    {
        var (requests, _, failed) = Feed(Post + Post, step);
        Assert.False(failed);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("{\"number\": \"203\"}\n", r.BodyText));
    }

    [Fact]
    public void Several_requests_in_one_read_come_out_in_order_and_connection_close_is_seen()
    {
        var (requests, _, _) = Feed("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Assert.Equal(new[] { "/a", "/b" }, requests.Select(r => r.Path));
        Assert.True(requests[0].KeepAlive);
        Assert.False(requests[1].KeepAlive);
    }

    [Fact]
    public void Http_1_0_closes_unless_it_asks_for_keep_alive_and_needs_no_host()
    {
        var (requests, _, _) = Feed("GET /a HTTP/1.0\r\n\r\nGET /b HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
        Assert.False(requests[0].KeepAlive);
        Assert.True(requests[1].KeepAlive);
    }

    [Fact]
    public void A_half_sent_request_waits_for_the_rest()
    {
        var (requests, parser, failed) = Feed("POST /api/dial HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345");
        Assert.False(failed);
        Assert.Empty(requests);
        Assert.True(parser.HasPartial);
    }

    [Fact]
    public void An_empty_line_before_a_request_is_ignored()
    {
        var (requests, _, failed) = Feed("\r\nGET /a HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.False(failed);
        Assert.Single(requests);
    }

    public static TheoryData<string, string, int, string> Hostile => new()
    {
        { "garbage", "\u0001\u0002garbage\r\n\r\n", 400, "control character" },
        { "no version", "GET /\r\nHost: x\r\n\r\n", 400, "request line" },
        { "two spaces", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400, "request line" },
        { "bare LF", "GET / HTTP/1.1\nHost: x\n\n", 400, "bare LF" },
        { "bare LF in a header", "GET / HTTP/1.1\r\nHost: x\nX: y\r\n\r\n", 400, "bare LF" },
        { "bare CR", "GET / HTTP/1.1\r\nHost: x\rX: y\r\n\r\n", 400, "bare CR" },
        { "HTTP/2", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505, "HTTP/1.1" },
        { "HTTP/1.1 lowercase", "GET / http/1.1\r\nHost: x\r\n\r\n", 400, "not an HTTP version" },
        { "absolute target", "GET http://x/ HTTP/1.1\r\nHost: x\r\n\r\n", 400, "starting with '/'" },
        { "no host", "GET / HTTP/1.1\r\n\r\n", 400, "Host" },
        { "two hosts", "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400, "Host" },
        { "space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400, "token" },
        { "folded header", "GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n", 400, "folding" },
        { "no colon", "GET / HTTP/1.1\r\nHost: x\r\nnonsense\r\n\r\n", 400, "colon" },
        { "negative length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400, "whole number" },
        { "length with letters", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n", 400, "whole number" },
        { "two different lengths", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400, "twice" },
        { "oversized length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 16385\r\n\r\n", 413, "16384" },
        { "huge length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n", 413, "16384" },
        { "chunked", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 501, "Content-Length" },
        { "NUL in a header", "GET / HTTP/1.1\r\nHost: x\u0000y\r\n\r\n", 400, "control character" },
        { "non-ASCII target", "GET /caf\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "%-encoded" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_input_is_refused_with_a_status_and_a_reason(string what, string text, int status, string reason)
    {
        var (_, parser, failed) = Feed(text);
        Assert.True(failed, what);
        Assert.Equal(status, parser.ErrorStatus);
        Assert.Contains(reason, parser.ErrorReason);
    }

    [Fact]
    public void A_head_larger_than_8_KB_is_refused_with_431_before_it_ends()
    {
        var (_, parser, failed) = Feed("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('a', 9000));
        Assert.True(failed);
        Assert.Equal(431, parser.ErrorStatus);
    }

    [Fact]
    public void More_than_64_header_fields_are_refused_with_431()
    {
        var fields = string.Concat(Enumerable.Range(0, 70).Select(i => $"X-{i}: v\r\n"));
        var (_, parser, failed) = Feed("GET / HTTP/1.1\r\nHost: x\r\n" + fields + "\r\n");
        Assert.True(failed);
        Assert.Equal(431, parser.ErrorStatus);
    }

    [Fact]
    public void A_body_of_exactly_16_KB_is_taken()
    {
        var (requests, _, failed) = Feed("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 16384\r\n\r\n" + new string('b', 16384), 1000);
        Assert.False(failed);
        Assert.Equal(16384, Assert.Single(requests).Body.Length);
    }

    [Fact]
    public void A_target_longer_than_2048_characters_is_refused_with_414()
    {
        var (_, parser, _) = Feed("GET /" + new string('a', 2100) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Equal(414, parser.ErrorStatus);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(8);
        for (int round = 0; round < 300; round++)
        {
            var parser = new HttpRequestParser();
            var data = new byte[random.Next(1, 3000)];
            random.NextBytes(data);
            if (round % 3 == 0 && data.Length > 16) Bytes("GET / HTTP/1.1\r\n").CopyTo(data, 0);
            int at = 0;
            while (at < data.Length)
            {
                at += parser.Append(data, at, Math.Min(data.Length - at, random.Next(1, 500)));
                while (parser.Next(out _) == HttpParse.Request) { }
                if (parser.ErrorStatus != 0) break;
            }
            Assert.True(parser.ErrorStatus == 0 || parser.ErrorStatus >= 400);
        }
    }

    [Theory]
    [InlineData("number=%2B41%2044", "number", "+41 44")]
    [InlineData("a=1&number=20+2", "number", "20 2")]
    [InlineData("number", "number", "")]
    [InlineData("number=%zz", "number", null)]
    [InlineData("other=1", "number", null)]
    public void Query_values_are_percent_decoded(string query, string name, string? expected)
    {
        var (requests, _, _) = Feed("GET /x?" + query + " HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Equal(expected, Assert.Single(requests).QueryValue(name));
    }
}
