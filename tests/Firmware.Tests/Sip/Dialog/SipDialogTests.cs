using DeskPhone.Firmware.Sip.Dialog;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Dialog;

public class SipDialogTests
{
    private static SipMessage Parse(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n").Replace("\n", "\r\n"));
        Assert.True(SipParser.TryParse(bytes, 0, bytes.Length, out var m, out var error), error?.ToString());
        return m;
    }

    // RFC 3261 §24.2 shapes: Alice's INVITE through two proxies and Bob's 200.
    private static readonly SipMessage Invite = Parse("""
        INVITE sip:bob@biloxi.example.com SIP/2.0
        Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9
        Max-Forwards: 70
        From: "Alice" <sip:alice@atlanta.example.com>;tag=9fxced76sl
        To: Bob <sip:bob@biloxi.example.com>
        Call-ID: 3848276298220188511@atlanta.example.com
        CSeq: 1 INVITE
        Contact: <sip:alice@client.atlanta.example.com;transport=tcp>
        Record-Route: <sip:ss2.biloxi.example.com;lr>, <sip:ss1.atlanta.example.com;lr>
        Content-Length: 0


        """);

    private static readonly SipMessage Ok = Parse("""
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9
        Record-Route: <sip:ss2.biloxi.example.com;lr>
        Record-Route: <sip:ss1.atlanta.example.com;lr>
        From: "Alice" <sip:alice@atlanta.example.com>;tag=9fxced76sl
        To: Bob <sip:bob@biloxi.example.com>;tag=8321234356
        Call-ID: 3848276298220188511@atlanta.example.com
        CSeq: 1 INVITE
        Contact: <sip:bob@client.biloxi.example.com>
        Content-Length: 0


        """);

    [Fact]
    public void A_UAC_dialog_takes_the_route_set_reversed_and_the_remote_target_from_the_2xx()
    {
        var d = SipDialog.CreateAsUac(Invite, Ok, overTls: false);
        Assert.Equal(DialogState.Confirmed, d.State);
        Assert.True(d.IsUac);
        Assert.Equal("3848276298220188511@atlanta.example.com", d.CallId);
        Assert.Equal("9fxced76sl", d.LocalTag);
        Assert.Equal("8321234356", d.RemoteTag);
        Assert.Equal("sip:alice@atlanta.example.com", d.LocalUri.UriText);
        Assert.Equal("sip:bob@biloxi.example.com", d.RemoteUri.UriText);
        Assert.Equal("sip:bob@client.biloxi.example.com", d.RemoteTarget);
        Assert.Equal(new[] { "<sip:ss1.atlanta.example.com;lr>", "<sip:ss2.biloxi.example.com;lr>" }, d.RouteSet);
        Assert.Equal(1, d.LocalCSeq);
        Assert.Equal(-1, d.RemoteCSeq);
        Assert.False(d.Secure);
    }

    [Fact]
    public void A_request_in_the_dialog_goes_to_the_remote_target_with_the_route_set_and_the_next_CSeq()
    {
        var d = SipDialog.CreateAsUac(Invite, Ok, false);
        d.LocalContact = "<sip:alice@192.0.2.1>";
        var bye = d.CreateRequest("BYE");
        Assert.Equal("sip:bob@client.biloxi.example.com", bye.RequestUriText);
        Assert.Equal(new[] { "<sip:ss1.atlanta.example.com;lr>", "<sip:ss2.biloxi.example.com;lr>" }, bye.GetHeaders("Route"));
        Assert.Equal("2 BYE", bye.GetHeader("CSeq"));
        Assert.Equal("\"Alice\" <sip:alice@atlanta.example.com>;tag=9fxced76sl", bye.GetHeader("From"));
        Assert.Equal("\"Bob\" <sip:bob@biloxi.example.com>;tag=8321234356", bye.GetHeader("To"));
        Assert.Null(bye.GetHeader("Contact"));           // BYE is no target refresh
        var reinvite = d.CreateRequest("INVITE");
        Assert.Equal("3 INVITE", reinvite.GetHeader("CSeq"));
        Assert.Equal("<sip:alice@192.0.2.1>", reinvite.GetHeader("Contact"));
        var ack = d.CreateAck(3);
        Assert.Equal("3 ACK", ack.GetHeader("CSeq"));
        Assert.Equal(3, d.LocalCSeq);                     // ACK takes no new number
        Assert.Equal("ss1.atlanta.example.com", d.NextHopUri!.Host);
    }

    [Fact]
    public void A_strict_first_route_becomes_the_Request_URI_and_the_remote_target_goes_last()
    {
        var ok = Parse(Ok.ToString().Replace("<sip:ss1.atlanta.example.com;lr>", "<sip:10.0.0.1:5070>"));
        var d = SipDialog.CreateAsUac(Invite, ok, false);
        var bye = d.CreateRequest("BYE");
        Assert.Equal("sip:10.0.0.1:5070", bye.RequestUriText);
        Assert.Equal(new[] { "<sip:ss2.biloxi.example.com;lr>", "<sip:bob@client.biloxi.example.com>" }, bye.GetHeaders("Route"));
        var hop = d.NextHop("UDP")!;
        Assert.Equal("UDP 10.0.0.1:5070", hop.ToString());
    }

