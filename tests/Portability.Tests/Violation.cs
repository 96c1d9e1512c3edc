namespace DeskPhone.Portability.Tests;

/// <summary>What kind of nanoFramework 1.x rule a violation breaks.</summary>
public enum ViolationKind
{
    /// <summary>A generic type or method is defined in the portable assembly.</summary>
    GenericDefinition,

    /// <summary>A generic type or method is used (instantiated, called, stored, passed).</summary>
    GenericUse,

    /// <summary>A multi-dimensional array (an ArrayShape in a signature).</summary>
    MultiDimensionalArray,

    /// <summary>A member nanoFramework's type lacks even though the type itself exists (Enum.GetValues ...).</summary>
    MissingMember,

    /// <summary>A BCL type that is not in the nanoFramework allow-list.</summary>
    TypeNotOffered,
}

/// <summary>
/// One reason a portable assembly would not compile for nanoFramework 1.x, and where it happens.
/// <see cref="Location"/> names a method (<c>Ns.Type.Method(Int32)</c>), another member (<c>Ns.Type.Field</c>),
/// a type (<c>Ns.Type</c>) or the assembly itself (<c>assembly Name</c>).
/// </summary>
public sealed class Violation
{
    public Violation(ViolationKind kind, string location, string? declaringType, string problem)
    {
        Kind = kind;
        Location = location;
        DeclaringType = declaringType;
        Problem = problem;
    }

    public ViolationKind Kind { get; }

    /// <summary>Where: the method, member, type or assembly.</summary>
    public string Location { get; }

    /// <summary>Full name of the type the location belongs to; null for assembly-level findings.</summary>
    public string? DeclaringType { get; }

    /// <summary>What: e.g. <c>uses System.Collections.Generic.List`1&lt;System.Int32&gt;</c>.</summary>
    public string Problem { get; }

    public override string ToString() => Location + ": " + Problem;
}
