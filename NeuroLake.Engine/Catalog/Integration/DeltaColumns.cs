using System.Text.Json.Nodes;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>
/// A Delta schema as catalog columns: primitive and decimal types by their Delta names, nested types as Spark's simple
/// text (<c>array&lt;integer&gt;</c>, <c>map&lt;string,double&gt;</c>, <c>struct&lt;a:long,b:string&gt;</c>), field metadata as text.
/// </summary>
internal static class DeltaColumns
{
    public static IReadOnlyList<ColumnDescriptor> From(StructType schema) =>
        schema.Fields.Select(f => new ColumnDescriptor(f.Name, TypeText(f.Type), f.Nullable, MetadataOf(f.Metadata))).ToList();

    public static string TypeText(DeltaType type) => type switch
    {
        ArrayType a => $"array<{TypeText(a.ElementType)}>",
        MapType m => $"map<{TypeText(m.KeyType)},{TypeText(m.ValueType)}>",
        StructType s => $"struct<{string.Join(',', s.Fields.Select(f => $"{f.Name}:{TypeText(f.Type)}"))}>",
        _ => type.ToString(),
    };

    /// <summary>String values as they are; other JSON values (<c>neurolake.pii: true</c>, objects) as their JSON text.</summary>
    private static IReadOnlyDictionary<string, string>? MetadataOf(JsonObject? metadata)
    {
        if (metadata is null || metadata.Count == 0)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            result[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "null";
        }

        return result;
    }
}
