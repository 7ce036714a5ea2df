using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace OneStop.Feedback.Firmware.Tests.IlGuard;

/// <summary>
/// Lists what nanoFramework 1.x cannot run although it compiles against nano's mscorlib: generics (definitions,
/// instantiations, generic method calls), multidimensional arrays and pointers, wherever they appear in the
/// metadata (type specs, member references, fields, method signatures, locals).
/// </summary>
internal static class NanoIlGuard
{
    public static List<string> Check(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var violations = new List<string>();
        var provider = new ShapeProvider();

        if (reader.GetTableRowCount(TableIndex.GenericParam) > 0)
        {
            violations.Add($"{reader.GetTableRowCount(TableIndex.GenericParam)} generic parameter(s) (generic type or method definitions)");
        }
        if (reader.GetTableRowCount(TableIndex.MethodSpec) > 0)
        {
            violations.Add($"{reader.GetTableRowCount(TableIndex.MethodSpec)} generic method instantiation(s)");
        }
        for (var row = 1; row <= reader.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            var spec = reader.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
            Report(violations, "type spec", spec.DecodeSignature(provider, null));
        }
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            var name = reader.GetString(member.Name);
            if (member.Parent.Kind == HandleKind.TypeSpecification)
            {
                var parent = reader.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(provider, null);
                Report(violations, "member reference " + name + " on", parent);
            }
            if (member.GetKind() == MemberReferenceKind.Method)
            {
                var sig = member.DecodeMethodSignature(provider, null);
                Report(violations, "member reference " + name, Join(sig));
            }
            else
            {
                Report(violations, "member reference " + name, member.DecodeFieldSignature(provider, null));
            }
        }
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            var typeName = reader.GetString(type.Name);
            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                Report(violations, $"field {typeName}.{reader.GetString(field.Name)}", field.DecodeSignature(provider, null));
            }
            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                var methodName = $"{typeName}.{reader.GetString(method.Name)}";
                Report(violations, "method " + methodName, Join(method.DecodeSignature(provider, null)));
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    var locals = reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
                    Report(violations, "locals of " + methodName, string.Join(", ", locals));
                }
            }
        }
        return violations;
    }

    /// <summary>Names of the assemblies the file references.</summary>
    public static List<string> References(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }

    private static string Join(MethodSignature<string> sig) => sig.ReturnType + "(" + string.Join(", ", sig.ParameterTypes) + ")";

    private static void Report(List<string> violations, string where, string shape)
    {
        if (shape.Contains(ShapeProvider.Flag, StringComparison.Ordinal))
        {
            violations.Add(where + ": " + shape);
        }
    }

    /// <summary>Renders signatures as text, marking every construct nano 1.x rejects with <see cref="Flag"/>.</summary>
    private sealed class ShapeProvider : ISignatureTypeProvider<string, object?>
    {
        public const string Flag = "!!";

        public string GetArrayType(string elementType, ArrayShape shape) => $"{Flag}multidimensional {elementType}[{new string(',', shape.Rank - 1)}]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetFunctionPointerType(MethodSignature<string> signature) => Flag + "function pointer";

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
            $"{Flag}generic {genericType}<{string.Join(",", typeArguments)}>";

        public string GetGenericMethodParameter(object? genericContext, int index) => Flag + "generic method parameter !!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => Flag + "generic type parameter !" + index;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetPinnedType(string elementType) => elementType + " pinned";

        public string GetPointerType(string elementType) => $"{Flag}pointer {elementType}*";

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
