// Finds files of the checkout (board profiles, example devices) from wherever the simulator runs.
namespace DeskPhone.Simulator;

/// <summary>The root of the source checkout: the folder holding Firmware.sln.</summary>
public static class Checkout
{
    /// <summary>The checkout root, found by walking up from the program and the working directory.</summary>
    public static string Root
    {
        get
        {
            var built = typeof(Checkout).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "CheckoutRoot")?.Value;
            foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), built ?? "/" })
            {
                for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                    if (File.Exists(System.IO.Path.Combine(dir.FullName, "Firmware.sln"))) return dir.FullName;
            }
            throw new SimulatorException("cannot find the checkout (a folder holding Firmware.sln) above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A path inside the checkout.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());
}
