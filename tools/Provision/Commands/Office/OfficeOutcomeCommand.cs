// office outcome add|rename|disable|enable|delete: the call outcomes the phones offer when a call ends.
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>One change to the office's outcome list; registered once per verb ("office outcome add"...).</summary>
public sealed class OfficeOutcomeCommand : OfficeCommand
{
    /// <summary>The verbs, in the order help lists them.</summary>
    public static readonly string[] Verbs = { "add", "rename", "disable", "enable", "delete" };

    private readonly string _verb;

    public OfficeOutcomeCommand(string verb)
    {
        if (!Verbs.Contains(verb)) throw new ArgumentException("no outcome verb " + verb, nameof(verb));
        _verb = verb;
        OptionNames = verb switch
        {
            "add" => new[] { "label", "id", "as", "office" },
            "rename" => new[] { "id", "label", "as", "office" },
            _ => new[] { "id", "as", "office" },
        };
    }

    public override string Name => "office outcome " + _verb;
    public override IReadOnlyCollection<string> OptionNames { get; }

    public override string Usage => _verb switch
    {
        "add" => "office outcome add --label \"Left voicemail\" [--id left-voicemail] [--office office.json]",
        "rename" => "office outcome rename --id ID --label \"New label\" [--office office.json]",
        _ => $"office outcome {_verb} --id ID [--office office.json]",
    };

    public override string Summary => _verb switch
    {
        "add" => "add a call outcome the phones offer when a call ends (label at most 24 characters; the id is made from it unless given)",
        "rename" => "relabel an outcome; calls already logged keep the label they got",
        "disable" => "stop offering an outcome; calls that have it keep it",
        "enable" => "offer a disabled outcome again",
        _ => "take an outcome off the list; calls already logged keep its label",
    };

    protected override Func<OfficeDirectory, Outcome> Prepare(Options options)
    {
        Actor by = As(options);
        switch (_verb)
        {
            case "add":
                string label = options.Required("label");
                string? id = options.Get("id");
                return office => Policies.AddOutcome(office, label, id, by);
            case "rename":
                string renamed = options.Required("id");
                string newLabel = options.Required("label");
                return office => Policies.RenameOutcome(office, renamed, newLabel, by);
            case "delete":
                string deleted = options.Required("id");
                return office => Policies.DeleteOutcome(office, deleted, by);
            default:
                string which = options.Required("id");
                bool enable = _verb == "enable";
                return office => Policies.SetOutcomeEnabled(office, which, enable, by);
        }
    }
}
