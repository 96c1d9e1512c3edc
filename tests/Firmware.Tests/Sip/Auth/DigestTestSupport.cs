// Test helpers: an independent digest computation with System.Security.Cryptography and a reader for answer headers.
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DeskPhone.Firmware.Tests.Sip.Auth;

/// <summary>Digest responses computed straight from the RFC 7616 formulas with the BCL hashes.</summary>
internal static class ReferenceDigest
{
    public static string H(string algorithm, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        byte[] hash = algorithm.StartsWith("SHA-256", StringComparison.OrdinalIgnoreCase) ? SHA256.HashData(bytes) : MD5.HashData(bytes);
        return Convert.ToHexStringLower(hash);
    }

    public static string Response(string algorithm, string? qop, string username, string realm, string password,
        string method, string uri, string nonce, string cnonce, int nc)
    {
        string ha1 = H(algorithm, $"{username}:{realm}:{password}");
        if (algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase))
        {
            ha1 = H(algorithm, $"{ha1}:{nonce}:{cnonce}");
        }
        string ha2 = H(algorithm, $"{method}:{uri}");
        return qop == null
            ? H(algorithm, $"{ha1}:{nonce}:{ha2}")
            : H(algorithm, $"{ha1}:{nonce}:{nc:x8}:{cnonce}:{qop}:{ha2}");
    }
}

/// <summary>One parameter of a written Authorization value: its text and whether it was quoted.</summary>
internal sealed record AnswerParam(string Value, bool Quoted);

/// <summary>Reads "Digest a="x", b=y" written by DigestAnswer, strictly: every parameter once, commas between.</summary>
internal static class AnswerReader
{
    private static readonly Regex Param = new("\\G(?:, )?([a-z]+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\",\\s]+))", RegexOptions.CultureInvariant);

    public static Dictionary<string, AnswerParam> Read(string header)
    {
        Assert.StartsWith("Digest ", header);
        var result = new Dictionary<string, AnswerParam>();
        int pos = "Digest ".Length;
        while (pos < header.Length)
        {
            Match m = Param.Match(header, pos);
            Assert.True(m.Success, $"cannot read the answer at {pos}: {header}");
            string name = m.Groups[1].Value;
            bool quoted = m.Groups[2].Success;
            string value = quoted ? Regex.Replace(m.Groups[2].Value, "\\\\(.)", "$1") : m.Groups[3].Value;
            Assert.False(result.ContainsKey(name), $"{name} written twice: {header}");
            result[name] = new AnswerParam(value, quoted);
            pos = m.Index + m.Length;
        }
        return result;
    }
}
