using DeskPhone.Firmware.Media.Sdp;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Call;

/// <summary>Calls with the real SDP side (<see cref="SdpCallMedia"/>) against the scripted far end.</summary>
public class SdpCallMediaTests
{
    private readonly SdpCallMediaFactory _media;
    private readonly CallRig _rig;
    private FakeFarEnd Far => _rig.Far;

    public SdpCallMediaTests()
    {
        _media = new SdpCallMediaFactory("127.0.1.1", new RtpPortPool(40000, 40998), SdpCodec.PhoneDefaults(), new Random(7));
        _rig = new CallRig(media: _media);
    }

    private static string Crlf(string text) => text.Replace("\r\n", "\n").Replace("\n", "\r\n");

    /// <summary>What baresip 1.0 with only g711 loaded offers (its address as Kamailio's loopback rewrite leaves it).</summary>
    private static string BaresipOffer(string formats = "0 8 101", string direction = "sendrecv", string version = "2870305183") => Crlf($"""
        v=0
        o=- 1183402755 {version} IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 10692 RTP/AVP {formats}
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a={direction}
        a=ptime:20

        """);

    /// <summary>A far-end answer with PCMU and events, in <paramref name="direction"/>.</summary>
    private static string FarAnswer(string direction = "sendrecv", string version = "1") => Crlf($"""
        v=0
        o=bob 5000 {version} IN IP4 127.0.1.100
        s=-
        c=IN IP4 127.0.1.100
        t=0 0
        m=audio 20000 RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a={direction}

        """);

    private SipCall Incoming(string offer)
    {
        Far.AckOurInvites = false;
        Far.Invite(offer);
        _rig.Wait(0);
        return _rig.Incoming.Last();
    }

    private SipCall Connected()
    {
        Far.AnswerSdp = FarAnswer();
        var call = _rig.Dial();
        Assert.Equal(CallState.Connected, call.State);
        return call;
    }

    /// <summary>Lets the far end answer the phone's next re-INVITE with <paramref name="status"/> and <paramref name="body"/>.</summary>
    private SipMessage ReinviteAnswered(Func<bool> start, int status, string? body)
    {
        Far.Silent = true;
        _rig.Run(() => Assert.True(start()));
        var reinvite = Far.Requests("INVITE").Last();
        Far.Silent = false;
        Far.Respond(reinvite, status, body);
        _rig.Wait(0);
        return reinvite;
    }

    [Theory]
    [InlineData("0 8 101", "PCMU", 0)]
    [InlineData("8 0 101", "PCMA", 8)]
    public void An_incoming_baresip_offer_is_answered_with_its_first_G711_codec_and_telephone_events(string formats, string codec, int pt)
    {
        var call = Incoming(BaresipOffer(formats));
        _rig.Run(() => Assert.True(call.Answer()));

        var ok = Far.Responses("INVITE").Last(r => r.StatusCode == 200);
        Assert.Equal("application/sdp", ok.ContentMediaType);
        Assert.True(SdpSession.TryParse(ok.BodyText, out var answer, out var why), why);
        var audio = answer!.Media(0);
        Assert.Equal(40000, audio.Port);
        Assert.Equal(new[] { pt.ToString(), "101" }, audio.Formats);
        Assert.Equal("127.0.1.1", answer.ConnectionOf(audio)!.Address);
        Assert.Equal(SdpDirection.SendRecv, answer.DirectionOf(audio));

        var media = call.NegotiatedMedia!;
        Assert.Equal(codec, media.CodecName);
        Assert.Equal(pt, media.SendPayloadType);
        Assert.Equal(101, media.SendEventPayloadType);
        Assert.Equal("127.0.0.1", media.RemoteAddress);
        Assert.Equal(10692, media.RemotePort);
        Assert.Equal(SdpDirection.SendRecv, media.Direction);
        Assert.False(media.IsOnHold);
    }

    [Fact]
    public void An_offer_with_only_an_unknown_codec_is_refused_with_488_and_a_Warning_and_frees_its_port()
    {
        var offer = Crlf("""
            v=0
            o=- 1 1 IN IP4 127.0.0.1
            s=-
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio 10692 RTP/AVP 97
            a=rtpmap:97 opus/48000/2

            """);
        Far.Invite(offer);
        _rig.Wait(0);

        Assert.Empty(_rig.Incoming);
        var refusal = Assert.Single(Far.Responses("INVITE"));
        Assert.Equal(488, refusal.StatusCode);
        string warning = refusal.GetHeader("Warning")!;
        Assert.StartsWith("305 127.0.1.1 \"", warning);
        Assert.Contains("nothing in common", warning);
        Assert.StartsWith("1 ended 488 media not acceptable: ", _rig.Events.Last());
        Assert.Equal(0, _media.Ports.InUse);
    }

