// Board profiles as the simulator reads them: how many keys and lamps, which display.
using System.Text.Json;

namespace DeskPhone.Simulator;

/// <summary>The parts of a board profile (boards/profiles/NAME.json) the simulated HAL needs.</summary>
public sealed record BoardProfile(string Name, string Description, int LineKeys, int LampColours, string Controller, int Width, int Height)
{
    /// <summary>Loads boards/profiles/NAME.json from <paramref name="profilesDir"/>; errors name the file and field.</summary>
    public static BoardProfile Load(string profilesDir, string name)
    {
        string path = Path.Combine(profilesDir, name + ".json");
        if (!File.Exists(path)) throw new SimulatorException($"board profile '{name}' not found: no {path}");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new SimulatorException($"{path}:{e.LineNumber + 1}: {e.Message}"); }
        using (doc)
        {
            var root = doc.RootElement;
            int lineKeys = Int(root, "lineKeys", path, 1, 96);
            int colours = Int(root, "lampColours", path, 1, 2);
            if (!root.TryGetProperty("display", out var display) || display.ValueKind != JsonValueKind.Object)
                throw new SimulatorException($"{path}: display: missing");
            string controller = display.TryGetProperty("controller", out var c) ? c.GetString() ?? "" : "";
            if (controller != "ssd1306" && controller != "sh1106")
                throw new SimulatorException($"{path}: display.controller: '{controller}' is not ssd1306 or sh1106");
            int width = Int(display, "width", path, 128, 128, "display.");
            int height = Int(display, "height", path, 32, 64, "display.");
            string desc = root.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
            return new BoardProfile(name, desc, lineKeys, colours, controller, width, height);
        }
    }

    private static int Int(JsonElement e, string field, string path, int min, int max, string prefix = "")
    {
        if (!e.TryGetProperty(field, out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int n))
            throw new SimulatorException($"{path}: {prefix}{field}: expected a whole number");
        if (n < min || n > max) throw new SimulatorException($"{path}: {prefix}{field}: {n} is outside {min}..{max}");
        return n;
    }
}

/// <summary>A problem the simulator reports to its user in words (bad file, unknown phone or key).</summary>
public sealed class SimulatorException(string message) : Exception(message);
