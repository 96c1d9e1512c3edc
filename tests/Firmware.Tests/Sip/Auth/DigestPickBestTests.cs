// With several challenges in one 401/407 the phone answers the strongest it supports (RFC 8760 §2.4).
using DeskPhone.Firmware.Sip.Auth;

namespace DeskPhone.Firmware.Tests.Sip.Auth;

public class DigestPickBestTests
{
    private const string Sha = "Digest realm=\"office.example\", qop=\"auth\", algorithm=SHA-256, nonce=\"n1\"";
    private const string Md5 = "Digest realm=\"office.example\", qop=\"auth\", algorithm=MD5, nonce=\"n2\"";
    private const string Md5Sess = "Digest realm=\"office.example\", qop=\"auth\", algorithm=MD5-sess, nonce=\"n3\"";
    private const string Sha512 = "Digest realm=\"office.example\", qop=\"auth\", algorithm=SHA-512-256, nonce=\"n4\"";

    [Fact]
    public void SHA_256_listed_first_is_chosen_over_MD5()
    {
        Assert.Equal(DigestAlgorithm.Sha256, DigestChallenge.PickBest(new[] { Sha, Md5 })!.Algorithm);
    }

    [Fact]
    public void SHA_256_listed_after_MD5_is_still_chosen()
    {
        Assert.Equal("n1", DigestChallenge.PickBest(new[] { Md5, Sha })!.Nonce);
    }

    [Fact]
    public void An_unsupported_algorithm_is_skipped_not_fatal()
    {
        Assert.Equal(DigestAlgorithm.Sha256, DigestChallenge.PickBest(new[] { Sha512, Sha, Md5 })!.Algorithm);
    }

    [Fact]
    public void Equally_strong_challenges_keep_the_servers_order()
    {
        Assert.Equal("n3", DigestChallenge.PickBest(new[] { Md5Sess, Md5 })!.Nonce);
        Assert.Equal("n2", DigestChallenge.PickBest(new[] { Md5, Md5Sess })!.Nonce);
    }

    [Fact]
    public void Basic_and_broken_values_are_skipped()
    {
        var best = DigestChallenge.PickBest(new[] { "Basic realm=\"x\"", "Digest realm=\"r", Md5 });
        Assert.Equal("n2", best!.Nonce);
    }

    [Fact]
    public void Nothing_usable_gives_null_and_every_reason()
    {
        Assert.Null(DigestChallenge.PickBest(new[] { "Basic realm=\"x\"", Sha512 }));
        Assert.False(DigestChallenge.TryPickBest(new[] { "Basic realm=\"x\"", Sha512 }, null, out var best, out var reason));
        Assert.Null(best);
        Assert.Contains("scheme 'Basic' is not Digest", reason);
        Assert.Contains("algorithm 'SHA-512-256' is not supported", reason);
        Assert.Contains("; ", reason);
    }

    [Fact]
    public void No_values_at_all_is_not_an_error()
    {
        Assert.Null(DigestChallenge.PickBest(Array.Empty<string>()));
        Assert.Null(DigestChallenge.PickBest(null!));
        Assert.False(DigestChallenge.TryPickBest(null!, null, out _, out var reason));
        Assert.Equal("no challenge was offered", reason);
    }

    [Fact]
    public void A_realm_filter_picks_among_that_realms_challenges_only()
    {
        string other = "Digest realm=\"carrier.example\", qop=\"auth\", algorithm=SHA-256, nonce=\"c1\"";
        Assert.True(DigestChallenge.TryPickBest(new[] { other, Md5 }, "office.example", out var best, out _));
        Assert.Equal("n2", best!.Nonce);
        Assert.False(DigestChallenge.TryPickBest(new[] { other }, "office.example", out _, out var reason));
        Assert.Contains("realm 'carrier.example' skipped", reason);
    }
}
