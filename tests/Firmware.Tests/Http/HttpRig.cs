// An HTTP server and client on the in-memory network in virtual time, and a raw TCP client for hostile tests.
using System.Text;
using DeskPhone.Firmware.Http;
using DeskPhone.Firmware.Tests.Core;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Firmware.Tests.Http;

/// <summary>A server host 127.0.2.1 and a client host 127.0.2.2 on one wire.</summary>
public sealed class HttpRig
{
    public HttpRig()
    {
        Wire = new InMemoryNetwork(V.Clock);
        ServerHost = Wire.AddHost("127.0.2.1");
        ClientHost = Wire.AddHost("127.0.2.2");
    }

    public VirtualLoop V { get; } = new();
    public InMemoryNetwork Wire { get; }
    public InMemoryHost ServerHost { get; }
    public InMemoryHost ClientHost { get; }

    /// <summary>A server answering with <paramref name="handler"/> on port 80.</summary>
    public HttpServer Serve(IHttpHandler handler, int port = 80)
    {
        var server = new HttpServer(ServerHost, V.Loop, V.Log, handler);
        Assert.True(server.Start(port));
        return server;
    }

    public RawClient Connect(int port = 80) => new(ClientHost, "127.0.2.1", port);
}

/// <summary>A handler that records requests and answers what the test says.</summary>
public sealed class RecordingHandler : IHttpHandler
{
    public readonly List<HttpRequest> Requests = new();
    public int Status = 200;
    public string Body = "{\"ok\":true}";
    public bool Throw;

    public void Handle(HttpRequest request, HttpResponse response)
    {
        Requests.Add(request);
        if (Throw) throw new InvalidOperationException("handler bug");
        response.Json(Status, Body);
    }
}

/// <summary>A TCP client that sends raw bytes and keeps what comes back.</summary>
public sealed class RawClient
{
    private readonly StringBuilder _received = new();
    private readonly ITcpConnection _stream;

    public RawClient(INetwork host, string address, int port)
    {
        _stream = host.ConnectTcp(address, port, null, _ => { }, (c, d, o, n) => { lock (_received) _received.Append(Encoding.Latin1.GetString(d, o, n)); }, (c, r) => ClosedReason = r);
    }

    public string? ClosedReason { get; private set; }

    public bool Closed => ClosedReason != null;

    public string Received { get { lock (_received) return _received.ToString(); } }

    public void Send(string text)
    {
        var b = Encoding.Latin1.GetBytes(text);
        _stream.Send(b, 0, b.Length);
    }

    public void Close() => _stream.Close();

    /// <summary>The status codes of the responses received so far, in order.</summary>
    public int[] Statuses => Received.Split("HTTP/1.1 ").Skip(1).Select(s => int.Parse(s.Substring(0, 3))).ToArray();
}
