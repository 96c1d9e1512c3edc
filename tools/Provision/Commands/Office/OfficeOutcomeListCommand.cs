// office outcome list: the office's call outcomes, as the phones will offer them.
using DeskPhone.Office.Model;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>Prints the outcome list: id, label, and whether the phones offer it.</summary>
public sealed class OfficeOutcomeListCommand : ICommand
{
    public string Name => "office outcome list";
    public IReadOnlyCollection<string> OptionNames { get; } = new[] { "office" };
    public string Usage => "office outcome list [--office office.json]";
    public string Summary => "list the call outcomes with their ids and whether the phones offer them";

    public int Run(Options options, TextWriter output, TextWriter errors) => OfficeCommand.Print(options, output, errors, Describe);

    public static string Describe(OfficeDirectory office)
    {
        if (office.Outcomes.Count == 0) return "outcomes: none (the phones ask for no outcome)\n";
        var w = new StringWriter();
        w.WriteLine("outcomes:");
        foreach (OutcomeChoice o in office.Outcomes) w.WriteLine($"  {o.Id,-20} {o.Label}" + (o.Enabled ? "" : "  (disabled)"));
        return w.ToString();
    }
}
