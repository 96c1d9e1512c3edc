using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace DeskPhone.Portability.Tests;

/// <summary>
/// A decoded signature type: its name plus everything in it the portability check cares about, gathered from
/// all its parts (element types, generic arguments, modifiers).
/// </summary>
public sealed class SignatureType
{
    private static readonly IReadOnlyList<string> None = Array.Empty<string>();
    private static readonly IReadOnlyList<TypeReferenceHandle> NoRefs = Array.Empty<TypeReferenceHandle>();

    public SignatureType(string fullName)
        : this(fullName, None, None, NoRefs, false)
    {
    }

    private SignatureType(
        string fullName,
        IReadOnlyList<string> genericInstantiations,
        IReadOnlyList<string> multiDimensionalArrays,
        IReadOnlyList<TypeReferenceHandle> typeReferences,
        bool hasGenericParameter)
    {
        FullName = fullName;
        GenericInstantiations = genericInstantiations;
        MultiDimensionalArrays = multiDimensionalArrays;
        TypeReferences = typeReferences;
        HasGenericParameter = hasGenericParameter;
    }

    /// <summary>E.g. <c>System.Collections.Generic.List`1&lt;System.Int32&gt;</c>, <c>System.Int32[,]</c>.</summary>
    public string FullName { get; }

    public string ShortName => MetadataNames.Short(FullName);

    /// <summary>Every generic instantiation inside, outermost first.</summary>
    public IReadOnlyList<string> GenericInstantiations { get; }

    /// <summary>Every multi-dimensional array inside.</summary>
    public IReadOnlyList<string> MultiDimensionalArrays { get; }

    /// <summary>Every TypeRef inside (to be checked against the allow-list).</summary>
    public IReadOnlyList<TypeReferenceHandle> TypeReferences { get; }

    /// <summary>Mentions a type or method generic parameter (!0, !!0).</summary>
    public bool HasGenericParameter { get; }

    public static SignatureType Reference(string fullName, TypeReferenceHandle handle) =>
        new SignatureType(fullName, None, None, new[] { handle }, false);

    public static SignatureType GenericParameter(string name) =>
        new SignatureType(name, None, None, NoRefs, true);

    /// <summary>A type built from parts, inheriting all their findings.</summary>
    public static SignatureType Compose(string fullName, IEnumerable<SignatureType> parts, string? genericInstantiation = null, string? multiDimensionalArray = null)
    {
        var generics = new List<string>();
        var arrays = new List<string>();
        var refs = new List<TypeReferenceHandle>();
        bool hasGenericParameter = false;
        if (genericInstantiation != null)
        {
            generics.Add(genericInstantiation);
        }
        if (multiDimensionalArray != null)
        {
            arrays.Add(multiDimensionalArray);
        }
        foreach (SignatureType part in parts)
        {
            generics.AddRange(part.GenericInstantiations);
            arrays.AddRange(part.MultiDimensionalArrays);
            refs.AddRange(part.TypeReferences);
            hasGenericParameter |= part.HasGenericParameter;
        }
        return new SignatureType(fullName, generics, arrays, refs, hasGenericParameter);
    }

    public override string ToString() => FullName;
}

/// <summary>Names of generic parameters in scope while decoding, so signatures read <c>T</c> rather than <c>!0</c>.</summary>
public sealed class GenericContext
{
    public static readonly GenericContext Unknown = new GenericContext(Array.Empty<string>(), Array.Empty<string>());

    public GenericContext(IReadOnlyList<string> typeParameters, IReadOnlyList<string> methodParameters)
    {
        TypeParameters = typeParameters;
        MethodParameters = methodParameters;
    }

    public IReadOnlyList<string> TypeParameters { get; }

    public IReadOnlyList<string> MethodParameters { get; }

    public static GenericContext For(MetadataReader reader, TypeDefinitionHandle type, MethodDefinitionHandle method = default)
    {
        var typeParameters = new List<string>();
        // Nested types repeat their outer types' parameters, so the declaring type's own list is complete.
        foreach (GenericParameterHandle p in reader.GetTypeDefinition(type).GetGenericParameters())
        {
            typeParameters.Add(reader.GetString(reader.GetGenericParameter(p).Name));
        }
        var methodParameters = new List<string>();
        if (!method.IsNil)
        {
            foreach (GenericParameterHandle p in reader.GetMethodDefinition(method).GetGenericParameters())
            {
                methodParameters.Add(reader.GetString(reader.GetGenericParameter(p).Name));
            }
        }
        return new GenericContext(typeParameters, methodParameters);
    }
}