    [Fact]
    public void An_offer_without_an_address_is_refused_with_400_and_a_Warning()
    {
        Far.Invite(Crlf("""
            v=0
            o=- 1 1 IN IP4 127.0.0.1
            s=-
            t=0 0
            m=audio 10692 RTP/AVP 0

            """));
        _rig.Wait(0);
        var refusal = Assert.Single(Far.Responses("INVITE"));
        Assert.Equal(400, refusal.StatusCode);
        Assert.StartsWith("399 127.0.1.1 ", refusal.GetHeader("Warning"));
    }

    [Fact]
    public void An_outgoing_call_offers_the_phone_codecs_and_takes_the_answers_codec_and_address()
    {
        var call = Connected();
        var invite = Far.LastRequest("INVITE");
        Assert.True(SdpSession.TryParse(invite.BodyText, out var offer, out var why), why);
        Assert.Equal(new[] { "9", "0", "8", "101" }, offer!.Media(0).Formats);
        Assert.Equal(40000, offer.Media(0).Port);

        var media = call.NegotiatedMedia!;
        Assert.Equal("PCMU", media.CodecName);
        Assert.Equal("127.0.1.100", media.RemoteAddress);
        Assert.Equal(20000, media.RemotePort);
        Assert.True(media.CanSend && media.CanReceive);
    }

