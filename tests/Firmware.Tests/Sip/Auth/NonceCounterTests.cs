// nc counts the uses of one nonce and starts again at 1 for a new one; header names pair up.
using DeskPhone.Firmware.Sip.Auth;

namespace DeskPhone.Firmware.Tests.Sip.Auth;

public class NonceCounterTests
{
    [Fact]
    public void The_same_nonce_counts_up_from_1()
    {
        var counter = new NonceCounter();
        Assert.Equal(0, counter.Count);
        Assert.Null(counter.Nonce);
        Assert.Equal(1, counter.Next("a"));
        Assert.Equal(2, counter.Next("a"));
        Assert.Equal(3, counter.Next("a"));
        Assert.Equal("a", counter.Nonce);
        Assert.Equal(3, counter.Count);
    }

    [Fact]
    public void A_new_nonce_starts_again_at_1_and_nonces_compare_exactly()
    {
        var counter = new NonceCounter();
        counter.Next("a");
        counter.Next("a");
        Assert.Equal(1, counter.Next("b"));
        Assert.Equal(1, counter.Next("B"));
        Assert.Equal(1, counter.Next("a"));
    }

    [Fact]
    public void Reset_forgets_the_nonce()
    {
        var counter = new NonceCounter();
        counter.Next("a");
        counter.Reset();
        Assert.Null(counter.Nonce);
        Assert.Equal(1, counter.Next("a"));
    }

    [Fact]
    public void A_null_nonce_is_a_caller_bug()
    {
        Assert.Throws<ArgumentNullException>(() => new NonceCounter().Next(null!));
    }

    [Fact]
    public void Counter_drives_successive_answers_to_one_challenge()
    {
        Assert.True(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\", qop=\"auth\"", out var challenge, out _));
        var counter = new NonceCounter();
        var first = DigestAuthenticator.Answer(challenge, "REGISTER", "sip:r", "u", "p", "c1", counter.Next(challenge.Nonce));
        var second = DigestAuthenticator.Answer(challenge, "REGISTER", "sip:r", "u", "p", "c2", counter.Next(challenge.Nonce));
        Assert.Equal("00000001", first.NonceCountText);
        Assert.Equal("00000002", second.NonceCountText);
    }

    [Theory]
    [InlineData("WWW-Authenticate", "Authorization")]
    [InlineData("www-authenticate", "Authorization")]
    [InlineData("Proxy-Authenticate", "Proxy-Authorization")]
    [InlineData("PROXY-AUTHENTICATE", "Proxy-Authorization")]
    [InlineData("Via", null)]
    [InlineData(null, null)]
    public void Each_challenge_header_has_its_answer_header(string? challengeHeader, string? answerHeader)
    {
        Assert.Equal(answerHeader, DigestHeaders.AnswerHeaderFor(challengeHeader!));
    }

    [Theory]
    [InlineData(401, "WWW-Authenticate")]
    [InlineData(407, "Proxy-Authenticate")]
    [InlineData(403, null)]
    public void Each_challenge_status_has_its_challenge_header(int status, string? header)
    {
        Assert.Equal(header, DigestHeaders.ChallengeHeaderFor(status));
    }
}
