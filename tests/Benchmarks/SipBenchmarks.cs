// The SIP message layer: parsing and writing the messages a phone handles most.
using System.Text;
using BenchmarkDotNet.Attributes;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Benchmarks;

[MemoryDiagnoser]
public class SipBenchmarks
{
    private static byte[] Wire(string head, string body)
    {
        body = body.Replace("\n", "\r\n");
        return Encoding.UTF8.GetBytes((head + "Content-Length: " + Encoding.UTF8.GetByteCount(body) + "\n\n").Replace("\n", "\r\n") + body);
    }

    private readonly byte[] _invite = Wire(
        "INVITE sip:201@office.example SIP/2.0\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\n" +
        "Max-Forwards: 70\n" +
        "To: \"Ann Lee\" <sip:201@office.example>\n" +
        "From: \"Reception\" <sip:200@office.example>;tag=1928301774\n" +
        "Call-ID: a84b4c76e66710@192.0.2.10\n" +
        "CSeq: 314159 INVITE\n" +
        "Contact: <sip:200@192.0.2.10:5060>\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, OPTIONS, INFO, UPDATE\n" +
        "Supported: replaces, timer\n" +
        "User-Agent: DeskPhone/1.0\n" +
        "Content-Type: application/sdp\n",
        "v=0\no=200 2890844526 2890844526 IN IP4 192.0.2.10\ns=-\nc=IN IP4 192.0.2.10\nt=0 0\n" +
        "m=audio 49170 RTP/AVP 0 8 101\na=rtpmap:0 PCMU/8000\na=rtpmap:8 PCMA/8000\n" +
        "a=rtpmap:101 telephone-event/8000\na=fmtp:101 0-16\na=ptime:20\na=sendrecv\n");

    private readonly byte[] _challenge = Wire(
        "SIP/2.0 401 Unauthorized\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7;rport=5060;received=192.0.2.10\n" +
        "From: <sip:200@office.example>;tag=a73kszlfl\n" +
        "To: <sip:200@office.example>;tag=1410948204\n" +
        "Call-ID: 1j9FpLxk3uxtm8tn@192.0.2.10\n" +
        "CSeq: 1 REGISTER\n" +
        "WWW-Authenticate: Digest realm=\"office.example\", nonce=\"ZzWqvGchLJeRYeS0ZkK4U2hV9ZdqW\", qop=\"auth\", algorithm=MD5\n" +
        "Server: kamailio (5.6.4 (x86_64/linux))\n", "");

    private readonly byte[] _notify = Wire(
        "NOTIFY sip:200@192.0.2.10:5060 SIP/2.0\n" +
        "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK56sdasks\n" +
        "Max-Forwards: 70\n" +
        "To: <sip:200@office.example>;tag=4442\n" +
        "From: <sip:201@office.example>;tag=5654\n" +
        "Call-ID: k9sd8f7a@192.0.2.10\n" +
        "CSeq: 12 NOTIFY\n" +
        "Contact: <sip:201@192.0.2.1>\n" +
        "Event: dialog\n" +
        "Subscription-State: active;expires=1795\n" +
        "Content-Type: application/dialog-info+xml\n",
        "<?xml version=\"1.0\"?>\n" +
        "<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"3\" state=\"full\" entity=\"sip:201@office.example\">\n" +
        "  <dialog id=\"as7d900as8\" call-id=\"a84b4c76e66710\" local-tag=\"1928301774\" remote-tag=\"456\" direction=\"recipient\">\n" +
        "    <state>early</state>\n" +
        "  </dialog>\n" +
        "</dialog-info>\n");

    private SipMessage _parsedInvite = null!;
    private SipMessage _parsedChallenge = null!;
    private SipMessage _parsedNotify = null!;
    private byte[] _out = new byte[4096];

    [GlobalSetup]
    public void Setup()
    {
        SipParser.TryParse(_invite, 0, _invite.Length, out _parsedInvite, out _);
        SipParser.TryParse(_challenge, 0, _challenge.Length, out _parsedChallenge, out _);
        SipParser.TryParse(_notify, 0, _notify.Length, out _parsedNotify, out _);
    }

    /// <summary>Parse an INVITE with SDP (typed headers not yet read).</summary>
    [Benchmark]
    public SipMessage Parse_INVITE_with_SDP()
    {
        SipParser.TryParse(_invite, 0, _invite.Length, out var m, out _);
        return m;
    }

    /// <summary>Parse an INVITE and read what the transaction and dialog layers need: branch, CSeq, Call-ID, tags.</summary>
    [Benchmark]
    public long Parse_INVITE_and_read_transaction_keys()
    {
        SipParser.TryParse(_invite, 0, _invite.Length, out var m, out _);
        return m.TopVia.Branch.Length + m.CSeqNumber + m.CallId.Length + m.FromTag.Length + (m.ToTag == null ? 0 : 1);
    }

    /// <summary>Parse a 401 challenge from the registrar.</summary>
    [Benchmark]
    public SipMessage Parse_401_challenge()
    {
        SipParser.TryParse(_challenge, 0, _challenge.Length, out var m, out _);
        return m;
    }

    /// <summary>Parse a dialog-info NOTIFY (a BLF update).</summary>
    [Benchmark]
    public SipMessage Parse_dialog_info_NOTIFY()
    {
        SipParser.TryParse(_notify, 0, _notify.Length, out var m, out _);
        return m;
    }

    /// <summary>Write a parsed INVITE into a transport buffer (no allocation expected).</summary>
    [Benchmark]
    public int Write_INVITE_into_a_buffer() => SipWriter.Write(_parsedInvite, _out, 0);

    /// <summary>Serialise the parsed INVITE to a new array.</summary>
    [Benchmark]
    public byte[] Serialize_INVITE() => _parsedInvite.ToBytes();

    /// <summary>Serialise the parsed 401.</summary>
    [Benchmark]
    public byte[] Serialize_401_challenge() => _parsedChallenge.ToBytes();

    /// <summary>Serialise the parsed NOTIFY.</summary>
    [Benchmark]
    public byte[] Serialize_dialog_info_NOTIFY() => _parsedNotify.ToBytes();
}
