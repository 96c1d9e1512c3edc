// Glyphs read straight from Debian's PCF font files, by a reader of the tests' own, to check the firmware's tables against.
using System.IO.Compression;
using System.Text;

namespace DeskPhone.Firmware.Tests.Display;

/// <summary>
/// A PCF bitmap font as X.Org's format description lays it out, read independently of tools/FontGen
/// (and of its JIS mapping: here Unicode is encoded to JIS, there JIS is decoded to Unicode), so a
/// mistake in either shows as a difference. Cells are font-ascent + font-descent rows high and as
/// wide as the glyph's advance.
/// </summary>
public sealed class DebianFontFile
{
    public const string MiscFonts = "/usr/share/fonts/X11/misc";

    private static readonly Dictionary<string, DebianFontFile> Cache = new();

    private readonly Dictionary<int, int> _glyphOfCode = new();
    private readonly List<(int Lsb, int Rsb, int Width, int Ascent, int Descent)> _metrics = new();
    private readonly List<bool[,]> _bitmaps = new();

    public int Ascent { get; private set; }
    public int Descent { get; private set; }
    public int Height => Ascent + Descent;
    public string Charset { get; private set; } = "";

    /// <summary>Shinonome Gothic 12x12 (JIS X 0208), 6x12 Latin (ISO 8859-1) and 6x12 JIS X 0201 (half-width kana).</summary>
    public static DebianFontFile Kanji12 => Load("shnmk12");
    public static DebianFontFile Latin6x12 => Load("shnm6x12a");
    public static DebianFontFile Kana6x12 => Load("shnm6x12r");
    public static DebianFontFile Fixed6x10 => Load("6x10");

