// RFC 4475 valid messages: the parts the RFC singles out come out with the right values.
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Message;

public class TortureDetailTests
{
    private static SipMessage Load(string file) => SipTestData.Parse(SipTestData.TortureBytes(file));

    [Fact]
    public void Wsinv_reads_through_folding_odd_whitespace_and_compact_names()
    {
        var m = Load("wsinv.dat");
        Assert.Equal("INVITE", m.Method);
        Assert.Equal("sip:vivekg@chair-dnrc.example.com;unknownparam", m.RequestUriText);
        Assert.Equal("1918181833n", m.ToTag);
        Assert.Equal("98asjd8", m.FromTag);
        Assert.Equal("J Rosenberg \\\"", m.From.DisplayName);
        Assert.Equal(68, m.MaxForwards);
        Assert.Equal(9, m.CSeqNumber);
        Assert.Equal("INVITE", m.CSeqMethod);
        Assert.Equal(150, m.BodyLength);
        Assert.Equal("newfangled value continued newfangled value", m.GetHeader("NewFangledHeader"));
        Assert.Equal(";;,,;;,;", m.GetHeader("unknownheaderwithunusualvalue"));
        Assert.Equal("", m.GetHeader("Subject"));
        var vias = m.Vias;
        Assert.Equal(3, vias.Length);
        Assert.Equal("UDP", vias[0].Transport);
        Assert.Equal("192.0.2.2", vias[0].Host);
        Assert.Equal("390skdjuw", vias[0].Branch);
        Assert.Equal("TCP", vias[1].Transport);
        Assert.Equal("spindle.example.com", vias[1].Host);
        Assert.Equal("z9hG4bK9ikj8", vias[1].Branch);
        Assert.Equal("z9hG4bK30239", vias[2].Branch);
        var contact = m.Contact;
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("newvalue", contact.Parameters.Get("newparam"));
        Assert.True(contact.Parameters.Has("secondparam"));
        Assert.Equal("0.33", contact.Q);
        var route = Assert.Single(m.Routes);
        Assert.True(route.Uri.IsLooseRouter);
        Assert.Equal("value", route.Uri.GetParameter("unknownwith"));
    }

