// One call's offer/answer state: o= versions, re-offers, hold and resume both ways, glare.
using DeskPhone.Firmware.Media.Sdp;
using static DeskPhone.Firmware.Tests.Media.Sdp.SdpSamples;

namespace DeskPhone.Firmware.Tests.Media.Sdp;

public class SdpOfferAnswerTests
{
    /// <summary>A far end that answers like a plain phone: keeps its hold state, mirrors the direction.</summary>
    private sealed class FarEnd
    {
        public readonly SdpOfferAnswer Side = new(LocalPhone("198.51.100.7", 6000, SdpCodec.Pcmu, SdpCodec.Pcma, SdpCodec.TelephoneEvent));

        public SdpSession Answer(SdpSession offer)
        {
            var r = Side.ReceiveOffer(Parse(offer.ToString()));
            Assert.True(r.Accepted, r.Reason);
            return Parse(r.Answer!.ToString());
        }
    }

    private static SdpOfferAnswer CallWithOurOffer(out FarEnd far)
    {
        var us = new SdpOfferAnswer(LocalPhone());
        far = new FarEnd();
        var answer = far.Answer(us.CreateOffer());
        Assert.True(us.ReceiveAnswer(answer, out var reason), reason);
        return us;
    }

    [Fact]
    public void The_first_offer_has_version_equal_to_the_session_id()
    {
        var us = new SdpOfferAnswer(LocalPhone());
        var offer = us.CreateOffer();
        Assert.Equal("3900000000", offer.Origin.SessionId);
        Assert.Equal(3900000000UL, offer.Origin.SessionVersion);
        Assert.True(us.HasPendingOffer);
        Assert.Null(us.Media);
    }

    [Fact]
    public void A_completed_exchange_gives_the_negotiated_media()
    {
        var us = CallWithOurOffer(out _);
        Assert.False(us.HasPendingOffer);
        Assert.Equal("PCMU", us.Media!.CodecName);
        Assert.Equal("198.51.100.7", us.Media.RemoteAddress);
        Assert.Equal(6000, us.Media.RemotePort);
        Assert.Equal(101, us.Media.SendEventPayloadType);
    }

    [Fact]
    public void A_re_offer_without_changes_keeps_the_o_version()
    {
        var us = CallWithOurOffer(out var far);
        var refresh = us.CreateOffer();
        Assert.Equal(3900000000UL, refresh.Origin.SessionVersion);
        Assert.True(us.ReceiveAnswer(far.Answer(refresh), out _));
        Assert.Equal(3900000000UL, us.SessionVersion);
    }

    [Fact]
    public void Hold_and_resume_each_increment_the_o_version_by_one()
    {
        var us = CallWithOurOffer(out var far);
        var hold = us.CreateHoldOffer();
        Assert.Equal(3900000001UL, hold.Origin.SessionVersion);
        Assert.Equal(SdpDirection.SendOnly, hold.Media(0).Direction);
        Assert.True(us.ReceiveAnswer(far.Answer(hold), out _));
        Assert.True(us.IsHolding);
        Assert.True(us.Media!.IsHeldLocally);
        Assert.Equal(SdpDirection.SendOnly, us.Media.Direction);
        Assert.True(far.Side.Media!.IsHeldByRemote);

        var resume = us.CreateResumeOffer();
        Assert.Equal(3900000002UL, resume.Origin.SessionVersion);
        Assert.Equal(SdpDirection.SendRecv, resume.Media(0).Direction);
        Assert.True(us.ReceiveAnswer(far.Answer(resume), out _));
        Assert.False(us.IsHolding);
        Assert.Equal(SdpDirection.SendRecv, us.Media!.Direction);
        Assert.False(far.Side.Media!.IsOnHold);
    }

    [Fact]
    public void The_remote_holding_us_then_resuming_is_seen_from_its_re_offers()
    {
        var us = CallWithOurOffer(out var far);
        var farHold = far.Side.CreateHoldOffer();
        var r = us.ReceiveOffer(Parse(farHold.ToString()));
        Assert.True(r.Accepted, r.Reason);
        Assert.Equal(SdpDirection.RecvOnly, r.Answer!.Media(0).Direction);
        Assert.True(us.IsHeldByRemote);
        Assert.Equal(3900000001UL, r.Answer.Origin.SessionVersion);
        Assert.True(far.Side.ReceiveAnswer(Parse(r.Answer.ToString()), out _));

        var farResume = far.Side.CreateResumeOffer();
        r = us.ReceiveOffer(Parse(farResume.ToString()));
        Assert.Equal(SdpDirection.SendRecv, r.Answer!.Media(0).Direction);
        Assert.False(us.IsHeldByRemote);
        Assert.Equal(3900000002UL, r.Answer.Origin.SessionVersion);
    }

    [Fact]
    public void Holding_a_call_the_remote_already_holds_offers_inactive_and_stays_held_by_the_remote()
    {
        var us = CallWithOurOffer(out var far);
        var r = us.ReceiveOffer(Parse(far.Side.CreateHoldOffer().ToString()));
        Assert.True(far.Side.ReceiveAnswer(Parse(r.Answer!.ToString()), out _));

        var hold = us.CreateHoldOffer();
        Assert.Equal(SdpDirection.Inactive, hold.Media(0).Direction);
        var answer = far.Answer(hold);
        Assert.Equal(SdpDirection.Inactive, answer.Media(0).Direction);
        Assert.True(us.ReceiveAnswer(answer, out _));
        Assert.True(us.IsHolding);
        Assert.True(us.IsHeldByRemote);
        Assert.True(us.Media!.IsHeldByRemote);
        Assert.False(us.Media.CanSend);
        Assert.False(us.Media.CanReceive);
    }

