// Pairing requests on the phone: the prompt at boot, Accept / Reject / Later, the MESSAGE to the office service and what its answer does.
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Usage;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Firmware.Tests.Phone;

public class PendingPairingTests
{
    // Bob (202) is asked by Ann (203) to cover her line; he asked Carol (204) to cover his and waits.
    private const string Config = """
    {
      "device": { "id": "assistant-bob", "name": "Bob Stone", "extension": "202", "board": "sim-desk-8" },
      "accounts": [ { "id": "main", "user": "202", "displayName": "Bob Stone", "domain": "office.example",
                      "password": "bob-secret", "registrar": "sip:127.0.0.1:5060", "outboundProxy": "sip:127.0.0.1:5060;lr" } ],
      "keys": [ { "kind": "line", "label": "Line 1", "account": "main" },
                { "kind": "feature", "label": "DND", "feature": "dnd" } ],
      "pendingPairings": [ PENDING ]SERVICE
    }
    """;

    private const string FromAnn = """{ "id": "p2", "role": "assistant", "with": "Ann Lee", "extension": "203", "permissions": ["place", "answer"], "prompt": true }""";
    private const string ToCarol = """{ "id": "p3", "role": "executive", "with": "Carol Diaz", "extension": "204", "permissions": ["answer"], "prompt": false }""";
    private const string FromDave = """{ "id": "p4", "role": "executive", "with": "Dave Ito", "extension": "205", "permissions": ["answer", "pickup"], "prompt": true }""";
    private const string Service = ",\n  \"pairingService\": \"sip:pairing@office.example\"";

    private static (PhoneRig Rig, PairingOffice Office) Boot(string pending = FromAnn, string service = Service)
    {
        PairingOffice? office = null;
        var rig = new PhoneRig(Config.Replace("PENDING", pending).Replace("SERVICE", service), registrar: false,
            beforeBoot: r => office = new PairingOffice(r.Wire, "127.0.0.1"));
        rig.Wait(100);
        Assert.Equal(RegistrationState.Registered, rig.Phone.Registration);
        return (rig, office!);
    }

    private static string[] Lines(PhoneRig rig) => rig.Phone.Screen.TextLines();

    [Fact]
    public void A_pairing_request_to_answer_takes_the_idle_screen_at_boot_with_accept_reject_and_later()
    {
        var (rig, _) = Boot();

        Assert.Equal(new[]
        {
            "Pairing request",
            "Ann Lee (203) asks you to",
            "cover their line: place",
            "calls, answer calls.",
            "Accept | Reject | Later",
        }, Lines(rig));
        Assert.Equal(PairingPromptState.Asking, rig.Phone.PairingPrompt);
        Assert.Contains(rig.Log.Lines(), l => l.Source == "pairing" && l.Message == "1 pairing request(s) to answer; answers go to sip:pairing@office.example");
    }

    [Fact]
    public void A_pairing_this_user_asked_for_waits_without_a_prompt()
    {
        var (rig, office) = Boot(pending: ToCarol);

        Assert.Equal(PairingPromptState.None, rig.Phone.PairingPrompt);
        Assert.Equal("Bob Stone", Lines(rig)[0].Split(" | ")[0]);
        Assert.Contains("DND", Lines(rig).Last());
        rig.Press(KeyCodes.Soft1); // DND, as on any idle screen
        Assert.True(rig.Phone.Dnd);
        Assert.Empty(office.Messages);
    }

    [Fact]
    public void Someone_offering_to_cover_the_users_line_reads_as_an_offer()
    {
        var (rig, _) = Boot(pending: FromDave);

        Assert.Equal("Dave Ito (205) offers to cover your line: answer calls, pick up held calls.", string.Join(" ", Lines(rig)[1..^1]));
    }

    [Fact]
    public void Accept_sends_a_MESSAGE_to_the_pairing_service_naming_the_pairing_the_answer_and_the_user()
    {
        var (rig, office) = Boot();

        rig.Press(KeyCodes.Soft1);

        var sent = office.Messages; // the first is challenged (407), the second carries the credentials
        Assert.Equal(2, sent.Count);
        var m = sent[1];
        Assert.Equal("sip:pairing@office.example", m.RequestUriText);
        Assert.Equal("<sip:pairing@office.example>", m.GetHeader("To"));
        Assert.Equal("sip:202@office.example", m.From!.UriText);
        Assert.Equal("<sip:127.0.0.1:5060;lr>", m.GetHeader("Route"));
        Assert.Equal(Firmware.Phone.Phone.PairingContentType, m.GetHeader("Content-Type"));
        Assert.Equal("pairing: p2\r\nanswer: accept\r\nuser: 202\r\n", m.BodyText);
        Assert.Null(sent[0].GetHeader("Proxy-Authorization"));
        Assert.Contains("username=\"202\"", m.GetHeader("Proxy-Authorization"));
        Assert.Equal((sent[0].CallId, sent[0].CSeqNumber + 1), (m.CallId, m.CSeqNumber));
    }

