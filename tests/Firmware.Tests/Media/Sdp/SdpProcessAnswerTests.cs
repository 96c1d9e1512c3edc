// Reading the answer to our offer (RFC 3264 §7).
using DeskPhone.Firmware.Media.Sdp;
using static DeskPhone.Firmware.Tests.Media.Sdp.SdpSamples;

namespace DeskPhone.Firmware.Tests.Media.Sdp;

public class SdpProcessAnswerTests
{
    private static NegotiatedMedia Negotiate(SdpSession offer, string answer)
    {
        Assert.True(SdpNegotiator.ProcessAnswer(offer, Parse(Crlf(answer)), out var media, out var reason), reason);
        return media;
    }

    private static string Fail(SdpSession offer, string answer)
    {
        Assert.False(SdpNegotiator.ProcessAnswer(offer, Parse(Crlf(answer)), out var media, out var reason));
        Assert.Null(media);
        return reason;
    }

    private static readonly SdpSession OurOffer =
        SdpNegotiator.CreateOffer("192.0.2.10", 40000, SdpCodec.PhoneDefaults(), SdpDirection.SendRecv, 1);

    [Fact]
    public void The_RFC_3264_basic_exchange_gives_PCMU_to_Bob()
    {
        var m = Negotiate(Parse(Rfc3264BasicOffer), Rfc3264BasicAnswer);
        Assert.Equal("PCMU", m.CodecName);
        Assert.Equal("host.biloxi.example.com", m.RemoteAddress);
        Assert.Equal(49174, m.RemotePort);
        Assert.Equal(0, m.MediaIndex);
        Assert.Equal(SdpDirection.SendRecv, m.Direction);
        Assert.False(m.IsOnHold);
    }

    [Fact]
    public void In_the_RFC_3264_one_of_N_answer_the_first_answered_codec_is_sent()
    {
        var m = Negotiate(Parse(Rfc3264OneOfNOffer), Rfc3264OneOfNAnswer);
        Assert.Equal("PCMU", m.CodecName);
        Assert.Equal(49172, m.RemotePort);
    }

    [Fact]
    public void A_G722_answer_negotiates_16000_Hz_audio_on_an_8000_Hz_RTP_clock()
    {
        var m = Negotiate(OurOffer, "v=0\no=- 7 7 IN IP4 192.0.2.20\ns=-\nc=IN IP4 192.0.2.20\nt=0 0\nm=audio 10692 RTP/AVP 9 101\na=rtpmap:9 G722/8000\na=rtpmap:101 telephone-event/8000\na=fmtp:101 0-15\n");
        Assert.Equal("G722", m.CodecName);
        Assert.Equal(9, m.SendPayloadType);
        Assert.Equal(8000, m.ClockRate);
        Assert.Equal(16000, m.SampleRate);
        Assert.Equal(101, m.SendEventPayloadType);
        Assert.Equal("G722/8000 pt 9 (16000 Hz) to 192.0.2.20:10692, ptime 20, sendrecv, events pt 101", m.ToString());
    }

    [Fact]
    public void An_answer_that_renumbers_telephone_event_is_sent_its_own_number_and_we_receive_on_ours()
    {
        var m = Negotiate(OurOffer, "v=0\no=- 7 7 IN IP4 192.0.2.20\ns=-\nc=IN IP4 192.0.2.20\nt=0 0\nm=audio 10692 RTP/AVP 0 96\na=rtpmap:96 telephone-event/8000\n");
        Assert.Equal(96, m.SendEventPayloadType);
        Assert.Equal(101, m.ReceiveEventPayloadType);
        Assert.Equal(0, m.SendPayloadType);
        Assert.Equal(0, m.ReceivePayloadType);
    }

    [Fact]
    public void The_media_c_line_wins_over_the_session_c_line_and_a_rtcp_gives_the_RTCP_port()
    {
        var m = Negotiate(OurOffer, "v=0\no=- 7 7 IN IP4 192.0.2.20\ns=-\nc=IN IP4 192.0.2.20\nt=0 0\nm=audio 30000 RTP/AVP 8\nc=IN IP4 203.0.113.50\na=rtcp:30011\na=ptime:30\na=maxptime:60\n");
        Assert.Equal("203.0.113.50", m.RemoteAddress);
        Assert.Equal(30011, m.RemoteRtcpPort);
        Assert.Equal(30, m.Ptime);
        Assert.Equal(60, m.MaxPtime);
        Assert.Equal("PCMA", m.CodecName);
    }

    [Fact]
    public void An_answer_with_a_different_m_line_count_is_refused()
    {
        Assert.Equal("the answer has 2 m= lines; the offer had 1",
            Fail(OurOffer, "v=0\no=- 7 7 IN IP4 192.0.2.20\ns=-\nc=IN IP4 192.0.2.20\nt=0 0\nm=audio 30000 RTP/AVP 0\nm=video 0 RTP/AVP 31\n"));
    }

    [Fact]
    public void An_answer_rejecting_the_audio_is_refused()
    {
        Assert.Equal("the answer accepted no audio stream of the offer",
            Fail(OurOffer, "v=0\no=- 7 7 IN IP4 192.0.2.20\ns=-\nc=IN IP4 192.0.2.20\nt=0 0\nm=audio 0 RTP/AVP 0\n"));
    }

    [Fact]
    public void An_answer_with_a_codec_we_never_offered_is_refused()
    {
        Assert.Equal("the answer's audio (m= line 1) has no codec the offer listed",
            Fail(OurOffer, "v=0\no=- 7 7 IN IP4 192.0.2.20\ns=-\nc=IN IP4 192.0.2.20\nt=0 0\nm=audio 30000 RTP/AVP 18 101\na=rtpmap:101 telephone-event/8000\n"));
    }

    [Fact]
    public void An_answer_without_an_address_is_refused()
    {
        Assert.Contains("has no c= line",
            Fail(OurOffer, "v=0\no=- 7 7 IN IP4 192.0.2.20\ns=-\nt=0 0\nm=audio 30000 RTP/AVP 0\n"));
    }
}
