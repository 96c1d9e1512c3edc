// Checks every device file of a site against the firmware's loaders and its board profile.
using System.Text;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Firmware.Json;

namespace DeskPhone.Provision.Site;

/// <summary>The outcome: the devices (only meaningful when there are no errors) and every error, sorted.</summary>
public sealed record SiteCheckResult(IReadOnlyList<ProvisionedDevice> Devices, IReadOnlyList<SiteError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Loads every *.json in a devices folder with <see cref="DeviceConfigLoader"/> and the board profile
/// each names (profiles/NAME.json) with <see cref="BoardProfileLoader"/>, then checks what only the pair
/// can show: device ids unique in the site, and no page with more keys than the board has line keys.
/// All errors of all files are collected; nothing stops at the first.
/// </summary>
public static class SiteCheck
{
    public static SiteCheckResult Run(string devicesDir, string profilesDir)
    {
        if (!Directory.Exists(devicesDir)) throw new ProvisionException($"no devices folder {devicesDir}");
        if (!Directory.Exists(profilesDir)) throw new ProvisionException($"no board profiles folder {profilesDir}");
        string[] files = Directory.GetFiles(devicesDir, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new ProvisionException($"no device files (*.json) in {devicesDir}");
        return Run(files.Select(f => (f, File.ReadAllBytes(f))), profilesDir);
    }

    /// <summary>The same checks for device files given as (name, bytes): the office's generated files before they are written.</summary>
    public static SiteCheckResult Run(IEnumerable<(string File, byte[] Bytes)> sources, string profilesDir)
    {
        if (!Directory.Exists(profilesDir)) throw new ProvisionException($"no board profiles folder {profilesDir}");
        var errors = new List<SiteError>();
        var devices = new List<ProvisionedDevice>();
        var profiles = new Dictionary<string, (string File, byte[] Bytes, BoardProfile? Profile)>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, bytes) in sources)
        {
            string text = Encoding.UTF8.GetString(bytes);
            if (!DeviceConfigLoader.TryLoad(file, text, out DeviceConfig config, out ConfigErrors deviceErrors))
            {
                errors.AddRange(Enumerable.Range(0, deviceErrors.Count).Select(i => SiteError.From(deviceErrors[i])));
                continue;
            }
            if (ids.TryGetValue(config.Device.Id, out string? first))
            {
                var (line, column) = PositionOf(text, "id");
                errors.Add(new SiteError(file, line, column, "device.id", $"'{config.Device.Id}' is already the id of {first}"));
                continue;
            }
            ids[config.Device.Id] = file;

            var board = LoadProfile(profilesDir, config.Device.Board, profiles, errors);
            if (board.Profile == null)
            {
                if (board.File.Length == 0)
                {
                    var (line, column) = PositionOf(text, "board");
                    errors.Add(new SiteError(file, line, column, "device.board", NoProfileMessage(profilesDir, config.Device.Board)));
                }
                continue;
            }
            int before = errors.Count;
            CheckKeysFitBoard(file, config, board.Profile, errors);
            if (errors.Count == before)
            {
                devices.Add(new ProvisionedDevice(file, bytes, config, board.File, board.Bytes, board.Profile));
            }
        }
        var sorted = errors
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column)
            .ToList();
        return new SiteCheckResult(devices, sorted);
    }

    /// <summary>profiles/NAME.json, loaded once per site; (("", ...), null) when there is no such file.</summary>
    private static (string File, byte[] Bytes, BoardProfile? Profile) LoadProfile(
        string profilesDir, string name, Dictionary<string, (string, byte[], BoardProfile?)> cache, List<SiteError> errors)
    {
        if (cache.TryGetValue(name, out var known)) return known;
        string path = Path.Combine(profilesDir, name + ".json");
        (string, byte[], BoardProfile?) entry;
        if (!File.Exists(path))
        {
            entry = ("", Array.Empty<byte>(), null);
        }
        else
        {
            byte[] bytes = File.ReadAllBytes(path);
            if (BoardProfileLoader.TryLoad(path, Encoding.UTF8.GetString(bytes), out BoardProfile profile, out ConfigErrors profileErrors))
            {
                entry = (path, bytes, profile);
            }
            else
            {
                errors.AddRange(Enumerable.Range(0, profileErrors.Count).Select(i => SiteError.From(profileErrors[i])));
                entry = (path, bytes, null);
            }
        }
        cache[name] = entry;
        return entry;
    }

    /// <summary>The n-th key on a page is the n-th line key: a page with more keys than the board has cannot be shown.</summary>
    private static void CheckKeysFitBoard(string file, DeviceConfig config, BoardProfile board, List<SiteError> errors)
    {
        for (int page = 1; page <= config.PageCount; page++)
        {
            KeyConfig[] keys = config.KeysOnPage(page);
            if (keys.Length <= board.LineKeys) continue;
            KeyConfig first = keys[board.LineKeys];
            errors.Add(new SiteError(file, first.Line, first.Column, $"keys[{first.Index}]",
                $"page {page} has {keys.Length} keys but board '{board.Name}' has {board.LineKeys} line keys; move keys to another page (\"page\": {page + 1})"));
        }
    }

    private static string NoProfileMessage(string profilesDir, string name)
    {
        string[] known = Directory.GetFiles(profilesDir, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .OrderBy(n => n, StringComparer.Ordinal).ToArray();
        return $"no board profile '{name}' in {profilesDir}" + (known.Length == 0 ? "" : $" (profiles: {string.Join(", ", known)})");
    }

    /// <summary>Where device.FIELD's value is in the file (the file already loaded, so the path exists).</summary>
    private static (int Line, int Column) PositionOf(string text, string field)
    {
        JsonReader.TryParse(text, out JsonValue root, out _);
        JsonValue? value = root?.Get("device")?.Get(field);
        return value == null ? (1, 1) : (value.Line, value.Column);
    }
}
