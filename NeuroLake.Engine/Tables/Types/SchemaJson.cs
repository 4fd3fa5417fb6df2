using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Tables.Types;

/// <summary>Reads and writes Delta's schema serialization (Spark's JSON schema) used in <c>metaData.schemaString</c>.</summary>
public static partial class SchemaJson
{
    public static StructType Parse(string schemaString)
    {
        var node = JsonNode.Parse(schemaString) ?? throw new FormatException("the schema is null");
        return ParseType(node) as StructType ?? throw new FormatException("the table schema must be a struct");
    }

    public static string Serialize(StructType schema)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteType(writer, schema);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static DeltaType ParseType(JsonNode node)
    {
        if (node is JsonValue value)
        {
            var name = value.GetValue<string>();
            var m = DecimalPattern().Match(name);
            if (m.Success)
            {
                return new DecimalType(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            }

            return name switch
            {
                "decimal" => new DecimalType(10, 0),
                "string" or "long" or "integer" or "short" or "byte" or "float" or "double" or "boolean" or "binary" or "date" or "timestamp" or "timestamp_ntz" or "variant" or "void" => new PrimitiveType(name),
                _ => throw new FormatException($"unknown data type '{name}'"),
            };
        }

        var obj = node.AsObject();
        var type = obj["type"]?.GetValue<string>();
        return type switch
        {
            "struct" => new StructType((obj["fields"]?.AsArray() ?? []).Select(f => ParseField(f!.AsObject())).ToList()),
            "array" => new ArrayType(ParseType(obj["elementType"]!), obj["containsNull"]?.GetValue<bool>() ?? true),
            "map" => new MapType(ParseType(obj["keyType"]!), ParseType(obj["valueType"]!), obj["valueContainsNull"]?.GetValue<bool>() ?? true),
            _ => throw new FormatException($"unknown complex type '{type}'"),
        };
    }

    private static StructField ParseField(JsonObject field) => new(
        field["name"]?.GetValue<string>() ?? throw new FormatException("a field has no name"),
        ParseType(field["type"] ?? throw new FormatException("a field has no type")),
        field["nullable"]?.GetValue<bool>() ?? true,
        field["metadata"] is JsonObject metadata ? (JsonObject)metadata.DeepClone() : null);

    private static void WriteType(Utf8JsonWriter w, DeltaType type)
    {
        switch (type)
        {
            case PrimitiveType p:
                w.WriteStringValue(p.Name);
                break;
            case DecimalType d:
                w.WriteStringValue($"decimal({d.Precision},{d.Scale})");
                break;
            case ArrayType a:
                w.WriteStartObject();
                w.WriteString("type", "array");
                w.WritePropertyName("elementType");
                WriteType(w, a.ElementType);
                w.WriteBoolean("containsNull", a.ContainsNull);
                w.WriteEndObject();
                break;
            case MapType m:
                w.WriteStartObject();
                w.WriteString("type", "map");
                w.WritePropertyName("keyType");
                WriteType(w, m.KeyType);
                w.WritePropertyName("valueType");
                WriteType(w, m.ValueType);
                w.WriteBoolean("valueContainsNull", m.ValueContainsNull);
                w.WriteEndObject();
                break;
            case StructType s:
                w.WriteStartObject();
                w.WriteString("type", "struct");
                w.WriteStartArray("fields");
                foreach (var f in s.Fields)
                {
                    w.WriteStartObject();
                    w.WriteString("name", f.Name);
                    w.WritePropertyName("type");
                    WriteType(w, f.Type);
                    w.WriteBoolean("nullable", f.Nullable);
                    w.WritePropertyName("metadata");
                    (f.Metadata ?? new JsonObject()).WriteTo(w);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"Cannot serialize {type}.");
        }
    }

    [GeneratedRegex(@"^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$")]
    private static partial Regex DecimalPattern();
}
