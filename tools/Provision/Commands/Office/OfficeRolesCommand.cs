// office roles: the admin PIN guarding the phones' settings, restricted users and phones, emergency and internal numbers.
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>Sets the roles of the office's phones (firmware/Config/README.md, "Roles").</summary>
public sealed class OfficeRolesCommand : OfficeCommand
{
    public override string Name => "office roles";
    public override IReadOnlyCollection<string> OptionNames { get; } = new[] { "admin-pin", "phone", "user", "restricted", "emergency", "internal", "as", "office" };
    public override string Usage => "office roles [--admin-pin PIN|none [--phone PHONE]] [--restricted yes|no --user USER|--phone PHONE] [--emergency 112,911] [--internal 2XX,3XXX|none] [--office office.json]";
    public override string Summary => "set the admin PIN of the phones' settings (office-wide or one phone's), restrict a user's or a phone's dialing to emergency and internal numbers, and set those numbers";

    protected override Func<OfficeDirectory, Outcome> Prepare(Options options)
    {
        string? pin = options.Get("admin-pin");
        var change = new Policies.RoleChange(
            AdminPin: pin == "none" ? null : pin,
            RemovePin: pin == "none",
            Phone: options.Get("phone"),
            User: options.Get("user"),
            Restricted: OfficeRecordingCommand.YesNo(options, "restricted"),
            Emergency: List(options.Get("emergency")),
            Internal: List(options.Get("internal")));
        Actor by = As(options);
        return office => Policies.SetRoles(office, change, by);
    }

    private static IReadOnlyList<string>? List(string? text) =>
        text == null ? null : text == "none" ? Array.Empty<string>() : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
