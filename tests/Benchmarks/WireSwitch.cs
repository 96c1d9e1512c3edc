// A softswitch on the in-memory wire for the latency mode: registrar, dialog and message-summary notifier, a busy far end.
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Benchmarks;

/// <summary>
/// Stands at 127.0.0.1:5060 (the test project's BlfSwitch and FakeFarEnd assert with xunit, so they
/// cannot come here): REGISTER 200; SUBSCRIBE 200 and a NOTIFY (dialog: an idle colleague;
/// message-summary: no messages), keeping each subscription dialog so <see cref="Notify"/> can build
/// the next NOTIFY of it; a new INVITE is answered <see cref="InviteAnswer"/>; ACK and responses are
/// taken silently, anything else 200.
/// </summary>
public sealed class WireSwitch
{
    public const string Address = "127.0.0.1";
    public const int Port = 5060;

    private readonly IUdpEndpoint _udp;
    private readonly Dictionary<string, Watcher> _byResource = new();

    /// <summary>The final answer to a new INVITE.</summary>
    public int InviteAnswer = 486;

    public WireSwitch(InMemoryNetwork wire)
    {
        _udp = wire.AddHost(Address).OpenUdp(Port, OnDatagram)!;
    }

    /// <summary>One subscription dialog the switch granted.</summary>
    public sealed class Watcher
    {
        public required string CallId, PhoneTag, MyTag, Resource, Package;
        public required SipUri Contact;
        public long CSeq;
        public long Version = -1;
        /// <summary>The state of the colleague's one dialog in the last NOTIFY (null: idle); a refresh's NOTIFY repeats it.</summary>
        public string? State;
    }

    /// <summary>The subscription to <paramref name="package"/> at <paramref name="resource"/>, or null.</summary>
    public Watcher? Find(string package, string resource) => _byResource.GetValueOrDefault(package + " " + resource);

    /// <summary>The bytes of the next NOTIFY of <paramref name="w"/>: active, a full dialog-info document with one dialog in <paramref name="state"/> (null: none).</summary>
    public byte[] Notify(Watcher w, string? state)
    {
        w.State = state;
        var n = SipMessage.CreateRequest("NOTIFY", w.Contact);
        n.AddHeader("Via", $"SIP/2.0/UDP {Address}:{Port};branch=z9hG4bKn{w.CSeq + 1}{w.MyTag}");
        n.AddHeader("Max-Forwards", "70");
        n.AddHeader("From", $"<{w.Resource}>;tag={w.MyTag}");
        n.AddHeader("To", $"<sip:201@office.example>;tag={w.PhoneTag}");
        n.AddHeader("Call-ID", w.CallId);
        n.AddHeader("CSeq", $"{++w.CSeq} NOTIFY");
        n.AddHeader("Contact", $"<sip:{Address}:{Port}>");
        n.AddHeader("Event", w.Package);
        n.AddHeader("Subscription-State", "active;expires=1800");
        if (w.Package == "dialog")
        {
            string dialog = state == null ? "" :
                $"<dialog id=\"c1\" call-id=\"c1@127.0.0.3\" local-tag=\"t1\" remote-tag=\"f1\" direction=\"recipient\"><state>{state}</state>"
                + "<local><identity>sip:202@office.example</identity></local><remote><identity display=\"Carol\">sip:203@office.example</identity>"
                + "<target uri=\"sip:203@127.0.0.3:5062\"/></remote></dialog>\n";
            n.SetBody($"<?xml version=\"1.0\"?>\n<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"{++w.Version}\" state=\"full\" entity=\"{w.Resource}\">\n{dialog}</dialog-info>\n",
                "application/dialog-info+xml");
        }
        else n.SetBody("Messages-Waiting: no\r\n", "application/simple-message-summary");
        return n.ToBytes();
    }

    private void OnDatagram(byte[] data, int offset, int count, string from, int fromPort)
    {
        if (!SipParser.TryParse(data, offset, count, out var m, out var error)) throw new InvalidOperationException("the phone sent a bad message: " + error);
        if (m.IsResponse) return;
        switch (m.Method)
        {
            case "REGISTER":
                var ok = SipMessage.CreateResponse(m, 200, "OK", "reg1");
                ok.AddHeader("Contact", m.GetHeader("Contact") + ";expires=600");
                Send(ok, from, fromPort);
                break;
            case "SUBSCRIBE": OnSubscribe(m, from, fromPort); break;
            case "INVITE" when m.ToTag == null: Send(SipMessage.CreateResponse(m, InviteAnswer, SipStatus.DefaultReason(InviteAnswer), "far1"), from, fromPort); break;
            case "ACK": break;
            default: Send(SipMessage.CreateResponse(m, 200, "OK"), from, fromPort); break;
        }
    }

    private void OnSubscribe(SipMessage m, string from, int fromPort)
    {
        string package = m.GetHeader("Event");
        string key = package + " " + m.To.UriText;
        if (m.ToTag == null || !_byResource.TryGetValue(key, out var w) || w.CallId != m.CallId)
        {
            w = new Watcher
            {
                CallId = m.CallId, PhoneTag = m.FromTag, MyTag = "ntf" + (_byResource.Count + 1), Resource = m.To.UriText,
                Package = package, Contact = m.Contact!.Uri!,
            };
            _byResource[key] = w;
        }
        var ok = SipMessage.CreateResponse(m, 200, "OK", m.ToTag == null ? w.MyTag : null);
        ok.AddHeader("Expires", (m.Expires < 0 ? 1800 : m.Expires).ToString());
        ok.AddHeader("Contact", $"<sip:{Address}:{Port}>");
        Send(ok, from, fromPort);
        byte[] notify = Notify(w, w.State);
        _udp.SendTo(notify, 0, notify.Length, w.Contact.Host, w.Contact.PortOrDefault);
    }

    private void Send(SipMessage m, string host, int port)
    {
        var bytes = m.ToBytes();
        _udp.SendTo(bytes, 0, bytes.Length, host, port);
    }
}
