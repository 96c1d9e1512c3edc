// Application-level checks of a UAS (RFC 3261 §8.2): the status a phone answers before processing a request.
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Message;

public class SipRequestCheckTests
{
    private static SipMessage Request(string method, string extra = "", string uri = "sip:200@office.example", string body = "")
    {
        var head = $"{method} {uri} SIP/2.0\n" +
                   "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKq1\n" +
                   "From: <sip:201@office.example>;tag=f\n" +
                   "To: <sip:200@office.example>\n" +
                   "Call-ID: chk\n" +
                   $"CSeq: 1 {method}\n" + extra;
        return SipTestData.Parse(SipTestData.WithBody(head, body));
    }

    [Fact]
    public void A_plain_OPTIONS_passes()
    {
        Assert.Equal(0, SipRequestCheck.Check(Request("OPTIONS")));
    }

    [Fact]
    public void An_unknown_method_gets_501_and_a_known_but_unwanted_one_405()
    {
        Assert.Equal(501, SipRequestCheck.Check(Request("FROBNICATE")));
        Assert.Equal(405, SipRequestCheck.Check(Request("REGISTER", "Contact: <sip:a@b>\n")));
    }

    [Fact]
    public void A_tel_Request_URI_gets_416()
    {
        Assert.Equal(416, SipRequestCheck.Check(Request("OPTIONS", uri: "tel:+15551234")));
    }

    [Fact]
    public void An_unsupported_Require_gets_420_listing_the_tag()
    {
        var m = Request("OPTIONS", "Require: replaces, foo\n");
        Assert.Equal(420, SipRequestCheck.Check(m, SipRequestPolicy.Phone, out var reason));
        Assert.Equal("Bad Extension", reason);
        Assert.Equal(new[] { "foo" }, SipRequestCheck.UnsupportedTags(m, SipRequestPolicy.Phone));
        Assert.Equal(0, SipRequestCheck.Check(Request("ACK", "Require: foo\n")));
    }

    [Fact]
    public void Methods_missing_their_essential_headers_get_400_or_489()
    {
        Assert.Equal(400, SipRequestCheck.Check(Request("INVITE")));
        Assert.Equal(489, SipRequestCheck.Check(Request("SUBSCRIBE")));
        Assert.Equal(400, SipRequestCheck.Check(Request("NOTIFY", "Event: dialog\n")));
        Assert.Equal(0, SipRequestCheck.Check(Request("NOTIFY", "Event: dialog\nSubscription-State: active\n")));
        Assert.Equal(400, SipRequestCheck.Check(Request("REFER")));
        SipRequestCheck.Check(Request("NOTIFY", "Event: dialog\n"), SipRequestPolicy.Phone, out var reason);
        Assert.Equal("Missing Subscription-State", reason);
    }

    [Fact]
    public void A_body_of_a_type_the_phone_does_not_take_gets_415()
    {
        Assert.Equal(415, SipRequestCheck.Check(Request("INVITE", "Contact: <sip:a@b>\nContent-Type: application/unknown\n", body: "x")));
        Assert.Equal(0, SipRequestCheck.Check(Request("INVITE", "Contact: <sip:a@b>\nContent-Type: application/SDP\n", body: SipTestData.Sdp)));
    }

    [Fact]
    public void An_INVITE_whose_Accept_excludes_SDP_gets_406()
    {
        Assert.Equal(406, SipRequestCheck.Check(Request("INVITE", "Contact: <sip:a@b>\nAccept: text/plain\n")));
        Assert.Equal(0, SipRequestCheck.Check(Request("INVITE", "Contact: <sip:a@b>\nAccept: text/plain, application/*\n")));
    }

    [Fact]
    public void A_proxy_answers_Max_Forwards_0_with_483_and_a_phone_does_not()
    {
        var m = Request("OPTIONS", "Max-Forwards: 0\n");
        var proxy = SipRequestPolicy.Phone;
        proxy.IsProxy = true;
        Assert.Equal(483, SipRequestCheck.Check(m, proxy, out _));
        Assert.Equal(0, SipRequestCheck.Check(m));
    }

    [Fact]
    public void Responses_always_pass()
    {
        Assert.Equal(0, SipRequestCheck.Check(SipTestData.Parse(SipTestData.Ok)));
    }
}
