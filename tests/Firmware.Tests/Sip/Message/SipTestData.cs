// Shared helpers: the RFC 4475 corpus on disk, messages written with \n turned into CRLF, and parsing shortcuts.
using System.Runtime.CompilerServices;
using System.Text;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Message;

internal static class SipTestData
{
    /// <summary>shared/sip-torture: the sibling "shared" folder of the folder holding Firmware.sln.</summary>
    public static string TortureFolder([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Firmware.sln")))
        {
            dir = dir.Parent;
        }
        Assert.NotNull(dir);
        return Path.Combine(dir!.Parent!.FullName, "shared", "sip-torture");
    }

    /// <summary>The MANIFEST.tsv rows (header line and unreferenced/ skipped): file, section, expected, reason.</summary>
    public static IEnumerable<string[]> Manifest()
    {
        foreach (var line in File.ReadAllLines(Path.Combine(TortureFolder(), "MANIFEST.tsv")).Skip(1))
        {
            if (line.Trim().Length == 0) continue;
            var cols = line.Split('\t');
            if (cols[0].StartsWith("unreferenced/")) continue;
            yield return cols;
        }
    }

    public static byte[] TortureBytes(string file) => File.ReadAllBytes(Path.Combine(TortureFolder(), file));

    /// <summary>UTF-8 bytes of <paramref name="text"/> with every "\n" written as CRLF.</summary>
    public static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n").Replace("\n", "\r\n"));

    public static SipMessage Parse(byte[] data)
    {
        Assert.True(SipParser.TryParse(data, 0, data.Length, out var m, out var error), error?.ToString());
        return m;
    }

    public static SipMessage Parse(string text) => Parse(Crlf(text));

    public static SipParseError Reject(string text) => Reject(Crlf(text));

    public static SipParseError Reject(byte[] data)
    {
        Assert.False(SipParser.TryParse(data, 0, data.Length, out var m, out var error));
        Assert.Null(m);
        Assert.NotNull(error);
        return error;
    }

    /// <summary>Reads every typed view; used to prove none of them throws on odd input.</summary>
    public static void TouchEverything(SipMessage m)
    {
        _ = m.Method; _ = m.RequestUriText; _ = m.RequestUri; _ = m.RequestUriScheme; _ = m.ReasonPhrase;
        for (int i = 0; i < m.HeaderCount; i++)
        {
            _ = m.HeaderName(i); _ = m.HeaderValue(i); _ = m.HeaderCanonicalName(i);
        }
        _ = m.TopVia; _ = m.Vias; _ = m.From; _ = m.To; _ = m.FromTag; _ = m.ToTag; _ = m.CallId;
        _ = m.CSeqNumber; _ = m.CSeqMethod; _ = m.MaxForwards; _ = m.Contacts; _ = m.Contact;
        _ = m.Routes; _ = m.RecordRoutes; _ = m.CallInfo; _ = m.ReferTo; _ = m.ContentType;
        _ = m.ContentMediaType; _ = m.ContentLength; _ = m.Expires; _ = m.MinExpires; _ = m.Require;
        _ = m.ProxyRequire; _ = m.Supported; _ = m.Unsupported; _ = m.Allow; _ = m.Accept;
        _ = m.Event; _ = m.SubscriptionState; _ = m.Replaces; _ = m.RetryAfter; _ = m.RetryAfterSeconds;
        _ = m.WwwAuthenticate; _ = m.ProxyAuthenticate; _ = m.Body; _ = m.BodyText;
        var vias = m.Vias;
        if (vias != null)
        {
            foreach (var v in vias)
            {
                _ = v.Branch; _ = v.Rport; _ = v.Ttl; _ = v.Received; _ = v.ResponsePort; _ = v.ToString();
            }
        }
        var contacts = m.Contacts;
        if (contacts != null)
        {
            foreach (var c in contacts)
            {
                _ = c.Uri; _ = c.Expires; _ = c.Q; _ = c.ToString();
            }
        }
        if (m.IsRequest) _ = SipRequestCheck.Check(m);
        _ = m.ToBytes();
    }

    public const string Sdp =
        "v=0\n" +
        "o=alice 2890844526 2890844526 IN IP4 pc33.atlanta.com\n" +
        "s=-\n" +
        "c=IN IP4 192.0.2.101\n" +
        "t=0 0\n" +
        "m=audio 49172 RTP/AVP 0\n" +
        "a=rtpmap:0 PCMU/8000\n";

    /// <summary>A message from <paramref name="head"/> (start line and headers, no Content-Length) and a body, with the right Content-Length.</summary>
    public static byte[] WithBody(string head, string body)
    {
        var b = body.Replace("\r\n", "\n").Replace("\n", "\r\n");
        return Crlf(head + "Content-Length: " + Encoding.UTF8.GetByteCount(b) + "\n\n").Concat(Encoding.UTF8.GetBytes(b)).ToArray();
    }

    /// <summary>RFC 3261 §24.2 F1: Alice's INVITE to atlanta.com (with our own SDP text).</summary>
    public static byte[] Invite => WithBody(
        "INVITE sip:bob@biloxi.com SIP/2.0\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8\n" +
        "Max-Forwards: 70\n" +
        "To: Bob <sip:bob@biloxi.com>\n" +
        "From: Alice <sip:alice@atlanta.com>;tag=1928301774\n" +
        "Call-ID: a84b4c76e66710\n" +
        "CSeq: 314159 INVITE\n" +
        "Contact: <sip:alice@pc33.atlanta.com>\n" +
        "Content-Type: application/sdp\n", Sdp);

    /// <summary>RFC 3261 §24.2 F9: Bob's 200 OK as Alice receives it.</summary>
    public static byte[] Ok => WithBody(
        "SIP/2.0 200 OK\n" +
        "Via: SIP/2.0/UDP server10.biloxi.com;branch=z9hG4bK4b43c2ff8.1;received=192.0.2.3\n" +
        "Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1;received=192.0.2.2\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8;received=192.0.2.1\n" +
        "Record-Route: <sip:server10.biloxi.com;lr>, <sip:bigbox3.site3.atlanta.com;lr>\n" +
        "To: Bob <sip:bob@biloxi.com>;tag=a6c85cf\n" +
        "From: Alice <sip:alice@atlanta.com>;tag=1928301774\n" +
        "Call-ID: a84b4c76e66710\n" +
        "CSeq: 314159 INVITE\n" +
        "Contact: <sip:bob@192.0.2.4>\n" +
        "Content-Type: application/sdp\n", Sdp.Replace("alice", "bob"));

    /// <summary>RFC 3261 §24.2 F11: Alice's ACK, routed by the record-routes.</summary>
    public const string Ack =
        "ACK sip:bob@192.0.2.4 SIP/2.0\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds9\n" +
        "Route: <sip:bigbox3.site3.atlanta.com;lr>, <sip:server10.biloxi.com;lr>\n" +
        "Max-Forwards: 70\n" +
        "To: Bob <sip:bob@biloxi.com>;tag=a6c85cf\n" +
        "From: Alice <sip:alice@atlanta.com>;tag=1928301774\n" +
        "Call-ID: a84b4c76e66710\n" +
        "CSeq: 314159 ACK\n" +
        "Content-Length: 0\n" +
        "\n";

    /// <summary>RFC 3261 §24.2 F13: Bob hangs up.</summary>
    public const string Bye =
        "BYE sip:alice@pc33.atlanta.com SIP/2.0\n" +
        "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKnashds10\n" +
        "Max-Forwards: 70\n" +
        "From: Bob <sip:bob@biloxi.com>;tag=a6c85cf\n" +
        "To: Alice <sip:alice@atlanta.com>;tag=1928301774\n" +
        "Call-ID: a84b4c76e66710\n" +
        "CSeq: 231 BYE\n" +
        "Content-Length: 0\n" +
        "\n";
}