    [Fact]
    public void Without_a_pairing_service_in_the_file_the_answer_goes_to_the_pairing_user_of_the_accounts_domain()
    {
        var (rig, office) = Boot(service: "");

        rig.Press(KeyCodes.Soft1 + 1);

        Assert.Equal("sip:pairing@office.example", office.Messages.Last().RequestUriText);
        Assert.Equal("pairing: p2\r\nanswer: decline\r\nuser: 202\r\n", office.Messages.Last().BodyText);
    }

    [Fact]
    public void The_offices_200_says_Accepted_and_gives_the_idle_screen_back()
    {
        var (rig, office) = Boot();

        rig.Press(KeyCodes.Soft1);

        Assert.Equal(PairingPromptState.None, rig.Phone.PairingPrompt);
        Assert.Equal(0, rig.Phone.PairingRequestCount);
        Assert.Equal("Accepted", rig.Phone.Message);
        Assert.Contains("Accepted", Lines(rig));
        rig.Wait(Firmware.Phone.Phone.MessageMs);
        Assert.Contains("Line 1", Lines(rig)); // the key labels again
        Assert.Equal(2, office.Messages.Count);
        rig.NoLoopFailures();
    }

    [Fact]
    public void Reject_sends_decline_and_says_Declined()
    {
        var (rig, office) = Boot();

        rig.Press(KeyCodes.Soft1 + 1);

        Assert.EndsWith("answer: decline\r\nuser: 202\r\n", office.Messages.Last().BodyText);
        Assert.Equal("Declined", rig.Phone.Message);
        Assert.Equal(PairingPromptState.None, rig.Phone.PairingPrompt);
    }

    [Fact]
    public void A_refusal_from_the_office_keeps_the_prompt_with_the_status_and_its_reason_and_the_user_can_answer_again()
    {
        var (rig, office) = Boot();
        office.Status = 403;
        office.Reason = "ann asked for pairing p2; only bob or an admin can accept it";

        rig.Press(KeyCodes.Soft1);

        Assert.Equal(PairingPromptState.Asking, rig.Phone.PairingPrompt);
        Assert.Equal(1, rig.Phone.PairingRequestCount);
        string[] lines = Lines(rig);
        Assert.Equal("Pairing request", lines[0]);
        Assert.Equal("Accept failed: 403 ann", lines[4]);
        Assert.StartsWith("asked for pairing p2;", lines[5]);
        Assert.Equal("Accept | Reject | Later", lines[6]);
        Assert.Equal((PagerMessageState.Failed, 403), (rig.Phone.PairingAnswer!.State, rig.Phone.PairingAnswer.StatusCode));
        Assert.Contains(rig.Log.Lines(), l => l.Level == LogLevel.Warning && l.Message == "pairing p2: Accept failed: 403 ann asked for pairing p2; only bob or an admin can accept it");

        office.Status = 200;
        rig.Press(KeyCodes.Soft1);
        Assert.Equal("Accepted", rig.Phone.Message);
        Assert.Equal(4, office.Messages.Count);
    }

    [Fact]
    public void An_office_that_never_answers_leaves_the_prompt_saying_so()
    {
        var (rig, office) = Boot();
        office.Silent = true;

        rig.Press(KeyCodes.Soft1);
        Assert.Equal("Sending answer...", Lines(rig)[^1]);
        rig.Wait(32_000); // Timer F

        Assert.Equal(PairingPromptState.Asking, rig.Phone.PairingPrompt);
        Assert.Equal("Accept failed: 408 no answer from UDP 127.0.0.1:5060", "Accept failed: 408 " + rig.Phone.PairingAnswer!.Reason);
        Assert.Equal(new[] { "Accept failed: 408 no", "answer from UDP 127.0.0.…" }, Lines(rig)[4..6]);
    }

    [Fact]
    public void While_the_answer_is_on_its_way_the_softkeys_send_nothing_more()
    {
        var (rig, office) = Boot();
        office.Silent = true;

        rig.Press(KeyCodes.Soft1);
        rig.Press(KeyCodes.Soft1 + 1);
        rig.Press(KeyCodes.Soft1 + 3);

        Assert.Equal(PairingPromptState.Sending, rig.Phone.PairingPrompt);
        Assert.Single(office.Messages.Select(m => m.CSeqNumber).Distinct());
        Assert.Equal("Sending answer...", Lines(rig)[^1]); // and no softkeys
    }

