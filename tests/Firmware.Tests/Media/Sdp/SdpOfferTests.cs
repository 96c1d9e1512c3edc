// Offers the phone makes (RFC 3264 §5).
using DeskPhone.Firmware.Media.Sdp;
using static DeskPhone.Firmware.Tests.Media.Sdp.SdpSamples;

namespace DeskPhone.Firmware.Tests.Media.Sdp;

public class SdpOfferTests
{
    [Fact]
    public void An_offer_lists_the_codecs_in_the_callers_order_byte_for_byte()
    {
        var offer = SdpNegotiator.CreateOffer("192.0.2.10", 40000, SdpCodec.PhoneDefaults(), SdpDirection.SendRecv, 3900000000);
        Assert.Equal(
            "v=0\r\n" +
            "o=- 3900000000 3900000000 IN IP4 192.0.2.10\r\n" +
            "s=-\r\n" +
            "c=IN IP4 192.0.2.10\r\n" +
            "t=0 0\r\n" +
            "m=audio 40000 RTP/AVP 9 0 8 101\r\n" +
            "a=rtpmap:9 G722/8000\r\n" +
            "a=rtpmap:0 PCMU/8000\r\n" +
            "a=rtpmap:8 PCMA/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\n" +
            "a=fmtp:101 0-16\r\n" +
            "a=ptime:20\r\n" +
            "a=sendrecv\r\n",
            offer.ToString());
    }

    [Fact]
    public void An_offer_parses_back_to_the_same_text()
    {
        var offer = SdpNegotiator.CreateOffer("192.0.2.10", 40000, new[] { SdpCodec.Pcma, SdpCodec.Pcmu }, SdpDirection.SendOnly, 5);
        Assert.Equal(offer.ToString(), Parse(offer.ToString()).ToString());
        Assert.Contains("m=audio 40000 RTP/AVP 8 0\r\n", offer.ToString());
        Assert.Contains("a=sendonly\r\n", offer.ToString());
    }

    [Fact]
    public void An_IPv6_phone_offers_IP6_in_o_and_c()
    {
        var offer = SdpNegotiator.CreateOffer("2001:db8::10", 40000, new[] { SdpCodec.Pcmu }, SdpDirection.SendRecv, 1);
        Assert.Contains("o=- 1 1 IN IP6 2001:db8::10\r\n", offer.ToString());
        Assert.Contains("c=IN IP6 2001:db8::10\r\n", offer.ToString());
    }

    [Fact]
    public void A_user_name_and_session_id_from_the_capabilities_go_into_o()
    {
        var local = LocalPhone();
        local.Username = "201";
        local.Ptime = 30;
        var offer = SdpNegotiator.CreateOffer(local, SdpDirection.SendRecv, 3900000007);
        Assert.Equal("o=201 3900000000 3900000007 IN IP4 192.0.2.10", offer.Origin.ToString());
        Assert.Equal(30, offer.Media(0).Attributes.Ptime);
    }

    [Fact]
    public void An_offer_without_codecs_is_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(() => SdpNegotiator.CreateOffer("192.0.2.10", 40000, new SdpCodec[0], SdpDirection.SendRecv, 1));
    }

    [Fact]
    public void A_hold_offer_is_the_last_SDP_with_sendonly()
    {
        var local = LocalPhone();
        var first = SdpNegotiator.CreateOffer(local, SdpDirection.SendRecv, 1);
        var hold = SdpNegotiator.HoldOffer(first, local, false, 2);
        Assert.Equal(first.ToString().Replace("a=sendrecv", "a=sendonly").Replace("3900000000 1 IN", "3900000000 2 IN"), hold.ToString());
    }

    [Fact]
    public void A_hold_offer_is_inactive_when_the_remote_already_holds_us()
    {
        var local = LocalPhone();
        var first = SdpNegotiator.CreateOffer(local, SdpDirection.SendRecv, 1);
        Assert.Equal(SdpDirection.Inactive, SdpNegotiator.HoldOffer(first, local, true, 2).Media(0).Direction);
        Assert.Equal(SdpDirection.SendRecv, SdpNegotiator.ResumeOffer(first, local, 3).Media(0).Direction);
    }

    [Fact]
    public void A_re_offer_keeps_rejected_m_lines_and_moves_the_audio_to_the_new_port()
    {
        var local = LocalPhone();
        var answer = SdpNegotiator.Answer(Parse(Rfc3264BasicOffer), local).Answer!;
        local.Port = 40100;
        local.Address = "192.0.2.11";
        var reoffer = SdpNegotiator.Reoffer(answer, local, SdpDirection.SendRecv, 2);
        Assert.Equal(2, reoffer.MediaCount);
        Assert.Equal(40100, reoffer.Media(0).Port);
        Assert.Equal("192.0.2.11", reoffer.Connection!.Address);
        Assert.Equal("m=video 0 RTP/AVP 31 32", reoffer.Media(1).ToString());
        Assert.Equal(answer.Origin.SessionId, reoffer.Origin.SessionId);
    }
}
