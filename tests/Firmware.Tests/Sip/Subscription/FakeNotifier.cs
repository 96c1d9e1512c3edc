using System.Security.Cryptography;
using System.Text;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Firmware.Tests.Sip.Subscription;

/// <summary>
/// A proxy + notifier on the in-memory wire, as Kamailio with presence or sca would be: answers
/// SUBSCRIBEs (optionally with an MD5 digest challenge, a scripted failure, Record-Route), keeps
/// the dialogs it made (an in-dialog SUBSCRIBE of an unknown dialog gets 481) and sends NOTIFYs
/// in them. Digest answers are checked with the BCL's MD5, independently of the firmware.
/// </summary>
public sealed class FakeNotifier
{
    private readonly IUdpEndpoint _udp;
    private readonly Dictionary<string, NotifierDialog> _dialogs = new();
    private int _tags;
    private int _branches;

    public readonly string Address;
    public readonly int Port;
    public bool Challenge;
    public bool ProxyChallenge;
    public string Password = "secret";
    public string Nonce = "nonce-1";
    public bool Silent;
    public int? GrantExpires;
    public string? RecordRoute;
    public string Contact = "<sip:notifier@127.0.1.100:5060>";
    /// <summary>Final statuses to give instead of 200, one per SUBSCRIBE, first in first out.</summary>
    public readonly Queue<int> NextFailures = new();
    public int? RetryAfter;
    /// <summary>After each 200 to a SUBSCRIBE, send NOTIFY with this Subscription-State (as real notifiers do).</summary>
    public string? AutoNotifyState;
    /// <summary>A Call-Info header for the automatic NOTIFYs (line-seize, call-info).</summary>
    public string? AutoNotifyCallInfo;
    /// <summary>Send the NOTIFY before the 200 (RFC 6665 §4.1.2.4 race).</summary>
    public bool NotifyBefore200;
    public readonly List<SipMessage> Subscribes = new();
    public readonly List<int> Answers = new();
    public readonly List<SipMessage> NotifyAnswers = new();
    public NotifierDialog? Last;

    public FakeNotifier(InMemoryNetwork wire, string address = "127.0.1.100", int port = 5060)
    {
        Address = address;
        Port = port;
        _udp = wire.AddHost(address).OpenUdp(port, OnDatagram)!;
    }

    public sealed class NotifierDialog
    {
        public required string CallId;
        public required string PhoneTag;
        public required string MyTag;
        public required string PhoneUri;
        public required string ResourceUri;
        public required string Event;
        public required string PhoneHost;
        public required int PhonePort;
        public long CSeq;
    }

    /// <summary>The notifier forgets every subscription (a restart): refreshes will get 481.</summary>
    public void ForgetDialogs() => _dialogs.Clear();

    /// <summary>Sends a NOTIFY in <paramref name="dialog"/> (default: the last one).</summary>
    public SipMessage Notify(string state, string? body = null, string? contentType = null, NotifierDialog? dialog = null,
        string? callInfo = null, string? eventHeader = null, long? cseq = null, string? fromTag = null)
    {
        var d = dialog ?? Last ?? throw new InvalidOperationException("no dialog yet");
        d.CSeq = cseq ?? d.CSeq + 1;
        var n = SipMessage.CreateRequest("NOTIFY", d.PhoneUri);
        n.AddHeader("Via", $"SIP/2.0/UDP {Address}:{Port};branch=z9hG4bKntf{++_branches};rport");
        n.AddHeader("Max-Forwards", "70");
        n.AddHeader("From", $"<{d.ResourceUri}>;tag={fromTag ?? d.MyTag}");
        n.AddHeader("To", $"<sip:201@office.example>;tag={d.PhoneTag}");
        n.AddHeader("Call-ID", d.CallId);
        n.AddHeader("CSeq", $"{d.CSeq} NOTIFY");
        n.AddHeader("Contact", Contact);
        n.AddHeader("Event", eventHeader ?? d.Event);
        n.AddHeader("Subscription-State", state);
        if (callInfo != null) n.AddHeader("Call-Info", callInfo);
        if (body != null) n.SetBody(body, contentType ?? "application/dialog-info+xml");
        else n.SetHeader("Content-Length", "0");
        Send(n, d.PhoneHost, d.PhonePort);
        return n;
    }

    /// <summary>A NOTIFY of a dialog the phone never had.</summary>
    public NotifierDialog Stranger(string @event = "dialog") => new()
    {
        CallId = "nobody@127.0.1.100", PhoneTag = "nosuchtag", MyTag = "x1", PhoneUri = "sip:201@127.0.1.1:5070",
        ResourceUri = "sip:202@office.example", Event = @event, PhoneHost = "127.0.1.1", PhonePort = 5070,
    };