/// <summary>Decodes signature blobs into <see cref="SignatureType"/>s (System.Reflection.Metadata's decoder does the walking).</summary>
public sealed class SignatureTypeProvider : ISignatureTypeProvider<SignatureType, GenericContext>
{
    public SignatureTypeProvider(MetadataReader reader)
    {
        Reader = reader;
    }

    public MetadataReader Reader { get; }

    public SignatureType GetPrimitiveType(PrimitiveTypeCode typeCode) => new SignatureType(typeCode switch
    {
        PrimitiveTypeCode.Void => "System.Void",
        PrimitiveTypeCode.Boolean => "System.Boolean",
        PrimitiveTypeCode.Char => "System.Char",
        PrimitiveTypeCode.SByte => "System.SByte",
        PrimitiveTypeCode.Byte => "System.Byte",
        PrimitiveTypeCode.Int16 => "System.Int16",
        PrimitiveTypeCode.UInt16 => "System.UInt16",
        PrimitiveTypeCode.Int32 => "System.Int32",
        PrimitiveTypeCode.UInt32 => "System.UInt32",
        PrimitiveTypeCode.Int64 => "System.Int64",
        PrimitiveTypeCode.UInt64 => "System.UInt64",
        PrimitiveTypeCode.Single => "System.Single",
        PrimitiveTypeCode.Double => "System.Double",
        PrimitiveTypeCode.String => "System.String",
        PrimitiveTypeCode.Object => "System.Object",
        PrimitiveTypeCode.IntPtr => "System.IntPtr",
        PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        _ => typeCode.ToString(),
    });

    public SignatureType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        new SignatureType(MetadataNames.TypeDefinition(reader, handle));

    public SignatureType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        SignatureType.Reference(MetadataNames.TypeReference(reader, handle), handle);

    public SignatureType GetTypeFromSpecification(MetadataReader reader, GenericContext genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public SignatureType GetGenericInstantiation(SignatureType genericType, ImmutableArray<SignatureType> typeArguments)
    {
        string name = genericType.FullName + "<" + string.Join(",", typeArguments.Select(a => a.FullName)) + ">";
        return SignatureType.Compose(name, typeArguments.Prepend(genericType), genericInstantiation: name);
    }

    public SignatureType GetGenericTypeParameter(GenericContext genericContext, int index) =>
        SignatureType.GenericParameter(index < genericContext.TypeParameters.Count ? genericContext.TypeParameters[index] : "!" + index);

    public SignatureType GetGenericMethodParameter(GenericContext genericContext, int index) =>
        SignatureType.GenericParameter(index < genericContext.MethodParameters.Count ? genericContext.MethodParameters[index] : "!!" + index);

    public SignatureType GetArrayType(SignatureType elementType, ArrayShape shape)
    {
        string name = elementType.FullName + "[" + new string(',', shape.Rank - 1) + "]";
        return SignatureType.Compose(name, new[] { elementType }, multiDimensionalArray: name);
    }

    public SignatureType GetSZArrayType(SignatureType elementType) =>
        SignatureType.Compose(elementType.FullName + "[]", new[] { elementType });

    public SignatureType GetByReferenceType(SignatureType elementType) =>
        SignatureType.Compose(elementType.FullName + "&", new[] { elementType });

    public SignatureType GetPointerType(SignatureType elementType) =>
        SignatureType.Compose(elementType.FullName + "*", new[] { elementType });

    public SignatureType GetPinnedType(SignatureType elementType) => elementType;

    // modreq/modopt (e.g. modreq(IsVolatile) on volatile fields): the modifier's type is checked too.
    public SignatureType GetModifiedType(SignatureType modifier, SignatureType unmodifiedType, bool isRequired) =>
        SignatureType.Compose(unmodifiedType.FullName, new[] { unmodifiedType, modifier });

    public SignatureType GetFunctionPointerType(MethodSignature<SignatureType> signature) =>
        SignatureType.Compose("method*", signature.ParameterTypes.Prepend(signature.ReturnType));
}
