using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace DeskPhone.Portability.Tests;

/// <summary>
/// The mechanical nanoFramework 1.x check of ARCHITECTURE.md ("Portability"): reads a compiled portable
/// assembly's metadata and reports, with the member where each occurs,
/// (a) generic definitions and uses, multi-dimensional arrays, and Enum.GetValues/GetNames/IsDefined/GetName;
/// (b) references to BCL types (any assembly not named DeskPhone.*) missing from the allow-list.
/// </summary>
public sealed class PortabilityChecker
{
    private readonly AllowList _allowList;
    private readonly IReadOnlyCollection<string> _trustedAssemblies;

    public PortabilityChecker(AllowList allowList)
        : this(allowList, Array.Empty<string>())
    {
    }

    /// <param name="trustedAssemblies">Assemblies whose types need no allow-list entry (see <see cref="ReferenceInspector"/>).</param>
    public PortabilityChecker(AllowList allowList, IReadOnlyCollection<string> trustedAssemblies)
    {
        _allowList = allowList;
        _trustedAssemblies = trustedAssemblies;
    }

    /// <summary>A checker using the repository's allow-list (nanoframework-bcl-allowlist.txt).</summary>
    public static PortabilityChecker WithDefaultAllowList() => new PortabilityChecker(AllowList.LoadDefault());

    public CheckResult Check(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        return new Run(pe, _allowList, _trustedAssemblies).Execute();
    }

    /// <summary>One pass over one assembly.</summary>
    private sealed class Run
    {
        private readonly PEReader _pe;
        private readonly MetadataReader _reader;
        private readonly Findings _findings = new Findings();
        private readonly ReferenceInspector _inspector;
        private readonly Site _assemblySite;

        public Run(PEReader pe, AllowList allowList, IReadOnlyCollection<string> trustedAssemblies)
        {
            _pe = pe;
            _reader = pe.GetMetadataReader();
            _inspector = new ReferenceInspector(_reader, allowList, _findings, trustedAssemblies);
            _assemblySite = Site.Assembly(_reader.GetString(_reader.GetAssemblyDefinition().Name));
        }

        public CheckResult Execute()
        {
            InspectAttributes(_reader.GetAssemblyDefinition().GetCustomAttributes(), _assemblySite);
            InspectAttributes(_reader.GetModuleDefinition().GetCustomAttributes(), _assemblySite);
            foreach (TypeDefinitionHandle type in _reader.TypeDefinitions)
            {
                InspectType(type);
            }
            SweepRowsMetNowhere();
            return _findings.ToResult(_reader.GetString(_reader.GetAssemblyDefinition().Name));
        }

