// MD5 gives the RFC 1321 §A.5 test-suite digests, one-shot and incrementally.
using System.Text;
using DeskPhone.Firmware.Crypto;

namespace DeskPhone.Firmware.Tests.Crypto;

public class Md5Tests
{
    // RFC 1321, Appendix A.5 ("test suite").
    [Theory]
    [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("a", "0cc175b9c0f1b6a831c399e269772661")]
    [InlineData("abc", "900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("message digest", "f96b697d7cb7938d525a2f31aaf161d0")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a")]
    public void RFC_1321_test_suite_digests_match(string message, string expected)
    {
        Assert.Equal(expected, Md5.ComputeHex(message));
        Assert.Equal(expected, Md5.ComputeHex(Encoding.ASCII.GetBytes(message)));
        Assert.Equal(expected, Hex.ToLower(Md5.Compute(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void Feeding_the_suite_one_byte_at_a_time_gives_the_same_digest()
    {
        var md5 = new Md5();
        foreach (byte b in Encoding.ASCII.GetBytes("message digest"))
        {
            md5.Append(new[] { b }, 0, 1);
        }
        Assert.Equal("f96b697d7cb7938d525a2f31aaf161d0", md5.FinishHex());
    }

    [Fact]
    public void Finish_resets_so_one_instance_hashes_message_after_message()
    {
        var md5 = new Md5();
        md5.AppendUtf8("abc");
        Assert.Equal("900150983cd24fb0d6963f7d28e17f72", md5.FinishHex());
        Assert.Equal(0, md5.Length);
        md5.AppendUtf8("a");
        Assert.Equal("0cc175b9c0f1b6a831c399e269772661", md5.FinishHex());
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", md5.FinishHex());
    }

    [Fact]
    public void Reset_discards_what_was_appended()
    {
        var md5 = new Md5();
        md5.AppendUtf8(new string('x', 100));
        md5.Reset();
        md5.AppendUtf8("abc");
        Assert.Equal("900150983cd24fb0d6963f7d28e17f72", md5.FinishHex());
    }

    [Fact]
    public void Finish_into_a_caller_buffer_writes_at_the_offset_only()
    {
        var md5 = new Md5();
        md5.AppendUtf8("abc");
        var output = new byte[20];
        md5.Finish(output, 2);
        Assert.Equal(0, output[0]);
        Assert.Equal(0, output[1]);
        Assert.Equal("900150983cd24fb0d6963f7d28e17f72", Hex.ToLower(output, 2, 16));
        Assert.Equal(0, output[18]);
    }

    [Fact]
    public void Size_and_name_describe_MD5()
    {
        var md5 = new Md5();
        Assert.Equal(16, md5.HashSize);
        Assert.Equal("MD5", md5.Name);
        Assert.Equal(64, BlockDigest.BlockSize);
    }
}
