// Message waiting on the phone: the message-summary subscription, NOTIFYs to the voicemail lamp and the idle screen, refusals, unsolicited NOTIFYs.
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Firmware.Tests.Phone;

public class MwiTests
{
    private const string Config = """
    {
      "device": { "id": "desk-1", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
      "accounts": [ { "id": "main", "user": "201", "displayName": "Reception", "domain": "office.example",
                      "registrar": "sip:127.0.0.1:5060" MAILBOX } ],
      "keys": [
        { "kind": "line", "label": "Line 1", "account": "main" },
        { "kind": "feature", "label": "Messages", "feature": "voicemail" }
      ],
      "features": { "acceptOnlyFromProxy": TRUST }
    }
    """;

    private static (PhoneRig Rig, MwiProxy Proxy) Registered(string mailbox = "", int subscribeStatus = 200, bool trustOnlyProxy = true)
    {
        var rig = new PhoneRig(Config.Replace("MAILBOX", mailbox).Replace("TRUST", trustOnlyProxy ? "true" : "false"), registrar: false);
        var proxy = new MwiProxy(rig.Wire, "127.0.0.1") { SubscribeStatus = subscribeStatus };
        rig.Wait(1000); // the REGISTER's retransmission finds the proxy
        Assert.Equal(RegistrationState.Registered, rig.Phone.Registration);
        return (rig, proxy);
    }

    [Fact]
    public void Once_registered_the_phone_subscribes_to_message_summary_at_its_own_address()
    {
        var (rig, proxy) = Registered();
        var sub = Assert.Single(proxy.Requests("SUBSCRIBE"));
        Assert.Equal("sip:201@office.example", sub.RequestUriText);
        Assert.Equal("message-summary", sub.GetHeader("Event"));
        Assert.Equal("application/simple-message-summary", sub.GetHeader("Accept"));
        Assert.Contains(rig.Log.Lines(), l => l.Message == "main: subscribing to message-summary at sip:201@office.example");
    }

    [Fact]
    public void A_mailbox_in_the_device_file_is_where_the_subscription_goes()
    {
        var (_, proxy) = Registered(mailbox: ", \"mailbox\": \"sip:vm-201@office.example\"");
        Assert.Equal("sip:vm-201@office.example", proxy.Requests("SUBSCRIBE").Single().RequestUriText);
    }

    [Fact]
    public void A_NOTIFY_with_new_messages_flashes_the_voicemail_key_red_slowly_and_the_idle_screen_counts_them()
    {
        var (rig, proxy) = Registered();
        Assert.Equal("off", rig.Lamp(2));
        proxy.Notify("Messages-Waiting: yes\r\nMessage-Account: sip:201@office.example\r\nVoice-Message: 3/1 (1/0)\r\n");
        rig.Wait(10);
        Assert.Equal(200, proxy.ResponsesTo("NOTIFY").Last().StatusCode);
        Assert.Equal("red slow-flash", rig.Lamp(2));
        Assert.Equal((true, 3, 1), (rig.Phone.MessagesWaiting, rig.Phone.NewVoicemails, rig.Phone.OldVoicemails));
        Assert.Equal("201  3 new voicemails", rig.Phone.Screen.TextLines()[1]);
        Assert.Equal(SubscriptionState.Active, rig.Phone.MwiSubscription(0)!.State);
    }

    [Fact]
    public void Messages_waiting_without_counts_still_lights_the_lamp_and_says_new_voicemail()
    {
        var (rig, proxy) = Registered();
        proxy.Notify("Messages-Waiting: yes\r\n");
        rig.Wait(10);
        Assert.Equal("red slow-flash", rig.Lamp(2));
        Assert.Equal("201  New voicemail", rig.Phone.Screen.TextLines()[1]);
    }

    [Fact]
    public void When_the_messages_are_heard_the_lamp_goes_off_and_the_screen_forgets_them()
    {
        var (rig, proxy) = Registered();
        proxy.Notify("Messages-Waiting: yes\r\nVoice-Message: 1/0\r\n");
        rig.Wait(10);
        proxy.Notify("Messages-Waiting: no\r\nVoice-Message: 0/1\r\n");
        rig.Wait(10);
        Assert.Equal("off", rig.Lamp(2));
        Assert.Equal("201  Registered", rig.Phone.Screen.TextLines()[1]);
    }

    [Fact]
    public void Missed_calls_and_voicemail_share_the_status_line_and_the_extension_gives_way()
    {
        var (rig, proxy) = Registered();
        proxy.Notify("Messages-Waiting: yes\r\nVoice-Message: 3/0\r\n");
        rig.Wait(10);
        var invite = proxy.Invite();
        rig.Wait(1000);
        proxy.Send(proxy.CancelFor(invite));
        rig.Wait(10);
        Assert.Equal("1 missed  3 voicemails", rig.Phone.Screen.TextLines()[1]); // "201  1 missed  3 voicemails" would not fit
    }

