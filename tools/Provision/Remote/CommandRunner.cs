// Runs the ssh/scp (or stand-in) programs push uses, with arguments passed as a list, never through a shell.
using System.Diagnostics;

namespace DeskPhone.Provision.Remote;

/// <summary>What a finished program reported.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Errors);

/// <summary>Starts a program with an argument list and waits for it to end, collecting its output.</summary>
public static class CommandRunner
{
    public static CommandResult Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ProvisionException($"cannot start {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ProvisionException($"cannot start {program}: {e.Message}");
        }
        using (process)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return new CommandResult(process.ExitCode, output.Result, errors.Result);
        }
    }

    /// <summary>"scp 'a b' host:x" for messages (quotes arguments with spaces).</summary>
    public static string Describe(string program, IReadOnlyList<string> arguments) =>
        string.Join(" ", new[] { program }.Concat(arguments).Select(a => a.Contains(' ') ? "'" + a + "'" : a));
}
