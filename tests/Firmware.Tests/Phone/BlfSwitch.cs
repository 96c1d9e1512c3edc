// A softswitch for BLF tests on the in-memory wire: registrar, dialog-package notifier and the far end of pickup calls.
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Firmware.Tests.Phone;

/// <summary>
/// Stands at 127.0.0.1:5060 as Kamailio with presence would: answers REGISTER 200, answers
/// SUBSCRIBE Event: dialog (200 with Expires, or a scripted failure), NOTIFYs in the dialogs it
/// made (on every SUBSCRIBE, as RFC 6665 wants, and whenever the test says), answers in-dialog
/// SUBSCRIBEs of dialogs it does not know with 481, and plays the far end of the calls the phone
/// places (INVITE answered as scripted, ACK, BYE, CANCEL then 487). Records everything it gets.
/// </summary>
public sealed class BlfSwitch
{
    private readonly IUdpEndpoint _udp;
    private readonly Func<long> _now;
    private readonly Dictionary<string, Watcher> _watchers = new();
    private int _tags;
    private int _branches;

    public const string Address = "127.0.0.1";
    public const int Port = 5060;

    /// <summary>Final statuses to give instead of 200, one per SUBSCRIBE, first in first out.</summary>
    public readonly Queue<int> SubscribeFailures = new();
    /// <summary>The body of the NOTIFY that answers each SUBSCRIBE (null: an empty dialog-info, i.e. idle).</summary>
    public Func<Watcher, string>? StateOnSubscribe;
    /// <summary>Statuses for a new INVITE from the phone; a 2xx carries <see cref="PhoneRig.SdpAnswer"/>.</summary>
    public int[] InviteAnswers = { 180, 200 };

    public readonly List<(long At, SipMessage Message)> Received = new();

    public BlfSwitch(InMemoryNetwork wire, Func<long> now)
    {
        _now = now;
        _udp = wire.AddHost(Address).OpenUdp(Port, OnDatagram)!;
    }

    /// <summary>One subscription the switch granted: the dialog and its NOTIFY version counter.</summary>
    public sealed class Watcher
    {
        public required string CallId;
        public required string PhoneTag;
        public required string MyTag;
        public required string Resource;
        public required string PhoneHost;
        public required int PhonePort;
        public required string PhoneContact;
        public long CSeq;
        public long Version = -1;
    }

    public Watcher? Last { get; private set; }

    public IEnumerable<SipMessage> Requests(string method) => Received.Select(r => r.Message).Where(m => m.IsRequest && m.Method == method);
    /// <summary>The dialog-package SUBSCRIBEs (other packages, e.g. the phone's MWI, are answered 489 and left out).</summary>
    public (long At, SipMessage Message)[] Subscribes => Received.Where(r => r.Message.IsRequest && r.Message.Method == "SUBSCRIBE" && r.Message.GetHeader("Event") == "dialog").ToArray();
    public IEnumerable<SipMessage> NotifyAnswers => Received.Select(r => r.Message).Where(m => m.IsResponse && m.CSeqMethod == "NOTIFY");

    /// <summary>A full dialog-info document of the next version of <paramref name="w"/> listing <paramref name="dialogs"/>.</summary>
    public static string Document(Watcher w, params string[] dialogs)
    {
        w.Version++;
        return $"<?xml version=\"1.0\"?>\n<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"{w.Version}\" state=\"full\" entity=\"{w.Resource}\">\n"
            + string.Concat(dialogs) + "</dialog-info>\n";
    }

