// A CRM's lookup endpoint on the in-memory network: reads one HTTP request per connection, answers as the test says.
using System.Text;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Firmware.Tests.Contacts;

/// <summary>
/// Listens on ADDRESS:8000 of an <see cref="InMemoryNetwork"/>. <see cref="Answer"/> turns a request's
/// target into the raw response bytes to send, or null for none (a server that hangs).
/// </summary>
public sealed class FakeCrm
{
    public const int Port = 8000;
    private readonly Dictionary<ITcpConnection, StringBuilder> _requests = new();

    public FakeCrm(InMemoryNetwork wire, string address = "127.0.2.1")
    {
        Address = address;
        wire.AddHost(address).ListenTcp(Port, _ => { }, OnData, (c, _) => _requests.Remove(c));
    }

    public string Address { get; }

    /// <summary>The request targets received ("/lookup?number=%2B44...").</summary>
    public List<string> Targets { get; } = new();

    /// <summary>The whole request texts received.</summary>
    public List<string> Requests { get; } = new();

    /// <summary>Target -> the response bytes, or null to say nothing. Default: 200 with no contacts.</summary>
    public Func<string, byte[]?> Answer { get; set; } = _ => Json("{\"contacts\":[]}");

    /// <summary>Close the connection after the answer (the default), as "Connection: close" asks.</summary>
    public bool CloseAfterAnswer { get; set; } = true;

    public static byte[] Json(string body, int status = 200, string reason = "OK") =>
        Encoding.UTF8.GetBytes($"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");

    private void OnData(ITcpConnection c, byte[] data, int offset, int count)
    {
        if (!_requests.TryGetValue(c, out var sb)) _requests[c] = sb = new StringBuilder();
        sb.Append(Encoding.ASCII.GetString(data, offset, count));
        string text = sb.ToString();
        if (!text.Contains("\r\n\r\n")) return;
        _requests.Remove(c);
        Requests.Add(text);
        string target = text.Split(' ')[1];
        Targets.Add(target);
        byte[]? answer = Answer(target);
        if (answer == null) return;
        c.Send(answer, 0, answer.Length);
        if (CloseAfterAnswer) c.Close();
    }
}
