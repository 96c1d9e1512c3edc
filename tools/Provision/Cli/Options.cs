// "--name value" options of one command.
namespace DeskPhone.Provision.Cli;

/// <summary>
/// The options given to a command: each "--name value" once (a <c>repeatable</c> one any number of
/// times, read with <see cref="All"/>; a <c>flag</c> without a value, read with <see cref="Has"/>),
/// only names the command knows.
/// </summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, List<string>> _repeated;

    private Options(Dictionary<string, string> values, Dictionary<string, List<string>> repeated)
    {
        _values = values;
        _repeated = repeated;
    }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="UsageException"/> for anything else.</summary>
    public static Options Parse(IEnumerable<string> args, IReadOnlyCollection<string> known, string command,
        IReadOnlyCollection<string>? repeatable = null, IReadOnlyCollection<string>? flags = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var repeated = new Dictionary<string, List<string>>(StringComparer.Ordinal);
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
            bool many = repeatable != null && repeatable.Contains(name);
            if (flags != null && flags.Contains(name))
            {
                if (values.ContainsKey(name)) throw new UsageException($"--{name} is given twice");
                values[name] = "";
                continue;
            }
            if (values.ContainsKey(name) && !many)
            {
                throw new UsageException($"--{name} is given twice");
            }
            if (!e.MoveNext() || e.Current.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"--{name} needs a value");
            }
            values[name] = e.Current;
            if (many)
            {
                if (!repeated.TryGetValue(name, out List<string>? list)) repeated[name] = list = new List<string>();
                list.Add(e.Current);
            }
        }
        return new Options(values, repeated);
    }

    /// <summary>True when the flag (an option without a value, like --rotate) is given.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Every value of a repeatable option in the order given (empty when not given).</summary>
    public IReadOnlyList<string> All(string name) =>
        _repeated.TryGetValue(name, out List<string>? list) ? list : _values.TryGetValue(name, out string? one) ? new[] { one } : Array.Empty<string>();

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