        private void InspectType(TypeDefinitionHandle handle)
        {
            TypeDefinition type = _reader.GetTypeDefinition(handle);
            string typeName = MetadataNames.TypeDefinition(_reader, handle);
            var site = new Site(typeName, typeName);
            GenericContext context = GenericContext.For(_reader, handle);

            if (type.GetGenericParameters().Count > 0)
            {
                _findings.Add(ViolationKind.GenericDefinition, site, "is a generic type definition");
            }
            if (!type.BaseType.IsNil)
            {
                _inspector.Inspect(type.BaseType, site);
            }
            foreach (InterfaceImplementationHandle implementation in type.GetInterfaceImplementations())
            {
                _inspector.Inspect(_reader.GetInterfaceImplementation(implementation).Interface, site);
            }
            foreach (MethodImplementationHandle implementation in type.GetMethodImplementations())
            {
                _inspector.Inspect(_reader.GetMethodImplementation(implementation).MethodDeclaration, site);
            }
            InspectAttributes(type.GetCustomAttributes(), site);

            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                FieldDefinition field = _reader.GetFieldDefinition(fieldHandle);
                var fieldSite = new Site(typeName + "." + _reader.GetString(field.Name), typeName);
                _inspector.InspectSignature(field.DecodeSignature(_inspector.Provider, context), fieldSite);
                InspectAttributes(field.GetCustomAttributes(), fieldSite);
            }
            foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
            {
                PropertyDefinition property = _reader.GetPropertyDefinition(propertyHandle);
                var propertySite = new Site(typeName + "." + _reader.GetString(property.Name), typeName);
                MethodSignature<SignatureType> signature = property.DecodeSignature(_inspector.Provider, context);
                InspectSignature(signature, propertySite);
                InspectAttributes(property.GetCustomAttributes(), propertySite);
            }
            foreach (EventDefinitionHandle eventHandle in type.GetEvents())
            {
                EventDefinition definition = _reader.GetEventDefinition(eventHandle);
                var eventSite = new Site(typeName + "." + _reader.GetString(definition.Name), typeName);
                _inspector.Inspect(definition.Type, eventSite);
                InspectAttributes(definition.GetCustomAttributes(), eventSite);
            }
            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                InspectMethod(handle, type, typeName, methodHandle);
            }
        }

        private void InspectMethod(TypeDefinitionHandle typeHandle, TypeDefinition type, string typeName, MethodDefinitionHandle handle)
        {
            MethodDefinition method = _reader.GetMethodDefinition(handle);
            GenericContext context = GenericContext.For(_reader, typeHandle, handle);
            MethodSignature<SignatureType> signature = method.DecodeSignature(_inspector.Provider, context);
            var site = new Site(MethodLocation(typeName, method, context, signature), typeName);

            if (method.GetGenericParameters().Count > 0)
            {
                _findings.Add(ViolationKind.GenericDefinition, site, "is a generic method definition");
            }
            InspectSignature(signature, site);
            InspectAttributes(method.GetCustomAttributes(), site);
            foreach (ParameterHandle parameter in method.GetParameters())
            {
                InspectAttributes(_reader.GetParameter(parameter).GetCustomAttributes(), site);
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return; // abstract, extern or runtime-implemented (delegate Invoke/BeginInvoke/EndInvoke)
            }
            MethodBodyBlock body = _pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                StandaloneSignature locals = _reader.GetStandaloneSignature(body.LocalSignature);
                foreach (SignatureType local in locals.DecodeLocalSignature(_inspector.Provider, context))
                {
                    _inspector.InspectSignature(local, site);
                }
            }
            foreach (ExceptionRegion region in body.ExceptionRegions)
            {
                if (!region.CatchType.IsNil)
                {
                    _inspector.Inspect(region.CatchType, site);
                }
            }
            byte[] il = body.GetILBytes() ?? Array.Empty<byte>();
            foreach (EntityHandle token in IlScanner.Tokens(il))
            {
                if (IsEventAccessorCompareExchange(type, method, token))
                {
                    // Exempt: see IsEventAccessorCompareExchange. The genericness is waived, nothing else:
                    // Interlocked itself and the delegate type argument must still be types nanoFramework has.
                    var specification = (MethodSpecificationHandle)token;
                    _findings.MarkSeen(specification);
                    _findings.MarkSeen(_reader.GetMethodSpecification(specification).Method);
                    MemberReference compareExchange = _reader.GetMemberReference((MemberReferenceHandle)_reader.GetMethodSpecification(specification).Method);
                    _inspector.Inspect(compareExchange.Parent, site);
                    _inspector.InspectTypeArguments(specification, site);
                    continue;
                }
                _inspector.Inspect(token, site);
            }
        }

        /// <summary>
        /// The one exempt generic call: System.Threading.Interlocked.CompareExchange&lt;T&gt; made from a
        /// compiler-generated event accessor (a special-name add_X/remove_X of a type that declares event X).
        /// Roslyn emits that generic call for field-like events only when the referenced BCL has it;
        /// nanoFramework's mscorlib lacks it, so the same source compiles there to the non-generic
        /// Delegate.Combine/Delegate.Remove form. Any other use of CompareExchange&lt;T&gt; is a violation.
        /// </summary>
        private bool IsEventAccessorCompareExchange(TypeDefinition type, MethodDefinition method, EntityHandle token)
        {
            if (token.Kind != HandleKind.MethodSpecification)
            {
                return false;
            }
            EntityHandle target = _reader.GetMethodSpecification((MethodSpecificationHandle)token).Method;
            if (target.Kind != HandleKind.MemberReference)
            {
                return false;
            }
            MemberReference member = _reader.GetMemberReference((MemberReferenceHandle)target);
            if (_reader.GetString(member.Name) != "CompareExchange"
                || member.Parent.Kind != HandleKind.TypeReference
                || _inspector.IsProjectType((TypeReferenceHandle)member.Parent)
                || MetadataNames.TypeReference(_reader, (TypeReferenceHandle)member.Parent) != "System.Threading.Interlocked")
            {
                return false;
            }
            if ((method.Attributes & MethodAttributes.SpecialName) == 0)
            {
                return false;
            }
            string name = _reader.GetString(method.Name);
            string? eventName = name.StartsWith("add_", StringComparison.Ordinal) ? name.Substring(4)
                : name.StartsWith("remove_", StringComparison.Ordinal) ? name.Substring(7)
                : null;
            if (eventName == null)
            {
                return false;
            }
            foreach (EventDefinitionHandle eventHandle in type.GetEvents())
            {
                if (_reader.GetString(_reader.GetEventDefinition(eventHandle).Name) == eventName)
                {
                    return true;
                }
            }
            return false;
        }

        private void InspectSignature(MethodSignature<SignatureType> signature, Site site)
        {
            _inspector.InspectSignature(signature.ReturnType, site);
            foreach (SignatureType parameter in signature.ParameterTypes)
            {
                _inspector.InspectSignature(parameter, site);
            }
        }

        private void InspectAttributes(CustomAttributeHandleCollection attributes, Site site)
        {
            foreach (CustomAttributeHandle attribute in attributes)
            {
                _inspector.InspectAttributeConstructor(_reader.GetCustomAttribute(attribute).Constructor, site);
            }
        }

        /// <summary>
        /// Rows no method, member or type led to (e.g. only named by another row) are still judged, at
        /// assembly level, so nothing in the metadata escapes the check.
        /// </summary>
        private void SweepRowsMetNowhere()
        {
            foreach (MethodSpecificationHandle handle in _reader.MethodSpecifications())
            {
                if (!_findings.WasSeen(handle))
                {
                    _inspector.Inspect(handle, _assemblySite);
                }
            }
            foreach (MemberReferenceHandle handle in _reader.MemberReferences)
            {
                if (!_findings.WasSeen(handle))
                {
                    _inspector.Inspect(handle, _assemblySite);
                }
            }
            foreach (TypeSpecificationHandle handle in TypeSpecifications())
            {
                if (!_findings.WasSeen(handle))
                {
                    _inspector.Inspect(handle, _assemblySite);
                }
            }
            foreach (TypeReferenceHandle handle in _reader.TypeReferences)
            {
                if (!_findings.WasSeen(handle))
                {
                    _inspector.InspectTypeReference(handle, _assemblySite);
                }
            }
        }

        private IEnumerable<TypeSpecificationHandle> TypeSpecifications()
        {
            int count = _reader.GetTableRowCount(TableIndex.TypeSpec);
            for (int row = 1; row <= count; row++)
            {
                yield return MetadataTokens.TypeSpecificationHandle(row);
            }
        }

        private string MethodLocation(string typeName, MethodDefinition method, GenericContext context, MethodSignature<SignatureType> signature)
        {
            string name = typeName + "." + _reader.GetString(method.Name);
            if (context.MethodParameters.Count > 0)
            {
                name += "<" + string.Join(",", context.MethodParameters) + ">";
            }
            return name + "(" + string.Join(",", signature.ParameterTypes.Select(p => p.ShortName)) + ")";
        }
    }
}

/// <summary>MethodSpec rows of a reader, which MetadataReader does not enumerate itself.</summary>
internal static class MethodSpecificationRows
{
    public static IEnumerable<MethodSpecificationHandle> MethodSpecifications(this MetadataReader reader)
    {
        int count = reader.GetTableRowCount(TableIndex.MethodSpec);
        for (int row = 1; row <= count; row++)
        {
            yield return MetadataTokens.MethodSpecificationHandle(row);
        }
    }
}