    private void Send(SipMessage m, string host, int port)
    {
        var bytes = m.ToBytes();
        _udp.SendTo(bytes, 0, bytes.Length, host, port);
    }

    private void OnDatagram(byte[] data, int offset, int count, string from, int fromPort)
    {
        Assert.True(SipParser.TryParse(data, offset, count, out var message, out var error), error?.ToString());
        if (message.IsResponse)
        {
            NotifyAnswers.Add(message);
            return;
        }
        Assert.Equal("SUBSCRIBE", message.Method);
        Subscribes.Add(message);
        if (Silent) return;
        SipMessage response;
        NotifierDialog? dialog = null;
        string? auth = message.GetHeader(ProxyChallenge ? "Proxy-Authorization" : "Authorization");
        if ((Challenge || ProxyChallenge) && (auth == null || !Valid(auth, message)))
        {
            int code = ProxyChallenge ? 407 : 401;
            response = SipMessage.CreateResponse(message, code, code == 401 ? "Unauthorized" : "Proxy Authentication Required", "auth1");
            response.AddHeader(ProxyChallenge ? "Proxy-Authenticate" : "WWW-Authenticate",
                $"Digest realm=\"office.example\", nonce=\"{Nonce}\", qop=\"auth\", algorithm=MD5");
        }
        else if (NextFailures.Count > 0)
        {
            int code = NextFailures.Dequeue();
            response = SipMessage.CreateResponse(message, code, SipStatus.DefaultReason(code), "fail1");
            if (RetryAfter != null) response.AddHeader("Retry-After", RetryAfter.Value.ToString());
        }
        else if (message.ToTag != null && !_dialogs.ContainsKey(Key(message.CallId, message.ToTag)))
        {
            response = SipMessage.CreateResponse(message, 481, "Call/Transaction Does Not Exist");
        }
        else
        {
            string toTag = message.ToTag ?? "ntf" + (++_tags);
            string key = Key(message.CallId, toTag);
            if (!_dialogs.TryGetValue(key, out dialog))
            {
                var contact = message.Contact!.Uri!;
                dialog = new NotifierDialog
                {
                    CallId = message.CallId, PhoneTag = message.FromTag, MyTag = toTag, PhoneUri = contact.ToString(),
                    ResourceUri = message.To.UriText, Event = message.GetHeader("Event")!,
                    PhoneHost = contact.Host, PhonePort = contact.PortOrDefault,
                };
                _dialogs[key] = dialog;
            }
            Last = dialog;
            int asked = message.Expires;
            int granted = asked == 0 ? 0 : Math.Min(asked, GrantExpires ?? asked);
            if (granted == 0) _dialogs.Remove(key);
            response = SipMessage.CreateResponse(message, 200, "OK", message.ToTag == null ? toTag : null);
            response.AddHeader("Expires", granted.ToString());
            response.AddHeader("Contact", Contact);
            if (RecordRoute != null) response.AddHeader("Record-Route", RecordRoute);
        }
        Answers.Add(response.StatusCode);
        if (dialog != null && AutoNotifyState != null && NotifyBefore200) Notify(message.Expires == 0 ? "terminated;reason=timeout" : AutoNotifyState, dialog: dialog, callInfo: AutoNotifyCallInfo);
        Send(response, from, fromPort);
        if (dialog != null && AutoNotifyState != null && !NotifyBefore200) Notify(message.Expires == 0 ? "terminated;reason=timeout" : AutoNotifyState, dialog: dialog, callInfo: AutoNotifyCallInfo);
    }

    private static string Key(string callId, string tag) => callId + "|" + tag;

    private bool Valid(string auth, SipMessage request)
    {
        string P(string name)
        {
            int i = auth.IndexOf(" " + name + "=", StringComparison.Ordinal);
            if (i < 0) return "";
            i += name.Length + 2;
            if (auth[i] == '"') return auth.Substring(i + 1, auth.IndexOf('"', i + 1) - i - 1);
            int end = auth.IndexOf(',', i);
            return (end < 0 ? auth.Substring(i) : auth.Substring(i, end - i)).Trim();
        }
        static string Md5(string s) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
        if (P("nonce") != Nonce || P("uri") != request.RequestUriText) return false;
        string ha1 = Md5($"{P("username")}:office.example:{Password}");
        string ha2 = Md5($"SUBSCRIBE:{P("uri")}");
        return P("response") == Md5($"{ha1}:{Nonce}:{P("nc")}:{P("cnonce")}:auth:{ha2}");
    }
}