    [Fact]
    public void A_junk_body_leaves_the_lamp_as_it_was_and_is_logged()
    {
        var (rig, proxy) = Registered();
        proxy.Notify("Messages-Waiting: yes\r\n");
        rig.Wait(10);
        proxy.Notify("<html>voicemail!</html>");
        rig.Wait(10);
        Assert.Equal(200, proxy.ResponsesTo("NOTIFY").Last().StatusCode);
        Assert.Equal("red slow-flash", rig.Lamp(2));
        Assert.Contains(rig.Log.Lines(), l => l.Level == LogLevel.Warning && l.Message == "main: unreadable message-summary (no Messages-Waiting line or message counts): ignored");
        rig.NoLoopFailures();
    }

    [Theory]
    [InlineData(489)]
    [InlineData(404)]
    [InlineData(501)]
    public void A_server_that_refuses_message_summary_leaves_MWI_off_logs_it_and_does_not_retry(int status)
    {
        var (rig, proxy) = Registered(subscribeStatus: status);
        rig.Wait(3_600_000);
        Assert.Single(proxy.Requests("SUBSCRIBE"));
        Assert.Equal(SubscriptionState.Failed, rig.Phone.MwiSubscription(0)!.State);
        Assert.Equal("off", rig.Lamp(2));
        Assert.Single(rig.Log.Lines(), l => l.Level == LogLevel.Warning && l.Source == "mwi"
            && l.Message.StartsWith("main: no message waiting indication: the server refused message-summary (") && l.Message.Contains(status.ToString()));
        Assert.Equal("201  Registered", rig.Phone.Screen.TextLines()[1]);
    }

    [Fact]
    public void An_unsolicited_NOTIFY_from_the_proxy_is_taken()
    {
        var (rig, proxy) = Registered(subscribeStatus: 489); // a server that sends MWI without subscriptions
        proxy.Unsolicited("Messages-Waiting: yes\r\nVoice-Message: 2/0\r\n");
        rig.Wait(10);
        var ok = proxy.ResponsesTo("NOTIFY").Last();
        Assert.Equal(200, ok.StatusCode);
        Assert.NotNull(ok.ToTag);
        Assert.Equal("red slow-flash", rig.Lamp(2));
        Assert.Equal(2, rig.Phone.NewVoicemails);
    }

    [Fact]
    public void An_unsolicited_NOTIFY_from_anywhere_else_is_refused_even_with_the_trust_filter_off()
    {
        var (rig, proxy) = Registered(trustOnlyProxy: false);
        var stranger = new MwiProxy(rig.Wire, "127.0.0.9");
        stranger.Unsolicited("Messages-Waiting: yes\r\nVoice-Message: 9/0\r\n", phoneHost: "127.0.1.1");
        rig.Wait(10);
        Assert.Equal(403, stranger.ResponsesTo("NOTIFY").Last().StatusCode);
        Assert.Equal("off", rig.Lamp(2));
        Assert.Contains(rig.Log.Lines(), l => l.Message == "unsolicited message-summary from 127.0.0.9, not the registrar or proxy: 403");
    }

    [Fact]
    public void With_the_trust_filter_on_the_transport_refuses_a_stranger_before_the_phone_sees_it()
    {
        var (rig, _) = Registered();
        var stranger = new MwiProxy(rig.Wire, "127.0.0.9");
        stranger.Unsolicited("Messages-Waiting: yes\r\n", phoneHost: "127.0.1.1");
        rig.Wait(10);
        Assert.Equal(403, stranger.ResponsesTo("NOTIFY").Last().StatusCode);
        Assert.False(rig.Phone.MessagesWaiting);
    }

    [Fact]
    public void The_voicemail_key_calls_the_mailbox_when_there_is_one_and_otherwise_says_what_waits()
    {
        var (rig, proxy) = Registered();
        proxy.Notify("Messages-Waiting: yes\r\nVoice-Message: 1/0\r\n");
        rig.Wait(10);
        rig.Press(KeyCodes.Line(2));
        Assert.Contains("1 new voicemail", rig.ScreenText);

        var (withBox, boxProxy) = Registered(mailbox: ", \"mailbox\": \"sip:*97@office.example\"");
        withBox.Press(KeyCodes.Line(2));
        Assert.StartsWith("sip:*97@office.example", boxProxy.Requests("INVITE").Single().RequestUriText);
    }
}

/// <summary>
/// A registrar, proxy and voicemail server in one on the in-memory wire: answers REGISTER 200, SUBSCRIBE with
/// <see cref="SubscribeStatus"/> (200 with a To tag and Contact), INVITE 100 only, anything else 200; sends
/// message-summary NOTIFYs in the subscription's dialog or unsolicited, and INVITEs/CANCELs of its own.
/// </summary>
public sealed class MwiProxy
{
    private readonly IUdpEndpoint _udp;
    private readonly string _address;
    private long _notifyCSeq;
    private int _branches;
    public int SubscribeStatus = 200;
    public readonly List<SipMessage> Received = new();

    public MwiProxy(InMemoryNetwork wire, string address)
    {
        _address = address;
        _udp = wire.AddHost(address).OpenUdp(5060, OnDatagram)!;
    }

