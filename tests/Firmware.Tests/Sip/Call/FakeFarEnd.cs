using System.Security.Cryptography;
using System.Text;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Firmware.Tests.Sip.Call;

/// <summary>
/// The proxy and the far phone in one, on the in-memory wire: answers the phone's INVITEs as
/// scripted (180, 200 with SDP, 486, a 407 challenge checked with the BCL's MD5...), answers BYE,
/// CANCEL (then 487), REFER, NOTIFY and INFO, sends its own INVITE/BYE/re-INVITE/REFER/NOTIFY, and
/// records everything it gets.
/// </summary>
public sealed class FakeFarEnd
{
    private readonly IUdpEndpoint _udp;
    private readonly Func<long> _now;
    private int _branches;
    private string _phoneAddress = "127.0.1.1";
    private int _phonePort = 5070;

    public readonly string Address;
    public const int Port = 5060;

    /// <summary>Statuses sent at once to a new INVITE from the phone (the last one may be final).</summary>
    public int[] InviteAnswers = { 180, 200 };
    public string AnswerSdp = "v=0 far answer";
    public string ToTag = "far1";
    public string Contact = "<sip:bob@127.0.1.100:5060>";
    public string[] RecordRoutes = Array.Empty<string>();
    /// <summary>Challenge new INVITEs without credentials with 407 (proxy) or 401.</summary>
    public int ChallengeWith;
    public string Password = "secret";
    public string Nonce = "n-invite-1";
    /// <summary>Status for re-INVITEs from the phone.</summary>
    public int ReinviteStatus = 200;
    /// <summary>The SDP answering a re-INVITE; null echoes a placeholder text.</summary>
    public string? ReinviteAnswerSdp;
    public bool AckOurInvites = true;
    public bool Silent;

    public readonly List<(long At, SipMessage Message)> Received = new();
    public readonly List<(long At, SipMessage Message)> Sent = new();

    public FakeFarEnd(InMemoryNetwork wire, string address, Func<long> now)
    {
        Address = address;
        _now = now;
        _udp = wire.AddHost(address).OpenUdp(Port, OnDatagram)!;
    }

    public IEnumerable<SipMessage> Requests(string method) => Received.Select(r => r.Message).Where(m => m.IsRequest && m.Method == method);
    public IEnumerable<SipMessage> Responses(string cseqMethod) => Received.Select(r => r.Message).Where(m => m.IsResponse && m.CSeqMethod == cseqMethod);
    public SipMessage LastRequest(string method) => Requests(method).Last();
    public long[] TimesOf(Func<SipMessage, bool> which) => Received.Where(r => which(r.Message)).Select(r => r.At).ToArray();
    public IEnumerable<int> SentStatuses => Sent.Select(s => s.Message).Where(m => m.IsResponse).Select(m => m.StatusCode);

    private void OnDatagram(byte[] data, int offset, int count, string from, int fromPort)
    {
        Assert.True(SipParser.TryParse(data, offset, count, out var m, out var error), error?.ToString());
        _phoneAddress = from;
        _phonePort = fromPort;
        Received.Add((_now(), m));
        if (Silent) return;
        if (m.IsResponse)
        {
            if (m.CSeqMethod == "INVITE" && m.StatusCode >= 200 && m.StatusCode < 300 && AckOurInvites) Send(AckFor(m));
            if (m.CSeqMethod == "INVITE" && m.StatusCode >= 300) Send(AckForFailure(m));
            return;
        }
        switch (m.Method)
        {
            case "INVITE" when m.ToTag == null: OnInvite(m); break;
            case "INVITE": Respond(m, ReinviteStatus, ReinviteStatus == 200 ? ReinviteAnswerSdp ?? "v=0 far reanswer to " + m.BodyText : null); break;
            case "CANCEL":
                Respond(m, 200);
                var invite = Requests("INVITE").Last(i => i.CallId == m.CallId && i.CSeqNumber == m.CSeqNumber);
                Respond(invite, 487);
                break;
            case "ACK": break;
            case "REFER": Respond(m, 202); break;
            default: Respond(m, 200); break;
        }
    }

