// A softswitch for shared-line tests on the in-memory wire: registrar, sca notifier (call-info, line-seize) and the far end of calls.
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Firmware.Tests.Phone;

/// <summary>
/// Stands at 127.0.0.1:5060 as Kamailio with sca does for the phone: REGISTER 200; SUBSCRIBE
/// Event: call-info 200 and a NOTIFY with the line's Call-Info (<see cref="Appearances"/>, then
/// "*" idle, as sca writes it) in the dialog it made, and more NOTIFYs when the test says; SUBSCRIBE
/// Event: line-seize 200 and a NOTIFY naming the seized index, or a scripted 480 (Retry-After: 1) or
/// 403; Expires: 0 releases. Plays the far end of the phone's calls (INVITE answered as scripted,
/// re-INVITE 200, BYE 200, CANCEL then 487, REFER 202) and sends INVITEs to the phone (the line's
/// calls the proxy forked to it). Records everything.
/// </summary>
public sealed class ScaSwitch
{
    private readonly IUdpEndpoint _udp;
    private readonly Func<long> _now;
    private string _phoneHost = "127.0.1.1";
    private int _phonePort = 5060;
    private int _tags;
    private int _branches;
    private long _notifyCSeq;
    private SipMessage? _callInfoSubscribe;
    private string? _callInfoTag;

    public const string Line = "sip:203@office.example";

    /// <summary>The appearances the next call-info NOTIFY lists ("1;appearance-state=active;appearance-uri=\"...\""), without the domain part.</summary>
    public readonly List<string> Appearances = new();
    /// <summary>Failures for line-seize SUBSCRIBEs, one per SUBSCRIBE ((480, null) adds Retry-After: 1).</summary>
    public readonly Queue<(int Status, string? Reason)> SeizeFailures = new();
    /// <summary>A failure for call-info SUBSCRIBEs (0: accept).</summary>
    public int CallInfoFailure;
    /// <summary>Statuses for a new INVITE from the phone; a 2xx carries <see cref="PhoneRig.SdpAnswer"/>.</summary>
    public int[] InviteAnswers = { 180, 200 };
    /// <summary>The reason phrase of a failure in <see cref="InviteAnswers"/> (e.g. "Private call: not for pickup").</summary>
    public string? InviteFailureReason;
    /// <summary>The index the next successful line-seize gets.</summary>
    public int NextSeizeIndex = 1;

    public readonly List<(long At, SipMessage Message)> Received = new();

    /// <summary>The switch's tag in the call-info subscription dialog (null before the phone subscribed).</summary>
    public string? CallInfoTag => _callInfoTag;

    public ScaSwitch(InMemoryNetwork wire, Func<long> now)
    {
        _now = now;
        _udp = wire.AddHost("127.0.0.1").OpenUdp(5060, OnDatagram)!;
    }

    public IEnumerable<SipMessage> Requests(string method) => Received.Select(r => r.Message).Where(m => m.IsRequest && m.Method == method);
    public IEnumerable<SipMessage> Subscribes(string package) => Requests("SUBSCRIBE").Where(m => m.GetHeader("Event") == package);
    public IEnumerable<SipMessage> Responses(string cseqMethod) => Received.Select(r => r.Message).Where(m => m.IsResponse && m.CSeqMethod == cseqMethod);
    /// <summary>INVITEs the phone started (no To tag), not re-INVITEs.</summary>
    public IEnumerable<SipMessage> NewInvites => Requests("INVITE").Where(m => m.ToTag == null);
    public IEnumerable<SipMessage> Reinvites => Requests("INVITE").Where(m => m.ToTag != null);

    /// <summary>"&lt;sip:office.example&gt;;appearance-index=1;appearance-state=held;appearance-uri=\"...\"": one appearance as sca writes it.</summary>
    public static string Appearance(int index, string state, string? uri = "\\\"Carol\\\" <sip:204@office.example>") =>
        $"{index};appearance-state={state}" + (uri == null ? "" : $";appearance-uri=\"{uri}\"");

    /// <summary>Sets the line's appearances and NOTIFYs the phone's call-info subscription.</summary>
    public void NotifyLine(params string[] appearances)
    {
        Appearances.Clear();
        Appearances.AddRange(appearances);
        NotifyCallInfo();
    }