    public static DebianFontFile Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var f))
            {
                string path = Path.Combine(MiscFonts, name + ".pcf.gz");
                Assert.True(File.Exists(path), path + " is missing: run tools/setup/install-packages.sh (xfonts-base, xfonts-shinonome)");
                Cache[name] = f = new DebianFontFile(Gunzip(File.ReadAllBytes(path)));
            }
            return f;
        }
    }

    /// <summary>The cell of the glyph for Unicode <paramref name="codePoint"/>: [row, column], or null when the font has none.</summary>
    public bool[,]? Cell(int codePoint)
    {
        int code = CodeFor(codePoint);
        if (code < 0 || !_glyphOfCode.TryGetValue(code, out int g)) return null;
        var m = _metrics[g];
        var cell = new bool[Height, m.Width];
        var ink = _bitmaps[g];
        for (int r = 0; r < ink.GetLength(0); r++)
            for (int c = 0; c < ink.GetLength(1); c++)
            {
                int x = m.Lsb + c, y = Ascent - m.Ascent + r;
                if (ink[r, c] && x >= 0 && x < m.Width && y >= 0 && y < Height) cell[y, x] = true;
            }
        return cell;
    }

    /// <summary>The font's own code for a Unicode character: JIS row/cell through the EUC-JP encoder, JIS X 0201, or Latin-1/UCS as is.</summary>
    private int CodeFor(int codePoint)
    {
        if (Charset.StartsWith("JISX0208"))
        {
            byte[] euc;
            try { euc = EucJp.GetBytes(char.ConvertFromUtf32(codePoint)); }
            catch (EncoderFallbackException) { return -1; }
            return euc.Length == 2 ? ((euc[0] & 0x7F) << 8) | (euc[1] & 0x7F) : -1;
        }
        if (Charset.StartsWith("JISX0201")) return codePoint >= 0xFF61 && codePoint <= 0xFF9F ? codePoint - 0xFF61 + 0xA1 : codePoint < 0x7F && codePoint != 0x5C && codePoint != 0x7E ? codePoint : -1;
        return codePoint;
    }

    private static readonly Encoding EucJp = MakeEucJp();

    private static Encoding MakeEucJp()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("euc-jp", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static byte[] Gunzip(byte[] data)
    {
        if (data[0] != 0x1F || data[1] != 0x8B) return data;
        using var z = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var o = new MemoryStream();
        z.CopyTo(o);
        return o.ToArray();
    }

    // ---- the PCF file: a table of contents, then tables, each starting with its own format word ----

    private const int TProperties = 1, TAccelerators = 2, TMetrics = 4, TBitmaps = 8, TEncodings = 32, TBdfAccelerators = 256;

    private DebianFontFile(byte[] pcf)
    {
        Assert.Equal("\u0001fcp", Encoding.ASCII.GetString(pcf, 0, 4));
        var toc = new Dictionary<int, int>();
        int tables = BitConverter.ToInt32(pcf, 4);
        for (int t = 0; t < tables; t++) toc[BitConverter.ToInt32(pcf, 8 + 16 * t)] = BitConverter.ToInt32(pcf, 8 + 16 * t + 12);

        ReadCharset(new Table(pcf, toc[TProperties]));
        var accel = new Table(pcf, toc.ContainsKey(TBdfAccelerators) ? toc[TBdfAccelerators] : toc[TAccelerators]);
        accel.Skip(8);
        Ascent = accel.Int();
        Descent = accel.Int();

        var metrics = new Table(pcf, toc[TMetrics]);
        bool compressed = (metrics.Format & 0xFFFFFF00) == 0x100;
        int n = compressed ? metrics.Short() : metrics.Int();
        for (int i = 0; i < n; i++)
        {
            if (compressed)
                _metrics.Add((metrics.Byte() - 0x80, metrics.Byte() - 0x80, metrics.Byte() - 0x80, metrics.Byte() - 0x80, metrics.Byte() - 0x80));
            else
            {
                var m = (metrics.Short(), metrics.Short(), metrics.Short(), metrics.Short(), metrics.Short());
                metrics.Skip(2);
                _metrics.Add(m);
            }
        }

        var bits = new Table(pcf, toc[TBitmaps]);
        int count = bits.Int();
        var offsets = new int[count];
        for (int i = 0; i < count; i++) offsets[i] = bits.Int();
        var sizes = new[] { bits.Int(), bits.Int(), bits.Int(), bits.Int() };
        int data = bits.At;
        int pad = 1 << (bits.Format & 3);
        int unit = 1 << ((bits.Format >> 4) & 3);
        bool msbBit = (bits.Format & 8) != 0;
        bool msbByte = (bits.Format & 4) != 0;
        for (int g = 0; g < count; g++)
        {
            var (lsb, rsb, _, asc, desc) = _metrics[g];
            int w = rsb - lsb, h = asc + desc;
            int stride = ((w + 7) / 8 + pad - 1) / pad * pad;
            var ink = new bool[Math.Max(0, h), Math.Max(0, w)];
            for (int r = 0; r < h; r++)
                for (int c = 0; c < w; c++)
                {
                    int byteInRow = c / 8;
                    if (msbBit != msbByte && unit > 1) byteInRow = byteInRow / unit * unit + (unit - 1 - byteInRow % unit);
                    byte v = pcf[data + offsets[g] + r * stride + byteInRow];
                    ink[r, c] = (v & (msbBit ? 0x80 >> (c % 8) : 1 << (c % 8))) != 0;
                }
            _bitmaps.Add(ink);
        }
        Assert.True(data + sizes[bits.Format & 3] <= pcf.Length);

        var enc = new Table(pcf, toc[TEncodings]);
        int min2 = enc.Short(), max2 = enc.Short(), min1 = enc.Short(), max1 = enc.Short();
        enc.Skip(2);
        for (int b1 = min1; b1 <= max1; b1++)
            for (int b2 = min2; b2 <= max2; b2++)
            {
                int glyph = enc.Short() & 0xFFFF;
                if (glyph != 0xFFFF) _glyphOfCode[(b1 << 8) | b2] = glyph;
            }
    }

    private void ReadCharset(Table props)
    {
        int n = props.Int();
        var entries = new List<(int Name, bool IsString, int Value)>();
        for (int i = 0; i < n; i++) entries.Add((props.Int(), props.Byte() != 0, props.Int()));
        props.Skip((4 - n % 4) % 4);
        props.Skip(4);
        int strings = props.At;
        string Str(int at) { int end = Array.IndexOf(props.Bytes, (byte)0, strings + at); return Encoding.ASCII.GetString(props.Bytes, strings + at, end - strings - at); }
        string registry = "", encoding = "";
        foreach (var e in entries)
        {
            string name = Str(e.Name);
            string value = e.IsString ? Str(e.Value) : e.Value.ToString();
            if (name == "CHARSET_REGISTRY") registry = value;
            if (name == "CHARSET_ENCODING") encoding = value;
        }
        Charset = registry.ToUpperInvariant() + "-" + encoding;
    }

    /// <summary>A reader over one table: its format word says the byte order of what follows.</summary>
    private sealed class Table
    {
        public readonly byte[] Bytes;
        public readonly int Format;
        public int At;

        public Table(byte[] bytes, int offset)
        {
            Bytes = bytes;
            Format = BitConverter.ToInt32(bytes, offset);
            At = offset + 4;
        }

        private bool Big => (Format & 4) != 0;
        public void Skip(int n) => At += n;
        public int Byte() => Bytes[At++];
        public int Int() { int v = Big ? Bytes[At] << 24 | Bytes[At + 1] << 16 | Bytes[At + 2] << 8 | Bytes[At + 3] : BitConverter.ToInt32(Bytes, At); At += 4; return v; }
        public int Short() { int v = (short)(Big ? Bytes[At] << 8 | Bytes[At + 1] : Bytes[At] | Bytes[At + 1] << 8); At += 2; return v; }
    }
}