    public IEnumerable<SipMessage> Requests(string method) => Received.Where(m => m.IsRequest && m.Method == method);
    public IEnumerable<SipMessage> ResponsesTo(string method) => Received.Where(m => m.IsResponse && m.CSeqMethod == method);

    private void OnDatagram(byte[] data, int offset, int count, string from, int fromPort)
    {
        Assert.True(SipParser.TryParse(data, offset, count, out var m, out var error), error?.ToString());
        Received.Add(m);
        if (m.IsResponse || m.Method == "ACK") return;
        SipMessage r;
        if (m.Method == "REGISTER")
        {
            r = SipMessage.CreateResponse(m, 200, "OK", "reg1");
            r.AddHeader("Contact", m.GetHeader("Contact") + ";expires=600");
        }
        else if (m.Method == "SUBSCRIBE")
        {
            r = SipMessage.CreateResponse(m, SubscribeStatus, SipStatus.DefaultReason(SubscribeStatus), "mwi1");
            if (SubscribeStatus == 200)
            {
                r.AddHeader("Contact", "<sip:mwi@" + _address + ":5060>");
                r.AddHeader("Expires", "1800");
            }
        }
        else if (m.Method == "INVITE") r = SipMessage.CreateResponse(m, 100, "Trying");
        else r = SipMessage.CreateResponse(m, 200, "OK", "p1");
        Send(r, from, fromPort);
    }

    /// <summary>A NOTIFY in the phone's message-summary subscription.</summary>
    public SipMessage Notify(string body, string state = "active;expires=1800")
    {
        var sub = Requests("SUBSCRIBE").Last();
        var n = SipMessage.CreateRequest("NOTIFY", sub.Contact!.UriText);
        n.AddHeader("Via", $"SIP/2.0/UDP {_address}:5060;branch=z9hG4bKmwi{++_branches}");
        n.AddHeader("Max-Forwards", "70");
        n.AddHeader("From", $"<{sub.RequestUriText}>;tag=mwi1");
        n.AddHeader("To", sub.GetHeader("From")!);
        n.AddHeader("Call-ID", sub.CallId);
        n.AddHeader("CSeq", $"{++_notifyCSeq} NOTIFY");
        n.AddHeader("Contact", $"<sip:mwi@{_address}:5060>");
        n.AddHeader("Event", "message-summary");
        n.AddHeader("Subscription-State", state);
        n.SetBody(body, "application/simple-message-summary");
        Send(n, "127.0.1.1", 5060);
        return n;
    }

    /// <summary>A message-summary NOTIFY outside any subscription (no To tag), as some voicemail servers send.</summary>
    public SipMessage Unsolicited(string body, string phoneHost = "127.0.1.1")
    {
        var n = SipMessage.CreateRequest("NOTIFY", $"sip:201@{phoneHost}:5060");
        n.AddHeader("Via", $"SIP/2.0/UDP {_address}:5060;branch=z9hG4bKmwi{++_branches}");
        n.AddHeader("Max-Forwards", "70");
        n.AddHeader("From", "<sip:voicemail@office.example>;tag=vm1");
        n.AddHeader("To", "<sip:201@office.example>");
        n.AddHeader("Call-ID", "unsolicited-" + _branches + "@" + _address);
        n.AddHeader("CSeq", "1 NOTIFY");
        n.AddHeader("Event", "message-summary");
        n.AddHeader("Subscription-State", "active");
        n.SetBody(body, "application/simple-message-summary");
        Send(n, phoneHost, 5060);
        return n;
    }

    /// <summary>An INVITE to the phone from Alice.</summary>
    public SipMessage Invite()
    {
        var m = SipMessage.CreateRequest("INVITE", "sip:201@127.0.1.1:5060");
        m.AddHeader("Via", $"SIP/2.0/UDP {_address}:5060;branch=z9hG4bKinv{++_branches}");
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", "\"Alice\" <sip:alice@office.example>;tag=al1");
        m.AddHeader("To", "<sip:201@office.example>");
        m.AddHeader("Call-ID", "mwi-call-" + _branches);
        m.AddHeader("CSeq", "1 INVITE");
        m.AddHeader("Contact", $"<sip:alice@{_address}:5060>");
        m.SetBody(PhoneRig.SdpOffer, "application/sdp");
        Send(m, "127.0.1.1", 5060);
        return m;
    }

    /// <summary>The CANCEL of <paramref name="invite"/>.</summary>
    public SipMessage CancelFor(SipMessage invite)
    {
        var m = SipMessage.CreateRequest("CANCEL", invite.RequestUriText);
        m.AddHeader("Via", invite.GetHeader("Via")!);
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", invite.GetHeader("From")!);
        m.AddHeader("To", invite.GetHeader("To")!);
        m.AddHeader("Call-ID", invite.CallId);
        m.AddHeader("CSeq", invite.CSeqNumber + " CANCEL");
        return m;
    }

    public void Send(SipMessage m) => Send(m, "127.0.1.1", 5060);

    private void Send(SipMessage m, string host, int port)
    {
        var bytes = m.ToBytes();
        _udp.SendTo(bytes, 0, bytes.Length, host, port);
    }
}
