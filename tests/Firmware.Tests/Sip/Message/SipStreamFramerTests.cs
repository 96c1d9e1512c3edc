// TCP/TLS framing: whole messages by Content-Length however the bytes arrive, keep-alives, limits.
using System.Text;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Message;

public class SipStreamFramerTests
{
    private static List<(SipFrameKind Kind, byte[]? Frame)> Drain(SipStreamFramer framer)
    {
        var items = new List<(SipFrameKind, byte[]?)>();
        SipFrameKind kind;
        while ((kind = framer.Read(out var frame)) != SipFrameKind.None)
        {
            items.Add((kind, frame));
            if (kind == SipFrameKind.Error) break;
        }
        return items;
    }

    private static byte[] Stream(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static readonly byte[] Ping = Encoding.ASCII.GetBytes("\r\n\r\n");
    private static readonly byte[] Pong = Encoding.ASCII.GetBytes("\r\n");

    [Fact]
    public void A_stream_written_at_once_yields_each_message_and_keep_alive_in_order()
    {
        var invite = SipTestData.Invite;
        var bye = SipTestData.Crlf(SipTestData.Bye);
        var framer = new SipStreamFramer();
        Assert.True(framer.Write(Stream(Ping, invite, Pong, bye, Ping), 0, invite.Length + bye.Length + 10));
        var items = Drain(framer);
        Assert.Equal(new[] { SipFrameKind.Ping, SipFrameKind.Message, SipFrameKind.Pong, SipFrameKind.Message, SipFrameKind.Ping },
            items.Select(i => i.Kind));
        Assert.Equal(invite, items[1].Frame);
        Assert.Equal(bye, items[3].Frame);
        Assert.Equal(0, framer.Buffered);
    }

    [Fact]
    public void Messages_fed_byte_by_byte_come_out_whole()
    {
        var stream = Stream(SipTestData.Invite, SipTestData.Ok, SipTestData.Crlf(SipTestData.Ack));
        var framer = new SipStreamFramer();
        var messages = new List<byte[]>();
        for (int i = 0; i < stream.Length; i++)
        {
            Assert.True(framer.Write(stream, i, 1));
            messages.AddRange(Drain(framer).Where(x => x.Kind == SipFrameKind.Message).Select(x => x.Frame!));
        }
        Assert.Equal(3, messages.Count);
        Assert.Equal(SipTestData.Invite, messages[0]);
        Assert.Equal(SipTestData.Ok, messages[1]);
        foreach (var m in messages) SipTestData.Parse(m);
    }

    [Fact]
    public void A_lone_pong_fed_byte_by_byte_is_reported_once_its_two_bytes_are_in()
    {
        var framer = new SipStreamFramer();
        framer.Write(Pong, 0, 1);
        Assert.Empty(Drain(framer));
        framer.Write(Pong, 1, 1);
        Assert.Equal(SipFrameKind.Pong, Assert.Single(Drain(framer)).Kind);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public void Messages_and_keep_alives_in_random_chunks_come_out_in_order(int seed)
    {
        var random = new Random(seed);
        var expected = new List<(SipFrameKind, byte[]?)>();
        var parts = new List<byte[]>();
        var corpus = new[] { SipTestData.Invite, SipTestData.Ok, SipTestData.Crlf(SipTestData.Ack), SipTestData.Crlf(SipTestData.Bye) };
        for (int i = 0; i < 40; i++)
        {
            var m = corpus[random.Next(corpus.Length)];
            parts.Add(m);
            expected.Add((SipFrameKind.Message, m));
            if (random.Next(3) == 0)
            {
                parts.Add(Ping);
                expected.Add((SipFrameKind.Ping, null));
            }
        }
        var stream = parts.SelectMany(p => p).ToArray();
        var framer = new SipStreamFramer();
        var got = new List<(SipFrameKind, byte[]?)>();
        for (int at = 0; at < stream.Length;)
        {
            int n = Math.Min(stream.Length - at, 1 + random.Next(700));
            Assert.True(framer.Write(stream, at, n));
            at += n;
            got.AddRange(Drain(framer));
        }
        // A ping cut after its first CRLF reads as two pongs (pongs are never held back): count those as one ping.
        var normalised = new List<(SipFrameKind, byte[]?)>();
        foreach (var item in got)
        {
            if (item.Item1 == SipFrameKind.Pong && normalised.Count > 0 && normalised[^1].Item1 == SipFrameKind.Pong)
            {
                normalised[^1] = (SipFrameKind.Ping, null);
                continue;
            }
            normalised.Add(item);
        }
        Assert.Equal(expected.Select(e => e.Item1), normalised.Select(g => g.Item1));
        for (int i = 0; i < expected.Count; i++)
        {
            if (expected[i].Item1 == SipFrameKind.Message) Assert.Equal(expected[i].Item2, normalised[i].Item2);
        }
    }

    [Fact]
    public void An_oversized_Content_Length_fails_before_the_body_is_buffered()
    {
        var head = SipTestData.Crlf("MESSAGE sip:a@b SIP/2.0\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\nContent-Length: 100000\n\n");
        var framer = new SipStreamFramer();
        Assert.False(framer.Write(head, 0, head.Length));
        Assert.True(framer.HasFailed);
        Assert.Equal(0, framer.Buffered);
        Assert.Equal("Content-Length 100000 is above the 65536-byte limit", framer.Error);
        var body = new byte[4096];
        Assert.False(framer.Write(body, 0, body.Length));
        Assert.Equal(0, framer.Buffered);
        Assert.Equal(SipFrameKind.Error, framer.Read(out var frame));
        Assert.Null(frame);
    }

    [Fact]
    public void A_message_without_Content_Length_on_a_stream_is_an_error()
    {
        var framer = new SipStreamFramer();
        var bytes = SipTestData.Crlf("OPTIONS sip:a@b SIP/2.0\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\n\n");
        Assert.False(framer.Write(bytes, 0, bytes.Length));
        Assert.Equal("Missing Content-Length on a stream", framer.Error);
    }

    [Fact]
    public void A_header_block_over_16_KB_is_an_error_without_growing_further()
    {
        var framer = new SipStreamFramer();
        var line = Encoding.ASCII.GetBytes("X-Filler: " + new string('a', 1000) + "\r\n");
        var start = Encoding.ASCII.GetBytes("OPTIONS sip:a@b SIP/2.0\r\n");
        framer.Write(start, 0, start.Length);
        bool ok = true;
        for (int i = 0; i < 40 && ok; i++) ok = framer.Write(line, 0, line.Length);
        Assert.False(ok);
        Assert.StartsWith("Headers longer than 16384 bytes", framer.Error);
        Assert.Equal(0, framer.Buffered);
    }

    [Fact]
    public void A_body_at_the_64_KB_limit_is_accepted_in_chunks()
    {
        var body = new string('b', SipStreamFramer.MaxBodyBytes);
        var message = SipTestData.WithBody("MESSAGE sip:a@b SIP/2.0\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\nFrom: <sip:c@d>;tag=1\nTo: <sip:a@b>\nCall-ID: big\nCSeq: 1 MESSAGE\nContent-Type: text/plain\n", body);
        var framer = new SipStreamFramer();
        for (int at = 0; at < message.Length; at += 1400)
        {
            Assert.True(framer.Write(message, at, Math.Min(1400, message.Length - at)));
        }
        var item = Assert.Single(Drain(framer));
        Assert.Equal(message, item.Frame);
        var frame = item.Frame!;
        Assert.False(SipParser.TryParse(frame, 0, frame.Length, out _, out var tooBig));
        Assert.Equal(513, tooBig.Status);
        Assert.True(SipParser.TryParse(frame, 0, frame.Length, SipStreamFramer.MaxMessageBytes, out var parsed, out var error), error?.ToString());
        Assert.Equal(SipStreamFramer.MaxBodyBytes, parsed.BodyLength);
    }

    [Fact]
    public void Conflicting_Content_Lengths_break_the_framing()
    {
        var framer = new SipStreamFramer();
        var bytes = SipTestData.Crlf("OPTIONS sip:a@b SIP/2.0\nContent-Length: 3\nl: 4\n\nabcd");
        Assert.False(framer.Write(bytes, 0, bytes.Length));
        Assert.Equal("Bad Content-Length", framer.Error);
    }
}
