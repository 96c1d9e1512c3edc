// office pair: an executive gets an assistant.
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>office pair: an executive gets an assistant.</summary>
public sealed class OfficePairCommand : OfficeCommand
{
    public override string Name => "office pair";
    public override IReadOnlyCollection<string> OptionNames { get; } = new[] { "executive", "assistant", "as", "allow", "office" };
    public override string Usage => "office pair --executive USER --assistant USER [--as admin|USER] [--allow place,answer,pickup,voicemail,recording] [--office office.json]";
    public override string Summary => "pair an assistant with an executive: by an admin active at once, by one of the two users pending until the other accepts (default permissions place,answer,pickup)";

    protected override Func<OfficeDirectory, Outcome> Prepare(Options options)
    {
        string executive = options.Required("executive");
        string assistant = options.Required("assistant");
        Actor by = As(options);
        Permissions allowed = Allow(options, PermissionNames.Default);
        return office => Delegation.AddPairing(office, executive, assistant, by, allowed);
    }
}
