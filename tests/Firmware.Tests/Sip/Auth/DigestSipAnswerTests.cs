// SIP answers (REGISTER, INVITE) with qop=auth, without qop, and in the -sess variants match independent computations.
using DeskPhone.Firmware.Sip.Auth;

namespace DeskPhone.Firmware.Tests.Sip.Auth;

public class DigestSipAnswerTests
{
    private const string Nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";

    private static DigestChallenge Parse(string value)
    {
        Assert.True(DigestChallenge.TryParse(value, out var challenge, out var reason), reason);
        return challenge;
    }

    // Expected values computed outside .NET (Python hashlib) from the RFC 7616 formulas.
    [Theory]
    [InlineData("MD5", true, "9e2d1006810044fd79f39476209ae31a")]
    [InlineData("MD5", false, "4441045a8075db3ead543693997e2a0e")]
    [InlineData("MD5-sess", true, "d20652dbd76d31d860900c50052719f5")]
    [InlineData("SHA-256", true, "93e0e23c30bf2e3b139a3410a7edc9a5b15b1cfd8fd557ca8ee303e4372339a1")]
    [InlineData("SHA-256", false, "10503915e86126c221a99ecec4bd61ed6a5f0c1bac8125b5df9db47ab06503c1")]
    [InlineData("SHA-256-sess", true, "c7a3482824c9edb1f43c541a2b65b28ac79600c0718ae1c33ad53facdeb09577")]
    public void REGISTER_answers_match_precomputed_responses(string algorithm, bool qop, string expected)
    {
        var challenge = Parse($"Digest realm=\"biloxi.com\", nonce=\"{Nonce}\", algorithm={algorithm}" + (qop ? ", qop=\"auth\"" : ""));
        var answer = DigestAuthenticator.Answer(challenge, "REGISTER", "sip:biloxi.com", "bob", "zanzibar", "0a4f113b", 1);
        Assert.Equal(expected, answer.Response);
        Assert.Equal(expected, ReferenceDigest.Response(algorithm, qop ? "auth" : null, "bob", "biloxi.com", "zanzibar",
            "REGISTER", "sip:biloxi.com", Nonce, "0a4f113b", 1));
    }

    [Fact]
    public void REGISTER_with_qop_writes_every_part_in_order()
    {
        var challenge = Parse("Digest realm=\"biloxi.com\", qop=\"auth\", nonce=\"" + Nonce + "\", opaque=\"\", stale=FALSE, algorithm=MD5");
        string header = DigestAuthenticator.HeaderValue(challenge, "REGISTER", "sip:biloxi.com", "bob", "zanzibar", "0a4f113b", 1);
        Assert.Equal(
            "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"" + Nonce + "\", uri=\"sip:biloxi.com\", " +
            "response=\"9e2d1006810044fd79f39476209ae31a\", algorithm=MD5, cnonce=\"0a4f113b\", opaque=\"\", qop=auth, nc=00000001",
            header);
    }

    [Fact]
    public void REGISTER_without_qop_uses_the_RFC_2069_form_with_no_cnonce_or_nc()
    {
        var challenge = Parse("Digest realm=\"biloxi.com\", nonce=\"" + Nonce + "\"");
        Assert.False(challenge.UsesQopAuth);
        var answer = DigestAuthenticator.Answer(challenge, "REGISTER", "sip:biloxi.com", "bob", "zanzibar", "ignored", 0);
        Assert.Equal(
            "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"" + Nonce + "\", uri=\"sip:biloxi.com\", " +
            "response=\"4441045a8075db3ead543693997e2a0e\"",
            answer.ToHeaderValue());
        Assert.Null(answer.Qop);
        Assert.Null(answer.Cnonce);
        Assert.Null(answer.NonceCountText);
        Assert.Null(answer.Opaque);
        Assert.Null(answer.AlgorithmText);
    }

    [Fact]
    public void INVITE_through_a_proxy_answers_with_the_request_method_and_uri()
    {
        var challenge = Parse("Digest realm=\"atlanta.com\", domain=\"sip:ss1.carrier.com\", qop=\"auth\", " +
                              "nonce=\"f84f1cec41e6cbe5aea9c8e88d359\", opaque=\"\", stale=FALSE, algorithm=MD5");
        var answer = DigestAuthenticator.Answer(challenge, "INVITE", "sip:bob@biloxi.com", "alice", "secret", "a7f3c9", 1);
        Assert.Equal("ab5dbbfadda8f44952fc39956329b787", answer.Response);
    }

    [Fact]
    public void A_reused_nonce_with_nc_2_changes_the_response()
    {
        var challenge = Parse("Digest realm=\"biloxi.com\", qop=\"auth\", nonce=\"" + Nonce + "\"");
        var answer = DigestAuthenticator.Answer(challenge, "REGISTER", "sip:biloxi.com", "bob", "zanzibar", "0a4f113b", 2);
        Assert.Equal("bef6c26ce562c084baeb1c500569a239", answer.Response);
        Assert.Equal("00000002", answer.NonceCountText);
    }

    [Fact]
    public void Non_ASCII_username_and_password_are_hashed_as_UTF_8()
    {
        var challenge = Parse("Digest realm=\"atlanta.com\", qop=\"auth\", nonce=\"n1\", algorithm=SHA-256");
        var answer = DigestAuthenticator.Answer(challenge, "REGISTER", "sip:atlanta.com", "zoë", "pässwörd", "c1", 1);
        Assert.Equal("cb290ed9909367ef656367b8da173763379f3452da5252965d95082a679326b7", answer.Response);
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("MD5-sess")]
    [InlineData("SHA-256")]
    [InlineData("SHA-256-sess")]
    [InlineData("md5-SESS")]
    [InlineData("sha-256-Sess")]
    public void Every_algorithm_matches_the_BCL_reference_over_many_inputs(string algorithm)
    {
        var random = new Random(8760);
        for (int i = 0; i < 50; i++)
        {
            string realm = RandomText(random, 1, 20);
            string nonce = RandomText(random, 1, 60);
            string user = RandomText(random, 0, 12);
            string password = RandomText(random, 0, 30);
            string cnonce = RandomText(random, 1, 24);
            int nc = random.Next(1, 1000);
            var challenge = Parse($"Digest realm=\"{realm}\", nonce=\"{nonce}\", qop=\"auth\", algorithm={algorithm}");
            var answer = DigestAuthenticator.Answer(challenge, "REGISTER", "sip:" + realm, user, password, cnonce, nc);
            Assert.Equal(ReferenceDigest.Response(algorithm, "auth", user, realm, password, "REGISTER", "sip:" + realm, nonce, cnonce, nc),
                answer.Response);
            Assert.Equal(algorithm, answer.AlgorithmText);
        }
    }

    [Fact]
    public void Sess_HA1_depends_on_the_cnonce()
    {
        var challenge = Parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=MD5-sess");
        var a = DigestAuthenticator.Answer(challenge, "REGISTER", "sip:r", "u", "p", "c1", 1);
        var b = DigestAuthenticator.Answer(challenge, "REGISTER", "sip:r", "u", "p", "c2", 1);
        Assert.NotEqual(a.Response, b.Response);
        Assert.Equal(ReferenceDigest.Response("MD5-sess", "auth", "u", "r", "p", "REGISTER", "sip:r", "n", "c2", 1), b.Response);
    }

    private static string RandomText(Random random, int min, int max)
    {
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=.-_@ éß";
        var text = new char[random.Next(min, max + 1)];
        for (int i = 0; i < text.Length; i++)
        {
            text[i] = chars[random.Next(chars.Length)];
        }
        return new string(text);
    }
}
