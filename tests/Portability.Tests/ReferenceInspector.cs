using System.Reflection.Metadata;

namespace DeskPhone.Portability.Tests;

/// <summary>
/// Judges one thing a portable assembly refers to (a token from IL, a base type, an attribute constructor,
/// a decoded signature) and records what nanoFramework 1.x would not accept, at the given <see cref="Site"/>.
/// </summary>
internal sealed class ReferenceInspector
{
    /// <summary>Members nanoFramework's System.Enum does not have, although System.Enum itself exists.</summary>
    private static readonly HashSet<string> MissingEnumMembers =
        new HashSet<string>(StringComparer.Ordinal) { "GetValues", "GetNames", "IsDefined", "GetName" };

    private readonly MetadataReader _reader;
    private readonly AllowList _allowList;
    private readonly Findings _findings;
    private readonly IReadOnlyCollection<string> _trustedAssemblies;

    public ReferenceInspector(MetadataReader reader, AllowList allowList, Findings findings)
        : this(reader, allowList, findings, Array.Empty<string>())
    {
    }

    /// <param name="trustedAssemblies">
    /// Assemblies whose types are accepted without the allow-list (the nanoFramework signature stubs the ESP32
    /// board code compiles against); their uses are listed in <see cref="CheckResult.TrustedTypes"/>.
    /// </param>
    public ReferenceInspector(MetadataReader reader, AllowList allowList, Findings findings, IReadOnlyCollection<string> trustedAssemblies)
    {
        _reader = reader;
        _allowList = allowList;
        _findings = findings;
        _trustedAssemblies = trustedAssemblies;
        Provider = new SignatureTypeProvider(reader);
    }

    public SignatureTypeProvider Provider { get; }

    /// <summary>True when a project assembly (DeskPhone.*) or this module defines the referenced type.</summary>
    public bool IsProjectType(TypeReferenceHandle handle)
    {
        string? assembly = MetadataNames.ReferencedAssembly(_reader, handle);
        return assembly == null || assembly.StartsWith("DeskPhone.", StringComparison.Ordinal);
    }

