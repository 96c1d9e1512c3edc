// What every "office ..." command shares: the --office file, loading it, saving after a change.
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>
/// Base of the office directory commands. Each loads <c>--office</c> (default ./office.json),
/// applies one rule-checked change and saves the file only when the change was allowed. A refusal
/// is printed as "refused: why" with exit code 1 and leaves the file as it was.
/// </summary>
public abstract class OfficeCommand : ICommand
{
    public const string DefaultFile = "office.json";

    public abstract string Name { get; }
    public abstract IReadOnlyCollection<string> OptionNames { get; }
    public abstract string Usage { get; }
    public abstract string Summary { get; }

    /// <summary>Options that may be given more than once (none unless a command says so).</summary>
    public virtual IReadOnlyCollection<string> RepeatableOptions => Array.Empty<string>();

    /// <summary>Options without a value (none unless a command says so).</summary>
    public virtual IReadOnlyCollection<string> FlagOptions => Array.Empty<string>();

    public int Run(Options options, TextWriter output, TextWriter errors)
    {
        string path = options.Optional("office", DefaultFile);
        Func<OfficeDirectory, Outcome> change = Prepare(options); // a wrong command line is reported before the file is read
        OfficeDirectory office = Load(path, errors, out bool loaded)!;
        if (!loaded) return ProvisionApp.Failed;
        Outcome outcome = change(office);
        if (!outcome.Ok)
        {
            errors.WriteLine("refused: " + outcome.Message);
            return ProvisionApp.Failed;
        }
        OfficeFile.Save(path, office);
        output.WriteLine(outcome.Message);
        foreach (string warning in outcome.Warnings) output.WriteLine("warning: " + warning);
        output.WriteLine($"{path} saved; run 'deskphone-provision provision --office {path} --out DIR' to apply it");
        return ProvisionApp.Ok;
    }

    /// <summary>
    /// Reads the options (throwing <see cref="UsageException"/> for wrong ones) and returns the change;
    /// the office is saved only when the change's outcome is Ok.
    /// </summary>
    protected abstract Func<OfficeDirectory, Outcome> Prepare(Options options);

    /// <summary>Reads office.json, printing every error (and false) when it has any.</summary>
    /// <summary>The read-only commands (show, outcome list, crm show): load --office and print what <paramref name="describe"/> makes of it.</summary>
    public static int Print(Options options, TextWriter output, TextWriter errors, Func<OfficeDirectory, string> describe)
    {
        string path = options.Optional("office", DefaultFile);
        OfficeDirectory? office = Load(path, errors, out bool loaded);
        if (!loaded) return ProvisionApp.Failed;
        output.Write(describe(office!));
        return ProvisionApp.Ok;
    }

    public static OfficeDirectory? Load(string path, TextWriter errors, out bool loaded)
    {
        try
        {
            loaded = true;
            return OfficeFile.Load(path);
        }
        catch (OfficeFileException e)
        {
            foreach (OfficeError error in e.Errors) errors.WriteLine(error);
            errors.WriteLine($"{e.Errors.Count} error(s) in {path}; nothing changed");
            loaded = false;
            return null;
        }
    }

    /// <summary>--allow "place,answer" (or "none"); <paramref name="fallback"/> when not given.</summary>
    protected static Permissions Allow(Options options, Permissions fallback)
    {
        string? text = options.Get("allow");
        if (text == null) return fallback;
        if (!PermissionNames.TryParseList(text, out Permissions permissions, out string error)) throw new UsageException("--allow: " + error);
        return permissions;
    }

    /// <summary>--as admin|USER, admin when not given.</summary>
    protected static Actor As(Options options) => Actor.Parse(options.Optional("as", "admin"));
}
