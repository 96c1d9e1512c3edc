// Answer headers quote and escape what must be quoted, echo what the challenge gave, and refuse caller bugs.
using DeskPhone.Firmware.Sip.Auth;

namespace DeskPhone.Firmware.Tests.Sip.Auth;

public class DigestAnswerTests
{
    private static DigestChallenge Parse(string value)
    {
        Assert.True(DigestChallenge.TryParse(value, out var challenge, out var reason), reason);
        return challenge;
    }

    private static readonly DigestChallenge QopChallenge = Parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", opaque=\"o\", algorithm=sha-256");

    [Theory]
    [InlineData(1, "00000001")]
    [InlineData(15, "0000000f")]
    [InlineData(255, "000000ff")]
    [InlineData(0x1234abcd, "1234abcd")]
    [InlineData(int.MaxValue, "7fffffff")]
    public void Nonce_count_is_8_lowercase_hex_digits(int nc, string expected)
    {
        Assert.Equal(expected, DigestAuthenticator.FormatNonceCount(nc));
        var answer = DigestAuthenticator.Answer(QopChallenge, "REGISTER", "sip:r", "u", "p", "c", nc);
        Assert.Equal(new AnswerParam(expected, false), AnswerReader.Read(answer.ToHeaderValue())["nc"]);
    }

    [Fact]
    public void The_algorithm_is_echoed_as_the_server_wrote_it()
    {
        var answer = DigestAuthenticator.Answer(QopChallenge, "REGISTER", "sip:r", "u", "p", "c", 1);
        Assert.Equal(new AnswerParam("sha-256", false), AnswerReader.Read(answer.ToHeaderValue())["algorithm"]);
        Assert.Equal(64, answer.Response.Length);
    }

    [Fact]
    public void Quotes_and_backslashes_in_quoted_values_are_escaped_and_read_back()
    {
        var challenge = Parse("Digest realm=\"a \\\"q\\\" \\\\ b\", nonce=\"n\\\"1\", qop=\"auth\", opaque=\"x\\\\y\"");
        var answer = DigestAuthenticator.Answer(challenge, "REGISTER", "sip:r", "o\"brien\\", "p", "c\"n", 1);
        string header = answer.ToHeaderValue();
        Assert.Contains("username=\"o\\\"brien\\\\\"", header);
        Assert.Contains("realm=\"a \\\"q\\\" \\\\ b\"", header);
        var p = AnswerReader.Read(header);
        Assert.Equal("o\"brien\\", p["username"].Value);
        Assert.Equal("a \"q\" \\ b", p["realm"].Value);
        Assert.Equal("n\"1", p["nonce"].Value);
        Assert.Equal("c\"n", p["cnonce"].Value);
        Assert.Equal("x\\y", p["opaque"].Value);
        Assert.Equal(ReferenceDigest.Response("MD5", "auth", "o\"brien\\", "a \"q\" \\ b", "p", "REGISTER", "sip:r", "n\"1", "c\"n", 1),
            answer.Response);
    }

    [Fact]
    public void An_absent_opaque_is_not_written_but_an_empty_one_is()
    {
        var none = DigestAuthenticator.HeaderValue(Parse("Digest realm=\"r\", nonce=\"n\""), "REGISTER", "sip:r", "u", "p", "c", 1);
        var empty = DigestAuthenticator.HeaderValue(Parse("Digest realm=\"r\", nonce=\"n\", opaque=\"\""), "REGISTER", "sip:r", "u", "p", "c", 1);
        Assert.DoesNotContain("opaque", none);
        Assert.Equal(new AnswerParam("", true), AnswerReader.Read(empty)["opaque"]);
    }

    [Fact]
    public void An_empty_username_and_password_are_allowed()
    {
        var answer = DigestAuthenticator.Answer(QopChallenge, "REGISTER", "sip:r", "", "", "c", 1);
        Assert.Equal(new AnswerParam("", true), AnswerReader.Read(answer.ToHeaderValue())["username"]);
    }

    [Fact]
    public void The_answer_exposes_what_it_writes()
    {
        var answer = DigestAuthenticator.Answer(QopChallenge, "REGISTER", "sip:r", "u", "p", "c", 3);
        Assert.Equal("u", answer.Username);
        Assert.Equal("r", answer.Realm);
        Assert.Equal("n", answer.Nonce);
        Assert.Equal("sip:r", answer.Uri);
        Assert.Equal("auth", answer.Qop);
        Assert.Equal("c", answer.Cnonce);
        Assert.Equal(3, answer.NonceCount);
        Assert.Equal("00000003", answer.NonceCountText);
        Assert.Equal("o", answer.Opaque);
        Assert.Equal(answer.ToHeaderValue(), answer.ToString());
    }

    [Fact]
    public void Caller_bugs_throw()
    {
        Assert.Throws<ArgumentNullException>(() => DigestAuthenticator.Answer(null!, "REGISTER", "sip:r", "u", "p", "c", 1));
        Assert.Throws<ArgumentNullException>(() => DigestAuthenticator.Answer(QopChallenge, null!, "sip:r", "u", "p", "c", 1));
        Assert.Throws<ArgumentException>(() => DigestAuthenticator.Answer(QopChallenge, "", "sip:r", "u", "p", "c", 1));
        Assert.Throws<ArgumentException>(() => DigestAuthenticator.Answer(QopChallenge, "REGISTER", "", "u", "p", "c", 1));
        Assert.Throws<ArgumentNullException>(() => DigestAuthenticator.Answer(QopChallenge, "REGISTER", "sip:r", null!, "p", "c", 1));
        Assert.Throws<ArgumentNullException>(() => DigestAuthenticator.Answer(QopChallenge, "REGISTER", "sip:r", "u", null!, "c", 1));
        Assert.Throws<ArgumentNullException>(() => DigestAuthenticator.Answer(QopChallenge, "REGISTER", "sip:r", "u", "p", null!, 1));
        Assert.Throws<ArgumentException>(() => DigestAuthenticator.Answer(QopChallenge, "REGISTER", "sip:r", "u", "p", "", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DigestAuthenticator.Answer(QopChallenge, "REGISTER", "sip:r", "u", "p", "c", 0));
        Assert.Throws<ArgumentException>(() => DigestAuthenticator.Answer(QopChallenge, "REGISTER", "sip:r", "u\r\nX: y", "p", "c", 1));
        Assert.Throws<ArgumentException>(() => DigestAuthenticator.Answer(QopChallenge, "REGISTER", "sip:r\n", "u", "p", "c", 1));
    }

    [Fact]
    public void Without_qop_the_cnonce_and_count_are_not_needed()
    {
        var answer = DigestAuthenticator.Answer(Parse("Digest realm=\"r\", nonce=\"n\""), "REGISTER", "sip:r", "u", "p", null!, 0);
        Assert.Equal(0, answer.NonceCount);
        Assert.Null(answer.Cnonce);
    }
}
