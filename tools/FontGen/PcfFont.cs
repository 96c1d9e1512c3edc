// Reads X11 PCF bitmap fonts (as Debian's xfonts-* packages ship them, gzipped or not).
using System.IO.Compression;

namespace DeskPhone.FontGen;

/// <summary>One glyph: its advance width and its cell bitmap, rows top to bottom.</summary>
public sealed record PcfGlyph(int CodePoint, int Width, bool[,] Cell);

/// <summary>
/// A PCF font reduced to what the phone needs: per code point, a cell as wide as the glyph's
/// advance and as high as the font (ascent + descent), ink placed by the glyph's metrics.
/// Format facts from the X.Org PCF description: a table of contents, then metrics, bitmaps and
/// the encoding table, each with its own format word (byte order, bit order, padding).
/// </summary>
public sealed class PcfFont
{
    private const int Properties = 1, Accelerators = 2, Metrics = 4, Bitmaps = 8, BdfEncodings = 32, BdfAccelerators = 256;

    public int Ascent { get; }
    public int Descent { get; }
    public int Height => Ascent + Descent;
    public IReadOnlyDictionary<int, PcfGlyph> Glyphs { get; }
    public IReadOnlyDictionary<string, string> Props { get; }

    private PcfFont(int ascent, int descent, Dictionary<int, PcfGlyph> glyphs, Dictionary<string, string> props)
    {
        Ascent = ascent;
        Descent = descent;
        Glyphs = glyphs;
        Props = props;
    }

