// deskphone-fontgen: turns a Debian bitmap font into the firmware's font tables.
namespace DeskPhone.FontGen;

public static class Program
{
    /// <summary>
    /// deskphone-fontgen --font FILE.pcf.gz --name NAME --class CLASS --ranges 20-7E,A0-FF --out FILE.cs [--check]
    /// With --check, nothing is written: exit 1 when FILE.cs differs from what the font gives.
    /// </summary>
    public static int Main(string[] args)
    {
        var opts = new Dictionary<string, string>();
        bool check = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--check") { check = true; continue; }
            if (!args[i].StartsWith("--") || i + 1 >= args.Length) return Usage("unexpected argument '" + args[i] + "'");
            opts[args[i][2..]] = args[++i];
        }
        foreach (var need in new[] { "font", "name", "class", "ranges", "out" })
            if (!opts.ContainsKey(need)) return Usage("missing --" + need);
        if (!File.Exists(opts["font"]))
        {
            Console.Error.WriteLine("deskphone-fontgen: font file " + opts["font"] + " not found (apt-get install xfonts-base)");
            return 2;
        }
        var font = PcfFont.Load(opts["font"]);
        string text = FontSourceWriter.Write(font, opts["name"], opts["class"], Path.GetFileName(opts["font"]) + " (Debian)",
            FontSourceWriter.ParseRanges(opts["ranges"]));
        if (check)
        {
            bool same = File.Exists(opts["out"]) && File.ReadAllText(opts["out"]) == text;
            Console.WriteLine(same ? opts["out"] + " matches " + opts["font"] : opts["out"] + " differs from " + opts["font"]);
            return same ? 0 : 1;
        }
        File.WriteAllText(opts["out"], text);
        Console.WriteLine("wrote " + opts["out"]);
        return 0;
    }

    private static int Usage(string why)
    {
        Console.Error.WriteLine("deskphone-fontgen: " + why);
        Console.Error.WriteLine("usage: deskphone-fontgen --font FILE.pcf.gz --name NAME --class CLASS --ranges 20-7E,A0-FF --out FILE.cs [--check]");
        return 2;
    }
}
