// Challenges as servers really write them parse into realm, nonce, opaque, algorithm, qop, stale and domain.
using DeskPhone.Firmware.Sip.Auth;

namespace DeskPhone.Firmware.Tests.Sip.Auth;

public class DigestChallengeParseTests
{
    private static DigestChallenge Parse(string value)
    {
        Assert.True(DigestChallenge.TryParse(value, out var challenge, out var reason), reason);
        Assert.Null(reason);
        return challenge;
    }

    [Fact]
    public void RFC_3261_WWW_Authenticate_example_parses_into_its_parts()
    {
        // RFC 3261 §20.44.
        var c = Parse("Digest realm=\"atlanta.com\",\r\n        domain=\"sip:boxesbybob.com\", qop=\"auth\",\r\n" +
                      "        nonce=\"f84f1cec41e6cbe5aea9c8e88d359\",\r\n        opaque=\"\", stale=FALSE, algorithm=MD5");
        Assert.Equal("atlanta.com", c.Realm);
        Assert.Equal("sip:boxesbybob.com", c.Domain);
        Assert.Equal("auth", c.QopOptions);
        Assert.True(c.UsesQopAuth);
        Assert.Equal("f84f1cec41e6cbe5aea9c8e88d359", c.Nonce);
        Assert.Equal("", c.Opaque);
        Assert.False(c.Stale);
        Assert.Equal(DigestAlgorithm.Md5, c.Algorithm);
        Assert.Equal("MD5", c.AlgorithmText);
    }

    [Fact]
    public void A_minimal_challenge_means_MD5_without_qop_and_without_opaque()
    {
        var c = Parse("Digest realm=\"office.example\", nonce=\"abc\"");
        Assert.Equal(DigestAlgorithm.Md5, c.Algorithm);
        Assert.Null(c.AlgorithmText);
        Assert.Null(c.QopOptions);
        Assert.False(c.UsesQopAuth);
        Assert.Null(c.Opaque);
        Assert.Null(c.Domain);
        Assert.False(c.Stale);
    }

    [Theory]
    [InlineData("MD5", DigestAlgorithm.Md5)]
    [InlineData("md5", DigestAlgorithm.Md5)]
    [InlineData("MD5-sess", DigestAlgorithm.Md5Sess)]
    [InlineData("MD5-SESS", DigestAlgorithm.Md5Sess)]
    [InlineData("SHA-256", DigestAlgorithm.Sha256)]
    [InlineData("sha-256", DigestAlgorithm.Sha256)]
    [InlineData("SHA-256-sess", DigestAlgorithm.Sha256Sess)]
    [InlineData("\"SHA-256\"", DigestAlgorithm.Sha256)]
    public void Algorithm_names_are_read_ignoring_case_and_quotes(string written, DigestAlgorithm expected)
    {
        var c = Parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=" + written);
        Assert.Equal(expected, c.Algorithm);
        Assert.Equal(written.Trim('"'), c.AlgorithmText);
    }

    [Theory]
    [InlineData("stale=TRUE", true)]
    [InlineData("stale=true", true)]
    [InlineData("stale=True", true)]
    [InlineData("stale=\"true\"", true)]
    [InlineData("stale=FALSE", false)]
    [InlineData("stale=yes", false)]
    [InlineData("x=1", false)]
    public void Stale_is_true_only_for_TRUE_in_any_case(string param, bool stale)
    {
        Assert.Equal(stale, Parse("Digest realm=\"r\", nonce=\"n\", " + param).Stale);
    }

    [Theory]
    [InlineData("DIGEST REALM=\"r\", NONCE=\"n\", QOP=\"AUTH\"")]
    [InlineData("digest Realm=\"r\",Nonce=\"n\",Qop=\"auth\"")]
    [InlineData("  Digest \t realm = \"r\" ,\t nonce\t=\t\"n\" , qop = \"auth\"  ")]
    [InlineData("Digest realm=r, nonce=n, qop=auth")]
    [InlineData("Digest ,, realm=\"r\",, nonce=\"n\", qop=\"auth\",")]
    [InlineData("Digest realm=\"r\",\r\n nonce=\"n\",\r\n\tqop=\"auth\"")]
    [InlineData("Digest qop=\"auth\", nonce=\"n\", realm=\"r\"")]
    public void Whitespace_case_order_and_token_values_are_tolerated(string value)
    {
        var c = Parse(value);
        Assert.Equal("r", c.Realm);
        Assert.Equal("n", c.Nonce);
        Assert.True(c.UsesQopAuth);
    }

    [Fact]
    public void Unknown_parameters_are_skipped_even_when_quoted_with_commas_inside()
    {
        var c = Parse("Digest userhash=true, charset=UTF-8, realm=\"r\", x-note=\"a, b = c\", nonce=\"n\", x-flag=1, x-flag=2");
        Assert.Equal("r", c.Realm);
        Assert.Equal("n", c.Nonce);
    }

    [Fact]
    public void Quoted_pairs_are_unescaped()
    {
        var c = Parse("Digest realm=\"say \\\"hi\\\" \\\\ there\", nonce=\"a\\bc\"");
        Assert.Equal("say \"hi\" \\ there", c.Realm);
        Assert.Equal("abc", c.Nonce);
    }

    [Fact]
    public void Base64_nonces_with_slashes_and_equals_are_kept_whole_even_unquoted()
    {
        var c = Parse("Digest realm=\"r\", nonce=Zm9v/YmFy+cXV4==, opaque=\"a/b=\"");
        Assert.Equal("Zm9v/YmFy+cXV4==", c.Nonce);
        Assert.Equal("a/b=", c.Opaque);
    }

    [Theory]
    [InlineData("auth,auth-int")]
    [InlineData("auth-int, auth")]
    [InlineData(" auth ")]
    [InlineData("AUTH")]
    [InlineData("x-future,auth")]
    public void Qop_auth_is_chosen_from_a_list(string qop)
    {
        var c = Parse("Digest realm=\"r\", nonce=\"n\", qop=\"" + qop + "\"");
        Assert.True(c.UsesQopAuth);
        Assert.Equal(qop, c.QopOptions);
    }

    [Fact]
    public void An_empty_qop_is_answered_in_the_RFC_2069_form()
    {
        Assert.False(Parse("Digest realm=\"r\", nonce=\"n\", qop=\"\"").UsesQopAuth);
    }

    [Fact]
    public void An_empty_realm_is_legal_and_kept()
    {
        Assert.Equal("", Parse("Digest realm=\"\", nonce=\"n\"").Realm);
    }

    [Fact]
    public void Non_ASCII_realms_are_kept()
    {
        Assert.Equal("büro.example", Parse("Digest realm=\"büro.example\", nonce=\"n\"").Realm);
    }

    [Fact]
    public void Values_up_to_the_limit_are_accepted()
    {
        string nonce = new('n', 1024);
        Assert.Equal(nonce, Parse("Digest realm=\"r\", nonce=\"" + nonce + "\"").Nonce);
    }
}