    [Fact]
    public void Hold_sends_sendonly_and_the_recvonly_answer_marks_the_call_held_until_resume()
    {
        var call = Connected();

        var hold = ReinviteAnswered(call.Hold, 200, FarAnswer("recvonly", "2"));
        Assert.Contains("a=sendonly", hold.BodyText);
        Assert.True(call.LocalHold);
        Assert.True(call.NegotiatedMedia!.IsHeldLocally);
        Assert.False(call.RemoteHold);
        Assert.Equal(SdpDirection.SendOnly, call.NegotiatedMedia.Direction);
        Assert.Equal("1 updated (held)", _rig.Events.Last());

        var resume = ReinviteAnswered(call.Resume, 200, FarAnswer("sendrecv", "3"));
        Assert.Contains("a=sendrecv", resume.BodyText);
        Assert.False(call.LocalHold);
        Assert.False(call.NegotiatedMedia!.IsOnHold);
        Assert.Equal(SdpDirection.SendRecv, call.NegotiatedMedia.Direction);
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public void The_far_end_holding_us_shows_as_remote_hold_and_its_resume_clears_it()
    {
        var call = Incoming(BaresipOffer());
        _rig.Run(() => call.Answer());
        Far.Send(Far.AckFor(Far.Responses("INVITE").Last(r => r.StatusCode == 200)));
        _rig.Wait(0);

        Far.Send(Far.InDialog("INVITE", call.CallId, 2, BaresipOffer(direction: "sendonly", version: "2870305184")));
        _rig.Wait(0);
        var ok = Far.Responses("INVITE").Last();
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("a=recvonly", ok.BodyText);
        Assert.True(call.RemoteHold);
        Far.Send(Far.AckFor(ok));
        _rig.Wait(0);

        Far.Send(Far.InDialog("INVITE", call.CallId, 3, BaresipOffer(version: "2870305185")));
        _rig.Wait(0);
        Assert.Contains("a=sendrecv", Far.Responses("INVITE").Last().BodyText);
        Assert.False(call.RemoteHold);
    }

    [Fact]
    public void A_refused_hold_leaves_the_media_as_it_was_and_the_next_hold_can_be_offered()
    {
        var call = Connected();
        var before = call.NegotiatedMedia!;

        ReinviteAnswered(call.Hold, 488, null);
        Assert.False(call.LocalHold);
        Assert.Same(before, call.NegotiatedMedia);
        Assert.False(((SdpCallMedia)call.Media).OfferAnswer.HasPendingOffer);

        // A re-offer from the far end is answered, not refused with 491 for a forgotten offer of ours.
        Far.Send(Far.InDialog("INVITE", call.CallId, 100, FarAnswer("sendrecv", "2").Replace("m=audio 20000", "m=audio 20002")));
        _rig.Wait(0);
        Assert.Equal(200, Far.Responses("INVITE").Last().StatusCode);
        Assert.Equal(20002, call.NegotiatedMedia!.RemotePort);
        Far.Send(Far.AckFor(Far.Responses("INVITE").Last()));
        _rig.Wait(0);

        ReinviteAnswered(call.Hold, 200, FarAnswer("recvonly", "3"));
        Assert.True(call.NegotiatedMedia!.IsHeldLocally);
    }

    [Fact]
    public void A_hold_that_meets_491_is_offered_anew_after_the_far_ends_own_re_INVITE()
    {
        var call = Connected();
        ReinviteAnswered(call.Hold, 491, null);
        Assert.True(call.ReinvitePending);

        Far.Send(Far.InDialog("INVITE", call.CallId, 100, FarAnswer("sendrecv", "2").Replace("m=audio 20000", "m=audio 20004")));
        _rig.Wait(0);
        var ok = Far.Responses("INVITE").Last();
        Assert.Equal(200, ok.StatusCode);
        Far.Send(Far.AckFor(ok));
        Far.Silent = true;
        _rig.Wait(4_000);
        var retry = Far.Requests("INVITE").Last();
        Assert.Contains("a=sendonly", retry.BodyText);
        Assert.NotEqual(Far.Requests("INVITE").First(r => r.ToTag != null).CSeqNumber, retry.CSeqNumber);
        Far.Silent = false;
        Far.Respond(retry, 200, FarAnswer("recvonly", "3").Replace("m=audio 20000", "m=audio 20004"));
        _rig.Wait(0);
        Assert.True(call.LocalHold);
        Assert.Equal(20004, call.NegotiatedMedia!.RemotePort);
        Assert.True(call.NegotiatedMedia.IsHeldLocally);
    }

    [Fact]
    public void An_answer_without_a_common_codec_is_ACKed_and_the_call_ended_with_BYE()
    {
        Far.AnswerSdp = FarAnswer().Replace("RTP/AVP 0 101", "RTP/AVP 97").Replace("a=rtpmap:0 PCMU/8000", "a=rtpmap:97 opus/48000/2");
        var call = _rig.Dial();
        Assert.Single(Far.Requests("ACK"));
        Assert.Single(Far.Requests("BYE"));
        Assert.True(call.IsEnded);
        Assert.Equal(488, call.EndStatus);
        Assert.StartsWith("media not acceptable: ", call.EndReason);
        Assert.Equal(0, _media.Ports.InUse);
    }

    [Fact]
    public void An_early_answer_in_a_183_is_replaced_by_a_different_answer_in_the_200()
    {
        Far.Silent = true;
        var call = _rig.Dial();
        var invite = Far.LastRequest("INVITE");
        Far.Silent = false;
        Far.Respond(invite, 183, FarAnswer().Replace("m=audio 20000", "m=audio 20010"));
        _rig.Wait(0);
        Assert.Equal(20010, call.NegotiatedMedia!.RemotePort);

        Far.Respond(invite, 200, FarAnswer(version: "2"));
        _rig.Wait(0);
        Assert.Equal(CallState.Connected, call.State);
        Assert.Equal(20000, call.NegotiatedMedia!.RemotePort);
        Assert.Empty(Far.Requests("BYE"));
    }

    [Fact]
    public void Each_call_takes_its_own_even_port_and_gives_it_back_when_it_ends()
    {
        Far.AnswerSdp = FarAnswer();
        var first = _rig.Dial();
        var second = _rig.Dial("sip:carol@office.example");
        Assert.Equal(40000, ((SdpCallMedia)first.Media).Port);
        Assert.Equal(40002, ((SdpCallMedia)second.Media).Port);
        Assert.Equal(2, _media.Ports.InUse);

        _rig.Run(() => first.Hangup());
        _rig.Run(() => second.Hangup());
        Assert.True(first.IsEnded && second.IsEnded);
        Assert.Equal(0, _media.Ports.InUse);
        Assert.True(((SdpCallMedia)first.Media).IsStopped);
        Assert.NotNull(first.NegotiatedMedia); // still there for the call log

        var refused = Incoming(BaresipOffer());
        _rig.Run(() => refused.Reject(486));
        Assert.Equal(0, _media.Ports.InUse);
    }

    [Fact]
    public void The_port_pool_hands_out_even_ports_round_robin_and_says_when_it_is_empty()
    {
        var pool = new RtpPortPool(40001, 40007);
        Assert.Equal(3, pool.Capacity);
        Assert.Equal(new[] { 40002, 40004, 40006 }, new[] { pool.Take(), pool.Take(), pool.Take() });
        Assert.Equal(-1, pool.Take());
        pool.Release(40004);
        pool.Release(40004);
        pool.Release(40005);
        Assert.Equal(2, pool.InUse);
        Assert.Equal(40004, pool.Take());
        pool.Release(40002);
        pool.Release(40006);
        Assert.Equal(40006, pool.Take()); // after the last one handed out, not the one just freed first
    }

    [Fact]
    public void Without_a_free_port_calls_in_are_refused_with_503_and_calls_out_end_with_503()
    {
        var media = new SdpCallMediaFactory("127.0.1.1", new RtpPortPool(40000, 40000), null, new Random(1));
        var rig = new CallRig(media: media);
        rig.Far.AnswerSdp = FarAnswer();
        var first = rig.Dial();
        Assert.Equal(CallState.Connected, first.State);

        var second = rig.Dial("sip:carol@office.example");
        Assert.Equal(503, second.EndStatus);
        rig.Far.Invite(BaresipOffer(), callId: "alice-2");
        rig.Wait(0);
        Assert.Equal(503, rig.Far.Responses("INVITE").Last().StatusCode);
    }
}