    [Fact]
    public void A_UAS_dialog_keeps_Record_Route_in_order_and_refuses_a_lower_CSeq_with_500()
    {
        var d = SipDialog.CreateAsUas(Invite, "bobtag", overTls: false);
        Assert.Equal(DialogState.Early, d.State);
        Assert.False(d.IsUac);
        Assert.Equal("bobtag", d.LocalTag);
        Assert.Equal("9fxced76sl", d.RemoteTag);
        Assert.Equal("sip:alice@client.atlanta.example.com;transport=tcp", d.RemoteTarget);
        Assert.Equal(new[] { "<sip:ss2.biloxi.example.com;lr>", "<sip:ss1.atlanta.example.com;lr>" }, d.RouteSet);
        Assert.Equal(1, d.RemoteCSeq);
        d.Confirm(null);
        Assert.True(d.IsConfirmed);

        var bye = d.CreateRequest("BYE");
        Assert.Equal("1 BYE", bye.GetHeader("CSeq"));
        Assert.Equal("\"Bob\" <sip:bob@biloxi.example.com>;tag=bobtag", bye.GetHeader("From"));
        Assert.Null(d.NextHop("UDP")); // ss2 is a host name: no DNS here
    }

    [Theory]
    [InlineData(5, 0)]
    [InlineData(2, 0)]
    [InlineData(1, 0)]
    [InlineData(0, 500)]
    public void Validating_a_request_compares_its_CSeq_with_the_last_one(long cseq, int expected)
    {
        var d = SipDialog.CreateAsUas(Invite, "bobtag", false);
        var info = d.CreateRequest("INFO"); // any request shape; only the CSeq matters
        info.SetHeader("CSeq", cseq + " INFO");
        info.PrependHeader("Via", "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1");
        var parsed = Parse(info.ToString());
        Assert.Equal(expected, d.Validate(parsed));
    }

    [Fact]
    public void An_early_UAC_dialog_is_confirmed_by_the_2xx_and_takes_its_route_set_and_target()
    {
        var ringing = Parse(Ok.ToString().Replace("200 OK", "180 Ringing").Replace("client.biloxi", "early.biloxi")
            .Replace("Record-Route: <sip:ss2.biloxi.example.com;lr>\r\n", ""));
        var d = SipDialog.CreateAsUac(Invite, ringing, false);
        Assert.True(d.IsEarly);
        Assert.Equal("sip:bob@early.biloxi.example.com", d.RemoteTarget);
        Assert.Single(d.RouteSet);
        d.Confirm(Ok);
        Assert.True(d.IsConfirmed);
        Assert.Equal("sip:bob@client.biloxi.example.com", d.RemoteTarget);
        Assert.Equal(2, d.RouteSet.Length);
    }

    [Fact]
    public void The_dialog_table_finds_a_request_by_its_To_tag_and_a_response_by_its_From_tag()
    {
        var table = new DialogTable();
        var uac = SipDialog.CreateAsUac(Invite, Ok, false);
        table.Add(uac);
        Assert.Same(uac, table.FindForResponse(Ok));
        var fromBob = Parse("""
            BYE sip:alice@client.atlanta.example.com SIP/2.0
            Via: SIP/2.0/UDP client.biloxi.example.com:5060;branch=z9hG4bKnashds7
            Max-Forwards: 70
            From: Bob <sip:bob@biloxi.example.com>;tag=8321234356
            To: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl
            Call-ID: 3848276298220188511@atlanta.example.com
            CSeq: 1 BYE
            Content-Length: 0


            """);
        Assert.Same(uac, table.FindForRequest(fromBob));
        Assert.Null(table.Find("3848276298220188511@atlanta.example.com", "8321234356", "9fxced76sl"));
        table.Remove(uac);
        Assert.Equal(0, table.Count);
    }

    [Theory]
    [InlineData("sip:a@192.0.2.7", "UDP", "UDP 192.0.2.7:5060")]
    [InlineData("sip:a@192.0.2.7:5080;transport=tcp", "UDP", "TCP 192.0.2.7:5080")]
    [InlineData("sips:a@192.0.2.7", "UDP", "TLS 192.0.2.7:5061")]
    [InlineData("sip:a@[2001:db8::1]:5062", "TCP", "TCP 2001:db8::1:5062")]
    public void The_next_hop_of_a_URI_with_a_literal_host_is_its_transport_address(string uri, string transport, string expected)
    {
        Assert.True(DeskPhone.Firmware.Sip.SipUri.TryParse(uri, out var parsed, out _));
        Assert.Equal(expected, SipDialog.TargetOf(parsed, transport)!.ToString());
    }
}
