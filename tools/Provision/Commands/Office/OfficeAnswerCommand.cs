// office accept / office decline: the other side answers a pending pairing.
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>office accept / office decline: the other side answers a pending pairing.</summary>
public sealed class OfficeAnswerCommand(bool accept) : OfficeCommand
{
    public override string Name => accept ? "office accept" : "office decline";
    public override IReadOnlyCollection<string> OptionNames { get; } = new[] { "pairing", "as", "office" };
    public override string Usage => $"{Name} --pairing ID --as USER|admin [--office office.json]";
    public override string Summary => accept
        ? "accept a pending pairing: as the side that did not ask for it, or an admin; it becomes active"
        : "decline a pending pairing: as the side that did not ask for it, or an admin; it does nothing";

    protected override Func<OfficeDirectory, Outcome> Prepare(Options options)
    {
        string id = options.Required("pairing");
        Actor by = Actor.Parse(options.Required("as"));
        return office => accept ? Delegation.Accept(office, id, by) : Delegation.Decline(office, id, by);
    }
}
