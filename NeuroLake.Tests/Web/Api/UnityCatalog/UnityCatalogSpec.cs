using System.Text.Json;

namespace NeuroLake.Tests.Web.Api.UnityCatalog;

/// <summary>
/// The response schemas of the Unity Catalog OSS OpenAPI spec (<c>api/all.yaml</c> of unitycatalog/unitycatalog) that
/// the read endpoint answers with, restated as facts: each schema's properties with their JSON types, arrays' item
/// schemas, and the enums. The spec marks none of these properties required; <see cref="Required"/> lists the ones
/// engines' connectors read without a fallback, which our endpoint must therefore always write.
/// A property the spec does not declare fails validation too, so the answers never drift from the spec.
/// </summary>
internal static class UnityCatalogSpec
{
    // Property → JSON type; "array:X" is an array of schema X, "enum:E" a string from enum E, "map" a string→string object.
    private static readonly Dictionary<string, Dictionary<string, string>> Schemas = new()
    {
        ["ListCatalogsResponse"] = new() { ["catalogs"] = "array:CatalogInfo", ["next_page_token"] = "string" },
        ["ListSchemasResponse"] = new() { ["schemas"] = "array:SchemaInfo", ["next_page_token"] = "string" },
        ["ListTablesResponse"] = new() { ["tables"] = "array:TableInfo", ["next_page_token"] = "string" },
        ["CatalogInfo"] = new()
        {
            ["name"] = "string", ["comment"] = "string", ["properties"] = "map", ["owner"] = "string", ["created_at"] = "integer",
            ["created_by"] = "string", ["updated_at"] = "integer", ["updated_by"] = "string", ["id"] = "string",
            ["storage_root"] = "string", ["storage_location"] = "string",
        },
        ["SchemaInfo"] = new()
        {
            ["name"] = "string", ["catalog_name"] = "string", ["comment"] = "string", ["properties"] = "map", ["full_name"] = "string",
            ["owner"] = "string", ["created_at"] = "integer", ["created_by"] = "string", ["updated_at"] = "integer", ["updated_by"] = "string",
            ["schema_id"] = "string", ["storage_root"] = "string", ["storage_location"] = "string",
        },
        ["TableInfo"] = new()
        {
            ["name"] = "string", ["catalog_name"] = "string", ["schema_name"] = "string", ["table_type"] = "enum:TableType",
            ["data_source_format"] = "enum:DataSourceFormat", ["columns"] = "array:ColumnInfo", ["storage_location"] = "string",
            ["comment"] = "string", ["properties"] = "map", ["owner"] = "string", ["created_at"] = "integer", ["created_by"] = "string",
            ["updated_at"] = "integer", ["updated_by"] = "string", ["table_id"] = "string", ["view_definition"] = "string",
            ["view_dependencies"] = "object",
        },
        ["ColumnInfo"] = new()
        {
            ["name"] = "string", ["type_text"] = "string", ["type_json"] = "string", ["type_name"] = "enum:ColumnTypeName",
            ["type_precision"] = "integer", ["type_scale"] = "integer", ["type_interval_type"] = "string", ["position"] = "integer",
            ["comment"] = "string", ["nullable"] = "boolean", ["partition_index"] = "integer",
        },
        // Not in all.yaml: the shape Unity Catalog's server writes its errors in.
        ["Error"] = new() { ["error_code"] = "string", ["message"] = "string", ["details"] = "array", ["stack_trace"] = "string" },
    };

    private static readonly Dictionary<string, string[]> Required = new()
    {
        ["ListCatalogsResponse"] = ["catalogs"],
        ["ListSchemasResponse"] = ["schemas"],
        ["ListTablesResponse"] = ["tables"],
        ["CatalogInfo"] = ["name", "created_at", "id"],
        ["SchemaInfo"] = ["name", "catalog_name", "full_name", "created_at", "schema_id"],
        ["TableInfo"] = ["name", "catalog_name", "schema_name", "table_type", "data_source_format", "columns", "storage_location", "created_at", "table_id"],
        ["ColumnInfo"] = ["name", "type_text", "type_json", "type_name", "position", "nullable"],
        ["Error"] = ["error_code", "message"],
    };

    private static readonly Dictionary<string, string[]> Enums = new()
    {
        ["TableType"] = ["MANAGED", "EXTERNAL", "STREAMING_TABLE", "MATERIALIZED_VIEW", "METRIC_VIEW", "VIEW"],
        ["DataSourceFormat"] = ["DELTA", "ICEBERG", "CSV", "JSON", "AVRO", "PARQUET", "ORC", "TEXT"],
        ["ColumnTypeName"] =
        [
            "BOOLEAN", "BYTE", "SHORT", "INT", "LONG", "FLOAT", "DOUBLE", "DATE", "TIMESTAMP", "TIMESTAMP_NTZ", "STRING", "BINARY", "DECIMAL",
            "INTERVAL", "ARRAY", "STRUCT", "MAP", "VARIANT", "CHAR", "NULL", "USER_DEFINED_TYPE", "TABLE_TYPE",
        ],
    };

    /// <summary>Fails the test with every violation of <paramref name="schema"/> in <paramref name="json"/>, each with its JSON path.</summary>
    public static void AssertValid(JsonElement json, string schema)
    {
        var problems = new List<string>();
        Validate(json, schema, "$", problems);
        Assert.True(problems.Count == 0, $"Not a valid {schema}:\n" + string.Join('\n', problems));
    }

    private static void Validate(JsonElement json, string schema, string at, List<string> problems)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}: {json.ValueKind}, expected an object");
            return;
        }

        var properties = Schemas[schema];
        problems.AddRange(Required[schema].Where(p => !json.TryGetProperty(p, out _)).Select(p => $"{at}.{p}: missing"));
        foreach (var property in json.EnumerateObject())
        {
            var path = $"{at}.{property.Name}";
            if (!properties.TryGetValue(property.Name, out var type))
            {
                problems.Add($"{path}: not a property of {schema}");
            }
            else
            {
                ValidateValue(property.Value, type, path, problems);
            }
        }
    }

    private static void ValidateValue(JsonElement value, string type, string at, List<string> problems)
    {
        var (kind, of) = type.Split(':') is [var k, var o] ? (k, o) : (type, null);
        switch (kind)
        {
            case "string" when value.ValueKind != JsonValueKind.String:
            case "boolean" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
            case "integer" when value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _):
            case "object" when value.ValueKind != JsonValueKind.Object:
                problems.Add($"{at}: {value.ValueKind} ({value.GetRawText()}), expected {kind}");
                break;
            case "enum" when value.ValueKind != JsonValueKind.String || !Enums[of!].Contains(value.GetString()):
                problems.Add($"{at}: {value.GetRawText()} is not one of {of}: {string.Join(", ", Enums[of!])}");
                break;
            case "map" when value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String):
                problems.Add($"{at}: {value.GetRawText()}, expected an object of strings");
                break;
            case "array" when value.ValueKind != JsonValueKind.Array:
                problems.Add($"{at}: {value.ValueKind}, expected an array");
                break;
            case "array" when of is not null:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Validate(item, of, $"{at}[{i++}]", problems);
                }

                break;
        }
    }
}
