using System.Text;

namespace DeskPhone.Portability.Tests;

/// <summary>What the checker found in one assembly.</summary>
public sealed class CheckResult
{
    public CheckResult(string assemblyName, IReadOnlyList<Violation> violations, IReadOnlyList<string> provisionalUses)
        : this(assemblyName, violations, provisionalUses, Array.Empty<string>())
    {
    }

    public CheckResult(string assemblyName, IReadOnlyList<Violation> violations, IReadOnlyList<string> provisionalUses, IReadOnlyList<string> trustedTypes)
    {
        AssemblyName = assemblyName;
        Violations = violations;
        ProvisionalUses = provisionalUses;
        TrustedTypes = trustedTypes;
    }

    public string AssemblyName { get; }

    /// <summary>Everything that would not compile (or not run) on nanoFramework 1.x, ordered by location.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>
    /// Uses of provisional allow-list entries (types nanoFramework lacks that only the net10 compiler output
    /// references), as <c>location: type</c>. Tolerated, but listed so they are never silent.
    /// </summary>
    public IReadOnlyList<string> ProvisionalUses { get; }

    /// <summary>
    /// Types the assembly references in trusted assemblies (the nanoFramework signature stubs), as
    /// <c>Assembly: Full.Type.Name</c>, sorted. They are not judged by the allow-list: the stubs declare them.
    /// </summary>
    public IReadOnlyList<string> TrustedTypes { get; }

    public bool IsPortable => Violations.Count == 0;

    /// <summary>Violations in types whose full name starts with <paramref name="prefix"/> (e.g. a namespace + ".").</summary>
    public IEnumerable<Violation> In(string prefix) =>
        Violations.Where(v => v.DeclaringType != null && v.DeclaringType.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>A readable report: one violation per line, then the provisional uses.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        text.Append(AssemblyName).Append(": ").Append(Violations.Count).AppendLine(" nanoFramework portability violation(s)");
        foreach (Violation violation in Violations)
        {
            text.Append("  ").AppendLine(violation.ToString());
        }
        if (ProvisionalUses.Count > 0)
        {
            // Summarised per type (the full list is ProvisionalUses): types nanoFramework lacks that only the
            // net10 compiler output references.
            text.Append(ProvisionalUses.Count).AppendLine(" use(s) of provisional allow-list entries (net10 compiler output nanoFramework's compiler would not produce):");
            foreach (IGrouping<string, string> type in ProvisionalUses.GroupBy(TypeOfUse).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.Append("  ").Append(type.Key).Append(": ").Append(type.Count()).Append(" use(s), first at ")
                    .AppendLine(type.First().Substring(0, type.First().Length - type.Key.Length - 2));
            }
        }
        return text.ToString();
    }

    /// <summary>The report plus the trusted (stub) types referenced, one per line.</summary>
    public string ReportWithTrustedTypes()
    {
        var text = new StringBuilder(Report());
        text.Append(TrustedTypes.Count).AppendLine(" type(s) referenced in trusted stub assemblies:");
        foreach (string type in TrustedTypes)
        {
            text.Append("  ").AppendLine(type);
        }
        return text.ToString();
    }

    public override string ToString() => Report();

    private static string TypeOfUse(string use) => use.Substring(use.LastIndexOf(": ", StringComparison.Ordinal) + 2);
}
