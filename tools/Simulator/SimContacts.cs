// Contacts in the simulator: a phone's contacts file is taken from beside its device file, and the API shows what a number matches.
using System.Text;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Contacts;
using DeskPhone.Hal;

namespace DeskPhone.Simulator;

/// <summary>
/// At start, the file the device file's "contacts.file" names (contacts.json by default), when it is
/// next to the device file (or, for OUT/devices/*.json, as OUT/contacts.json), is written into the phone's storage, where the firmware reads it at boot.
/// GET /api/phones/{id}/contacts shows the directory; with ?number=... the contacts that number matches.
/// </summary>
public static class SimContacts
{
    /// <summary>Copies the contacts file beside <paramref name="deviceFile"/> into <paramref name="storage"/>; its path, or null when there is none.</summary>
    public static string? Seed(string deviceFile, DeviceConfig config, IStorage storage)
    {
        string path = Beside(deviceFile, config);
        if (!File.Exists(path)) path = Above(deviceFile, config); // where 'deskphone-provision provision --contacts' puts it: OUT/ above OUT/devices/
        if (!File.Exists(path)) return null;
        byte[] data = File.ReadAllBytes(path);
        if (!storage.WriteAtomic(config.ContactsFile, data, 0, data.Length))
            throw new SimulatorException("could not put " + path + " into the storage of " + config.Device.Id);
        return path;
    }

    /// <summary>Where a device file's contacts file is looked for: its directory, the name the device file gives.</summary>
    public static string Beside(string deviceFile, DeviceConfig config) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(deviceFile)) ?? ".", config.ContactsFile);

    /// <summary>OUT/contacts.json for a device file in OUT/devices/ (the provision tool's layout); elsewhere none.</summary>
    private static string Above(string deviceFile, DeviceConfig config)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(deviceFile)) ?? ".";
        string? parent = Path.GetDirectoryName(dir);
        if (Path.GetFileName(dir) != "devices" || parent == null) return Beside(deviceFile, config);
        return Path.Combine(parent, config.ContactsFile);
    }

    /// <summary>Copies the contacts file beside <paramref name="deviceFile"/>, if there is one, beside <paramref name="copy"/> (a copy of the device file elsewhere).</summary>
    public static void CopyBeside(string deviceFile, string copy)
    {
        var config = SimPhone.LoadConfig(deviceFile);
        string contacts = Beside(deviceFile, config);
        if (File.Exists(contacts)) File.Copy(contacts, Beside(copy, config), overwrite: true);
    }

    /// <summary>Adds GET /phones/{id}/contacts to the API group.</summary>
    public static void Map(RouteGroupBuilder api, PhoneHost host)
    {
        api.MapGet("/phones/{id}/contacts", (string id, string? number) =>
        {
            var p = host.Get(id);
            return host.Do(p, () =>
            {
                var phone = p.Firmware;
                if (number != null)
                {
                    return (object)new
                    {
                        number,
                        digits = PhoneNumber.Normalise(number),
                        matches = phone.Contacts.Match(number).Select(Json).ToArray(),
                    };
                }
                var load = phone.ContactsLoad;
                return new
                {
                    file = p.Config.ContactsFile,
                    lookupUrl = p.Config.ContactsLookup?.Text,
                    count = phone.Contacts.Count,
                    skipped = load?.Skipped ?? 0,
                    errors = load == null ? Array.Empty<string>() : Enumerable.Range(0, load.Errors.Count).Select(i => load.Errors[i].ToString()).ToArray(),
                    current = phone.CurrentCall == null ? null : new
                    {
                        matches = phone.ContactMatches(phone.CurrentCall).Select(Json).ToArray(),
                        contact = phone.ContactOf(phone.CurrentCall) is { } c ? Json(c) : null,
                    },
                };
            });
        });
    }

    private static object Json(Contact c) => new
    {
        name = c.Name,
        company = c.Company,
        id = c.Id,
        numbers = Enumerable.Range(0, c.NumberCount).Select(i => new { number = c.NumberAt(i), label = c.LabelAt(i) }).ToArray(),
    };
}