    /// <summary>The Call-Info header value of the line now: the busy appearances, then "*" idle.</summary>
    public string CallInfoValue() =>
        string.Concat(Appearances.Select(a => $"<sip:office.example>;appearance-index={a},")) + "<sip:office.example>;appearance-index=*;appearance-state=idle";

    private void NotifyCallInfo()
    {
        var s = _callInfoSubscribe ?? throw new InvalidOperationException("the phone has not subscribed to call-info");
        Send(Notify(s, _callInfoTag!, "call-info", "active;expires=3600", CallInfoValue()));
    }

    private SipMessage Notify(SipMessage subscribe, string myTag, string package, string state, string? callInfo)
    {
        var n = SipMessage.CreateRequest("NOTIFY", subscribe.Contact!.UriText);
        n.AddHeader("Via", $"SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKsca{++_branches}");
        n.AddHeader("Max-Forwards", "70");
        n.AddHeader("From", $"<{subscribe.To.UriText}>;tag={myTag}");
        n.AddHeader("To", subscribe.GetHeader("From")!);
        n.AddHeader("Call-ID", subscribe.CallId);
        n.AddHeader("CSeq", $"{++_notifyCSeq} NOTIFY");
        n.AddHeader("Contact", "<sip:127.0.0.1:5060>");
        n.AddHeader("Event", package);
        n.AddHeader("Subscription-State", state);
        if (callInfo != null) n.AddHeader("Call-Info", callInfo);
        n.SetHeader("Content-Length", "0");
        return n;
    }

    private void OnDatagram(byte[] data, int offset, int count, string from, int fromPort)
    {
        Assert.True(SipParser.TryParse(data, offset, count, out var m, out var error), error?.ToString());
        Received.Add((_now(), m));
        _phoneHost = from;
        _phonePort = fromPort;
        if (m.IsResponse)
        {
            if (m.CSeqMethod == "INVITE" && m.StatusCode >= 200 && m.StatusCode < 300) Send(AckFor(m));
            return;
        }
        switch (m.Method)
        {
            case "REGISTER":
            {
                var ok = SipMessage.CreateResponse(m, 200, "OK", "reg1");
                if (m.Expires != 0) ok.AddHeader("Contact", m.GetHeader("Contact") + ";expires=600");
                Send(ok);
                break;
            }
            case "SUBSCRIBE": OnSubscribe(m); break;
            case "INVITE" when m.ToTag == null:
                foreach (int code in InviteAnswers) Respond(m, code, code >= 300 ? InviteFailureReason : null);
                break;
            case "INVITE": Respond(m, 200); break;
            case "CANCEL":
                Respond(m, 200);
                Respond(Requests("INVITE").Last(i => i.CallId == m.CallId && i.CSeqNumber == m.CSeqNumber), 487);
                break;
            case "ACK": break;
            case "REFER": Respond(m, 202); break;
            default: Respond(m, 200); break;
        }
    }

    private void OnSubscribe(SipMessage m)
    {
        string package = m.GetHeader("Event")!;
        if (package == "call-info")
        {
            if (CallInfoFailure != 0) { Send(SipMessage.CreateResponse(m, CallInfoFailure, SipStatus.DefaultReason(CallInfoFailure), "f" + (++_tags))); return; }
            if (m.ToTag == null) { _callInfoTag = "ci" + (++_tags); }
            _callInfoSubscribe = m.ToTag == null ? m : _callInfoSubscribe;
            var ok = SipMessage.CreateResponse(m, 200, "OK", m.ToTag == null ? _callInfoTag : null);
            ok.AddHeader("Expires", "3600");
            ok.AddHeader("Contact", "<sip:127.0.0.1:5060>");
            Send(ok);
            NotifyCallInfo();
            return;
        }
        if (package == "line-seize")
        {
            if (SeizeFailures.Count > 0)
            {
                var (status, reason) = SeizeFailures.Dequeue();
                var no = SipMessage.CreateResponse(m, status, reason ?? SipStatus.DefaultReason(status), "f" + (++_tags));
                if (status == 480) no.AddHeader("Retry-After", "1");
                Send(no);
                return;
            }
            string tag = m.ToTag ?? "ls" + (++_tags);
            var ok = SipMessage.CreateResponse(m, 200, "OK", m.ToTag == null ? tag : null);
            ok.AddHeader("Expires", m.Expires.ToString());
            ok.AddHeader("Contact", "<sip:127.0.0.1:5060>");
            Send(ok);
            if (m.Expires == 0) { Send(Notify(m, tag, "line-seize", "terminated", null)); return; }
            Send(Notify(m, tag, "line-seize", "active;expires=" + m.Expires, $"<sip:office.example>;appearance-index={NextSeizeIndex}"));
            return;
        }
        Send(SipMessage.CreateResponse(m, 489, "Bad Event", "bad" + (++_tags)));
    }