    /// <summary>Inspects a metadata token as found in IL, a base type list, an attribute constructor ...</summary>
    public void Inspect(EntityHandle handle, Site site)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                InspectTypeReference((TypeReferenceHandle)handle, site);
                break;
            case HandleKind.TypeSpecification:
                _findings.MarkSeen(handle);
                InspectSignature(
                    _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(Provider, GenericContext.Unknown),
                    site);
                break;
            case HandleKind.MemberReference:
                InspectMemberReference((MemberReferenceHandle)handle, site, parentIsCompilerChosen: false);
                break;
            case HandleKind.MethodSpecification:
                InspectMethodSpecification((MethodSpecificationHandle)handle, site);
                break;
            case HandleKind.StandaloneSignature:
                InspectStandaloneSignature((StandaloneSignatureHandle)handle, site);
                break;
            default:
                // Definitions in this assembly (TypeDef, MethodDef, FieldDef) are judged where they are defined.
                break;
        }
    }

    /// <summary>Reports generic instantiations, multi-dimensional arrays and foreign types inside a signature.</summary>
    /// <param name="via">For a referenced member's signature: that member, so the message says which call.</param>
    public void InspectSignature(SignatureType type, Site site, string? via = null)
    {
        string suffix = via == null ? "" : " via " + via;
        if (type.GenericInstantiations.Count > 0)
        {
            // The outermost instantiation names the whole construct (List`1<List`1<Int32>>), which is enough.
            _findings.Add(ViolationKind.GenericUse, site, "uses " + type.GenericInstantiations[0] + suffix);
        }
        foreach (string array in type.MultiDimensionalArrays)
        {
            _findings.Add(ViolationKind.MultiDimensionalArray, site, "uses multi-dimensional array " + array + suffix);
        }
        foreach (TypeReferenceHandle reference in type.TypeReferences)
        {
            InspectTypeReference(reference, site);
        }
    }

    /// <summary>
    /// Checks a referenced type against the allow-list. <paramref name="compilerChosen"/> is true where the
    /// compiler, not the source, picked the type: the type of an attribute the compiler applies, or the
    /// declaring type of an inherited instance method it binds to (AutoResetEvent.Set() is
    /// EventWaitHandle::Set on net10). Only there are provisional entries tolerated.
    /// </summary>
    public void InspectTypeReference(TypeReferenceHandle handle, Site site, bool compilerChosen = false)
    {
        _findings.MarkSeen(handle);
        string? assembly = MetadataNames.ReferencedAssembly(_reader, handle);
        if (assembly == null || assembly.StartsWith("DeskPhone.", StringComparison.Ordinal))
        {
            return;
        }
        string name = MetadataNames.TypeReference(_reader, handle);
        if (_trustedAssemblies.Contains(assembly, StringComparer.Ordinal))
        {
            _findings.AddTrustedType(assembly, name);
            return;
        }
        if (_allowList.IsOffered(name))
        {
            return;
        }
        if (_allowList.IsProvisional(name))
        {
            if (compilerChosen)
            {
                _findings.AddProvisionalUse(site, name);
            }
            else
            {
                _findings.Add(
                    ViolationKind.TypeNotOffered,
                    site,
                    $"uses {name} ({assembly}), which nanoFramework lacks (provisional in the allow-list only where the compiler picks it)");
            }
            return;
        }
        _findings.Add(ViolationKind.TypeNotOffered, site, $"uses {name} ({assembly}), which is not in the nanoFramework allow-list");
    }

    /// <summary>An attribute's constructor: the attribute type counts as compiler-chosen (see InspectTypeReference).</summary>
    public void InspectAttributeConstructor(EntityHandle constructor, Site site)
    {
        if (constructor.Kind == HandleKind.MemberReference)
        {
            InspectMemberReference((MemberReferenceHandle)constructor, site, parentIsCompilerChosen: true);
        }
        else
        {
            Inspect(constructor, site);
        }
    }

    /// <summary>The type arguments of a generic method instantiation (still checked when the call is exempt).</summary>
    public void InspectTypeArguments(MethodSpecificationHandle handle, Site site)
    {
        foreach (SignatureType argument in _reader.GetMethodSpecification(handle).DecodeSignature(Provider, GenericContext.Unknown))
        {
            InspectSignature(argument, site);
        }
    }

    /// <summary>Full name of a referenced method, e.g. <c>System.Threading.Interlocked.CompareExchange</c>.</summary>
    public string MethodName(EntityHandle method)
    {
        if (method.Kind == HandleKind.MemberReference)
        {
            MemberReference member = _reader.GetMemberReference((MemberReferenceHandle)method);
            return MetadataNames.TypeOf(_reader, member.Parent, Provider) + "." + _reader.GetString(member.Name);
        }
        if (method.Kind == HandleKind.MethodDefinition)
        {
            MethodDefinition definition = _reader.GetMethodDefinition((MethodDefinitionHandle)method);
            return MetadataNames.TypeDefinition(_reader, definition.GetDeclaringType()) + "." + _reader.GetString(definition.Name);
        }
        return method.Kind.ToString();
    }

    private void InspectMemberReference(MemberReferenceHandle handle, Site site, bool parentIsCompilerChosen)
    {
        _findings.MarkSeen(handle);
        MemberReference member = _reader.GetMemberReference(handle);
        if (member.Parent.Kind == HandleKind.TypeReference)
        {
            // An instance method's declaring type is the compiler's pick: the receiver's own type is already
            // in a signature (local, field, parameter, return) where it is judged strictly.
            bool inheritedInstanceMethod = member.GetKind() == MemberReferenceKind.Method
                && _reader.GetString(member.Name) != ".ctor"
                && member.DecodeMethodSignature(Provider, GenericContext.Unknown).Header.IsInstance;
            InspectTypeReference((TypeReferenceHandle)member.Parent, site, parentIsCompilerChosen || inheritedInstanceMethod);
        }
        else
        {
            Inspect(member.Parent, site);
        }

        string name = _reader.GetString(member.Name);
        if (member.Parent.Kind == HandleKind.TypeReference
            && !IsProjectType((TypeReferenceHandle)member.Parent)
            && MetadataNames.TypeReference(_reader, (TypeReferenceHandle)member.Parent) == "System.Enum"
            && MissingEnumMembers.Contains(name))
        {
            _findings.Add(ViolationKind.MissingMember, site, $"calls System.Enum.{name}, which nanoFramework's System.Enum does not have");
        }

        // The member's own signature: a BCL method taking or returning a generic instantiation, a
        // multi-dimensional array or a type nanoFramework lacks. Generic parameters (!0, !!0) in it only
        // occur on generic parents or generic methods, which are reported through the parent or MethodSpec.
        string via = MethodName(handle);
        if (member.GetKind() == MemberReferenceKind.Method)
        {
            MethodSignature<SignatureType> signature = member.DecodeMethodSignature(Provider, GenericContext.Unknown);
            InspectSignature(signature.ReturnType, site, via);
            foreach (SignatureType parameter in signature.ParameterTypes)
            {
                InspectSignature(parameter, site, via);
            }
        }
        else
        {
            InspectSignature(member.DecodeFieldSignature(Provider, GenericContext.Unknown), site, via);
        }
    }

    private void InspectMethodSpecification(MethodSpecificationHandle handle, Site site)
    {
        _findings.MarkSeen(handle);
        MethodSpecification specification = _reader.GetMethodSpecification(handle);
        IEnumerable<string> arguments = specification.DecodeSignature(Provider, GenericContext.Unknown).Select(a => a.FullName);
        _findings.Add(
            ViolationKind.GenericUse,
            site,
            "calls generic method " + MethodName(specification.Method) + "<" + string.Join(",", arguments) + ">");
        Inspect(specification.Method, site);
        InspectTypeArguments(handle, site);
    }

    private void InspectStandaloneSignature(StandaloneSignatureHandle handle, Site site)
    {
        StandaloneSignature signature = _reader.GetStandaloneSignature(handle);
        if (signature.GetKind() == StandaloneSignatureKind.Method)
        {
            MethodSignature<SignatureType> method = signature.DecodeMethodSignature(Provider, GenericContext.Unknown);
            InspectSignature(method.ReturnType, site);
            foreach (SignatureType parameter in method.ParameterTypes)
            {
                InspectSignature(parameter, site);
            }
        }
        else
        {
            foreach (SignatureType local in signature.DecodeLocalSignature(Provider, GenericContext.Unknown))
            {
                InspectSignature(local, site);
            }
        }
    }
}
