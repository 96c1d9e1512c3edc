using System.Reflection.Metadata;

namespace DeskPhone.Portability.Tests;

/// <summary>Where a reference is used: the location text and the type it belongs to.</summary>
public readonly record struct Site(string Location, string? DeclaringType)
{
    public static Site Assembly(string assemblyName) => new Site("assembly " + assemblyName, null);
}

/// <summary>
/// Collects violations (once per location and problem) and remembers which metadata rows were met at a
/// known location, so the final sweep only reports the rest at assembly level.
/// </summary>
internal sealed class Findings
{
    private readonly Dictionary<string, Violation> _violations = new Dictionary<string, Violation>(StringComparer.Ordinal);
    private readonly SortedSet<string> _provisionalUses = new SortedSet<string>(StringComparer.Ordinal);
    private readonly SortedSet<string> _trustedTypes = new SortedSet<string>(StringComparer.Ordinal);
    private readonly HashSet<EntityHandle> _seen = new HashSet<EntityHandle>();

    public void Add(ViolationKind kind, Site site, string problem)
    {
        string key = site.Location + "\n" + problem;
        if (!_violations.ContainsKey(key))
        {
            _violations.Add(key, new Violation(kind, site.Location, site.DeclaringType, problem));
        }
    }

    public void AddProvisionalUse(Site site, string typeName) => _provisionalUses.Add(site.Location + ": " + typeName);

    /// <summary>Remembers a type referenced in a trusted (stub) assembly.</summary>
    public void AddTrustedType(string assemblyName, string typeName) => _trustedTypes.Add(assemblyName + ": " + typeName);

    /// <summary>Marks a row as met at a real location; false if it was already met.</summary>
    public bool MarkSeen(EntityHandle handle) => _seen.Add(handle);

    public bool WasSeen(EntityHandle handle) => _seen.Contains(handle);

    public CheckResult ToResult(string assemblyName)
    {
        List<Violation> ordered = _violations.Values
            .OrderBy(v => v.DeclaringType == null ? 0 : 1)
            .ThenBy(v => v.Location, StringComparer.Ordinal)
            .ThenBy(v => v.Problem, StringComparer.Ordinal)
            .ToList();
        return new CheckResult(assemblyName, ordered, _provisionalUses.ToList(), _trustedTypes.ToList());
    }
}
