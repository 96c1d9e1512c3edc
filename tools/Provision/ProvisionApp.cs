// The command registry and dispatch of deskphone-provision.
using DeskPhone.Provision.Cli;
using DeskPhone.Provision.Commands;
using DeskPhone.Provision.Commands.Office;

namespace DeskPhone.Provision;

/// <summary>
/// Finds the command named by the first argument and runs it. Commands register here by name
/// (build, push, bundle; the office directory's commands "office pair", "office outcome add"... and provision).
/// Exit codes:
/// 0 done, 1 the files or an operation failed, 2 the command line is wrong.
/// </summary>
public static class ProvisionApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    /// <summary>Every command, in the order help lists them.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } = new ICommand[]
    {
        new BuildCommand(),
        new PushCommand(),
        new BundleCommand(),
        new ProvisionCommand(),
        new OfficeShowCommand(),
        new OfficePairCommand(),
        new OfficeAnswerCommand(accept: true),
        new OfficeAnswerCommand(accept: false),
        new OfficePermitCommand(),
        new OfficeUnpairCommand(),
        new OfficeDeactivateCommand(),
        new OfficeLimitsCommand(),
        new OfficeOutcomeCommand("add"),
        new OfficeOutcomeCommand("rename"),
        new OfficeOutcomeCommand("disable"),
        new OfficeOutcomeCommand("enable"),
        new OfficeOutcomeCommand("delete"),
        new OfficeOutcomeListCommand(),
        new OfficeRecordingCommand(DeskPhone.Office.Model.RecordingMode.Off),
        new OfficeRecordingCommand(DeskPhone.Office.Model.RecordingMode.On),
        new OfficeRecordingCommand(DeskPhone.Office.Model.RecordingMode.Forced),
        new OfficeRolesCommand(),
        new OfficeCrmCommand("webhooks"),
        new OfficeCrmCommand("webhooks off"),
        new OfficeCrmCommand("api on"),
        new OfficeCrmCommand("api off"),
        new OfficeCrmCommand("token"),
        new OfficeCrmCommand("lookup"),
        new OfficeCrmCommand("lookup off"),
        new OfficeCrmCommand("address"),
        new OfficeCrmShowCommand(),
        new OfficeServeCommand(),
    };

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            output.Write(Usage());
            return args.Length == 0 ? UsageError : Ok;
        }
        // The longest name first: four words ("office crm api on"), three ("office outcome add"), two ("office pair"), one.
        ICommand? command = null;
        int words = Math.Min(4, args.Length) + 1;
        while (command == null && --words > 0)
        {
            string name = string.Join(" ", args.Take(words));
            command = Commands.FirstOrDefault(c => c.Name == name);
        }
        if (command == null)
        {
            string what = args[0] == "office" && args.Length > 2 && args[1] is "outcome" or "recording" or "crm"
                ? $"office {args[1]} command '{args[2]}'"
                : args[0] == "office" && args.Length > 1 ? $"office command '{args[1]}'" : $"command '{args[0]}'";
            errors.WriteLine($"deskphone-provision: unknown {what} (commands: {string.Join(", ", Commands.Select(c => c.Name))})");
            return UsageError;
        }
        try
        {
            Options options = Options.Parse(args.Skip(words), command.OptionNames, command.Name, command.RepeatableOptions, command.FlagOptions);
            return command.Run(options, output, errors);
        }
        catch (UsageException e)
        {
            errors.WriteLine("deskphone-provision " + command.Name + ": " + e.Message);
            errors.WriteLine("usage: " + command.Usage);
            return UsageError;
        }
        catch (ProvisionException e)
        {
            errors.WriteLine("deskphone-provision " + command.Name + ": " + e.Message);
            return Failed;
        }
    }

    public static string Usage()
    {
        var text = new StringWriter();
        text.WriteLine("deskphone-provision: keep the office directory, generate DeskPhone device files and softswitch data, check them and put them on phones");
        text.WriteLine();
        foreach (ICommand command in Commands)
        {
            text.WriteLine("  " + command.Usage);
            text.WriteLine("      " + command.Summary);
        }
        text.WriteLine();
        text.WriteLine("Exit codes: 0 done, 1 errors in the files or a failed copy, 2 wrong command line. See tools/Provision/README.md.");
        return text.ToString();
    }
}

/// <summary>A problem with the command line; the command's usage is printed after it.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>A problem the tool reports in words and stops on (missing build, failed copy).</summary>
public sealed class ProvisionException(string message) : Exception(message);