    /// <summary>A dialog element as Kamailio's pua_dialoginfo writes it (call-id, tags, local/remote).</summary>
    public static string Dialog(string state, string direction = "recipient", string callId = "c203-1@127.0.0.3", string localTag = "t202",
        string remoteTag = "f203", string remote = "sip:203@office.example", string? display = "Carol", string remoteTarget = "sip:203@127.0.0.3:5062") =>
        $"<dialog id=\"{callId}\" call-id=\"{callId}\" local-tag=\"{localTag}\" remote-tag=\"{remoteTag}\" direction=\"{direction}\">"
        + $"<state>{state}</state><local><identity>sip:202@office.example</identity><target uri=\"sip:202@127.0.0.2:5060\"/></local>"
        + $"<remote><identity{(display == null ? "" : $" display=\"{display}\"")}>{remote}</identity><target uri=\"{remoteTarget}\"/></remote></dialog>\n";

    /// <summary>Sends a NOTIFY in <paramref name="w"/> (default: the last dialog) and returns it.</summary>
    public SipMessage Notify(string subscriptionState, string? body = null, Watcher? w = null, string contentType = "application/dialog-info+xml")
    {
        w ??= Last ?? throw new InvalidOperationException("no subscription yet");
        var n = SipMessage.CreateRequest("NOTIFY", w.PhoneContact);
        n.AddHeader("Via", $"SIP/2.0/UDP {Address}:{Port};branch=z9hG4bKblf{++_branches};rport");
        n.AddHeader("Max-Forwards", "70");
        n.AddHeader("From", $"<{w.Resource}>;tag={w.MyTag}");
        n.AddHeader("To", $"<sip:201@office.example>;tag={w.PhoneTag}");
        n.AddHeader("Call-ID", w.CallId);
        n.AddHeader("CSeq", $"{++w.CSeq} NOTIFY");
        n.AddHeader("Contact", $"<sip:{Address}:{Port}>");
        n.AddHeader("Event", "dialog");
        n.AddHeader("Subscription-State", subscriptionState);
        if (body != null) n.SetBody(body, contentType);
        else n.SetHeader("Content-Length", "0");
        Send(n, w.PhoneHost, w.PhonePort);
        return n;
    }

    /// <summary>NOTIFY active with a full document of <paramref name="dialogs"/>.</summary>
    public SipMessage NotifyDialogs(params string[] dialogs) => Notify("active;expires=1700", Document(Last!, dialogs));

    private void OnDatagram(byte[] data, int offset, int count, string from, int fromPort)
    {
        Assert.True(SipParser.TryParse(data, offset, count, out var m, out var error), error?.ToString());
        Received.Add((_now(), m));
        if (m.IsResponse) return;
        switch (m.Method)
        {
            case "REGISTER":
            {
                var ok = SipMessage.CreateResponse(m, 200, "OK", "reg1");
                if (m.Expires != 0) ok.AddHeader("Contact", m.GetHeader("Contact") + ";expires=600");
                Send(ok, from, fromPort);
                break;
            }
            case "SUBSCRIBE": OnSubscribe(m, from, fromPort); break;
            case "INVITE" when m.ToTag == null:
                foreach (int code in InviteAnswers) Respond(m, code, from, fromPort);
                break;
            case "CANCEL":
                Respond(m, 200, from, fromPort);
                var invite = Requests("INVITE").Last(i => i.CallId == m.CallId && i.CSeqNumber == m.CSeqNumber);
                Respond(invite, 487, from, fromPort);
                break;
            case "ACK": break;
            default: Respond(m, 200, from, fromPort); break;
        }
    }

    private void OnSubscribe(SipMessage m, string from, int fromPort)
    {
        if (m.GetHeader("Event") != "dialog")
        {
            Send(SipMessage.CreateResponse(m, 489, "Bad Event", "bad" + (++_tags)), from, fromPort);
            return;
        }
        if (SubscribeFailures.Count > 0)
        {
            int code = SubscribeFailures.Dequeue();
            Send(SipMessage.CreateResponse(m, code, SipStatus.DefaultReason(code), "fail" + (++_tags)), from, fromPort);
            return;
        }
        string key;
        Watcher? w;
        if (m.ToTag != null)
        {
            key = m.CallId + "|" + m.ToTag;
            if (!_watchers.TryGetValue(key, out w))
            {
                Send(SipMessage.CreateResponse(m, 481, "Call/Transaction Does Not Exist"), from, fromPort);
                return;
            }
        }
        else
        {
            string tag = "ntf" + (++_tags);
            key = m.CallId + "|" + tag;
            var contact = m.Contact!.Uri!;
            w = new Watcher
            {
                CallId = m.CallId, PhoneTag = m.FromTag, MyTag = tag, Resource = m.To.UriText,
                PhoneHost = contact.Host, PhonePort = contact.PortOrDefault, PhoneContact = contact.ToString(),
            };
            _watchers[key] = w;
        }
        Last = w;
        int expires = m.Expires < 0 ? 1800 : m.Expires;
        var ok = SipMessage.CreateResponse(m, 200, "OK", m.ToTag == null ? w.MyTag : null);
        ok.AddHeader("Expires", expires.ToString());
        ok.AddHeader("Contact", $"<sip:{Address}:{Port}>");
        Send(ok, from, fromPort);
        if (expires == 0)
        {
            _watchers.Remove(key);
            Notify("terminated;reason=timeout", null, w);
            return;
        }
        Notify($"active;expires={expires}", StateOnSubscribe != null ? StateOnSubscribe(w) : Document(w), w);
    }

    private void Respond(SipMessage request, int code, string host, int port)
    {
        var r = SipMessage.CreateResponse(request, code, SipStatus.DefaultReason(code), code > 100 ? "far1" : null);
        if (request.Method == "INVITE" && code > 100 && code < 300) r.AddHeader("Contact", $"<sip:far@{Address}:{Port}>");
        if (request.Method == "INVITE" && code >= 200 && code < 300) r.SetBody(PhoneRig.SdpAnswer, "application/sdp");
        Send(r, host, port);
    }

    private void Send(SipMessage m, string host, int port)
    {
        var bytes = m.ToBytes();
        _udp.SendTo(bytes, 0, bytes.Length, host, port);
    }
}
