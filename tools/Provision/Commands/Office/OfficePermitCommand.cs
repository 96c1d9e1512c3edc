// office permit: change a pairing's permissions.
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>office permit: change a pairing's permissions.</summary>
public sealed class OfficePermitCommand : OfficeCommand
{
    public override string Name => "office permit";
    public override IReadOnlyCollection<string> OptionNames { get; } = new[] { "pairing", "allow", "as", "office" };
    public override string Usage => "office permit --pairing ID --allow LIST|none [--as admin|EXECUTIVE] [--office office.json]";
    public override string Summary => "set what the assistant of a pairing may do (place, answer, pickup, voicemail, recording): by an admin or the executive";

    protected override Func<OfficeDirectory, Outcome> Prepare(Options options)
    {
        string id = options.Required("pairing");
        options.Required("allow");
        Permissions allowed = Allow(options, Permissions.None);
        Actor by = As(options);
        return office => Delegation.SetPermissions(office, id, allowed, by);
    }
}
