// Hold and resume both ways (RFC 3264 §8.4), including RFC 2543 peers that hold with c=0.0.0.0.
using DeskPhone.Firmware.Media.Sdp;
using static DeskPhone.Firmware.Tests.Media.Sdp.SdpSamples;

namespace DeskPhone.Firmware.Tests.Media.Sdp;

public class SdpHoldTests
{
    private static string WithDirection(string direction) =>
        "v=0\no=- 1 1 IN IP4 192.0.2.30\ns=-\nc=IN IP4 192.0.2.30\nt=0 0\nm=audio 5000 RTP/AVP 0\n" + (direction.Length > 0 ? "a=" + direction + "\n" : "");

    [Theory]
    [InlineData("sendrecv", SdpDirection.SendRecv, SdpDirection.SendRecv)]
    [InlineData("", SdpDirection.SendRecv, SdpDirection.SendRecv)]
    [InlineData("sendonly", SdpDirection.SendRecv, SdpDirection.RecvOnly)]
    [InlineData("recvonly", SdpDirection.SendRecv, SdpDirection.SendOnly)]
    [InlineData("inactive", SdpDirection.SendRecv, SdpDirection.Inactive)]
    [InlineData("sendrecv", SdpDirection.SendOnly, SdpDirection.SendOnly)]
    [InlineData("sendonly", SdpDirection.SendOnly, SdpDirection.Inactive)]
    [InlineData("recvonly", SdpDirection.SendOnly, SdpDirection.SendOnly)]
    [InlineData("inactive", SdpDirection.SendOnly, SdpDirection.Inactive)]
    public void The_answered_direction_mirrors_the_offer_within_our_hold_state(string offered, SdpDirection ours, SdpDirection answered)
    {
        var r = SdpNegotiator.Answer(Parse(WithDirection(offered)), LocalPhone(), ours, 1);
        Assert.Equal(answered, r.Answer!.Media(0).Direction);
        Assert.Equal(answered, r.Media!.Direction);
    }

    [Fact]
    public void A_sendonly_offer_means_the_remote_holds_us_and_we_only_receive()
    {
        var m = SdpNegotiator.Answer(Parse(WithDirection("sendonly")), LocalPhone()).Media!;
        Assert.True(m.IsHeldByRemote);
        Assert.False(m.IsHeldLocally);
        Assert.True(m.IsOnHold);
        Assert.False(m.CanSend);
        Assert.True(m.CanReceive);
    }

    [Fact]
    public void An_inactive_offer_means_the_remote_holds_us_and_nothing_flows()
    {
        var m = SdpNegotiator.Answer(Parse(WithDirection("inactive")), LocalPhone()).Media!;
        Assert.True(m.IsHeldByRemote);
        Assert.False(m.CanSend);
        Assert.False(m.CanReceive);
    }

    [Fact]
    public void A_session_level_sendonly_counts_for_a_media_line_without_its_own_direction()
    {
        var offer = Parse("v=0\no=- 1 1 IN IP4 192.0.2.30\ns=-\nc=IN IP4 192.0.2.30\nt=0 0\na=sendonly\nm=audio 5000 RTP/AVP 0\n");
        var r = SdpNegotiator.Answer(offer, LocalPhone());
        Assert.True(r.Media!.IsHeldByRemote);
        Assert.Equal(SdpDirection.RecvOnly, r.Answer!.Media(0).Direction);
    }

    [Fact]
    public void An_RFC_2543_peer_holding_with_c_0_0_0_0_is_detected_and_we_stop_sending()
    {
        var r = SdpNegotiator.Answer(Parse(OldStyleHoldOffer), LocalPhone());
        Assert.True(r.Accepted, r.Reason);
        Assert.True(r.Media!.IsHeldByRemote);
        Assert.Equal("0.0.0.0", r.Media.RemoteAddress);
        Assert.Equal(SdpDirection.SendOnly, r.Media.RemoteDirection);
        Assert.False(r.Media.CanSend);
        Assert.Equal(SdpDirection.RecvOnly, r.Answer!.Media(0).Direction);
    }

    [Fact]
    public void An_answer_with_c_0_0_0_0_to_our_offer_is_a_hold_by_the_remote()
    {
        var offer = SdpNegotiator.CreateOffer(LocalPhone(), SdpDirection.SendRecv, 1);
        var answer = Parse("v=0\no=old 5 5 IN IP4 198.51.100.9\ns=-\nc=IN IP4 0.0.0.0\nt=0 0\nm=audio 5004 RTP/AVP 0\n");
        Assert.True(SdpNegotiator.ProcessAnswer(offer, answer, out var m, out _));
        Assert.True(m.IsHeldByRemote);
        Assert.False(m.CanSend);
    }

    [Fact]
    public void Our_hold_offer_answered_recvonly_means_we_send_music_and_do_not_receive()
    {
        var local = LocalPhone();
        var hold = SdpNegotiator.HoldOffer(SdpNegotiator.CreateOffer(local, SdpDirection.SendRecv, 1), local, false, 2);
        var answer = Parse("v=0\no=- 7 8 IN IP4 192.0.2.30\ns=-\nc=IN IP4 192.0.2.30\nt=0 0\nm=audio 5000 RTP/AVP 0\na=recvonly\n");
        Assert.True(SdpNegotiator.ProcessAnswer(hold, answer, out var m, out _));
        Assert.True(m.IsHeldLocally);
        Assert.False(m.IsHeldByRemote);
        Assert.Equal(SdpDirection.SendOnly, m.Direction);
    }

    [Fact]
    public void A_sendonly_answer_to_our_sendrecv_offer_means_the_remote_holds_us()
    {
        var offer = SdpNegotiator.CreateOffer(LocalPhone(), SdpDirection.SendRecv, 1);
        Assert.True(SdpNegotiator.ProcessAnswer(offer, Parse(WithDirection("sendonly")), out var m, out _));
        Assert.True(m.IsHeldByRemote);
        Assert.False(m.IsHeldLocally);
        Assert.Equal(SdpDirection.RecvOnly, m.Direction);
    }
}
