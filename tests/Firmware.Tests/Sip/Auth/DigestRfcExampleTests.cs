// The worked examples of RFC 7616 §3.9.1 (MD5 and SHA-256) and RFC 2617 §3.5 give the published responses.
using DeskPhone.Firmware.Sip.Auth;

namespace DeskPhone.Firmware.Tests.Sip.Auth;

public class DigestRfcExampleTests
{
    // RFC 7616 §3.9.1: user "Mufasa", password "Circle of Life" (lower-case "of", erratum 4495), GET /dir/index.html.
    private const string Nonce7616 = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Opaque7616 = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private const string Cnonce7616 = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private static string Challenge7616(string algorithm) =>
        "Digest\n       realm=\"http-auth@example.org\",\n       qop=\"auth, auth-int\",\n       algorithm=" + algorithm +
        ",\n       nonce=\"" + Nonce7616 + "\",\n       opaque=\"" + Opaque7616 + "\"";

    private static DigestChallenge Parse(string value)
    {
        Assert.True(DigestChallenge.TryParse(value, out var challenge, out var reason), reason);
        return challenge;
    }

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void RFC_7616_Mufasa_example_gives_the_published_response(string algorithm, string expected)
    {
        var challenge = Parse(Challenge7616(algorithm));
        Assert.True(challenge.UsesQopAuth);

        var answer = DigestAuthenticator.Answer(challenge, "GET", "/dir/index.html", "Mufasa", "Circle of Life", Cnonce7616, 1);

        Assert.Equal(expected, answer.Response);
        var p = AnswerReader.Read(answer.ToHeaderValue());
        Assert.Equal(new AnswerParam("Mufasa", true), p["username"]);
        Assert.Equal(new AnswerParam("http-auth@example.org", true), p["realm"]);
        Assert.Equal(new AnswerParam("/dir/index.html", true), p["uri"]);
        Assert.Equal(new AnswerParam(algorithm, false), p["algorithm"]);
        Assert.Equal(new AnswerParam(Nonce7616, true), p["nonce"]);
        Assert.Equal(new AnswerParam("00000001", false), p["nc"]);
        Assert.Equal(new AnswerParam(Cnonce7616, true), p["cnonce"]);
        Assert.Equal(new AnswerParam("auth", false), p["qop"]);
        Assert.Equal(new AnswerParam(expected, true), p["response"]);
        Assert.Equal(new AnswerParam(Opaque7616, true), p["opaque"]);
        Assert.Equal(10, p.Count);
    }

    [Fact]
    public void RFC_2617_Mufasa_example_gives_the_published_response_and_header()
    {
        // RFC 2617 §3.5: password "Circle Of Life" (capital O); the challenge names no algorithm.
        var challenge = Parse("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", " +
                              "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        Assert.Equal(DigestAlgorithm.Md5, challenge.Algorithm);
        Assert.Null(challenge.AlgorithmText);

        string header = DigestAuthenticator.HeaderValue(challenge, "GET", "/dir/index.html", "Mufasa", "Circle Of Life", "0a4f113b", 1);

        Assert.Equal(
            "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", " +
            "uri=\"/dir/index.html\", response=\"6629fae49393a05397450978507c4ef1\", cnonce=\"0a4f113b\", " +
            "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", qop=auth, nc=00000001",
            header);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void ComputeResponse_alone_reproduces_RFC_7616(DigestAlgorithm algorithm, string expected)
    {
        Assert.Equal(expected, DigestAuthenticator.ComputeResponse(algorithm, true, "http-auth@example.org", Nonce7616,
            "GET", "/dir/index.html", "Mufasa", "Circle of Life", Cnonce7616, 1));
    }
}