    [Fact]
    public void Intmeth_keeps_the_unusual_method_and_the_raw_control_characters_of_the_display_name()
    {
        var m = Load("intmeth.dat");
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", m.Method);
        Assert.Equal(m.Method, m.CSeqMethod);
        Assert.Equal("BEL:\u0007 NUL:\0 DEL:\u007f", m.To.DisplayName);
        Assert.Equal("token1~` token2'+_ token3*%!.-", m.From.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", m.FromTag);
        Assert.Equal("z9hG4bK-.!%66*_+`'~", m.TopVia.Branch);
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", m.CallId);
        Assert.Equal(501, SipRequestCheck.Check(m));
    }

    [Fact]
    public void Esc02_treats_the_percent_name_as_an_unknown_header_so_there_are_two_Contacts()
    {
        var m = Load("esc02.dat");
        Assert.Equal("RE%47IST%45R", m.Method);
        Assert.Equal(2, m.Contacts.Length);
        Assert.Equal("<sip:alias2@host2.example.com>", m.GetHeader("C%6Fntact"));
        Assert.Equal(501, SipRequestCheck.Check(m));
    }

    [Fact]
    public void Escnull_keeps_two_distinct_Contacts_with_escaped_NULs()
    {
        var m = Load("escnull.dat");
        var contacts = m.Contacts;
        Assert.Equal(2, contacts.Length);
        Assert.Equal("%00", contacts[0].Uri.User);
        Assert.Equal("%00%00", contacts[1].Uri.User);
        Assert.False(contacts[0].Uri.IsEquivalentTo(contacts[1].Uri));
        Assert.Equal("null-\0-null", DeskPhone.Firmware.Sip.SipUri.Unescape(m.To.Uri.User));
    }

    [Fact]
    public void Semiuri_user_part_keeps_its_semicolon()
    {
        var m = Load("semiuri.dat");
        Assert.Equal("user;par=u@example.net", DeskPhone.Firmware.Sip.SipUri.Unescape(m.RequestUri.User));
    }

    [Fact]
    public void Transports_accepts_an_unknown_transport_token()
    {
        var m = Load("transports.dat");
        Assert.Equal(new[] { "UDP", "SCTP", "TLS", "UNKNOWN", "TCP" }, m.Vias.Select(v => v.Transport));
    }

    [Fact]
    public void Dblreq_handles_the_REGISTER_and_ignores_the_trailing_INVITE()
    {
        var m = Load("dblreq.dat");
        Assert.Equal("REGISTER", m.Method);
        Assert.Equal(0, m.BodyLength);
        Assert.DoesNotContain("INVITE", m.ToString());
    }

    [Fact]
    public void Mpart01_body_is_framed_by_Content_Length_with_its_binary_part_intact()
    {
        var bytes = SipTestData.TortureBytes("mpart01.dat");
        var m = SipTestData.Parse(bytes);
        Assert.Equal(m.ContentLength, m.BodyLength);
        Assert.Equal(bytes.Skip(bytes.Length - m.BodyLength), m.Body);
        Assert.Equal("multipart/mixed", m.ContentMediaType);
    }

    [Fact]
    public void Unreason_and_noreason_keep_their_reason_phrases()
    {
        Assert.Equal("= 2**3 * 5**2 \u043D\u043E \u0441\u0442\u043E \u0434\u0435\u0432\u044F\u043D\u043E\u0441\u0442\u043E \u0434\u0435\u0432\u044F\u0442\u044C - \u043F\u0440\u043E\u0441\u0442\u043E\u0435", Load("unreason.dat").ReasonPhrase);
        var empty = Load("noreason.dat");
        Assert.Equal(100, empty.StatusCode);
        Assert.Equal("", empty.ReasonPhrase);
    }

    [Fact]
    public void Cparam01_bare_Contact_parameter_belongs_to_the_header_and_cparam02_to_the_URI()
    {
        var bare = Load("cparam01.dat").Contact;
        Assert.True(bare.Parameters.Has("unknownparam"));
        Assert.Equal(0, bare.Uri.ParameterCount);
        var bracketed = Load("cparam02.dat").Contact;
        Assert.False(bracketed.Parameters.Has("unknownparam"));
        Assert.True(bracketed.Uri.HasParameter("unknownparam"));
    }

    [Fact]
    public void Regescrt_compact_Contact_keeps_its_escaped_Route_header()
    {
        var contact = Load("regescrt.dat").Contact;
        Assert.NotNull(contact.Uri.GetHeader("Route"));
    }

    [Fact]
    public void Inv2543_without_Content_Length_takes_the_rest_of_the_datagram_as_body()
    {
        var m = Load("inv2543.dat");
        Assert.Equal(-1, m.ContentLength);
        Assert.StartsWith("v=0", m.BodyText);
        Assert.Null(m.TopVia.Branch);
        Assert.Null(m.FromTag);
        Assert.Equal(-1, m.MaxForwards);
    }

    [Fact]
    public void Longreq_reads_its_long_values_without_limits_of_its_own()
    {
        var m = Load("longreq.dat");
        Assert.True(m.Vias.Length >= 21);
        Assert.True(m.CallId.Length > 100);
        Assert.Contains("extremeextreme", m.To.DisplayName);
    }

    [Fact]
    public void Rejections_name_the_problem()
    {
        Assert.Equal("Missing Call-ID, From, To", SipTestData.Reject(SipTestData.TortureBytes("insuf.dat")).Reason);
        Assert.Equal("Bad CSeq", SipTestData.Reject(SipTestData.TortureBytes("scalar02.dat")).Reason);
        Assert.Equal("Content-Length larger than the message", SipTestData.Reject(SipTestData.TortureBytes("clerr.dat")).Reason);
        Assert.Equal("Bad Content-Length", SipTestData.Reject(SipTestData.TortureBytes("ncl.dat")).Reason);
        Assert.Equal("Duplicate Content-Length", SipTestData.Reject(SipTestData.TortureBytes("mcl01.dat")).Reason);
        Assert.Equal("CSeq method does not match the request method", SipTestData.Reject(SipTestData.TortureBytes("mismatch01.dat")).Reason);
        Assert.Equal("Bad Via", SipTestData.Reject(SipTestData.TortureBytes("badinv01.dat")).Reason);
        Assert.Equal("Bad status code", SipTestData.Reject(SipTestData.TortureBytes("bigcode.dat")).Reason);
    }

    [Fact]
    public void A_rejected_request_still_yields_the_headers_needed_to_address_the_400()
    {
        var error = SipTestData.Reject(SipTestData.TortureBytes("insuf.dat"));
        Assert.True(error.CanAnswer);
        var answer = SipMessage.CreateResponse(error.Partial, error.Status, error.Reason);
        Assert.Equal(400, answer.StatusCode);
        Assert.Equal("Missing Call-ID, From, To", answer.ReasonPhrase);
        Assert.Equal(error.Partial.TopVia.Branch, answer.TopVia.Branch);
        Assert.Equal(error.Partial.GetHeader("CSeq"), answer.GetHeader("CSeq"));
    }
}