    [Fact]
    public void Several_requests_are_asked_in_turn_and_the_one_this_user_made_is_never_asked()
    {
        var (rig, office) = Boot(pending: FromAnn + ", " + ToCarol + ", " + FromDave);

        Assert.Equal("Pairing request 1/2", Lines(rig)[0]);
        Assert.StartsWith("Ann Lee (203)", Lines(rig)[1]);
        rig.Press(KeyCodes.Soft1);
        Assert.Equal("Pairing request", Lines(rig)[0]);
        Assert.StartsWith("Dave Ito (205)", Lines(rig)[1]);
        Assert.Contains("Accepted", Lines(rig)); // the first answer's outcome, under the next request
        rig.Press(KeyCodes.Soft1 + 1);

        Assert.Equal(PairingPromptState.None, rig.Phone.PairingPrompt);
        Assert.Equal(new[] { "pairing: p2\r\nanswer: accept", "pairing: p4\r\nanswer: decline" },
            office.Messages.Where(m => m.GetHeader("Proxy-Authorization") != null).Select(m => m.BodyText[..m.BodyText.IndexOf("\r\nuser", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Later_puts_the_request_away_for_ten_minutes_and_the_idle_screen_works_meanwhile()
    {
        var (rig, office) = Boot();

        rig.Press(KeyCodes.Soft1 + 3);
        Assert.Equal(PairingPromptState.Deferred, rig.Phone.PairingPrompt);
        Assert.Equal("Bob Stone", Lines(rig)[0].Split(" | ")[0]);
        rig.Press(KeyCodes.Soft1);
        Assert.True(rig.Phone.Dnd); // softkey 1 is DND again
        rig.Wait(Firmware.Phone.Phone.PairingLaterMs);

        Assert.Equal(PairingPromptState.Asking, rig.Phone.PairingPrompt);
        Assert.Equal("Pairing request", Lines(rig)[0]);
        Assert.Empty(office.Messages);
    }

    [Fact]
    public void Lifting_the_handset_dials_as_usual_and_the_prompt_is_back_after_hanging_up()
    {
        var (rig, _) = Boot();

        rig.LiftHandset();
        Assert.Equal(PhoneMode.Dialing, rig.Phone.Mode);
        Assert.DoesNotContain("Pairing request", Lines(rig));
        rig.HangUp();

        Assert.Equal("Pairing request", Lines(rig)[0]);
    }
}

/// <summary>
/// The proxy and the office service in one, on the in-memory wire: REGISTER → 200; MESSAGE → 407 until it
/// carries Proxy-Authorization (not checked: the digest is RegistrationTests' business), then <see cref="Status"/>.
/// </summary>
public sealed class PairingOffice
{
    private readonly IUdpEndpoint _udp;
    public int Status = 200;
    public string Reason = "OK";
    public bool Silent;
    public readonly List<SipMessage> Messages = new();

    public PairingOffice(InMemoryNetwork wire, string address)
    {
        _udp = wire.AddHost(address).OpenUdp(5060, OnDatagram)!;
    }

    private void OnDatagram(byte[] data, int offset, int count, string from, int fromPort)
    {
        Assert.True(SipParser.TryParse(data, offset, count, out var m, out var error), error?.ToString());
        if (m.IsResponse || m.Method == "ACK") return;
        SipMessage r;
        if (m.Method == "REGISTER")
        {
            r = SipMessage.CreateResponse(m, 200, "OK", "reg1");
            r.AddHeader("Contact", m.GetHeader("Contact") + ";expires=600");
        }
        else if (m.Method == "MESSAGE")
        {
            if (!Messages.Any(x => x.TopVia!.Branch == m.TopVia!.Branch)) Messages.Add(m);
            if (Silent) return;
            if (m.GetHeader("Proxy-Authorization") == null)
            {
                r = SipMessage.CreateResponse(m, 407, "Proxy Authentication Required", "office1");
                r.AddHeader("Proxy-Authenticate", "Digest realm=\"office.example\", nonce=\"n1\", qop=\"auth\", algorithm=MD5");
            }
            else
            {
                r = SipMessage.CreateResponse(m, Status, Reason, "office1");
            }
        }
        else
        {
            r = SipMessage.CreateResponse(m, 200, "OK", "office1");
        }
        var bytes = r.ToBytes();
        _udp.SendTo(bytes, 0, bytes.Length, from, fromPort);
    }
}
