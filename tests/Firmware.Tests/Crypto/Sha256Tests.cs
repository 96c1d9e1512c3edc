// SHA-256 gives the FIPS 180-4 / NIST example digests, including the million-'a' message.
using System.Text;
using DeskPhone.Firmware.Crypto;

namespace DeskPhone.Firmware.Tests.Crypto;

public class Sha256Tests
{
    // NIST "Examples with intermediate values" for FIPS 180 (SHA256.pdf, SHA2_Additional.pdf).
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
    public void NIST_example_digests_match(string message, string expected)
    {
        Assert.Equal(expected, Sha256.ComputeHex(message));
        Assert.Equal(expected, Sha256.ComputeHex(Encoding.ASCII.GetBytes(message)));
        Assert.Equal(expected, Hex.ToLower(Sha256.Compute(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void A_million_a_in_one_append_matches_the_NIST_digest()
    {
        var data = new byte[1_000_000];
        Array.Fill(data, (byte)'a');
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Sha256.ComputeHex(data));
    }

    [Fact]
    public void A_million_a_in_odd_sized_appends_matches_the_NIST_digest()
    {
        var chunk = new byte[997];
        Array.Fill(chunk, (byte)'a');
        var sha = new Sha256();
        int left = 1_000_000;
        while (left > 0)
        {
            int n = Math.Min(left, chunk.Length);
            sha.Append(chunk, 0, n);
            left -= n;
        }
        Assert.Equal(1_000_000, sha.Length);
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", sha.FinishHex());
    }

    [Fact]
    public void Finish_resets_so_one_instance_hashes_message_after_message()
    {
        var sha = new Sha256();
        sha.AppendUtf8("abc");
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha.FinishHex());
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", sha.FinishHex());
    }

    [Fact]
    public void Size_and_name_describe_SHA_256()
    {
        var sha = new Sha256();
        Assert.Equal(32, sha.HashSize);
        Assert.Equal("SHA-256", sha.Name);
    }
}
