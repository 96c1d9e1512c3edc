// Finds files of the checkout (profiles, deploy scripts) from the test's output directory.
namespace DeskPhone.Boards.RaspberryPi.Tests;

internal static class Checkout
{
    /// <summary>The checkout root: the nearest parent of the test binaries holding Firmware.sln.</summary>
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Firmware.sln"))) return dir.FullName;
        }
        // Built with --artifacts-path outside the tree: fall back to the source location recorded at build time.
        string? source = typeof(Checkout).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "CheckoutRoot")?.Value;
        return source ?? throw new InvalidOperationException("cannot find the checkout (no Firmware.sln above " + AppContext.BaseDirectory + ")");
    }
}
