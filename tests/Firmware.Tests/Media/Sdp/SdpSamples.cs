// SDP test vectors: RFC examples copied as test data, and peer-style bodies written for these tests.
using DeskPhone.Firmware.Media.Sdp;

namespace DeskPhone.Firmware.Tests.Media.Sdp;

internal static class SdpSamples
{
    /// <summary>Turns the bare-LF literals below into CRLF wire text.</summary>
    public static string Crlf(string text) => text.Replace("\r\n", "\n").Replace("\n", "\r\n");

    public static SdpSession Parse(string text)
    {
        Assert.True(SdpSession.TryParse(text, out var session, out var reason), reason);
        Assert.NotNull(session);
        return session!;
    }

    public static SdpCapabilities LocalPhone(string address = "192.0.2.10", int port = 40000, params SdpCodec[] codecs)
    {
        var local = new SdpCapabilities(address, port, codecs.Length == 0 ? SdpCodec.PhoneDefaults() : codecs);
        local.SessionId = 3900000000;
        return local;
    }

    // RFC 4566 §5, the example session description.
    public const string Rfc4566Example =
@"v=0
o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5
s=SDP Seminar
i=A Seminar on the session description protocol
u=http://www.example.com/seminars/sdp.pdf
e=j.doe@example.com (Jane Doe)
c=IN IP4 224.2.17.12/127
t=2873397496 2873404696
a=recvonly
m=audio 49170 RTP/AVP 0
m=video 51372 RTP/AVP 99
a=rtpmap:99 h263-1998/90000
";

    // RFC 3264 §10.1, basic exchange: Alice's offer and Bob's answer.
    public const string Rfc3264BasicOffer =
@"v=0
o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
s=
c=IN IP4 host.atlanta.example.com
t=0 0
m=audio 49170 RTP/AVP 0 8 97
a=rtpmap:0 PCMU/8000
a=rtpmap:8 PCMA/8000
a=rtpmap:97 iLBC/8000
m=video 51372 RTP/AVP 31 32
a=rtpmap:31 H261/90000
a=rtpmap:32 MPV/90000
";

    public const string Rfc3264BasicAnswer =
@"v=0
o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
s=
c=IN IP4 host.biloxi.example.com
t=0 0
m=audio 49174 RTP/AVP 0
a=rtpmap:0 PCMU/8000
m=video 49170 RTP/AVP 32
a=rtpmap:32 MPV/90000
";

    // RFC 3264 §10.1, Bob's second offer: new audio port, video disabled.
    public const string Rfc3264BasicSecondOffer =
@"v=0
o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
s=
c=IN IP4 host.biloxi.example.com
t=0 0
m=audio 65422 RTP/AVP 0
a=rtpmap:0 PCMU/8000
m=video 0 RTP/AVP 32
a=rtpmap:32 MPV/90000
";

    // RFC 3264 §10.2, one of N codec selection: Bob answers with all three.
    public const string Rfc3264OneOfNOffer =
@"v=0
o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
s=
c=IN IP4 host.atlanta.example.com
t=0 0
m=audio 49170 RTP/AVP 0 8 97
a=rtpmap:0 PCMU/8000
a=rtpmap:8 PCMA/8000
a=rtpmap:97 iLBC/8000
";

    public const string Rfc3264OneOfNAnswer =
@"v=0
o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
s=
c=IN IP4 host.biloxi.example.com
t=0 0
m=audio 49172 RTP/AVP 0 8 97
a=rtpmap:0 PCMU/8000
a=rtpmap:8 PCMA/8000
a=rtpmap:97 iLBC/8000
";

    // Written for these tests in the style of a baresip offer: G722 first, dynamic events, session a=tool.
    public const string BaresipOffer =
@"v=0
o=- 1183402755 2870305183 IN IP4 192.0.2.20
s=-
c=IN IP4 192.0.2.20
t=0 0
a=tool:baresip 3.10.1
m=audio 10692 RTP/AVP 9 0 8 101
b=AS:64
a=rtpmap:9 G722/8000
a=rtpmap:0 PCMU/8000
a=rtpmap:8 PCMA/8000
a=rtpmap:101 telephone-event/8000
a=fmtp:101 0-15
a=rtcp-mux
a=label:1
a=ssrc:3418710587 cname:4d5e6f70-8192-a3b4-c5d6-e7f809112233
a=sendrecv
a=ptime:20
";

    // Written for these tests: a PBX offer as relayed through Kamailio with an RTP proxy,
    // events on 96, explicit a=rtcp, a=maxptime and a proxy marker attribute.
    public const string KamailioRelayedOffer =
@"v=0
o=root 1918417284 1918417284 IN IP4 203.0.113.7
s=Asterisk PBX 18.20.0
c=IN IP4 203.0.113.7
t=0 0
m=audio 30444 RTP/AVP 8 0 96
a=rtpmap:8 PCMA/8000
a=rtpmap:0 PCMU/8000
a=rtpmap:96 telephone-event/8000
a=fmtp:96 0-16
a=ptime:20
a=maxptime:150
a=sendrecv
a=rtcp:30445
a=nortpproxy:yes
";

    // Written for these tests: an RFC 2543-era phone putting the call on hold with c=0.0.0.0.
    public const string OldStyleHoldOffer =
@"v=0
o=legacy 100 101 IN IP4 198.51.100.9
s=call
c=IN IP4 0.0.0.0
t=0 0
m=audio 5004 RTP/AVP 0
a=rtpmap:0 PCMU/8000
";
}
