// provision: every phone's device file and the softswitch's data, generated from office.json.
using System.Text;
using DeskPhone.Firmware.Config;
using DeskPhone.Office.Generation;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;
using DeskPhone.Provision.Commands.Office;
using DeskPhone.Provision.Site;

namespace DeskPhone.Provision.Commands;

/// <summary>
/// Generates OUT/devices/FILE.json for each phone of an active user (<see cref="DeviceFiles"/>) and
/// OUT/softswitch/subscriber + delegation (<see cref="SoftswitchTables"/>). Every device file goes
/// through the firmware's <see cref="DeviceConfigLoader"/> (and, with --profiles, the same board checks
/// as build) before anything is written; with any error nothing is. OUT/devices is what
/// 'build --devices' takes; OUT/softswitch is what tools/softswitch/kamailio/init-db.sh loads.
/// </summary>
public sealed class ProvisionCommand : ICommand
{
    public const string DevicesDir = "devices";
    public const string SoftswitchDir = "softswitch";

    public string Name => "provision";
    public IReadOnlyCollection<string> OptionNames { get; } = new[] { "office", "out", "profiles", "contacts" };
    public string Usage => "provision --office office.json --out DIR [--profiles DIR] [--contacts FILE]";
    public string Summary => "generate DIR/devices/*.json (checked by the phones' loader; with --profiles also against the boards) and DIR/softswitch/{subscriber,delegation} for Kamailio; with --contacts, the checked contact directory as DIR/contacts.json";

    public int Run(Options options, TextWriter output, TextWriter errors)
    {
        string path = options.Required("office");
        string outDir = options.Required("out");
        string? profiles = options.Get("profiles");
        string? contactsPath = options.Get("contacts");
        byte[]? contacts = contactsPath == null ? null : ProvisionContacts.Check(contactsPath, errors); // ProvisionContacts.cs
        if (contactsPath != null && contacts == null) return ProvisionApp.Failed;
        OfficeDirectory? office = OfficeCommand.Load(path, errors, out bool loaded);
        if (!loaded) return ProvisionApp.Failed;
        if (!Generate(office!, path, outDir, profiles, output, errors)) return ProvisionApp.Failed;
        if (contacts != null) ProvisionContacts.Write(outDir, contacts, ProvisionContacts.Count(contacts), output);
        return ProvisionApp.Ok;
    }

    /// <summary>
    /// Checks and writes <paramref name="office"/>'s device files and softswitch tables under <paramref name="outDir"/>
    /// (what Run does once office.json is read; 'office serve' calls it after each answer). False, with
    /// every error written and nothing written to <paramref name="outDir"/>, when a generated file is wrong.
    /// </summary>
    public static bool Generate(OfficeDirectory office, string path, string outDir, string? profiles, TextWriter output, TextWriter errors)
    {
        string devicesDir = Path.Combine(outDir, DevicesDir);
        IReadOnlyList<Phone> tokenless = Crm.PhonesWithoutToken(office);
        if (tokenless.Count > 0)
        {
            // Provisioning never changes office.json: the admin makes the tokens (and gives them to the CRM).
            foreach (Phone p in tokenless)
                errors.WriteLine($"{path}: phone {p.Id} has no API token and the control API is on; run 'deskphone-provision office crm token --phone {p.Id} --office {path}'");
            errors.WriteLine($"{tokenless.Count} phone(s) without an API token in {path}; nothing written");
            return false;
        }
        IReadOnlyList<GeneratedDevice> devices = DeviceFiles.Generate(office);
        var problems = new List<SiteError>();
        foreach (GeneratedDevice d in devices)
        {
            if (!DeviceConfigLoader.TryLoad(Path.Combine(devicesDir, d.FileName), d.Text, out _, out ConfigErrors found))
            {
                problems.AddRange(Enumerable.Range(0, found.Count).Select(i => SiteError.From(found[i])));
            }
        }
        if (problems.Count == 0 && profiles != null)
        {
            problems.AddRange(SiteCheck.Run(devices.Select(d => (Path.Combine(devicesDir, d.FileName), Utf8(d.Text))), profiles).Errors);
        }
        if (problems.Count > 0)
        {
            foreach (SiteError e in problems) errors.WriteLine(e);
            errors.WriteLine($"{problems.Count} error(s) in the device files generated from {path} (the phones' keys, account, "
                + "features or display there, or their board); nothing written");
            return false;
        }

        Directory.CreateDirectory(devicesDir);
        foreach (GeneratedDevice d in devices)
        {
            File.WriteAllBytes(Path.Combine(devicesDir, d.FileName), Utf8(d.Text));
            int shared = office.Pairings.Count(p => p.State == PairingState.Active && p.Assistant == d.User.Id);
            int pending = office.Pairings.Count(p => p.State == PairingState.Pending && p.Involves(d.User.Id));
            output.WriteLine($"{d.Phone.Id}: {d.User.Name} ({d.User.Extension}) -> {Path.Combine(devicesDir, d.FileName)}"
                + (shared == 0 ? "" : $", {shared} shared line(s)") + (pending == 0 ? "" : $", {pending} pending pairing(s)"));
        }
        foreach (Phone skipped in office.Phones.Where(p => office.FindUser(p.User)?.Active == false))
        {
            output.WriteLine($"{skipped.Id}: skipped, {skipped.User} is deactivated");
        }
        var generated = devices.Select(d => d.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (string stale in Directory.GetFiles(devicesDir, "*.json").Select(Path.GetFileName).OfType<string>().Where(f => !generated.Contains(f)).Order())
        {
            output.WriteLine($"note: {Path.Combine(devicesDir, stale)} is not a phone of this office (left as it is)");
        }

        string softswitch = Path.Combine(outDir, SoftswitchDir);
        Directory.CreateDirectory(softswitch);
        File.WriteAllBytes(Path.Combine(softswitch, SoftswitchTables.SubscriberTable), Utf8(SoftswitchTables.Subscriber(office)));
        File.WriteAllBytes(Path.Combine(softswitch, SoftswitchTables.DelegationTable), Utf8(SoftswitchTables.Delegation(office)));
        int active = office.Pairings.Count(p => p.State == PairingState.Active);
        output.WriteLine($"softswitch: {office.Users.Count(u => u.Active)} subscriber(s), {active} active pairing(s) -> {softswitch} "
            + "(load with tools/softswitch/kamailio/init-db.sh DBDIR " + softswitch + ", then restart Kamailio)");
        return true;
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
