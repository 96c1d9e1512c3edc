// The parser: RFC 3261 §24 messages, tolerances (folding, LF endings, whitespace), and rejections with the status to answer.
using System.Text;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Message;

public class SipParserTests
{
    private const string Minimal =
        "OPTIONS sip:201@office.example SIP/2.0\n" +
        "Via: SIP/2.0/UDP 192.0.2.5:5060;branch=z9hG4bKabc\n" +
        "From: <sip:200@office.example>;tag=1\n" +
        "To: <sip:201@office.example>\n" +
        "Call-ID: c1@192.0.2.5\n" +
        "CSeq: 1 OPTIONS\n" +
        "Max-Forwards: 70\n" +
        "Content-Length: 0\n" +
        "\n";

    private static string Without(string header) =>
        string.Join("\n", Minimal.Split('\n').Where(l => !l.StartsWith(header + ":")));

    [Fact]
    public void The_RFC_3261_INVITE_parses_with_the_right_typed_values()
    {
        var m = SipTestData.Parse(SipTestData.Invite);
        Assert.True(m.IsRequest);
        Assert.Equal("INVITE", m.Method);
        Assert.Same(SipMethods.Invite, m.Method);
        Assert.Equal("bob", m.RequestUri.User);
        Assert.Equal("biloxi.com", m.RequestUri.Host);
        var via = m.TopVia;
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("pc33.atlanta.com", via.Host);
        Assert.Equal(0, via.Port);
        Assert.Equal(5060, via.PortOrDefault);
        Assert.Equal("z9hG4bKnashds8", via.Branch);
        Assert.True(via.HasRfc3261Branch);
        Assert.Equal(70, m.MaxForwards);
        Assert.Equal("Bob", m.To.DisplayName);
        Assert.Null(m.ToTag);
        Assert.Equal("Alice", m.From.DisplayName);
        Assert.Equal("1928301774", m.FromTag);
        Assert.Equal("alice", m.From.Uri.User);
        Assert.Equal("a84b4c76e66710", m.CallId);
        Assert.Equal(314159, m.CSeqNumber);
        Assert.Equal("INVITE", m.CSeqMethod);
        Assert.Equal("sip:alice@pc33.atlanta.com", m.Contact.Uri.ToString());
        Assert.Equal("application/sdp", m.ContentMediaType);
        Assert.Equal(m.ContentLength, m.BodyLength);
        Assert.StartsWith("v=0\r\no=alice", m.BodyText);
        Assert.Equal(0, SipRequestCheck.Check(m));
    }

    [Fact]
    public void The_RFC_3261_200_OK_parses_with_its_Via_stack_and_Record_Route()
    {
        var m = SipTestData.Parse(SipTestData.Ok);
        Assert.True(m.IsResponse);
        Assert.Equal(200, m.StatusCode);
        Assert.Equal("OK", m.ReasonPhrase);
        var vias = m.Vias;
        Assert.Equal(3, vias.Length);
        Assert.Equal("server10.biloxi.com", vias[0].Host);
        Assert.Equal("192.0.2.3", vias[0].Received);
        Assert.Equal("192.0.2.3", vias[0].ResponseHost);
        Assert.Equal("z9hG4bKnashds8", vias[2].Branch);
        var rr = m.RecordRoutes;
        Assert.Equal(2, rr.Length);
        Assert.Equal("server10.biloxi.com", rr[0].Uri.Host);
        Assert.True(rr[1].Uri.IsLooseRouter);
        Assert.Equal("a6c85cf", m.ToTag);
        Assert.Equal("192.0.2.4", m.Contact.Uri.Host);
    }

    [Fact]
    public void The_RFC_3261_ACK_and_BYE_parse()
    {
        var ack = SipTestData.Parse(SipTestData.Ack);
        Assert.Equal("ACK", ack.Method);
        Assert.Equal("ACK", ack.CSeqMethod);
        Assert.Equal(2, ack.Routes.Length);
        Assert.Equal("bigbox3.site3.atlanta.com", ack.Routes[0].Uri.Host);
        Assert.Equal(0, ack.BodyLength);
        var bye = SipTestData.Parse(SipTestData.Bye);
        Assert.Equal("BYE", bye.Method);
        Assert.Equal(231, bye.CSeqNumber);
        Assert.Equal("a6c85cf", bye.FromTag);
        Assert.Equal("1928301774", bye.ToTag);
        Assert.Equal("192.0.2.4", bye.TopVia.Host);
    }

