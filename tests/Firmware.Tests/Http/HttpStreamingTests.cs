// Streamed response bodies: sent in pieces as the connection drains, never piled up, cut when they cannot go on.
using System.Text;
using DeskPhone.Firmware.Http;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Firmware.Tests.Http;

public class HttpStreamingTests
{
    /// <summary>A body of a known length, made up as it is read; notes how much was on the link at each read.</summary>
    private sealed class PatternBody(int length, InMemoryNetwork wire, int failAt = -1) : IHttpBodySource
    {
        public int Length => length;
        public long MostInFlight;
        public int Reads;

        public int Read(int position, byte[] buffer, int offset, int count)
        {
            if (failAt >= 0 && position >= failAt) return -1;
            var c = wire.Counters("127.0.2.1", "127.0.2.2");
            MostInFlight = Math.Max(MostInFlight, c.StreamBytesSent - c.StreamBytesDelivered);
            Reads++;
            for (int i = 0; i < count; i++) buffer[offset + i] = At(position + i);
            return count;
        }

        public static byte At(int i) => (byte)('a' + i % 23);
    }

    private sealed class StreamingHandler(IHttpBodySource body) : IHttpHandler
    {
        public readonly List<string> Paths = new();

        public void Handle(HttpRequest request, HttpResponse response)
        {
            Paths.Add(request.Path);
            if (request.Path == "/file") response.Stream(200, "audio/wav", body);
            else response.Json(200, "{\"path\":\"" + request.Path + "\"}");
        }
    }

    private static string Expected(int length)
    {
        var b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.Append((char)PatternBody.At(i));
        return b.ToString();
    }

    [Fact]
    public void A_long_body_arrives_whole_with_its_length_while_only_a_few_pieces_are_ever_on_the_way()
    {
        var rig = new HttpRig();
        rig.Wire.Link("127.0.2.1", "127.0.2.2").DelayMs = 30; // a slow link: pieces pile up unless the server waits
        var body = new PatternBody(300_000, rig.Wire);
        rig.Serve(new StreamingHandler(body));
        var client = rig.Connect();
        client.Send("GET /file HTTP/1.1\r\nHost: x\r\n\r\n");
        rig.V.Advance(5_000);

        string received = client.Received;
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", received);
        Assert.Contains("Content-Type: audio/wav\r\n", received);
        Assert.Contains("Content-Length: 300000\r\n", received);
        Assert.Equal(Expected(300_000), received.Substring(received.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4));
        Assert.True(body.MostInFlight <= 3 * 4096 + 512, "in flight at most: " + body.MostInFlight);
        Assert.Equal(300_000 / 4096 + 1, body.Reads);
        Assert.False(client.Closed);
    }

    /// <summary>A host whose accepted streams report nothing unsent, as the ESP32's (its Send writes before returning).</summary>
    private sealed class WritesAtOnceHost(INetwork inner) : INetwork
    {
        private readonly Dictionary<ITcpConnection, ITcpConnection> _wrapped = new();
        public string LocalAddress => inner.LocalAddress;
        public bool SupportsTls => false;
        public IUdpEndpoint OpenUdp(int localPort, DatagramReceived onDatagram) => inner.OpenUdp(localPort, onDatagram);
        public ITcpConnection ConnectTcp(string a, int p, string t, StreamConnected c, StreamReceived d, StreamClosed x) => inner.ConnectTcp(a, p, t, c, d, x);
        public ITcpListener ListenTls(int p, byte[] c, byte[] k, StreamConnected a, StreamReceived d, StreamClosed x, out string error) { error = "no TLS"; return null!; }
        public ITcpListener ListenTcp(int port, StreamConnected onAccepted, StreamReceived onData, StreamClosed onClosed) =>
            inner.ListenTcp(port, c => onAccepted(Wrap(c)), (c, b, o, n) => onData(Wrap(c), b, o, n), (c, r) => onClosed(Wrap(c), r));

        private ITcpConnection Wrap(ITcpConnection c)
        {
            lock (_wrapped) return _wrapped.TryGetValue(c, out var w) ? w : _wrapped[c] = new Stream(c);
        }

