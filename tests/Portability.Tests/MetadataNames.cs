using System.Reflection.Metadata;

namespace DeskPhone.Portability.Tests;

/// <summary>Readable names for metadata rows: full type names (nested as <c>Outer+Inner</c>) and member names.</summary>
public static class MetadataNames
{
    public static string TypeDefinition(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        string name = reader.GetString(type.Name);
        TypeDefinitionHandle declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return TypeDefinition(reader, declaring) + "+" + name;
        }
        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string TypeReference(MetadataReader reader, TypeReferenceHandle handle)
    {
        TypeReference type = reader.GetTypeReference(handle);
        string name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeReference(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }
        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Drops the namespace (and declaring types) of a full type name: System.Int32 → Int32.</summary>
    public static string Short(string fullName)
    {
        int genericStart = fullName.IndexOf('<');
        string head = genericStart < 0 ? fullName : fullName.Substring(0, genericStart);
        int cut = Math.Max(head.LastIndexOf('.'), head.LastIndexOf('+'));
        return cut < 0 ? fullName : fullName.Substring(cut + 1);
    }

    /// <summary>
    /// The assembly a type reference resolves to (following nesting), or null when it resolves inside this
    /// module or through a module reference.
    /// </summary>
    public static string? ReferencedAssembly(MetadataReader reader, TypeReferenceHandle handle)
    {
        EntityHandle scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }
        if (scope.Kind != HandleKind.AssemblyReference)
        {
            return null;
        }
        return reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
    }

    /// <summary>Full name of the type that a MemberRef parent or a method's owner names, for messages.</summary>
    public static string TypeOf(MetadataReader reader, EntityHandle handle, SignatureTypeProvider provider)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return TypeDefinition(reader, (TypeDefinitionHandle)handle);
            case HandleKind.TypeReference:
                return TypeReference(reader, (TypeReferenceHandle)handle);
            case HandleKind.TypeSpecification:
                return reader.GetTypeSpecification((TypeSpecificationHandle)handle)
                    .DecodeSignature(provider, GenericContext.Unknown).FullName;
            case HandleKind.MethodDefinition:
                return TypeDefinition(reader, reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
            case HandleKind.ModuleReference:
                return reader.GetString(reader.GetModuleReference((ModuleReferenceHandle)handle).Name);
            default:
                return handle.Kind.ToString();
        }
    }
}