    /// <summary>Loads a .pcf or .pcf.gz file.</summary>
    public static PcfFont Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            bytes = ms.ToArray();
        }
        return Parse(bytes);
    }

    /// <summary>Parses PCF bytes; throws <see cref="InvalidDataException"/> on a malformed file.</summary>
    public static PcfFont Parse(byte[] b)
    {
        if (b.Length < 8 || b[0] != 1 || b[1] != (byte)'f' || b[2] != (byte)'c' || b[3] != (byte)'p')
            throw new InvalidDataException("not a PCF font (bad magic)");
        int count = LittleInt(b, 4);
        var tables = new Dictionary<int, (int format, int offset)>();
        for (int i = 0; i < count; i++)
        {
            int at = 8 + i * 16;
            tables[LittleInt(b, at)] = (LittleInt(b, at + 4), LittleInt(b, at + 12));
        }
        foreach (int needed in new[] { Metrics, Bitmaps, BdfEncodings })
            if (!tables.ContainsKey(needed)) throw new InvalidDataException("PCF font lacks table " + needed);

        var props = tables.TryGetValue(Properties, out var pt) ? ReadProperties(b, pt.offset) : new Dictionary<string, string>();
        var metrics = ReadMetrics(b, tables[Metrics].offset);
        var bitmaps = ReadBitmaps(b, tables[Bitmaps].offset, metrics);
        var encoding = ReadEncodings(b, tables[BdfEncodings].offset);
        int accelTable = tables.ContainsKey(BdfAccelerators) ? BdfAccelerators : Accelerators;
        if (!tables.ContainsKey(accelTable)) throw new InvalidDataException("PCF font lacks accelerators");
        var (ascent, descent) = ReadAscentDescent(b, tables[accelTable].offset);

        var glyphs = new Dictionary<int, PcfGlyph>();
        foreach (var (code, index) in encoding)
        {
            if (index >= metrics.Length) continue;
            var m = metrics[index];
            var cell = new bool[ascent + descent, Math.Max(0, m.Width)];
            var ink = bitmaps[index];
            for (int y = 0; y < m.Ascent + m.Descent; y++)
            {
                for (int x = 0; x < m.Rsb - m.Lsb; x++)
                {
                    int cx = m.Lsb + x, cy = ascent - m.Ascent + y;
                    if (ink[y, x] && cx >= 0 && cy >= 0 && cx < m.Width && cy < ascent + descent) cell[cy, cx] = true;
                }
            }
            glyphs[code] = new PcfGlyph(code, m.Width, cell);
        }
        return new PcfFont(ascent, descent, glyphs, props);
    }

    private readonly record struct Metric(int Lsb, int Rsb, int Width, int Ascent, int Descent);

    private static Metric[] ReadMetrics(byte[] b, int at)
    {
        int format = LittleInt(b, at);
        bool big = (format & 4) != 0;
        at += 4;
        if ((format & 0x100) != 0)
        {
            int n = Short(b, at, big);
            at += 2;
            var result = new Metric[n];
            for (int i = 0; i < n; i++, at += 5)
                result[i] = new Metric(b[at] - 0x80, b[at + 1] - 0x80, b[at + 2] - 0x80, b[at + 3] - 0x80, b[at + 4] - 0x80);
            return result;
        }
        else
        {
            int n = Int(b, at, big);
            at += 4;
            var result = new Metric[n];
            for (int i = 0; i < n; i++, at += 12)
                result[i] = new Metric(Short(b, at, big), Short(b, at + 2, big), Short(b, at + 4, big), Short(b, at + 6, big), Short(b, at + 8, big));
            return result;
        }
    }

    private static bool[][,] ReadBitmaps(byte[] b, int at, Metric[] metrics)
    {
        int format = LittleInt(b, at);
        bool big = (format & 4) != 0;
        bool msbBitFirst = (format & 8) != 0;
        int pad = 1 << (format & 3);
        int scanUnit = 1 << ((format >> 4) & 3);
        at += 4;
        int n = Int(b, at, big);
        at += 4;
        var offsets = new int[n];
        for (int i = 0; i < n; i++) offsets[i] = Int(b, at + 4 * i, big);
        at += 4 * n;
        int dataSize = Int(b, at + 4 * (format & 3), big);
        at += 16;
        var data = new byte[dataSize];
        Array.Copy(b, at, data, 0, dataSize);
        if (big != msbBitFirst && scanUnit > 1)
        {
            for (int i = 0; i + scanUnit <= data.Length; i += scanUnit) Array.Reverse(data, i, scanUnit);
        }
        var result = new bool[n][,];
        for (int g = 0; g < n && g < metrics.Length; g++)
        {
            var m = metrics[g];
            int w = Math.Max(0, m.Rsb - m.Lsb), h = Math.Max(0, m.Ascent + m.Descent);
            int rowBytes = (w + 7) / 8;
            rowBytes = (rowBytes + pad - 1) / pad * pad;
            var ink = new bool[h, w];
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    byte v = data[offsets[g] + y * rowBytes + x / 8];
                    int bit = msbBitFirst ? 7 - (x & 7) : (x & 7);
                    ink[y, x] = (v & (1 << bit)) != 0;
                }
            }
            result[g] = ink;
        }
        return result;
    }

    private static List<(int code, int index)> ReadEncodings(byte[] b, int at)
    {
        int format = LittleInt(b, at);
        bool big = (format & 4) != 0;
        at += 4;
        int min2 = Short(b, at, big), max2 = Short(b, at + 2, big), min1 = Short(b, at + 4, big), max1 = Short(b, at + 6, big);
        at += 10;
        var list = new List<(int, int)>();
        int cols = max2 - min2 + 1;
        for (int b1 = min1; b1 <= max1; b1++)
        {
            for (int b2 = min2; b2 <= max2; b2++)
            {
                int idx = (ushort)Short(b, at + 2 * ((b1 - min1) * cols + (b2 - min2)), big);
                if (idx != 0xFFFF) list.Add(((b1 << 8) | b2, idx));
            }
        }
        return list;
    }

    private static (int, int) ReadAscentDescent(byte[] b, int at)
    {
        int format = LittleInt(b, at);
        bool big = (format & 4) != 0;
        // format, then 8 flag bytes, then fontAscent and fontDescent
        return (Int(b, at + 12, big), Int(b, at + 16, big));
    }

    private static Dictionary<string, string> ReadProperties(byte[] b, int at)
    {
        int format = LittleInt(b, at);
        bool big = (format & 4) != 0;
        int n = Int(b, at + 4, big);
        int propsAt = at + 8;
        int afterProps = propsAt + 9 * n;
        int padding = (n & 3) == 0 ? 0 : 4 - (n & 3);
        int stringsAt = afterProps + padding + 4;
        var result = new Dictionary<string, string>();
        for (int i = 0; i < n; i++)
        {
            int p = propsAt + 9 * i;
            string name = CString(b, stringsAt + Int(b, p, big));
            bool isString = b[p + 4] != 0;
            int value = Int(b, p + 5, big);
            result[name] = isString ? CString(b, stringsAt + value) : value.ToString();
        }
        return result;
    }

    private static string CString(byte[] b, int at)
    {
        int end = Array.IndexOf(b, (byte)0, at);
        return System.Text.Encoding.Latin1.GetString(b, at, end - at);
    }

    private static int LittleInt(byte[] b, int at) => b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24;
    private static int Int(byte[] b, int at, bool big) =>
        big ? b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3] : LittleInt(b, at);
    private static int Short(byte[] b, int at, bool big) =>
        (short)(big ? b[at] << 8 | b[at + 1] : b[at] | b[at + 1] << 8);
}