    [Fact]
    public void Compact_forms_map_to_their_long_names()
    {
        var m = SipTestData.Parse(
            "INVITE sip:201@office.example SIP/2.0\n" +
            "v: SIP/2.0/TCP 192.0.2.5;branch=z9hG4bK1\n" +
            "f: <sip:200@office.example>;tag=a\n" +
            "t: <sip:201@office.example>\n" +
            "i: c2@x\n" +
            "CSeq: 2 INVITE\n" +
            "m: <sip:200@192.0.2.5;transport=tcp>\n" +
            "k: replaces, timer\n" +
            "o: dialog\n" +
            "r: <sip:300@office.example>\n" +
            "b: <sip:200@office.example>\n" +
            "s: hello\n" +
            "e: gzip\n" +
            "u: dialog, call-info\n" +
            "x: 1800\n" +
            "y: abc\n" +
            "a: *;audio\n" +
            "j: *;video\n" +
            "c: application/sdp\n" +
            "l: 0\n\n");
        Assert.Equal("TCP", m.TopVia.Transport);
        Assert.Equal("a", m.FromTag);
        Assert.Equal("c2@x", m.CallId);
        Assert.Equal(new[] { "replaces", "timer" }, m.Supported);
        Assert.Equal("dialog", m.Event.Value);
        Assert.Equal("300", m.ReferTo.Uri.User);
        Assert.Equal("application/sdp", m.ContentMediaType);
        Assert.Equal(0, m.ContentLength);
        var expected = new[] { "Via", "From", "To", "Call-ID", "CSeq", "Contact", "Supported", "Event", "Refer-To",
            "Referred-By", "Subject", "Content-Encoding", "Allow-Events", "Session-Expires", "Identity",
            "Accept-Contact", "Reject-Contact", "Content-Type", "Content-Length" };
        Assert.Equal(expected, Enumerable.Range(0, m.HeaderCount).Select(m.HeaderCanonicalName));
        Assert.Equal("v", m.HeaderName(0));
        Assert.Equal("hello", m.GetHeader("Subject"));
        Assert.Equal("hello", m.GetHeader("S"));
    }

    [Fact]
    public void Folded_header_values_read_as_one_line()
    {
        var m = SipTestData.Parse(Minimal.Replace("Call-ID: c1@192.0.2.5\n", "Subject: I know you're there,\n   pick up the phone\n\tand talk to me!\nCall-ID: c1@192.0.2.5\n"));
        Assert.Equal("I know you're there, pick up the phone and talk to me!", m.GetHeader("Subject"));
    }

    [Fact]
    public void Bare_LF_line_endings_and_leading_blank_lines_are_tolerated()
    {
        var bytes = Encoding.ASCII.GetBytes("\r\n\r\n" + Minimal);
        var m = SipTestData.Parse(bytes);
        Assert.Equal("OPTIONS", m.Method);
        Assert.Equal("c1@192.0.2.5", m.CallId);
    }

    [Fact]
    public void Whitespace_around_colons_semicolons_and_equals_is_tolerated()
    {
        var m = SipTestData.Parse(Minimal.Replace("Via: SIP/2.0/UDP 192.0.2.5:5060;branch=z9hG4bKabc", "Via   :  SIP / 2.0 / UDP   192.0.2.5 : 5060 ;  branch =  z9hG4bKabc ; rport"));
        Assert.Equal("z9hG4bKabc", m.TopVia.Branch);
        Assert.Equal(5060, m.TopVia.Port);
        Assert.True(m.TopVia.HasRport);
        Assert.Equal(0, m.TopVia.Rport);
    }

    [Fact]
    public void A_request_without_Call_ID_is_rejected_with_400_naming_the_header()
    {
        var error = SipTestData.Reject(Without("Call-ID"));
        Assert.Equal(400, error.Status);
        Assert.Equal("Missing Call-ID", error.Reason);
        Assert.False(error.IsResponse);
        Assert.True(error.CanAnswer);
    }

    [Theory]
    [InlineData("Via")]
    [InlineData("From")]
    [InlineData("To")]
    [InlineData("CSeq")]
    public void A_request_without_a_mandatory_header_is_rejected_naming_it(string header)
    {
        Assert.Equal("Missing " + header, SipTestData.Reject(Without(header)).Reason);
    }