    private void OnInvite(SipMessage invite)
    {
        if (ChallengeWith != 0 && !ValidCredentials(invite))
        {
            var challenge = Build(invite, ChallengeWith, null);
            challenge.AddHeader(ChallengeWith == 407 ? "Proxy-Authenticate" : "WWW-Authenticate",
                $"Digest realm=\"office.example\", nonce=\"{Nonce}\", qop=\"auth\", algorithm=MD5");
            Send(challenge);
            return;
        }
        foreach (int code in InviteAnswers) Respond(invite, code, code >= 200 && code < 300 ? AnswerSdp : null);
    }

    /// <summary>Builds and sends a response (To tag, Contact and Record-Route for 1xx/2xx).</summary>
    public SipMessage Respond(SipMessage request, int code, string? body = null, string? toTag = null)
    {
        var r = Build(request, code, body, toTag);
        Send(r);
        return r;
    }

    public SipMessage Build(SipMessage request, int code, string? body, string? toTag = null)
    {
        var r = SipMessage.CreateResponse(request, code, SipStatus.DefaultReason(code), code > 100 ? (toTag ?? ToTag) : null);
        if (code > 100 && code < 300 && request.Method is "INVITE" or "SUBSCRIBE" or "REFER")
        {
            foreach (var rr in RecordRoutes) r.AddHeader("Record-Route", rr);
            r.AddHeader("Contact", Contact);
        }
        if (body != null) r.SetBody(body, "application/sdp");
        return r;
    }

    public void Send(SipMessage m)
    {
        var bytes = m.ToBytes();
        Sent.Add((_now(), m));
        _udp.SendTo(bytes, 0, bytes.Length, _phoneAddress, _phonePort);
    }

    // ---- the far end as a UA of its own ----

    public string NewBranch() => "z9hG4bKfar" + (++_branches);

