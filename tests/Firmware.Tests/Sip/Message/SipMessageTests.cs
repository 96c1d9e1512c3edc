// Building, changing and writing messages: round trips, CreateResponse (RFC 3261 §8.2.6), Via received/rport (RFC 3581).
using System.Text;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Message;

public class SipMessageTests
{
    private static (string Name, string Value)[] Headers(SipMessage m) =>
        Enumerable.Range(0, m.HeaderCount).Select(i => (m.HeaderName(i), m.HeaderValue(i))).ToArray();

    public static TheoryData<string> ParsableTortureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var row in SipTestData.Manifest())
        {
            var bytes = SipTestData.TortureBytes(row[0]);
            if (SipParser.TryParse(bytes, 0, bytes.Length, out _, out _)) data.Add(row[0]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ParsableTortureFiles))]
    public void Parse_write_parse_keeps_every_header_unknown_ones_included(string file)
    {
        var first = SipTestData.Parse(SipTestData.TortureBytes(file));
        var second = SipTestData.Parse(first.ToBytes());
        var before = Headers(first).Where(h => !SipHeaderNames.SameHeader(h.Name, "Content-Length")).ToArray();
        var after = Headers(second).Where(h => !SipHeaderNames.SameHeader(h.Name, "Content-Length")).ToArray();
        Assert.Equal(before, after);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(second.BodyLength, second.ContentLength);
        Assert.Equal(first.Method, second.Method);
        Assert.Equal(first.RequestUriText, second.RequestUriText);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(first.ReasonPhrase, second.ReasonPhrase);
        Assert.Equal(second.ToBytes(), SipTestData.Parse(second.ToBytes()).ToBytes());
    }

    [Fact]
    public void An_unchanged_message_in_canonical_form_is_written_back_byte_for_byte()
    {
        var bytes = SipTestData.Invite;
        Assert.Equal(bytes, SipTestData.Parse(bytes).ToBytes());
        var ack = SipTestData.Crlf(SipTestData.Ack);
        Assert.Equal(ack, SipTestData.Parse(ack).ToBytes());
    }

    [Fact]
    public void A_compacted_message_says_the_same_and_writes_the_same_bytes()
    {
        var built = SipMessage.CreateRequest("INVITE", "sip:bob@biloxi.example.com");
        built.AddHeader("Via", "SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds");
        built.AddHeader("Max-Forwards", "70");
        built.AddHeader("From", "Alice <sip:alice@atlanta.example.com>;tag=1928301774");
        built.AddHeader("To", "Bob <sip:bob@biloxi.example.com>");
        built.AddHeader("Call-ID", "a84b4c76e66710@pc33.atlanta.example.com");
        built.AddHeader("CSeq", "314159 INVITE");
        built.AddHeader("X-Mine", "kept");
        built.SetBody("v=0\r\n", "application/sdp");
        var parsed = SipTestData.Parse(SipTestData.Ok);
        SipTestData.TouchEverything(parsed);
        parsed.SetHeader("X-Changed", "after parsing");
        foreach (var m in new[] { built, parsed })
        {
            byte[] wire = m.ToBytes();
            var headers = Headers(m).Where(h => !SipHeaderNames.SameHeader(h.Name, "Content-Length")).ToArray();
            string? fromTag = m.From?.Tag;
            long cseq = m.CSeqNumber;
            string? branch = m.TopVia?.Branch;

            Assert.True(m.Compact());

            Assert.Equal(wire, m.ToBytes());
            Assert.Equal(headers, Headers(m).Where(h => !SipHeaderNames.SameHeader(h.Name, "Content-Length")).ToArray());
            Assert.Equal(fromTag, m.From?.Tag);
            Assert.Equal(cseq, m.CSeqNumber);
            Assert.Equal(branch, m.TopVia?.Branch);
            m.AddHeader("X-Later", "1"); // still a message to change
            Assert.Equal("1", m.GetHeader("X-Later"));
        }
        Assert.Equal("v=0\r\n", built.BodyText);
        Assert.Equal("sip:bob@biloxi.example.com", built.RequestUri!.ToString());
    }

    [Fact]
    public void Writing_into_a_caller_buffer_matches_ToBytes()
    {
        var m = SipTestData.Parse(SipTestData.Ok);
        int n = SipWriter.GetByteCount(m);
        var buffer = new byte[n + 8];
        Assert.Equal(n, SipWriter.Write(m, buffer, 4));
        Assert.Equal(m.ToBytes(), buffer.Skip(4).Take(n));
    }

    [Fact]
    public void A_built_INVITE_is_written_with_a_correct_Content_Length()
    {
        Assert.True(SipUri.TryParse("sip:201@office.example", out var target, out _));
        var invite = SipMessage.CreateRequest(SipMethods.Invite, target);
        invite.AddHeader("Via", new SipVia("udp", "192.0.2.10", 5060, "z9hG4bK77", true).ToString());
        invite.AddHeader("Max-Forwards", "70");
        invite.AddHeader("From", new SipNameAddr("Réception", SipUriOf("sip:200@office.example")) { Tag = "t1" }.ToString());
        invite.AddHeader("To", "<sip:201@office.example>");
        invite.AddHeader("Call-ID", "k1@192.0.2.10");
        invite.AddHeader("CSeq", "1 INVITE");
        invite.AddHeader("Contact", "<sip:200@192.0.2.10>");
        invite.SetBody(SipTestData.Sdp, "application/sdp");
        var text = invite.ToString();
        Assert.StartsWith("INVITE sip:201@office.example SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK77;rport\r\n", text);
        Assert.Contains("From: \"Réception\" <sip:200@office.example>;tag=t1\r\n", text);
        Assert.Contains("Content-Type: application/sdp\r\nContent-Length: " + Encoding.UTF8.GetByteCount(SipTestData.Sdp) + "\r\n\r\nv=0", text);
        var back = SipTestData.Parse(invite.ToBytes());
        Assert.Equal("Réception", back.From.DisplayName);
        Assert.Equal(SipTestData.Sdp, back.BodyText);
        Assert.Equal(0, SipRequestCheck.Check(back));
    }

    [Fact]
    public void Changing_the_body_rewrites_the_existing_Content_Length_line()
    {
        var m = SipTestData.Parse(SipTestData.Invite);
        m.SetBody("v=0\r\n", "application/sdp");
        var back = SipTestData.Parse(m.ToBytes());
        Assert.Equal(5, back.ContentLength);
        Assert.Equal(1, back.CountHeaders("Content-Length"));
        Assert.Equal(1, back.CountHeaders("Content-Type"));
    }

    private static SipUri SipUriOf(string text)
    {
        Assert.True(SipUri.TryParse(text, out var uri, out var reason), reason);
        return uri;
    }

    [Fact]
    public void CreateResponse_copies_Via_From_To_Call_ID_and_CSeq_and_adds_the_to_tag()
    {
        var invite = SipTestData.Parse(
            "INVITE sip:bob@biloxi.com SIP/2.0\n" +
            "Via: SIP/2.0/UDP server10.biloxi.com;branch=z9hG4bK4b43c2ff8.1\n" +
            "v: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8, SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK0\n" +
            "Max-Forwards: 69\n" +
            "To: Bob <sip:bob@biloxi.com>\n" +
            "From: Alice <sip:alice@atlanta.com>;tag=1928301774\n" +
            "Call-ID: a84b4c76e66710\n" +
            "CSeq: 314159 INVITE\n" +
            "Timestamp: 54\n" +
            "Contact: <sip:alice@pc33.atlanta.com>\n" +
            "Content-Length: 0\n\n");
        var ringing = SipMessage.CreateResponse(invite, 180, null, "a6c85cf");
        Assert.Equal(180, ringing.StatusCode);
        Assert.Equal("Ringing", ringing.ReasonPhrase);
        Assert.Equal(new[] { "Via", "Via", "To", "From", "Call-ID", "CSeq" }, Enumerable.Range(0, ringing.HeaderCount).Select(ringing.HeaderCanonicalName));
        Assert.Equal(3, ringing.Vias.Length);
        Assert.Equal("a6c85cf", ringing.ToTag);
        Assert.Equal("Bob <sip:bob@biloxi.com>;tag=a6c85cf", ringing.GetHeader("To"));
        Assert.Equal("1928301774", ringing.FromTag);
        Assert.Equal(314159, ringing.CSeqNumber);
        Assert.Equal("SIP/2.0 180 Ringing\r\n", Encoding.ASCII.GetString(ringing.ToBytes()).Split('\n')[0] + "\n");
        var trying = SipMessage.CreateResponse(invite, 100, "Trying");
        Assert.Equal("54", trying.GetHeader("Timestamp"));
        Assert.Null(trying.ToTag);
        Assert.Null(ringing.GetHeader("Timestamp"));
    }

    [Fact]
    public void CreateResponse_keeps_an_existing_to_tag()
    {
        var bye = SipTestData.Parse(SipTestData.Bye);
        var ok = SipMessage.CreateResponse(bye, 200, "OK", "other");
        Assert.Equal("1928301774", ok.ToTag);
    }

    [Fact]
    public void ApplyReceived_fills_rport_and_received_as_RFC_3581_asks()
    {
        var m = SipTestData.Parse(
            "OPTIONS sip:b@h SIP/2.0\nVia: SIP/2.0/UDP 10.1.1.1:4540;rport;branch=z9hG4bKkjshdyff, SIP/2.0/UDP p;branch=z9hG4bK2\nFrom: <sip:a@h>;tag=1\nTo: <sip:b@h>\nCall-ID: x\nCSeq: 1 OPTIONS\nContent-Length: 0\n\n");
        Assert.True(m.ApplyReceived("192.0.2.1", 9988));
        Assert.Equal("SIP/2.0/UDP 10.1.1.1:4540;rport=9988;branch=z9hG4bKkjshdyff;received=192.0.2.1, SIP/2.0/UDP p;branch=z9hG4bK2", m.GetHeader("Via"));
        Assert.Equal(9988, m.TopVia.Rport);
        Assert.Equal("192.0.2.1", m.TopVia.ResponseHost);
        Assert.Equal(9988, m.TopVia.ResponsePort);
        Assert.Equal(2, m.Vias.Length);
    }

    [Fact]
    public void ApplyReceived_adds_received_only_when_the_host_differs_and_no_rport_was_asked()
    {
        var m = SipTestData.Parse(SipTestData.Invite);
        Assert.True(m.ApplyReceived("192.0.2.1", 5060));
        Assert.Equal("SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8;received=192.0.2.1", m.GetHeader("Via"));
        Assert.False(m.TopVia.HasRport);
        var same = SipTestData.Parse(SipTestData.Bye);
        Assert.True(same.ApplyReceived("192.0.2.4", 5060));
        Assert.Null(same.TopVia.Received);
    }

    [Fact]
    public void Header_edits_keep_order_and_invalidate_typed_views()
    {
        var m = SipTestData.Parse(SipTestData.Invite);
        Assert.Equal("z9hG4bKnashds8", m.TopVia.Branch);
        m.PrependHeader("Via", "SIP/2.0/TCP proxy.example;branch=z9hG4bKtop");
        Assert.Equal("z9hG4bKtop", m.TopVia.Branch);
        Assert.Equal(2, m.Vias.Length);
        m.AddHeader("X-Extra", "one");
        m.AddHeader("x-extra", "two");
        Assert.Equal(new[] { "one", "two" }, m.GetHeaders("X-EXTRA"));
        m.SetHeader("X-Extra", "three");
        Assert.Equal(new[] { "three" }, m.GetHeaders("x-extra"));
        Assert.Equal(1, m.RemoveHeaders("x-extra"));
        m.SetHeader("i", "new-call-id");
        Assert.Equal("new-call-id", m.CallId);
        Assert.Equal("Call-ID", m.HeaderName(m.IndexOfHeader("Call-ID", 0)));
        m.SetHeader("CSeq", "315000 INVITE");
        Assert.Equal(315000, m.CSeqNumber);
        Assert.Equal(2, m.RemoveHeaders("v"));
        Assert.Null(m.TopVia);
        Assert.Empty(m.Vias);
    }

    [Fact]
    public void Multi_value_headers_split_at_commas_outside_quotes_and_brackets()
    {
        var m = SipTestData.Parse(
            "REGISTER sip:office.example SIP/2.0\n" +
            "Via: SIP/2.0/UDP 192.0.2.5;branch=z9hG4bK9\n" +
            "From: <sip:200@office.example>;tag=1\n" +
            "To: <sip:200@office.example>\n" +
            "Call-ID: r1\n" +
            "CSeq: 7 REGISTER\n" +
            "Contact: \"Desk, front\" <sip:200@192.0.2.5;a=1>;expires=3600;q=0.7, <sip:200@10.0.0.5>\n" +
            "Contact: sip:200@192.0.2.9;expires=60\n" +
            "Require: a , b\n" +
            "Call-Info: <http://www.example.com/a,b.png>;purpose=icon, <sip:x@y>\n" +
            "Require: c\n" +
            "Content-Length: 0\n\n");
        var contacts = m.Contacts;
        Assert.Equal(3, contacts.Length);
        Assert.Equal("Desk, front", contacts[0].DisplayName);
        Assert.Equal("1", contacts[0].Uri.GetParameter("a"));
        var info = m.CallInfo;
        Assert.Equal(2, info.Length);
        Assert.Equal("http://www.example.com/a,b.png", info[0].UriText);
        Assert.Null(info[0].Uri);
        Assert.Equal("http", info[0].Scheme);
        Assert.Equal(3600, contacts[0].Expires);
        Assert.Equal("0.7", contacts[0].Q);
        Assert.Equal(-1, contacts[1].Expires);
        Assert.Equal(60, contacts[2].Expires);
        Assert.Equal(0, contacts[2].Uri.ParameterCount);
        Assert.Equal(new[] { "a", "b", "c" }, m.Require);
    }

    [Fact]
    public void A_wildcard_Contact_is_recognised()
    {
        var m = SipTestData.Parse("REGISTER sip:o SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@o>;tag=1\nTo: <sip:a@o>\nCall-ID: w\nCSeq: 2 REGISTER\nContact: *\nExpires: 0\nl: 0\n\n");
        Assert.True(m.Contact.IsWildcard);
        Assert.Equal(0, m.Expires);
    }

    [Fact]
    public void Event_package_headers_read_as_value_and_parameters()
    {
        var m = SipTestData.Parse(
            "NOTIFY sip:200@192.0.2.5 SIP/2.0\n" +
            "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKn1\n" +
            "From: <sip:201@office.example>;tag=s1\n" +
            "To: <sip:200@office.example>;tag=w1\n" +
            "Call-ID: sub1\n" +
            "CSeq: 3 NOTIFY\n" +
            "Event: dialog;id=7\n" +
            "Subscription-State: active;expires=600\n" +
            "Call-Info: <sip:office.example>;appearance-index=1;appearance-state=active;appearance-uri=\"\\\"Ann\\\" <sip:ann@office.example>\"\n" +
            "Replaces: 425928@bobster.example.org;to-tag=7743;from-tag=6472;early-only\n" +
            "Retry-After: 120 (I'm in a meeting; back soon);duration=60\n" +
            "Refer-To: <sip:300@office.example?Replaces=abc%40h%3Bto-tag%3D1>\n" +
            "WWW-Authenticate: Digest realm=\"office\", nonce=\"abc\", qop=\"auth\"\n" +
            "Content-Length: 0\n\n");
        Assert.Equal("dialog", m.Event.Value);
        Assert.Equal("7", m.Event.GetParameter("id"));
        Assert.Equal("active", m.SubscriptionState.Value);
        Assert.Equal("600", m.SubscriptionState.GetParameter("expires"));
        var info = Assert.Single(m.CallInfo);
        Assert.Equal("1", info.Parameters.Get("appearance-index"));
        Assert.Equal("\"Ann\" <sip:ann@office.example>", info.Parameters.GetUnquoted("appearance-uri"));
        Assert.Equal("425928@bobster.example.org", m.Replaces.Value);
        Assert.Equal("7743", m.Replaces.GetParameter("to-tag"));
        Assert.True(m.Replaces.Parameters.Has("early-only"));
        Assert.Equal(120, m.RetryAfterSeconds);
        Assert.Equal("60", m.RetryAfter.GetParameter("duration"));
        Assert.Equal("abc%40h%3Bto-tag%3D1", m.ReferTo.Uri.GetHeader("Replaces"));
        Assert.Equal("Digest realm=\"office\", nonce=\"abc\", qop=\"auth\"", Assert.Single(m.WwwAuthenticate));
    }

    [Fact]
    public void Typed_views_return_null_instead_of_throwing_on_bad_values()
    {
        var m = SipTestData.Parse(
            "OPTIONS sip:b@h SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: \"unclosed <sip:a@h>;tag=1\nTo: nothing-here\n" +
            "Call-ID: x\nCSeq: 1 OPTIONS\nContact: <sip:a@h\nEvent: ;x\nExpires: soon\nContent-Length: 0\n\n");
        Assert.Null(m.From);
        Assert.Null(m.FromTag);
        Assert.Null(m.To);
        Assert.Null(m.Contacts);
        Assert.Null(m.Contact);
        Assert.Null(m.Event);
        Assert.Equal(-1, m.Expires);
        Assert.Equal(400, SipRequestCheck.Check(m));
    }

    [Fact]
    public void Header_names_have_one_canonical_form()
    {
        Assert.Equal("Call-ID", SipHeaderNames.Canonical("i"));
        Assert.Equal("Call-ID", SipHeaderNames.Canonical("CALL-id"));
        Assert.Equal("WWW-Authenticate", SipHeaderNames.Canonical("www-authenticate"));
        Assert.Equal("X-Mine", SipHeaderNames.Canonical("X-Mine"));
        Assert.Equal("v", SipHeaderNames.CompactForm("VIA"));
        Assert.Null(SipHeaderNames.CompactForm("CSeq"));
        Assert.True(SipHeaderNames.SameHeader("l", "content-length"));
        Assert.False(SipHeaderNames.SameHeader("To", "t2"));
    }

    [Fact]
    public void Every_known_status_code_has_a_reason_phrase()
    {
        Assert.Equal("Trying", SipStatus.DefaultReason(100));
        Assert.Equal("Request Terminated", SipStatus.DefaultReason(487));
        Assert.Equal("Bad Extension", SipStatus.DefaultReason(420));
        Assert.Equal("Rejected", SipStatus.DefaultReason(608));
        Assert.Equal("Client Error", SipStatus.DefaultReason(499));
    }
}
