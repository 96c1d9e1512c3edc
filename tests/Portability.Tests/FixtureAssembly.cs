using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DeskPhone.Portability.Tests;

/// <summary>
/// The planted-violations assembly (tests/Portability.Fixtures), checked once per test class, plus a look
/// into its IL so tests can prove the compiler really emitted what a fixture is meant to exercise.
/// </summary>
public sealed class FixtureAssembly
{
    public const string FileName = "DeskPhone.Portability.Fixtures.dll";

    public FixtureAssembly()
    {
        Path = System.IO.Path.Combine(AppContext.BaseDirectory, FileName);
        Result = PortabilityChecker.WithDefaultAllowList().Check(Path);
    }

    public string Path { get; }

    public CheckResult Result { get; }

    /// <summary>Violations located in exactly this type (full name).</summary>
    public IReadOnlyList<Violation> ViolationsIn(string typeFullName) =>
        Result.Violations.Where(v => v.DeclaringType == typeFullName).ToList();

    /// <summary>
    /// The methods, fields and types one method body refers to, in IL order, e.g.
    /// <c>System.Threading.Interlocked.CompareExchange&lt;Clean.RingHandler&gt;</c>.
    /// </summary>
    public IReadOnlyList<string> ReferencesFrom(string typeFullName, string methodName)
    {
        using FileStream stream = File.OpenRead(Path);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var inspector = new ReferenceInspector(reader, AllowList.Parse(""), new Findings());
        foreach (TypeDefinitionHandle typeHandle in reader.TypeDefinitions)
        {
            if (MetadataNames.TypeDefinition(reader, typeHandle) != typeFullName)
            {
                continue;
            }
            foreach (MethodDefinitionHandle methodHandle in reader.GetTypeDefinition(typeHandle).GetMethods())
            {
                MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                if (reader.GetString(method.Name) != methodName)
                {
                    continue;
                }
                byte[] il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes() ?? Array.Empty<byte>();
                return IlScanner.Tokens(il).Select(token => Describe(reader, inspector, token)).ToList();
            }
        }
        throw new InvalidOperationException($"no method {typeFullName}.{methodName} in {FileName}");
    }

    /// <summary>Full names of the types the assembly defines.</summary>
    public IReadOnlyList<string> DefinedTypes()
    {
        using FileStream stream = File.OpenRead(Path);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        return reader.TypeDefinitions.Select(t => MetadataNames.TypeDefinition(reader, t)).ToList();
    }

    /// <summary>Method names of one type.</summary>
    public IReadOnlyList<string> MethodsOf(string typeFullName)
    {
        using FileStream stream = File.OpenRead(Path);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        TypeDefinitionHandle type = reader.TypeDefinitions.First(t => MetadataNames.TypeDefinition(reader, t) == typeFullName);
        return reader.GetTypeDefinition(type).GetMethods().Select(m => reader.GetString(reader.GetMethodDefinition(m).Name)).ToList();
    }

    private static string Describe(MetadataReader reader, ReferenceInspector inspector, EntityHandle token)
    {
        switch (token.Kind)
        {
            case HandleKind.MethodSpecification:
                MethodSpecification specification = reader.GetMethodSpecification((MethodSpecificationHandle)token);
                IEnumerable<string> arguments = specification.DecodeSignature(inspector.Provider, GenericContext.Unknown).Select(a => a.FullName);
                return inspector.MethodName(specification.Method) + "<" + string.Join(",", arguments) + ">";
            case HandleKind.MemberReference:
            case HandleKind.MethodDefinition:
                return inspector.MethodName(token);
            case HandleKind.FieldDefinition:
                return reader.GetString(reader.GetFieldDefinition((FieldDefinitionHandle)token).Name);
            default:
                return MetadataNames.TypeOf(reader, token, inspector.Provider);
        }
    }
}
