// A tiny SIP client for the tests: sends one request over UDP or TCP and reads the final answer.
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace DeskPhone.Softswitch;

/// <summary>A SIP response as the probe saw it.</summary>
public sealed record SipResponse(int Status, string Reason, IReadOnlyList<(string Name, string Value)> Headers, string Raw)
{
    /// <summary>The first header of that name (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <inheritdoc />
    public override string ToString() => $"{Status} {Reason}";
}

/// <summary>
/// Test-side SIP client on loopback, independent of the firmware's stack: builds requests by hand,
/// answers a digest challenge (RFC 2617 MD5, qop=auth) once, skips provisional responses.
/// Not a UA: it never answers requests sent to it.
/// </summary>
public sealed partial class SipProbe : IDisposable
{
    readonly Socket _socket;
    readonly string _transport;
    readonly IPEndPoint _server;
    readonly byte[] _buffer = new byte[65536];
    readonly StringBuilder _stream = new();
    int _cseq = 1;

    /// <summary>Opens a probe to the server ("udp" or "tcp").</summary>
    public SipProbe(IPEndPoint server, string transport = "udp")
    {
        _server = server;
        _transport = transport.ToLowerInvariant();
        if (_transport == "tcp")
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _socket.Connect(server);
        }
        else
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        }
        LocalPort = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    /// <summary>The probe's own port (in its Via and Contact).</summary>
    public int LocalPort { get; }

    /// <summary>The address the last response came from (UDP), or the server (TCP).</summary>
    public IPEndPoint? LastResponder { get; private set; }

    /// <summary>
    /// Sends a request and returns its final response (the first ≥ 200). With a user and password,
    /// a 401/407 is answered once with credentials and the second final response is returned.
    /// A <paramref name="body"/> goes with its <paramref name="contentType"/>.
    /// </summary>
    public SipResponse Send(string method, string requestUri, string from, string to,
        string? user = null, string? password = null, IEnumerable<string>? extraHeaders = null,
        TimeSpan? timeout = null, string? body = null, string contentType = "text/plain")
    {
        var callId = Guid.NewGuid().ToString("N") + "@probe";
        var fromTag = Guid.NewGuid().ToString("N")[..10];
        var extra = extraHeaders?.ToList() ?? new List<string>();
        if (body != null) extra.Add("Content-Type: " + contentType);
        var response = Exchange(Build(method, requestUri, from, to, callId, fromTag, extra, body: body), timeout);
        if ((response.Status == 401 || response.Status == 407) && user != null && password != null)
        {
            var challenge = response.Header(response.Status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate") ?? "";
            var header = (response.Status == 401 ? "Authorization: " : "Proxy-Authorization: ")
                + Digest(challenge, method, requestUri, user, password);
            extra.Add(header);
            response = Exchange(Build(method, requestUri, from, to, callId, fromTag, extra, body: body), timeout);
        }
        return response;
    }

    string Build(string method, string requestUri, string from, string to, string callId, string fromTag, List<string> extra,
        string? toTag = null, string? body = null, int? cseq = null)
    {
        var branch = "z9hG4bK" + Guid.NewGuid().ToString("N")[..16];
        var proto = _transport.ToUpperInvariant();
        var sb = new StringBuilder();
        sb.Append($"{method} {requestUri} SIP/2.0\r\n");
        sb.Append($"Via: SIP/2.0/{proto} 127.0.0.1:{LocalPort};branch={branch};rport\r\n");
        if (!extra.Any(h => h.StartsWith("Max-Forwards:", StringComparison.OrdinalIgnoreCase))) sb.Append("Max-Forwards: 70\r\n");
        sb.Append($"From: <{from}>;tag={fromTag}\r\n");
        sb.Append($"To: <{to}>{(toTag == null ? "" : ";tag=" + toTag)}\r\n");
        sb.Append($"Call-ID: {callId}\r\n");
        sb.Append($"CSeq: {cseq ?? _cseq++} {method}\r\n");
        sb.Append($"Contact: <sip:probe@127.0.0.1:{LocalPort};transport={_transport}>\r\n");
        sb.Append("User-Agent: DeskPhone interop probe\r\n");
        foreach (var h in extra) sb.Append(h).Append("\r\n");
        sb.Append($"Content-Length: {Encoding.UTF8.GetByteCount(body ?? "")}\r\n\r\n").Append(body);
        return sb.ToString();
    }

    SipResponse Exchange(string request, TimeSpan? timeout)
    {
        var bytes = Encoding.UTF8.GetBytes(request);
        if (_transport == "tcp") _socket.Send(bytes);
        else _socket.SendTo(bytes, _server);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var message = Receive(deadline)
                ?? throw new TimeoutException($"no final response within the timeout to:\n{request}");
            if (!message.StartsWith("SIP/2.0 ", StringComparison.Ordinal)) continue; // a request to us: ignore
            var response = Parse(message);
            if (response.Header("CSeq") != CSeqOf(request)) continue; // a retransmission for an earlier request
            if (response.Status >= 200) return response;
        }
    }

    string? Receive(DateTime deadline)
    {
        while (true)
        {
            if (_transport == "tcp")
            {
                var framed = TakeFramedMessage();
                if (framed != null) return framed;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return null;
            if (!_socket.Poll((int)Math.Min(left.TotalMicroseconds, 50_000), SelectMode.SelectRead)) continue;
            if (_transport == "tcp")
            {
                var n = _socket.Receive(_buffer);
                if (n == 0) return null;
                _stream.Append(Encoding.UTF8.GetString(_buffer, 0, n));
            }
            else
            {
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                var n = _socket.ReceiveFrom(_buffer, ref from);
                LastResponder = (IPEndPoint)from;
                return Encoding.UTF8.GetString(_buffer, 0, n);
            }
        }
    }

    string? TakeFramedMessage()
    {
        var text = _stream.ToString();
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) return null;
        var head = Parse(text[..(end + 4)]);
        var length = int.TryParse(head.Header("Content-Length") ?? head.Header("l"), out var l) ? l : 0;
        if (text.Length < end + 4 + length) return null;
        _stream.Remove(0, end + 4 + length);
        LastResponder = _server;
        return text[..(end + 4 + length)];
    }

    static string? CSeqOf(string request) =>
        request.Split("\r\n").FirstOrDefault(l => l.StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase))?[5..].Trim();

    static SipResponse Parse(string message)
    {
        var lines = message.Split("\r\n");
        var first = lines[0].Split(' ', 3);
        var status = first.Length > 1 && int.TryParse(first[1], out var s) ? s : 0;
        var headers = new List<(string, string)>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0) break;
            var colon = line.IndexOf(':');
            if (colon > 0) headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return new SipResponse(status, first.Length > 2 ? first[2] : "", headers, message);
    }

    static string Digest(string challenge, string method, string uri, string user, string password)
    {
        string Param(string name)
        {
            var m = System.Text.RegularExpressions.Regex.Match(challenge, name + "=\"?([^\",]*)\"?");
            return m.Success ? m.Groups[1].Value : "";
        }
        static string Md5(string s) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(s)));
        var realm = Param("realm");
        var nonce = Param("nonce");
        var ha1 = Md5($"{user}:{realm}:{password}");
        var ha2 = Md5($"{method}:{uri}");
        var header = $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", algorithm=MD5";
        if (Param("qop").Split(',').Contains("auth"))
        {
            const string nc = "00000001";
            var cnonce = Guid.NewGuid().ToString("N")[..8];
            header += $", qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{Md5($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")}\"";
        }
        else
        {
            header += $", response=\"{Md5($"{ha1}:{nonce}:{ha2}")}\"";
        }
        return header;
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