        private sealed class Stream(ITcpConnection inner) : ITcpConnection
        {
            public string RemoteAddress => inner.RemoteAddress;
            public int RemotePort => inner.RemotePort;
            public int LocalPort => inner.LocalPort;
            public bool IsTls => false;
            public bool IsOpen => inner.IsOpen;
            public int Unsent => 0;
            public bool Send(byte[] data, int offset, int count) => inner.Send(data, offset, count);
            public void Close() => inner.Close();
        }
    }

    [Fact]
    public void Where_send_writes_at_once_a_long_body_still_goes_out_only_four_pieces_per_turn_of_the_loop()
    {
        var rig = new HttpRig();
        var body = new PatternBody(1_000_000, rig.Wire);
        var server = new HttpServer(new WritesAtOnceHost(rig.ServerHost), rig.V.Loop, rig.V.Log, new StreamingHandler(body));
        Assert.True(server.Start(80));
        var client = rig.Connect();
        client.Send("GET /file HTTP/1.1\r\nHost: x\r\n\r\n");
        rig.V.Advance(1);
        Assert.Equal(4, body.Reads); // not the whole megabyte in one turn: the phone's other work runs between

        rig.V.Advance(5_000);

        Assert.Equal(1_000_000 / 4096 + 1, body.Reads);
        Assert.EndsWith(Expected(1_000_000)[^100..], client.Received);
    }

    [Fact]
    public void Requests_sent_behind_a_streamed_body_are_answered_after_it_in_order()
    {
        var rig = new HttpRig();
        var handler = new StreamingHandler(new PatternBody(20_000, rig.Wire));
        rig.Serve(handler);
        var client = rig.Connect();
        client.Send("GET /before HTTP/1.1\r\nHost: x\r\n\r\nGET /file HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n");
        rig.V.Advance(5);
        client.Send("GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        rig.V.Advance(5_000);

        Assert.Equal(new[] { "/before", "/file", "/after", "/last" }, handler.Paths);
        string r = client.Received;
        int file = r.IndexOf(Expected(20_000), StringComparison.Ordinal);
        Assert.True(file > 0);
        Assert.True(r.IndexOf("{\"path\":\"/after\"}", StringComparison.Ordinal) > file);
        Assert.EndsWith("{\"path\":\"/last\"}", r);
        Assert.True(client.Closed);
    }

    [Fact]
    public void A_reader_that_takes_nothing_for_the_request_timeout_is_cut_off()
    {
        var rig = new HttpRig();
        var server = rig.Serve(new StreamingHandler(new PatternBody(1_000_000, rig.Wire)));
        var client = rig.Connect();
        client.Send("GET /file HTTP/1.1\r\nHost: x\r\n\r\n");
        rig.V.Advance(20);
        rig.Wire.Partition("127.0.2.1", "127.0.2.2"); // nothing reaches the client any more
        rig.V.Advance(9_000);
        Assert.Equal(1, server.OpenConnections);

        rig.V.Advance(2_000);

        Assert.Equal(0, server.OpenConnections);
        Assert.Contains(rig.V.Log.Lines(), l => l.Message.Contains("took nothing of the body for 10000 ms"));
    }

    [Fact]
    public void A_body_that_can_no_longer_be_read_cuts_the_connection_short_of_its_length()
    {
        var rig = new HttpRig();
        var server = rig.Serve(new StreamingHandler(new PatternBody(50_000, rig.Wire, failAt: 8192)));
        var client = rig.Connect();
        client.Send("GET /file HTTP/1.1\r\nHost: x\r\n\r\n");
        rig.V.Advance(2_000);

        Assert.Contains("Content-Length: 50000\r\n", client.Received);
        Assert.True(client.Closed);
        Assert.Equal(0, server.OpenConnections);
        Assert.True(client.Received.Length < 50_000);
        Assert.Contains(rig.V.Log.Lines(), l => l.Message.Contains("body could not be read at byte 8192 of 50000"));
    }
}
