// office limits: how many pairings the office allows.
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>office limits: how many pairings the office allows.</summary>
public sealed class OfficeLimitsCommand : OfficeCommand
{
    public override string Name => "office limits";
    public override IReadOnlyCollection<string> OptionNames { get; } = new[] { "per-executive", "per-assistant", "per-office", "office" };
    public override string Usage => "office limits [--per-executive 15] [--per-assistant 15] [--per-office 25] [--office office.json]";
    public override string Summary => "set the most assistants per executive, executives per assistant and pairings per office (never below what is in use)";

    protected override Func<OfficeDirectory, Outcome> Prepare(Options options)
    {
        int? perExecutive = options.Integer("per-executive", 1, OfficeFile.MaxLimit);
        int? perAssistant = options.Integer("per-assistant", 1, OfficeFile.MaxLimit);
        int? perOffice = options.Integer("per-office", 1, OfficeFile.MaxLimit);
        return office => Delegation.SetLimits(office, perExecutive, perAssistant, perOffice);
    }
}
