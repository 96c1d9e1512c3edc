// Md5 and Sha256 agree with System.Security.Cryptography on random inputs of every length 0..300, whole and chunked.
using System.Security.Cryptography;
using System.Text;
using DeskPhone.Firmware.Crypto;

namespace DeskPhone.Firmware.Tests.Crypto;

public class HashAgainstBclTests
{
    public static IEnumerable<object[]> Algorithms()
    {
        yield return new object[] { "MD5" };
        yield return new object[] { "SHA-256" };
    }

    private static BlockDigest Create(string name) => name == "MD5" ? new Md5() : new Sha256();

    private static byte[] Reference(string name, byte[] data) => name == "MD5" ? MD5.HashData(data) : SHA256.HashData(data);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Every_length_from_0_to_300_matches_the_BCL_in_one_append(string name)
    {
        var random = new Random(1321);
        var hash = Create(name);
        for (int length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            hash.Append(data, 0, data.Length);
            Assert.True(Reference(name, data).AsSpan().SequenceEqual(hash.Finish()), $"{name}, length {length}");
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Every_length_from_0_to_300_matches_the_BCL_in_random_chunks(string name)
    {
        var random = new Random(1804);
        var hash = Create(name);
        for (int length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            int pos = 0;
            while (pos < length)
            {
                int n = Math.Min(length - pos, random.Next(0, 80));
                hash.Append(data, pos, n);
                pos += n;
            }
            Assert.True(Reference(name, data).AsSpan().SequenceEqual(hash.Finish()), $"{name}, length {length}");
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Appending_from_an_offset_inside_a_larger_array_hashes_only_that_slice(string name)
    {
        var random = new Random(7);
        var big = new byte[500];
        random.NextBytes(big);
        var hash = Create(name);
        hash.Append(big, 123, 200);
        Assert.Equal(Reference(name, big.AsSpan(123, 200).ToArray()), hash.Finish());
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void AppendUtf8_matches_Encoding_UTF8_including_surrogates(string name)
    {
        string[] texts =
        {
            "", "plain ASCII", "Zoë Ångström", "電話機", "emoji \U0001F4DE call", "lone high \uD83D end", "lone low \uDC1E",
            "ends in high \uD83D", "\u0080\u07FF\u0800\uFFFF", new string('é', 100),
        };
        var hash = Create(name);
        foreach (var text in texts)
        {
            hash.AppendUtf8(text);
            Assert.True(Reference(name, Encoding.UTF8.GetBytes(text)).AsSpan().SequenceEqual(hash.Finish()), text);
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Appending_a_megabyte_allocates_nothing(string name)
    {
        var data = new byte[4096];
        var hash = Create(name);
        hash.Append(data, 0, data.Length);
        hash.AppendUtf8("warm-up");
        hash.Finish(new byte[32], 0);

        Assert.Equal(0, Allocations.Steady(() =>
        {
            for (int i = 0; i < 256; i++)
            {
                hash.Append(data, i % 7, data.Length - 7);
            }
            hash.AppendUtf8("Zoë \U0001F4DE");
        }));
    }

    [Fact]
    public void Bad_slices_are_caller_bugs_and_throw()
    {
        var md5 = new Md5();
        Assert.Throws<ArgumentNullException>(() => md5.Append(null!, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => md5.Append(new byte[4], -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => md5.Append(new byte[4], 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => md5.Finish(new byte[16], 1));
    }

    [Fact]
    public void Hex_is_lowercase_two_digits_per_byte()
    {
        Assert.Equal("", Hex.ToLower(Array.Empty<byte>()));
        Assert.Equal("000fa0ff", Hex.ToLower(new byte[] { 0x00, 0x0f, 0xa0, 0xff }));
        Assert.Equal("0fa0", Hex.ToLower(new byte[] { 0x00, 0x0f, 0xa0, 0xff }, 1, 2));
    }
}
