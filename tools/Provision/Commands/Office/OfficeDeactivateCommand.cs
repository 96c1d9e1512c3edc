// office deactivate: a user leaves; their pairings go to a successor.
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>office deactivate: a user leaves; their pairings go to a successor.</summary>
public sealed class OfficeDeactivateCommand : OfficeCommand
{
    public override string Name => "office deactivate";
    public override IReadOnlyCollection<string> OptionNames { get; } = new[] { "user", "successor", "office" };
    public override string Usage => "office deactivate --user USER [--successor USER] [--office office.json]";
    public override string Summary => "deactivate a user: their assistant pairings go to the successor with the same permissions (without one, executives may be left uncovered: warned)";

    protected override Func<OfficeDirectory, Outcome> Prepare(Options options)
    {
        string user = options.Required("user");
        string? successor = options.Get("successor");
        return office => Deactivation.DeactivateUser(office, user, successor);
    }
}
