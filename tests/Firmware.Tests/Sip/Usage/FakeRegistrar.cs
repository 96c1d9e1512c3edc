using System.Security.Cryptography;
using System.Text;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Firmware.Tests.Sip.Usage;

/// <summary>
/// A registrar on the in-memory wire that challenges with MD5 digest and checks the answer with
/// the BCL's MD5 (independent of the firmware's), as a softswitch would.
/// </summary>
public sealed class FakeRegistrar
{
    private readonly IUdpEndpoint _udp;
    public readonly string Address;
    public string Password = "secret";
    public string Nonce = "nonce-1";
    public bool Silent;
    public bool StaleNext;
    public int MinExpires;
    public int GrantExpires = 600;
    public readonly List<SipMessage> Requests = new();
    public readonly List<int> Answers = new();

    public FakeRegistrar(InMemoryNetwork wire, string address, int port = 5060)
    {
        Address = address;
        _udp = wire.AddHost(address).OpenUdp(port, OnDatagram)!;
    }

    private void OnDatagram(byte[] data, int offset, int count, string from, int fromPort)
    {
        Assert.True(SipParser.TryParse(data, offset, count, out var request, out var error), error?.ToString());
        Requests.Add(request);
        if (Silent) return;
        SipMessage response;
        string? auth = request.GetHeader("Authorization");
        if (MinExpires > 0 && request.Expires > 0 && request.Expires < MinExpires)
        {
            response = SipMessage.CreateResponse(request, 423, "Interval Too Brief");
            response.AddHeader("Min-Expires", MinExpires.ToString());
        }
        else if (auth == null || !Valid(auth, request) || StaleNext)
        {
            bool stale = StaleNext && auth != null && Valid(auth, request);
            StaleNext = false;
            if (stale) Nonce += "x";
            response = SipMessage.CreateResponse(request, 401, "Unauthorized", "reg1");
            response.AddHeader("WWW-Authenticate", $"Digest realm=\"office.example\", nonce=\"{Nonce}\", qop=\"auth\", algorithm=MD5" + (stale ? ", stale=TRUE" : ""));
        }
        else
        {
            response = SipMessage.CreateResponse(request, 200, "OK", "reg1");
            int expires = request.Expires == 0 ? 0 : GrantExpires;
            if (expires > 0) response.AddHeader("Contact", request.GetHeader("Contact") + ";expires=" + expires);
        }
        Answers.Add(response.StatusCode);
        var bytes = response.ToBytes();
        _udp.SendTo(bytes, 0, bytes.Length, from, fromPort);
    }

    private bool Valid(string auth, SipMessage request)
    {
        string P(string name)
        {
            int i = auth.IndexOf(name + "=", StringComparison.Ordinal);
            if (i < 0) return "";
            i += name.Length + 1;
            if (auth[i] == '"') return auth.Substring(i + 1, auth.IndexOf('"', i + 1) - i - 1);
            int end = auth.IndexOf(',', i);
            return (end < 0 ? auth.Substring(i) : auth.Substring(i, end - i)).Trim();
        }
        static string Md5(string s) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
        if (P("nonce") != Nonce) return false;
        string ha1 = Md5($"{P("username")}:office.example:{Password}");
        string ha2 = Md5($"REGISTER:{P("uri")}");
        return P("response") == Md5($"{ha1}:{Nonce}:{P("nc")}:{P("cnonce")}:auth:{ha2}");
    }
}
