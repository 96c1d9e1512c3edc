// deskphone-fontgen: turns a Debian bitmap font into the firmware's font tables.
namespace DeskPhone.FontGen;

public static class Program
{
    /// <summary>
    /// deskphone-fontgen --font FILE.pcf.gz --name NAME --class CLASS --ranges 20-7E,A0-FF --out FILE.cs [--packed] [--check]
    /// The font's own encoding (ISO 8859-1, ISO 10646, JIS X 0208, JIS X 0201) is mapped to Unicode first.
    /// Without --packed, FILE.cs defines a BitmapFont; with --packed, a SparseBitmapFont whose index is
    /// FILE.cs and whose bitmaps go to CLASS.Glyphs0.cs, CLASS.Glyphs1.cs... beside it.
    /// With --check, nothing is written: exit 1 when a file differs from what the font gives.
    /// </summary>
    public static int Main(string[] args)
    {
        var opts = new Dictionary<string, string>();
        bool check = false, packed = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--check") { check = true; continue; }
            if (args[i] == "--packed") { packed = true; continue; }
            if (!args[i].StartsWith("--") || i + 1 >= args.Length) return Usage("unexpected argument '" + args[i] + "'");
            opts[args[i][2..]] = args[++i];
        }
        foreach (var need in new[] { "font", "name", "class", "ranges", "out" })
            if (!opts.ContainsKey(need)) return Usage("missing --" + need);
        if (!File.Exists(opts["font"]))
        {
            Console.Error.WriteLine("deskphone-fontgen: font file " + opts["font"] + " not found (tools/setup/install-packages.sh installs xfonts-base and xfonts-shinonome)");
            return 2;
        }
        var font = PcfFont.Load(opts["font"]);
        var ranges = FontSourceWriter.ParseRanges(opts["ranges"]);
        string dir = Path.GetDirectoryName(Path.GetFullPath(opts["out"]))!;
        IReadOnlyList<GeneratedFile> files = packed
            ? PackedFontWriter.Write(Charsets.ToUnicode(font), font.Height, font.Ascent, opts["name"], opts["class"], Source(opts["font"]), ranges)
            : new[] { new GeneratedFile(Path.GetFileName(opts["out"]), FontSourceWriter.Write(font, opts["name"], opts["class"], Source(opts["font"]), ranges)) };
        if (check)
        {
            var stale = packed ? StaleBlocks(dir, opts["class"], files) : Array.Empty<string>();
            var differing = files.Where(f => !File.Exists(Path.Combine(dir, f.Name)) || File.ReadAllText(Path.Combine(dir, f.Name)) != f.Text)
                .Select(f => f.Name).Concat(stale).ToList();
            Console.WriteLine(differing.Count == 0
                ? string.Join(", ", files.Select(f => f.Name)) + " match " + opts["font"]
                : string.Join(", ", differing) + " differ from " + opts["font"]);
            return differing.Count == 0 ? 0 : 1;
        }
        foreach (var f in files)
        {
            File.WriteAllText(Path.Combine(dir, f.Name), f.Text);
            Console.WriteLine("wrote " + Path.Combine(dir, f.Name));
        }
        foreach (var name in packed ? StaleBlocks(dir, opts["class"], files) : Array.Empty<string>())
        {
            File.Delete(Path.Combine(dir, name));
            Console.WriteLine("removed " + name);
        }
        return 0;
    }

    /// <summary>"shnmk12.pcf.gz (Debian xfonts-shinonome)", naming the package the font came from.</summary>
    private static string Source(string fontPath)
    {
        string file = Path.GetFileName(fontPath);
        return file + (file.StartsWith("shnm") ? " (Debian xfonts-shinonome)" : " (Debian)");
    }

    /// <summary>CLASS.GlyphsN.cs files in <paramref name="dir"/> that the generator no longer makes.</summary>
    public static string[] StaleBlocks(string dir, string className, IReadOnlyList<GeneratedFile> files) =>
        Directory.Exists(dir)
            ? Directory.GetFiles(dir, className + ".Glyphs*.cs").Select(Path.GetFileName).Where(n => files.All(f => f.Name != n)).ToArray()!
            : Array.Empty<string>();

    private static int Usage(string why)
    {
        Console.Error.WriteLine("deskphone-fontgen: " + why);
        Console.Error.WriteLine("usage: deskphone-fontgen --font FILE.pcf.gz --name NAME --class CLASS --ranges 20-7E,A0-FF --out FILE.cs [--packed] [--check]");
        return 2;
    }
}
