// Answering offers (RFC 3264 §6): codec choice, payload type numbers, rejected streams, 488.
using DeskPhone.Firmware.Media.Sdp;
using static DeskPhone.Firmware.Tests.Media.Sdp.SdpSamples;

namespace DeskPhone.Firmware.Tests.Media.Sdp;

public class SdpAnswerTests
{
    private static SdpAnswerResult Answer(string offer, SdpCapabilities? local = null)
    {
        return SdpNegotiator.Answer(Parse(Crlf(offer)), local ?? LocalPhone());
    }

    [Fact]
    public void The_RFC_3264_basic_offer_gets_PCMU_and_a_rejected_video_line()
    {
        var r = Answer(Rfc3264BasicOffer);
        Assert.True(r.Accepted, r.Reason);
        Assert.Equal(
            "v=0\r\n" +
            "o=- 3900000000 3900000000 IN IP4 192.0.2.10\r\n" +
            "s=-\r\n" +
            "c=IN IP4 192.0.2.10\r\n" +
            "t=0 0\r\n" +
            "m=audio 40000 RTP/AVP 0\r\n" +
            "a=rtpmap:0 PCMU/8000\r\n" +
            "a=ptime:20\r\n" +
            "a=sendrecv\r\n" +
            "m=video 0 RTP/AVP 31 32\r\n",
            r.Answer!.ToString());
        Assert.Equal("host.atlanta.example.com", r.Media!.RemoteAddress);
        Assert.Equal(49170, r.Media.RemotePort);
        Assert.Equal(49171, r.Media.RemoteRtcpPort);
        Assert.Equal(0, r.Media.SendPayloadType);
        Assert.Equal(-1, r.Media.SendEventPayloadType);
    }

    [Fact]
    public void The_RFC_3264_second_offer_with_video_disabled_keeps_both_m_lines()
    {
        var r = Answer(Rfc3264BasicSecondOffer);
        Assert.True(r.Accepted, r.Reason);
        Assert.Equal(2, r.Answer!.MediaCount);
        Assert.Equal(65422, r.Media!.RemotePort);
        Assert.Equal("m=video 0 RTP/AVP 32", r.Answer.Media(1).ToString());
    }

    [Fact]
    public void The_answer_takes_the_offerers_first_codec_we_support_not_ours()
    {
        var r = Answer(Rfc3264OneOfNOffer, LocalPhone(codecs: new[] { SdpCodec.G722, SdpCodec.Pcma, SdpCodec.Pcmu }));
        Assert.Equal("PCMU", r.Media!.CodecName);
        Assert.Equal(new[] { "0" }, r.Answer!.Media(0).Formats);
    }

    [Fact]
    public void A_baresip_offer_gets_G722_which_says_8000_in_SDP_and_runs_at_16000()
    {
        var r = Answer(BaresipOffer);
        Assert.True(r.Accepted, r.Reason);
        Assert.Contains("m=audio 40000 RTP/AVP 9 101\r\na=rtpmap:9 G722/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n", r.Answer!.ToString());
        Assert.Equal("G722", r.Media!.CodecName);
        Assert.Equal(8000, r.Media.ClockRate);
        Assert.Equal(16000, r.Media.SampleRate);
        Assert.Equal(9, r.Media.SendPayloadType);
        Assert.Equal(101, r.Media.SendEventPayloadType);
        Assert.Equal("192.0.2.20", r.Media.RemoteAddress);
        Assert.Equal(10692, r.Media.RemotePort);
    }

    [Fact]
    public void A_Kamailio_relayed_offer_keeps_the_offerers_telephone_event_payload_type()
    {
        var r = Answer(KamailioRelayedOffer);
        Assert.True(r.Accepted, r.Reason);
        var audio = r.Answer!.Media(0);
        Assert.Equal(new[] { "8", "96" }, audio.Formats);
        Assert.Equal("telephone-event", audio.Attributes.RtpMap(96)!.Encoding);
        Assert.Equal("0-16", audio.Attributes.Fmtp("96"));
        Assert.Equal(96, r.Media!.SendEventPayloadType);
        Assert.Equal(96, r.Media.ReceiveEventPayloadType);
        Assert.Equal("PCMA", r.Media.CodecName);
        Assert.Equal(30445, r.Media.RemoteRtcpPort);
        Assert.Equal(150, r.Media.MaxPtime);
    }

    [Fact]
    public void The_answer_copies_the_offers_t_line()
    {
        var r = SdpNegotiator.Answer(Parse(Rfc4566Example), LocalPhone());
        Assert.Equal("2873397496 2873404696", r.Answer!.Timing);
    }

    [Fact]
    public void A_dynamic_payload_type_is_matched_by_name_and_rate_and_its_number_kept()
    {
        var local = LocalPhone(codecs: new[] { new SdpCodec("L16", 97, 8000, 8000, null) });
        var r = Answer("v=0\no=- 1 1 IN IP4 192.0.2.30\ns=-\nc=IN IP4 192.0.2.30\nt=0 0\nm=audio 5000 RTP/AVP 122\na=rtpmap:122 l16/8000\n", local);
        Assert.True(r.Accepted, r.Reason);
        Assert.Equal("a=rtpmap:122 L16/8000", r.Answer!.Media(0).Attributes[0].ToString());
        Assert.Equal(122, r.Media!.SendPayloadType);
    }

