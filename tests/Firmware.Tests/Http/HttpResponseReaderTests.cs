// The client's response reader: Content-Length, chunked and until-close bodies, split anywhere; broken responses.
using System.Text;
using DeskPhone.Firmware.Http;

namespace DeskPhone.Firmware.Tests.Http;

public class HttpResponseReaderTests
{
    private static HttpResponseReader Read(string text, int step = int.MaxValue, bool close = false)
    {
        var reader = new HttpResponseReader();
        byte[] data = Encoding.Latin1.GetBytes(text);
        for (int at = 0; at < data.Length; at += step)
        {
            if (!reader.Append(data, at, Math.Min(step, data.Length - at))) break;
        }
        if (close) reader.Closed();
        return reader;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(1000)]
    public void A_response_with_a_length_is_complete_at_its_last_byte(int step)
    {
        var r = Read("HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhello", step);
        Assert.True(r.IsComplete);
        Assert.Equal(201, r.Status);
        Assert.Equal("hello", Encoding.UTF8.GetString(r.Body));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1000)]
    public void A_chunked_response_is_joined(int step)
    {
        var r = Read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n", step);
        Assert.True(r.IsComplete);
        Assert.Equal("hello world", Encoding.UTF8.GetString(r.Body));
    }

    [Fact]
    public void A_response_without_a_length_ends_when_the_connection_closes()
    {
        var r = Read("HTTP/1.0 200 OK\r\n\r\nsome text", close: false);
        Assert.False(r.IsComplete);
        r.Closed();
        Assert.True(r.IsComplete);
        Assert.Equal("some text", Encoding.UTF8.GetString(r.Body));
    }

    [Fact]
    public void A_204_has_no_body()
    {
        Assert.True(Read("HTTP/1.1 204 No Content\r\n\r\n").IsComplete);
    }

    [Fact]
    public void A_large_body_is_read_to_its_end_and_its_first_16_KB_kept()
    {
        var r = Read("HTTP/1.1 500 Oops\r\nContent-Length: 40000\r\n\r\n" + new string('x', 40000), 999);
        Assert.True(r.IsComplete);
        Assert.Equal(HttpResponseReader.MaxBodyBytes, r.Body.Length);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n")] // known from the head: the body is not read
    [InlineData("HTTP/1.1 200 OK\r\n\r\n" + "0123456789012345678901234567890123456789")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n14\r\n01234567890123456789\r\n14\r\n01234567890123456789\r\n0\r\n\r\n")]
    public void A_reader_told_to_refuse_larger_bodies_fails_instead_of_cutting(string text)
    {
        var reader = new HttpResponseReader(32, refuseLarger: true);
        byte[] data = Encoding.Latin1.GetBytes(text);
        Assert.False(reader.Append(data, 0, data.Length));
        Assert.Equal("body larger than 32 bytes", reader.Error);
        Assert.False(reader.IsComplete);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void A_body_within_a_chosen_limit_is_kept_whole_however_it_arrives(int step)
    {
        var reader = new HttpResponseReader(3000, refuseLarger: true);
        string body = string.Concat(Enumerable.Range(0, 300).Select(i => (i % 10).ToString())) + new string('y', 2700);
        byte[] data = Encoding.Latin1.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 3000\r\n\r\n" + body);
        for (int at = 0; at < data.Length; at += step) Assert.True(reader.Append(data, at, Math.Min(step, data.Length - at)));
        Assert.True(reader.IsComplete);
        Assert.Equal(body, Encoding.Latin1.GetString(reader.Body));
    }

    [Theory]
    [InlineData("garbage\r\n\r\n", "status line")]
    [InlineData("HTTP/1.1 200 OK\nContent-Length: 0\n\n", "bare LF")]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n", "status")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -4\r\n\r\n", "whole number")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", "longer than its size")]
    public void A_broken_response_is_an_error_with_a_reason(string text, string reason)
    {
        var r = Read(text);
        Assert.False(r.IsComplete);
        Assert.Contains(reason, r.Error);
    }
}