    [Fact]
    public void While_we_hold_a_remote_re_offer_is_answered_sendonly()
    {
        var us = CallWithOurOffer(out var far);
        Assert.True(us.ReceiveAnswer(far.Answer(us.CreateHoldOffer()), out _));
        var r = us.ReceiveOffer(Parse(far.Side.CreateOffer().ToString()));
        Assert.Equal(SdpDirection.SendOnly, r.Answer!.Media(0).Direction);
        Assert.True(r.Media!.IsHeldLocally);
    }

    [Fact]
    public void A_re_offer_that_changes_codec_and_address_yields_the_new_media()
    {
        var us = CallWithOurOffer(out _);
        var before = us.Media!;
        var reoffer = Parse("v=0\no=- 3900000000 3900000009 IN IP4 198.51.100.7\ns=-\nc=IN IP4 198.51.100.8\nt=0 0\nm=audio 6100 RTP/AVP 8 101\na=rtpmap:8 PCMA/8000\na=rtpmap:101 telephone-event/8000\na=fmtp:101 0-15\n");
        var r = us.ReceiveOffer(reoffer);
        Assert.True(r.Accepted, r.Reason);
        Assert.Equal("PCMA", us.Media!.CodecName);
        Assert.Equal("198.51.100.8", us.Media.RemoteAddress);
        Assert.Equal(6100, us.Media.RemotePort);
        Assert.False(us.Media.SameAs(before));
        Assert.Equal(3900000001UL, r.Answer!.Origin.SessionVersion);
    }

    [Fact]
    public void The_same_re_offer_twice_gives_the_same_media_and_answer_version()
    {
        var us = CallWithOurOffer(out var far);
        var refresh = far.Side.CreateOffer();
        var first = us.ReceiveOffer(Parse(refresh.ToString()));
        var second = us.ReceiveOffer(Parse(refresh.ToString()));
        Assert.True(second.Media!.SameAs(first.Media));
        Assert.Equal(first.Answer!.ToString(), second.Answer!.ToString());
    }

    [Fact]
    public void A_refused_re_offer_leaves_the_session_as_it_was()
    {
        var us = CallWithOurOffer(out _);
        var before = us.Media!;
        var r = us.ReceiveOffer(Parse("v=0\no=- 3900000000 3900000009 IN IP4 198.51.100.7\ns=-\nc=IN IP4 198.51.100.7\nt=0 0\nm=audio 6100 RTP/AVP 18\n"));
        Assert.Equal(488, r.Status);
        Assert.Same(before, us.Media);
        Assert.Equal(3900000000UL, us.SessionVersion);
    }

    [Fact]
    public void An_offer_arriving_while_ours_is_pending_is_a_491()
    {
        var us = CallWithOurOffer(out var far);
        us.CreateHoldOffer();
        var r = us.ReceiveOffer(Parse(far.Side.CreateOffer().ToString()));
        Assert.Equal(491, r.Status);
        Assert.False(r.NothingInCommon);
    }

    [Fact]
    public void A_cancelled_hold_offer_leaves_us_not_holding_and_the_next_offer_gets_a_fresh_version()
    {
        var us = CallWithOurOffer(out var far);
        us.CreateHoldOffer();
        us.CancelOffer();
        Assert.False(us.IsHolding);
        Assert.False(us.HasPendingOffer);
        var again = us.CreateOffer();
        Assert.Equal(SdpDirection.SendRecv, again.Media(0).Direction);
        Assert.Equal(3900000002UL, again.Origin.SessionVersion); // 1 went out with the hold offer
    }

    [Fact]
    public void The_answer_repeated_in_the_200_after_a_183_is_accepted_without_change()
    {
        var us = new SdpOfferAnswer(LocalPhone());
        var far = new FarEnd();
        var answer = far.Answer(us.CreateOffer());
        Assert.True(us.ReceiveAnswer(answer, out _));
        var media = us.Media;
        Assert.True(us.ReceiveAnswer(Parse(answer.ToString()), out var reason), reason);
        Assert.Same(media, us.Media);
    }

    [Fact]
    public void An_answer_without_a_pending_offer_is_refused()
    {
        var us = new SdpOfferAnswer(LocalPhone());
        Assert.False(us.ReceiveAnswer(Parse(Rfc3264BasicAnswer), out var reason));
        Assert.Equal("no offer of ours is waiting for an answer", reason);
    }

    [Fact]
    public void When_the_remote_offers_first_our_later_re_offer_keeps_our_o_line_and_its_answer_shape()
    {
        var us = new SdpOfferAnswer(LocalPhone());
        var first = us.ReceiveOffer(Parse(Rfc3264BasicOffer));
        Assert.True(first.Accepted, first.Reason);
        var hold = us.CreateHoldOffer();
        Assert.Equal(first.Answer!.Origin.SessionId, hold.Origin.SessionId);
        Assert.Equal(first.Answer.Origin.SessionVersion + 1, hold.Origin.SessionVersion);
        Assert.Equal(2, hold.MediaCount);
        Assert.Equal("m=audio 40000 RTP/AVP 0", hold.Media(0).ToString());
        Assert.Equal(0, hold.Media(1).Port);
    }

    [Fact]
    public void A_new_local_port_goes_out_with_the_next_offer_and_bumps_the_version()
    {
        var us = CallWithOurOffer(out _);
        us.Local.Port = 41000;
        var offer = us.CreateOffer();
        Assert.Equal(41000, offer.Media(0).Port);
        Assert.Equal(3900000001UL, offer.Origin.SessionVersion);
    }
}
