using System.Text.Json.Nodes;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Web.Api.UnityCatalog;

/// <summary>
/// A Delta type as Unity Catalog describes a column: its <c>type_name</c> (the spec's ColumnTypeName enum), its
/// <c>type_text</c> (Spark's catalogString, e.g. <c>bigint</c>, <c>array&lt;int&gt;</c>) and its <c>type_json</c>
/// (the Delta StructField JSON, which Spark's connector parses back into the exact type).
/// </summary>
internal static class UnityCatalogTypes
{
    public static string NameOf(DeltaType type) => type switch
    {
        DecimalType => "DECIMAL",
        ArrayType => "ARRAY",
        MapType => "MAP",
        StructType => "STRUCT",
        PrimitiveType { Name: "long" } => "LONG",
        PrimitiveType { Name: "integer" } => "INT",
        PrimitiveType { Name: "void" } => "NULL",
        PrimitiveType { Name: "string" or "short" or "byte" or "float" or "double" or "boolean" or "binary" or "date" or "timestamp" or "timestamp_ntz" or "variant" } p =>
            p.Name.ToUpperInvariant(),
        _ => "USER_DEFINED_TYPE",
    };

    public static string TextOf(DeltaType type) => type switch
    {
        ArrayType a => $"array<{TextOf(a.ElementType)}>",
        MapType m => $"map<{TextOf(m.KeyType)},{TextOf(m.ValueType)}>",
        StructType s => $"struct<{string.Join(',', s.Fields.Select(f => $"{f.Name}:{TextOf(f.Type)}"))}>",
        PrimitiveType { Name: "long" } => "bigint",
        PrimitiveType { Name: "integer" } => "int",
        PrimitiveType { Name: "short" } => "smallint",
        PrimitiveType { Name: "byte" } => "tinyint",
        _ => type.ToString()!,
    };

    /// <summary>The field as Delta's schema JSON writes it: <c>{"name":…,"type":…,"nullable":…,"metadata":{}}</c>.</summary>
    public static string JsonOf(string name, DeltaType type, bool nullable)
    {
        // The engine's schema writer is the one source of Delta's JSON; a one-field struct carries the field.
        var schema = JsonNode.Parse(SchemaJson.Serialize(new StructType([new StructField(name, type, nullable)])))!;
        return schema["fields"]![0]!.ToJsonString();
    }
}