    /// <summary>A new INVITE to the phone's extension 201, from Alice.</summary>
    public SipMessage Invite(string? sdp = "v=0 alice offer", string callId = "alice-call-1", string fromTag = "a1", string? replaces = null, string requestUser = "201", string[]? recordRoutes = null)
    {
        var m = SipMessage.CreateRequest("INVITE", $"sip:{requestUser}@127.0.1.1:5070");
        m.AddHeader("Via", $"SIP/2.0/UDP {Address}:{Port};branch={NewBranch()}");
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", $"\"Alice\" <sip:alice@office.example>;tag={fromTag}");
        m.AddHeader("To", $"<sip:{requestUser}@office.example>");
        m.AddHeader("Call-ID", callId);
        m.AddHeader("CSeq", "1 INVITE");
        m.AddHeader("Contact", $"<sip:alice@{Address}:{Port}>");
        if (replaces != null) m.AddHeader("Replaces", replaces);
        foreach (var rr in recordRoutes ?? Array.Empty<string>()) m.AddHeader("Record-Route", rr);
        if (sdp != null) m.SetBody(sdp, "application/sdp");
        Send(m);
        return m;
    }

    /// <summary>The CANCEL for an INVITE we sent (same branch, Call-ID, tags and CSeq number).</summary>
    public SipMessage CancelFor(SipMessage invite)
    {
        var m = SipMessage.CreateRequest("CANCEL", invite.RequestUriText);
        m.AddHeader("Via", invite.GetHeader("Via"));
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", invite.GetHeader("From"));
        m.AddHeader("To", invite.GetHeader("To"));
        m.AddHeader("Call-ID", invite.CallId);
        m.AddHeader("CSeq", invite.CSeqNumber + " CANCEL");
        return m;
    }

    /// <summary>The ACK for a 3xx-6xx to our INVITE (same branch, hop by hop).</summary>
    public SipMessage AckForFailure(SipMessage response)
    {
        var invite = Sent.Select(s => s.Message).Last(s => s.IsRequest && s.Method == "INVITE" && s.CallId == response.CallId);
        var m = SipMessage.CreateRequest("ACK", invite.RequestUriText);
        m.AddHeader("Via", invite.GetHeader("Via"));
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", invite.GetHeader("From"));
        m.AddHeader("To", response.GetHeader("To"));
        m.AddHeader("Call-ID", invite.CallId);
        m.AddHeader("CSeq", invite.CSeqNumber + " ACK");
        return m;
    }

    /// <summary>The ACK for a 2xx to our INVITE, sent to the phone's Contact.</summary>
    public SipMessage AckFor(SipMessage ok)
    {
        var m = SipMessage.CreateRequest("ACK", ok.Contact!.UriText);
        m.AddHeader("Via", $"SIP/2.0/UDP {Address}:{Port};branch={NewBranch()}");
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", ok.GetHeader("From"));
        m.AddHeader("To", ok.GetHeader("To"));
        m.AddHeader("Call-ID", ok.CallId);
        m.AddHeader("CSeq", ok.CSeqNumber + " ACK");
        return m;
    }

    /// <summary>
    /// A request inside the dialog of <paramref name="callId"/>: the phone is addressed at its
    /// Contact, the tags come from what was exchanged. <paramref name="cseq"/> is the far end's number.
    /// </summary>
    public SipMessage InDialog(string method, string callId, long cseq, string? body = null, string contentType = "application/sdp")
    {
        // Find the phone's side of the dialog from whichever of its messages we hold.
        var phoneInvite = Requests("INVITE").LastOrDefault(i => i.CallId == callId && i.ToTag == null);
        string from, to, target;
        if (phoneInvite != null)
        {
            from = $"{phoneInvite.GetHeader("To")};tag={ToTag}";
            to = phoneInvite.GetHeader("From")!;
            target = phoneInvite.Contact!.UriText;
        }
        else
        {
            var ok = Responses("INVITE").Last(r => r.CallId == callId && r.StatusCode == 200);
            from = ok.GetHeader("From")!;
            to = ok.GetHeader("To")!;
            target = ok.Contact!.UriText;
        }
        var m = SipMessage.CreateRequest(method, target);
        m.AddHeader("Via", $"SIP/2.0/UDP {Address}:{Port};branch={NewBranch()}");
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", from);
        m.AddHeader("To", to);
        m.AddHeader("Call-ID", callId);
        m.AddHeader("CSeq", cseq + " " + method);
        m.AddHeader("Contact", $"<sip:far@{Address}:{Port}>");
        if (body != null) m.SetBody(body, contentType);
        return m;
    }

    private bool ValidCredentials(SipMessage request)
    {
        string? auth = request.GetHeader(ChallengeWith == 407 ? "Proxy-Authorization" : "Authorization");
        if (auth == null) return false;
        string P(string name)
        {
            int i = auth.IndexOf(" " + name + "=", StringComparison.Ordinal);
            if (i < 0) i = auth.IndexOf("," + name + "=", StringComparison.Ordinal);
            if (i < 0) return "";
            i += name.Length + 2;
            if (auth[i] == '"') return auth.Substring(i + 1, auth.IndexOf('"', i + 1) - i - 1);
            int end = auth.IndexOf(',', i);
            return (end < 0 ? auth.Substring(i) : auth.Substring(i, end - i)).Trim();
        }
        static string Md5(string s) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
        if (P("nonce") != Nonce) return false;
        string ha1 = Md5($"{P("username")}:office.example:{Password}");
        string ha2 = Md5($"{request.Method}:{P("uri")}");
        return P("response") == Md5($"{ha1}:{Nonce}:{P("nc")}:{P("cnonce")}:auth:{ha2}");
    }
}
