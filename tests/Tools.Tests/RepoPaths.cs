// Where the repository and Debian's fonts are, for tests that compare committed files with generated ones.
using System.Runtime.CompilerServices;

namespace DeskPhone.Tools.Tests;

public static class RepoPaths
{
    /// <summary>Debian's misc-fixed fonts (package xfonts-base).</summary>
    public const string MiscFonts = "/usr/share/fonts/X11/misc";

    /// <summary>The repository root, found from this source file (the build output may live anywhere).</summary>
    public static string Root => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", ".."));

    public static string Font(string name) => Path.Combine(MiscFonts, name + ".pcf.gz");

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
