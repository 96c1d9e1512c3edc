// office unpair: end a pairing.
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>office unpair: end a pairing.</summary>
public sealed class OfficeUnpairCommand : OfficeCommand
{
    public override string Name => "office unpair";
    public override IReadOnlyCollection<string> OptionNames { get; } = new[] { "pairing", "as", "office" };
    public override string Usage => "office unpair --pairing ID [--as admin|USER] [--office office.json]";
    public override string Summary => "remove a pairing (active, pending or declined): by an admin or either side";

    protected override Func<OfficeDirectory, Outcome> Prepare(Options options)
    {
        string id = options.Required("pairing");
        Actor by = As(options);
        return office => Delegation.RemovePairing(office, id, by);
    }
}