    [Theory]
    [InlineData("CSeq: 1 OPTIONS", "CSeq: x OPTIONS", "Bad CSeq")]
    [InlineData("CSeq: 1 OPTIONS", "CSeq: 4294967296 OPTIONS", "Bad CSeq")]
    [InlineData("CSeq: 1 OPTIONS", "CSeq: 1", "Bad CSeq")]
    [InlineData("CSeq: 1 OPTIONS", "CSeq: 1 INVITE", "CSeq method does not match the request method")]
    [InlineData("Max-Forwards: 70", "Max-Forwards: 256", "Bad Max-Forwards")]
    [InlineData("Max-Forwards: 70", "Max-Forwards: -1", "Bad Max-Forwards")]
    [InlineData("Content-Length: 0", "Content-Length: 5", "Content-Length larger than the message")]
    [InlineData("Content-Length: 0", "Content-Length: 0x10", "Bad Content-Length")]
    [InlineData("Content-Length: 0", "Content-Length: 99999999999999999999999", "Content-Length larger than the message")]
    [InlineData("Call-ID: c1@192.0.2.5", "Call-ID: c1@192.0.2.5\nCall-ID: other", "Duplicate Call-ID")]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.5:5060;branch=z9hG4bKabc", "Via: SIP/2.0/UDP 192.0.2.5:99999;branch=z9hG4bKabc", "Bad Via")]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.5:5060;branch=z9hG4bKabc", "Via: SIP/2.0 192.0.2.5", "Bad Via")]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.5:5060;branch=z9hG4bKabc", "Via: SIP/2.0/UDP 192.0.2.5;branch=1,", "Bad Via")]
    [InlineData("To: <sip:201@office.example>", "To <sip:201@office.example>", "Malformed header line")]
    [InlineData("OPTIONS sip:201@office.example SIP/2.0", "OPTIONS sip:201@office.example; lr SIP/2.0", "Whitespace in the Request-URI")]
    [InlineData("OPTIONS sip:201@office.example SIP/2.0", "OPTIONS <sip:201@office.example> SIP/2.0", "Bad Request-URI")]
    [InlineData("OPTIONS sip:201@office.example SIP/2.0", "OPTIONS sip:201@office.example HTTP/1.1", "Bad request line")]
    public void Broken_headers_are_rejected_with_400_and_a_reason(string line, string replacement, string reason)
    {
        var error = SipTestData.Reject(Minimal.Replace(line, replacement));
        Assert.Equal(400, error.Status);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void Another_SIP_version_is_answered_with_505()
    {
        var error = SipTestData.Reject(Minimal.Replace("SIP/2.0\n", "SIP/3.0\n"));
        Assert.Equal(505, error.Status);
        Assert.True(error.CanAnswer);
        Assert.Equal("OPTIONS", error.Partial.Method);
    }

    [Fact]
    public void A_bad_response_is_marked_for_dropping()
    {
        var error = SipTestData.Reject("SIP/2.0 200 OK\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nContent-Length: 0\n\n");
        Assert.True(error.IsResponse);
        Assert.False(error.CanAnswer);
        Assert.True(SipTestData.Reject("SIP/2.0 99 Odd\n\n").IsResponse);
        Assert.True(SipTestData.Reject("SIP/1.0 200 OK\n\n").IsResponse);
    }

    [Fact]
    public void Headers_without_the_empty_line_are_rejected()
    {
        Assert.Equal("Headers not terminated by an empty line", SipTestData.Reject(Minimal.TrimEnd('\n') + "\n").Reason);
    }

    [Fact]
    public void Empty_input_and_bad_ranges_are_errors_not_exceptions()
    {
        Assert.False(SipParser.TryParse(null!, 0, 0, out _, out var e1));
        Assert.Equal(400, e1.Status);
        Assert.False(SipParser.TryParse(new byte[4], 2, 5, out _, out _));
        Assert.False(SipParser.TryParse(new byte[4], -1, 1, out _, out _));
        Assert.False(SipParser.TryParse(Encoding.ASCII.GetBytes("\r\n\r\n"), out _, out var e2));
        Assert.Equal("Empty message", e2.Reason);
    }

    [Fact]
    public void A_datagram_over_65535_bytes_is_refused_with_513_without_being_scanned()
    {
        var big = new byte[70 * 1024];
        Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\n").CopyTo(big, 0);
        SipParser.TryParse(big, 0, 100, out _, out _); // warm up the code path
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool ok = SipParser.TryParse(big, 0, big.Length, out var m, out var error);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(ok);
        Assert.Null(m);
        Assert.Equal(513, error.Status);
        Assert.Null(error.Partial);
        Assert.False(error.IsResponse);
        // Only the error object: nothing proportional to the 70 KB was touched or copied.
        Assert.True(allocated < 256, $"allocated {allocated} bytes");
    }

    [Fact]
    public void The_parser_parses_a_slice_of_a_larger_buffer()
    {
        var inner = SipTestData.Invite;
        var buffer = new byte[inner.Length + 20];
        Array.Fill(buffer, (byte)'X');
        inner.CopyTo(buffer, 10);
        Assert.True(SipParser.TryParse(buffer, 10, inner.Length, out var m, out _));
        Assert.Equal("a84b4c76e66710", m.CallId);
        Assert.Equal(inner.Skip(inner.Length - m.BodyLength), m.Body);
    }

    [Fact]
    public void Unknown_and_non_SIP_Request_URIs_are_kept_as_text()
    {
        var m = SipTestData.Parse(Minimal.Replace("OPTIONS sip:201@office.example", "OPTIONS tel:+15551234567"));
        Assert.False(m.IsSipRequestUri);
        Assert.Null(m.RequestUri);
        Assert.Equal("tel:+15551234567", m.RequestUriText);
        Assert.Equal("tel", m.RequestUriScheme);
        Assert.Equal(416, SipRequestCheck.Check(m));
    }
}
