// One deskphone-provision command.
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands;

/// <summary>A command of the tool, registered in <see cref="ProvisionApp.Commands"/>.</summary>
public interface ICommand
{
    /// <summary>The word after deskphone-provision ("build").</summary>
    string Name { get; }

    /// <summary>The option names it takes (without "--").</summary>
    IReadOnlyCollection<string> OptionNames { get; }

    /// <summary>The options that may be given more than once ("--allow A --allow B"); none unless a command says so.</summary>
    IReadOnlyCollection<string> RepeatableOptions => Array.Empty<string>();

    /// <summary>The options that take no value ("--rotate"); none unless a command says so.</summary>
    IReadOnlyCollection<string> FlagOptions => Array.Empty<string>();

    /// <summary>One line: the command with its options.</summary>
    string Usage { get; }

    /// <summary>One line: what it does.</summary>
    string Summary { get; }

    /// <summary>Runs it; returns the exit code. Throws <see cref="UsageException"/> or <see cref="ProvisionException"/>.</summary>
    int Run(Options options, TextWriter output, TextWriter errors);
}
