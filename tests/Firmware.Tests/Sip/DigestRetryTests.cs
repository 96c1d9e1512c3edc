using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Firmware.Tests.Sip;

/// <summary>The challenge rule REGISTER, SUBSCRIBE and MESSAGE share, driven directly.</summary>
public class DigestRetryTests
{
    private readonly SipStack _stack;
    private readonly AccountConfig _account;

    public DigestRetryTests()
    {
        var clock = new VirtualClock();
        var loop = new EventLoop(clock, new SimLog(clock));
        _stack = new SipStack(loop, new InMemoryNetwork(clock).AddHost("127.0.1.1"), new TransportSettings { UdpPort = 5070 }, new Random(3));
        string config = """
        { "device": { "id": "d", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "201", "domain": "office.example", "password": "secret",
                          "authUser": "a201", "registrar": "sip:127.0.1.100:5060" } ] }
        """;
        Assert.True(DeviceConfigLoader.TryLoad("t.json", config, out var parsed, out var errors), errors?.ToString());
        _account = parsed.DefaultAccount;
    }

    private static SipMessage Challenge(int code, string nonce = "n1", string extra = "")
    {
        var request = SipMessage.CreateRequest("MESSAGE", "sip:202@office.example");
        request.AddHeader("Via", "SIP/2.0/UDP 127.0.1.1:5070;branch=z9hG4bK1");
        request.AddHeader("From", "<sip:201@office.example>;tag=f1");
        request.AddHeader("To", "<sip:202@office.example>");
        request.AddHeader("Call-ID", "c1");
        request.AddHeader("CSeq", "1 MESSAGE");
        var response = SipMessage.CreateResponse(request, code, code == 401 ? "Unauthorized" : "Proxy Authentication Required");
        response.AddHeader(code == 401 ? "WWW-Authenticate" : "Proxy-Authenticate", $"Digest realm=\"office.example\", nonce=\"{nonce}\", qop=\"auth\"{extra}");
        return Parse(response);
    }

    private static SipMessage Parse(SipMessage m)
    {
        byte[] bytes = m.ToBytes();
        Assert.True(SipParser.TryParse(bytes, 0, bytes.Length, out var parsed, out var error), error?.ToString());
        return parsed;
    }

    private bool Answer(DigestRetry retry, SipMessage response, out string? header, out string? value, out string? failure) =>
        retry.TryAnswer(_stack, _account, response, "MESSAGE", "sip:202@office.example", out header, out value, out failure);

    [Fact]
    public void A_401_is_answered_with_Authorization_and_a_407_with_Proxy_Authorization_as_the_auth_user()
    {
        Assert.True(Answer(new DigestRetry(1), Challenge(401), out var header, out var value, out var failure));
        Assert.Equal("Authorization", header);
        Assert.Contains("username=\"a201\"", value);
        Assert.Contains("nc=00000001", value);
        Assert.Null(failure);

        Assert.True(Answer(new DigestRetry(1), Challenge(407), out header, out value, out _));
        Assert.Equal("Proxy-Authorization", header);
        Assert.Contains("uri=\"sip:202@office.example\"", value);
    }

    [Fact]
    public void A_second_challenge_that_is_not_stale_is_a_wrong_password()
    {
        var retry = new DigestRetry(2);
        Assert.True(Answer(retry, Challenge(401), out _, out _, out _));
        Assert.False(Answer(retry, Challenge(401, "n2"), out var header, out var value, out var failure));
        Assert.Equal("wrong password for a201", failure);
        Assert.Null(header);
        Assert.Null(value);
    }

    [Fact]
    public void A_stale_challenge_is_answered_again_up_to_the_limit_and_the_nonce_count_runs_on()
    {
        var retry = new DigestRetry(1);
        Assert.True(Answer(retry, Challenge(401), out _, out _, out _));
        Assert.True(Answer(retry, Challenge(401, "n1", ", stale=true"), out _, out var value, out _));
        Assert.Contains("nc=00000002", value);
        Assert.False(Answer(retry, Challenge(401, "n1", ", stale=true"), out _, out _, out var failure));
        Assert.Equal("wrong password for a201", failure);
    }

    [Fact]
    public void After_a_reset_the_next_challenge_is_a_first_one_again()
    {
        var retry = new DigestRetry(0);
        Assert.True(Answer(retry, Challenge(401), out _, out _, out _));
        Assert.False(Answer(retry, Challenge(401, "n1", ", stale=true"), out _, out _, out _));
        retry.Reset();
        Assert.True(Answer(retry, Challenge(401, "n3"), out _, out var value, out _));
        Assert.Contains("nc=00000001", value);
    }

    [Fact]
    public void A_challenge_it_cannot_answer_says_why_and_counts_for_nothing()
    {
        var retry = new DigestRetry(0);
        var basic = Challenge(401);
        basic.SetHeader("WWW-Authenticate", "Basic realm=\"office.example\"");
        Assert.False(Answer(retry, Parse(basic), out _, out _, out var failure));
        Assert.StartsWith("cannot answer the challenge: ", failure);
        Assert.True(Answer(retry, Challenge(401), out _, out _, out _));
    }
}