    [Fact]
    public void Telephone_event_is_left_out_when_we_do_not_offer_it()
    {
        var r = Answer(BaresipOffer, LocalPhone(codecs: new[] { SdpCodec.Pcmu }));
        Assert.Equal(new[] { "0" }, r.Answer!.Media(0).Formats);
        Assert.False(r.Media!.HasTelephoneEvents);
    }

    [Fact]
    public void Telephone_event_at_another_rate_is_not_taken()
    {
        var r = Answer("v=0\no=- 1 1 IN IP4 192.0.2.30\ns=-\nc=IN IP4 192.0.2.30\nt=0 0\nm=audio 5000 RTP/AVP 0 110\na=rtpmap:110 telephone-event/48000\n");
        Assert.Equal(new[] { "0" }, r.Answer!.Media(0).Formats);
    }

    [Fact]
    public void Nothing_in_common_is_a_488_with_both_codec_lists_in_the_reason()
    {
        var r = Answer("v=0\no=- 1 1 IN IP4 192.0.2.30\ns=-\nc=IN IP4 192.0.2.30\nt=0 0\nm=audio 5000 RTP/AVP 18 3 101\na=rtpmap:101 telephone-event/8000\n");
        Assert.False(r.Accepted);
        Assert.True(r.NothingInCommon);
        Assert.Equal(488, r.Status);
        Assert.Null(r.Answer);
        Assert.Equal("nothing in common: the offer's audio has G729/8000, GSM/8000; this phone takes G722/8000, PCMU/8000, PCMA/8000", r.Reason);
    }

    [Theory]
    [InlineData("m=video 5000 RTP/AVP 31\n", "has only video RTP/AVP")]
    [InlineData("m=audio 5000 RTP/SAVP 0\n", "has only audio RTP/SAVP")]
    [InlineData("m=audio 0 RTP/AVP 0\n", "every stream in it is disabled")]
    [InlineData("", "the offer has no m= lines")]
    public void An_offer_without_a_usable_audio_stream_is_a_488(string media, string expected)
    {
        var r = Answer("v=0\no=- 1 1 IN IP4 192.0.2.30\ns=-\nc=IN IP4 192.0.2.30\nt=0 0\n" + media);
        Assert.Equal(488, r.Status);
        Assert.Contains(expected, r.Reason);
    }

    [Fact]
    public void An_audio_stream_without_any_c_line_is_a_400()
    {
        var r = Answer("v=0\no=- 1 1 IN IP4 192.0.2.30\ns=-\nt=0 0\nm=audio 5000 RTP/AVP 0\n");
        Assert.Equal(400, r.Status);
        Assert.Contains("has no c= line", r.Reason);
    }

    [Fact]
    public void Only_the_first_usable_audio_stream_is_accepted_and_the_rest_get_port_0()
    {
        var r = Answer("v=0\no=- 1 1 IN IP4 192.0.2.30\ns=-\nc=IN IP4 192.0.2.30\nt=0 0\n" +
                       "m=audio 5000 RTP/AVP 18\nm=audio 5002 RTP/AVP 8\nm=audio 5004 RTP/AVP 0\nm=video 5006 RTP/AVP 31\n");
        Assert.True(r.Accepted, r.Reason);
        var a = r.Answer!;
        Assert.Equal(new[] { 0, 40000, 0, 0 }, new[] { a.Media(0).Port, a.Media(1).Port, a.Media(2).Port, a.Media(3).Port });
        Assert.Equal(1, r.Media!.MediaIndex);
        Assert.Equal(5002, r.Media.RemotePort);
    }

    [Fact]
    public void The_remotes_ptime_sets_our_packet_time_and_ours_is_answered()
    {
        var r = Answer("v=0\no=- 1 1 IN IP4 192.0.2.30\ns=-\nc=IN IP4 192.0.2.30\nt=0 0\nm=audio 5000 RTP/AVP 0\na=ptime:30\n");
        Assert.Equal(30, r.Media!.Ptime);
        Assert.Equal(20, r.Answer!.Media(0).Attributes.Ptime);
        var noPtime = Answer(Rfc3264OneOfNOffer);
        Assert.Equal(20, noPtime.Media!.Ptime);
    }

    [Fact]
    public void The_answer_parses_back_and_reads_as_a_valid_answer_to_the_offer()
    {
        var offer = Parse(Crlf(BaresipOffer));
        var r = SdpNegotiator.Answer(offer, LocalPhone());
        var reread = Parse(r.Answer!.ToString());
        Assert.True(SdpNegotiator.ProcessAnswer(offer, reread, out var asOfferer, out var reason), reason);
        Assert.Equal("G722", asOfferer.CodecName);
        Assert.Equal("192.0.2.10", asOfferer.RemoteAddress);
        Assert.Equal(40000, asOfferer.RemotePort);
    }
}
