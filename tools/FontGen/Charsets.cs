// Re-keys a PCF font's glyphs from its own encoding (JIS X 0208, JIS X 0201, ISO 8859-1) to Unicode.
using System.Text;

namespace DeskPhone.FontGen;

/// <summary>
/// Maps the code of each glyph to its Unicode code point, by the font's CHARSET_REGISTRY and
/// CHARSET_ENCODING properties. JIS X 0208 goes through .NET's EUC-JP decoder (code page 51932:
/// row/cell plus 0x80 in each byte); JIS X 0201 is ASCII with yen and overline, and half-width
/// katakana at 0xA1-0xDF; ISO 8859-1 and ISO 10646-1 are already Unicode.
/// </summary>
public static class Charsets
{
    /// <summary>
    /// Code points that name the same JIS X 0208 character as the one EUC-JP (51932) decodes to:
    /// .NET follows Microsoft's table (U+FF5E, U+2225, U+FF0D), while Apple, glibc and the JIS0208
    /// table of the Unicode Consortium give U+301C, U+2016, U+2212. A caller name can come with either.
    /// </summary>
    private static readonly (int Jis, int CodePoint)[] JisAliases =
    {
        (0x2141, 0x301C),   // WAVE DASH (decoded as FULLWIDTH TILDE)
        (0x2142, 0x2016),   // DOUBLE VERTICAL LINE (decoded as PARALLEL TO)
        (0x215D, 0x2212),   // MINUS SIGN (decoded as FULLWIDTH HYPHEN-MINUS)
    };

    /// <summary>The charset of a PCF font as "REGISTRY-ENCODING" ("JISX0208.1990-0"), "" when the font does not say.</summary>
    public static string Of(PcfFont font)
    {
        font.Props.TryGetValue("CHARSET_REGISTRY", out var registry);
        font.Props.TryGetValue("CHARSET_ENCODING", out var encoding);
        return registry == null ? "" : registry + "-" + (encoding ?? "");
    }

    /// <summary>The font's glyphs keyed by Unicode code point; glyphs with no Unicode equivalent are left out.</summary>
    public static SortedDictionary<int, PcfGlyph> ToUnicode(PcfFont font)
    {
        string charset = Of(font).ToUpperInvariant();
        var result = new SortedDictionary<int, PcfGlyph>();
        if (charset.StartsWith("JISX0208"))
        {
            var euc = EucJp();
            foreach (var (code, glyph) in font.Glyphs)
            {
                int cp = Jis0208ToUnicode(euc, code);
                if (cp >= 0) result.TryAdd(cp, glyph with { CodePoint = cp });
            }
            foreach (var (jis, cp) in JisAliases)
            {
                if (font.Glyphs.TryGetValue(jis, out var glyph)) result.TryAdd(cp, glyph with { CodePoint = cp });
            }
        }
        else if (charset.StartsWith("JISX0201"))
        {
            foreach (var (code, glyph) in font.Glyphs)
            {
                int cp = Jis0201ToUnicode(code);
                if (cp >= 0) result.TryAdd(cp, glyph with { CodePoint = cp });
            }
        }
        else if (charset == "" || charset.StartsWith("ISO8859-1") || charset.StartsWith("ISO10646"))
        {
            foreach (var (code, glyph) in font.Glyphs) result.TryAdd(code, glyph);
        }
        else
        {
            throw new NotSupportedException("fonts in charset " + Of(font) + " cannot be mapped to Unicode yet");
        }
        return result;
    }

    /// <summary>Unicode for JIS X 0208 row/cell code <paramref name="code"/> (0x2121-0x7E7E), -1 when it has none.</summary>
    public static int Jis0208ToUnicode(Encoding eucJp, int code)
    {
        int hi = code >> 8, lo = code & 0xFF;
        if (hi < 0x21 || hi > 0x7E || lo < 0x21 || lo > 0x7E) return -1;
        try
        {
            string s = eucJp.GetString(new[] { (byte)(hi | 0x80), (byte)(lo | 0x80) });
            return s.Length == 1 && !char.IsSurrogate(s[0]) ? s[0] : -1;
        }
        catch (DecoderFallbackException)
        {
            return -1;
        }
    }

    /// <summary>Unicode for JIS X 0201 byte <paramref name="code"/>, -1 for controls and unassigned bytes.</summary>
    public static int Jis0201ToUnicode(int code)
    {
        if (code == 0x5C) return 0x00A5;                  // YEN SIGN
        if (code == 0x7E) return 0x203E;                  // OVERLINE
        if (code >= 0x20 && code < 0x7F) return code;
        if (code >= 0xA1 && code <= 0xDF) return 0xFF61 + (code - 0xA1);   // half-width katakana
        return -1;
    }

    /// <summary>EUC-JP that throws on bytes it cannot decode (so unmapped cells are skipped, not drawn as '?').</summary>
    public static Encoding EucJp()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(51932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
