namespace DeskPhone.Portability.Tests;

/// <summary>
/// The BCL types portable code may reference: full type names (nested types as <c>Outer+Inner</c>), one per
/// line, <c>#</c> starts a comment. A line starting with <c>?</c> is a provisional entry: a type nanoFramework
/// 1.x does NOT have but that Roslyn references on net10 only because the net10 BCL has it (and would leave
/// out when compiling against nanoFramework's mscorlib). Provisional entries are tolerated but every use is
/// reported in <see cref="CheckResult.ProvisionalUses"/>, so they are never silent.
/// </summary>
public sealed class AllowList
{
    /// <summary>File name of the allow-list kept next to this project (copied to the output directory).</summary>
    public const string FileName = "nanoframework-bcl-allowlist.txt";

    private readonly HashSet<string> _offered;
    private readonly HashSet<string> _provisional;

    private AllowList(HashSet<string> offered, HashSet<string> provisional)
    {
        _offered = offered;
        _provisional = provisional;
    }

    /// <summary>Types nanoFramework offers.</summary>
    public IReadOnlyCollection<string> Offered => _offered;

    /// <summary>Tolerated compiler-only references nanoFramework lacks (the <c>?</c> lines).</summary>
    public IReadOnlyCollection<string> Provisional => _provisional;

    /// <summary>The repository's allow-list, from the test output directory.</summary>
    public static AllowList LoadDefault() => Load(Path.Combine(AppContext.BaseDirectory, FileName));

    public static AllowList Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>An allow-list file kept next to this project (copied to the output directory), by file name.</summary>
    public static AllowList LoadNamed(string fileName) => Load(Path.Combine(AppContext.BaseDirectory, fileName));

    /// <summary>
    /// This list plus <paramref name="more"/> (for example the board-only package types of
    /// <c>nanoframework-board-allowlist.txt</c>); throws <see cref="FormatException"/> on a type both list.
    /// </summary>
    public AllowList With(AllowList more)
    {
        var offered = new HashSet<string>(_offered, StringComparer.Ordinal);
        var provisional = new HashSet<string>(_provisional, StringComparer.Ordinal);
        foreach (string name in more._offered.Concat(more._provisional))
        {
            if (offered.Contains(name) || provisional.Contains(name))
            {
                throw new FormatException($"'{name}' is in both allow-lists");
            }
        }
        offered.UnionWith(more._offered);
        provisional.UnionWith(more._provisional);
        return new AllowList(offered, provisional);
    }

    /// <summary>Parses allow-list text; throws <see cref="FormatException"/> on a malformed or repeated line.</summary>
    public static AllowList Parse(string text)
    {
        var offered = new HashSet<string>(StringComparer.Ordinal);
        var provisional = new HashSet<string>(StringComparer.Ordinal);
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line.Substring(0, hash);
            }
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            bool isProvisional = line[0] == '?';
            string name = isProvisional ? line.Substring(1).Trim() : line;
            if (!IsFullTypeName(name))
            {
                throw new FormatException($"{FileName} line {i + 1}: '{lines[i].Trim()}' is not a full type name");
            }
            if (offered.Contains(name) || provisional.Contains(name))
            {
                throw new FormatException($"{FileName} line {i + 1}: '{name}' is listed twice");
            }
            (isProvisional ? provisional : offered).Add(name);
        }
        return new AllowList(offered, provisional);
    }

    public bool IsOffered(string fullTypeName) => _offered.Contains(fullTypeName);

    public bool IsProvisional(string fullTypeName) => _provisional.Contains(fullTypeName);

    /// <summary>Namespace-qualified, no spaces, no generic arity or arguments (generics are never allowed).</summary>
    private static bool IsFullTypeName(string name)
    {
        if (name.IndexOf('.') <= 0 || name.EndsWith('.') || name.EndsWith('+'))
        {
            return false;
        }
        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '+'))
            {
                return false;
            }
        }
        return true;
    }
}
