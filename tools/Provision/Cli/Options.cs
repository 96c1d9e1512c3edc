// "--name value" options of one command.
namespace DeskPhone.Provision.Cli;

/// <summary>The options given to a command: each "--name value" once, only names the command knows.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values;

    private Options(Dictionary<string, string> values)
    {
        _values = values;
    }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="UsageException"/> for anything else.</summary>
    public static Options Parse(IEnumerable<string> args, IReadOnlyCollection<string> known, string command)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using IEnumerator<string> e = args.GetEnumerator();
        while (e.MoveNext())
        {
            string arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"unexpected argument '{arg}'");
            }
            string name = arg.Substring(2);
            if (!known.Contains(name))
            {
                throw new UsageException($"unknown option '--{name}' for {command} (options: {string.Join(", ", known.Select(k => "--" + k))})");
            }
            if (values.ContainsKey(name))
            {
                throw new UsageException($"--{name} is given twice");
            }
            if (!e.MoveNext() || e.Current.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"--{name} needs a value");
            }
            values[name] = e.Current;
        }
        return new Options(values);
    }

    /// <summary>The value of a required option.</summary>
    public string Required(string name) =>
        _values.TryGetValue(name, out string? value) ? value : throw new UsageException($"--{name} is required");

    /// <summary>The value of an optional one, or null.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out string? value) ? value : null;

    /// <summary>An optional whole number in [min, max], or null.</summary>
    public int? Integer(string name, int min, int max)
    {
        string? text = Get(name);
        if (text == null) return null;
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n < min || n > max)
        {
            throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'");
        }
        return n;
    }

    /// <summary>The value of an optional one, or <paramref name="fallback"/>.</summary>
    public string Optional(string name, string fallback) =>
        _values.TryGetValue(name, out string? value) ? value : fallback;
}
