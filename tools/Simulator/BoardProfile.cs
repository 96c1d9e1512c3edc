// Board profiles as the simulator reads them: a thin adapter over the portable loader (firmware/Config/Board).
using DeskPhone.Firmware.Config.Board;
using PortableProfile = DeskPhone.Firmware.Config.Board.BoardProfile;

namespace DeskPhone.Simulator;

/// <summary>
/// The parts of a board profile (boards/profiles/NAME.json) the simulated HAL needs. The file is
/// checked by the same <see cref="BoardProfileLoader"/> the real boards use, so a profile the
/// simulator accepts is one a Pi or an ESP32 accepts too (pins and codec aside).
/// </summary>
public sealed record BoardProfile(string Name, string Description, int LineKeys, int LampColours, string Controller, int Width, int Height)
{
    /// <summary>The whole validated profile (backend, pins, codec).</summary>
    public PortableProfile Profile { get; init; } = new();

    /// <summary>Loads boards/profiles/NAME.json from <paramref name="profilesDir"/>; errors name the file, line, column and field.</summary>
    public static BoardProfile Load(string profilesDir, string name)
    {
        string path = Path.Combine(profilesDir, name + ".json");
        if (!File.Exists(path)) throw new SimulatorException($"board profile '{name}' not found: no {path}");
        if (!BoardProfileLoader.TryLoad(path, File.ReadAllText(path), out var p, out var errors))
            throw new SimulatorException($"board profile {path} has errors:\n{errors}");
        return new BoardProfile(p.Name, p.Description, p.LineKeys, p.LampColours, p.Display.Controller, p.Display.Width, p.Display.Height)
        {
            Profile = p,
        };
    }
}

/// <summary>A problem the simulator reports to its user in words (bad file, unknown phone or key).</summary>
public sealed class SimulatorException(string message) : Exception(message);
