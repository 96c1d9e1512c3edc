// Hostile or unusable challenges are refused with a clear reason and never throw.
using DeskPhone.Firmware.Sip.Auth;

namespace DeskPhone.Firmware.Tests.Sip.Auth;

public class DigestChallengeRejectTests
{
    private static string Refuse(string? value)
    {
        Assert.False(DigestChallenge.TryParse(value!, out var challenge, out var reason));
        Assert.Null(challenge);
        Assert.False(string.IsNullOrEmpty(reason));
        return reason;
    }

    [Theory]
    [InlineData(null, "header value is missing")]
    [InlineData("", "header value is empty")]
    [InlineData("   ", "header value is empty")]
    [InlineData("=realm", "does not start with an authentication scheme")]
    [InlineData("Basic realm=\"r\"", "scheme 'Basic' is not Digest")]
    [InlineData("Bearer realm=\"r\", nonce=\"n\"", "scheme 'Bearer' is not Digest")]
    [InlineData("Digestrealm=\"r\", nonce=\"n\"", "followed by '='")]
    [InlineData("Digest", "it has no realm")]
    [InlineData("Digest nonce=\"n\"", "it has no realm")]
    [InlineData("Digest realm=\"r\"", "it has no nonce")]
    [InlineData("Digest realm=\"r\", nonce=\"\"", "its nonce is empty")]
    [InlineData("Digest realm=\"r\", nonce=\"n", "parameter 'nonce' has no closing '\"'")]
    [InlineData("Digest realm=\"r, nonce=n", "parameter 'realm' has no closing '\"'")]
    [InlineData("Digest realm=\"r\", nonce=\"n\\", "parameter 'nonce' has no closing '\"'")]
    [InlineData("Digest realm=\"r\" nonce=\"n\"", "a ',' is missing after parameter 'realm'")]
    [InlineData("Digest realm=\"r\"nonce=\"n\"", "a ',' is missing after parameter 'realm'")]
    [InlineData("Digest realm=r nonce=n", "a ',' is missing after parameter 'realm'")]
    [InlineData("Digest realm=\"r\", realm=\"s\", nonce=\"n\"", "parameter 'realm' appears more than once")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", NONCE=\"m\"", "parameter 'NONCE' appears more than once")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", opaque=\"a\", opaque=\"b\"", "parameter 'opaque' appears more than once")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=MD5, algorithm=SHA-256", "parameter 'algorithm' appears more than once")]
    [InlineData("Digest realm", "parameter 'realm' has no '=' and value")]
    [InlineData("Digest realm=, nonce=\"n\"", "parameter 'realm' has an empty value")]
    [InlineData("Digest realm=", "parameter 'realm' has an empty value")]
    [InlineData("Digest realm=r\"x\", nonce=n", "stray '\"'")]
    [InlineData("Digest \"realm\"=\"r\"", "a parameter name is expected at '\"'")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", Digest realm=\"s\", nonce=\"m\"", "second challenge")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256", "algorithm 'SHA-512-256' is not supported")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=AKAv1-MD5", "algorithm 'AKAv1-MD5' is not supported")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"", "offers only auth-int")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int, x-other\"", "offers only auth-int")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\"x-other\"", "offers no option this phone implements")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess", "needs qop=auth")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256-sess", "needs qop=auth")]
    public void Bad_challenges_are_refused_with_a_reason(string? value, string expectedFragment)
    {
        Assert.Contains(expectedFragment, Refuse(value));
    }

    [Theory]
    [InlineData("Digest realm=\"r\", nonce=\"n\r\nVia: evil\"")]
    [InlineData("Digest realm=\"r\", nonce=\"n\nx\"")]
    [InlineData("Digest realm=\"r\u0000\", nonce=\"n\"")]
    [InlineData("Digest realm=\"r\", nonce=\"n\\\r\"")]
    [InlineData("Digest realm=\"r\", nonce=n\u0007x")]
    [InlineData("Digest realm=\"r\", opaque=\"\u007f\", nonce=\"n\"")]
    public void Control_characters_in_values_are_refused_so_they_are_never_echoed(string value)
    {
        Assert.Contains("contains a control character", Refuse(value));
    }

    [Fact]
    public void A_10_KB_nonce_is_refused_by_the_header_length_limit()
    {
        string reason = Refuse("Digest realm=\"r\", nonce=\"" + new string('x', 10 * 1024) + "\"");
        Assert.Contains("characters long; the limit is 4096", reason);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("")]
    public void A_value_over_1024_characters_is_refused_quoted_or_not(string quote)
    {
        string reason = Refuse("Digest realm=\"r\", nonce=" + quote + new string('x', 1025) + quote);
        Assert.Contains("parameter 'nonce' is longer than 1024 characters", reason);
    }

    [Fact]
    public void More_than_32_parameters_are_refused()
    {
        var parts = Enumerable.Range(0, 40).Select(i => $"x{i}=1");
        string reason = Refuse("Digest realm=\"r\", nonce=\"n\", " + string.Join(", ", parts));
        Assert.Contains("more than 32 parameters", reason);
    }

    [Fact]
    public void Reasons_show_hostile_text_shortened_and_printable()
    {
        string reason = Refuse("Digest realm=\"r\", nonce=\"n\", algorithm=\"" + new string('Z', 300) + "\u0001\"");
        Assert.DoesNotContain("\u0001", reason);
        Assert.True(reason.Length < 200, reason);
    }

    [Fact]
    public void Random_garbage_and_mutations_never_throw()
    {
        const string valid = "Digest realm=\"atlanta.com\", domain=\"sip:a.example\", qop=\"auth,auth-int\", nonce=\"f84f1cec\", opaque=\"\", stale=FALSE, algorithm=SHA-256";
        const string alphabet = "Digest realm=\"\\,; \t\r\nnonce=qopauth-intMD5SHA-256-sess\u0000\u00ff\u20ac\uD83D";
        var random = new Random(3261);
        int accepted = 0;
        for (int i = 0; i < 20000; i++)
        {
            string text;
            if (i % 2 == 0)
            {
                var chars = valid.ToCharArray();
                for (int k = random.Next(1, 4); k > 0; k--)
                {
                    chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                }
                text = new string(chars, 0, random.Next(chars.Length + 1));
            }
            else
            {
                var chars = new char[random.Next(0, 120)];
                for (int k = 0; k < chars.Length; k++)
                {
                    chars[k] = alphabet[random.Next(alphabet.Length)];
                }
                text = new string(chars);
            }
            bool ok = DigestChallenge.TryParse(text, out var challenge, out var reason);
            Assert.Equal(ok, challenge != null);
            Assert.Equal(ok, reason == null);
            if (ok)
            {
                accepted++;
                Assert.NotNull(challenge!.Realm);
                Assert.NotEmpty(challenge.Nonce);
                // Whatever was accepted can be answered and read back.
                string header = DigestAuthenticator.HeaderValue(challenge, "REGISTER", "sip:a.example", "u", "p", "c", 1);
                Assert.Equal(challenge.Nonce, AnswerReader.Read(header)["nonce"].Value);
            }
        }
        Assert.True(accepted > 100, $"only {accepted} mutations parsed; the fuzz is not exercising the happy path");
    }
}