    // ---- calls ----

    public SipMessage Respond(SipMessage request, int code, string? reason = null)
    {
        var r = SipMessage.CreateResponse(request, code, reason ?? SipStatus.DefaultReason(code), code > 100 ? "far1" : null);
        if (request.Method == "INVITE" && code > 100 && code < 300) r.AddHeader("Contact", "<sip:far@127.0.0.1:5060>");
        if (request.Method == "INVITE" && code >= 200 && code < 300) r.SetBody(PhoneRig.SdpAnswer, "application/sdp");
        Send(r);
        return r;
    }

    /// <summary>A call to the line (or any <paramref name="toUser"/>) as the proxy forks it to the phone.</summary>
    public SipMessage Invite(string from = "\"Carol\" <sip:204@office.example>", string toUser = "203", string callId = "carol-call-1", string? callInfo = null)
    {
        var m = SipMessage.CreateRequest("INVITE", $"sip:202@{_phoneHost}:{_phonePort}");
        m.AddHeader("Via", $"SIP/2.0/UDP 127.0.0.1:5060;branch={NewBranch()}");
        m.AddHeader("Record-Route", "<sip:127.0.0.1:5060;lr>");
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", from + ";tag=c1");
        m.AddHeader("To", $"<sip:{toUser}@office.example>");
        m.AddHeader("Call-ID", callId);
        m.AddHeader("CSeq", "1 INVITE");
        m.AddHeader("Contact", "<sip:caller@127.0.0.1:5060>");
        if (callInfo != null) m.AddHeader("Call-Info", callInfo);
        m.SetBody(PhoneRig.SdpOffer, "application/sdp");
        Send(m);
        return m;
    }

    /// <summary>The CANCEL of <paramref name="invite"/> (the proxy cancelling this branch: another phone answered).</summary>
    public void Cancel(SipMessage invite)
    {
        var m = SipMessage.CreateRequest("CANCEL", invite.RequestUriText);
        m.AddHeader("Via", invite.GetHeader("Via")!);
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", invite.GetHeader("From")!);
        m.AddHeader("To", invite.GetHeader("To")!);
        m.AddHeader("Call-ID", invite.CallId);
        m.AddHeader("CSeq", invite.CSeqNumber + " CANCEL");
        Send(m);
    }

    /// <summary>The ACK for the phone's 2xx to our INVITE.</summary>
    public SipMessage AckFor(SipMessage ok)
    {
        var m = SipMessage.CreateRequest("ACK", ok.Contact?.UriText ?? $"sip:{_phoneHost}:{_phonePort}");
        m.AddHeader("Via", $"SIP/2.0/UDP 127.0.0.1:5060;branch={NewBranch()}");
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", ok.GetHeader("From")!);
        m.AddHeader("To", ok.GetHeader("To")!);
        m.AddHeader("Call-ID", ok.CallId);
        m.AddHeader("CSeq", ok.CSeqNumber + " ACK");
        return m;
    }

    /// <summary>The far end hangs up the call the phone answered (<paramref name="ok"/> is the phone's 200).</summary>
    public void ByeTo(SipMessage ok)
    {
        var m = SipMessage.CreateRequest("BYE", ok.Contact!.UriText);
        m.AddHeader("Via", $"SIP/2.0/UDP 127.0.0.1:5060;branch={NewBranch()}");
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", ok.GetHeader("From")!);
        m.AddHeader("To", ok.GetHeader("To")!);
        m.AddHeader("Call-ID", ok.CallId);
        m.AddHeader("CSeq", "2 BYE");
        Send(m);
    }

    private string NewBranch() => "z9hG4bKscac" + (++_branches);

    private void Send(SipMessage m)
    {
        var bytes = m.ToBytes();
        _udp.SendTo(bytes, 0, bytes.Length, _phoneHost, _phonePort);
    }
}
