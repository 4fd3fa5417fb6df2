using System.Text.Json;

namespace NeuroLake.Tests.Web.Api.Contract;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.1 schema as ASP.NET Core writes them: <c>$ref</c> into
/// <c>components/schemas</c>, <c>type</c> (a name or a list with "null"), <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c>, <c>items</c>, <c>enum</c>, <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c>. Stricter than JSON
/// Schema in one way on purpose: an object property the schema does not name is a mismatch, so a field an endpoint
/// starts writing without documenting it is caught.
/// </summary>
internal sealed class SchemaCheck(JsonElement document)
{
    private readonly JsonElement _schemas = document.GetProperty("components").TryGetProperty("schemas", out var s) ? s : default;

    /// <summary>Every mismatch, as "path: what", empty when <paramref name="value"/> fits.</summary>
    public List<string> Mismatches(JsonElement value, JsonElement schema, string path = "$")
    {
        var errors = new List<string>();
        Check(value, schema, path, errors, depth: 0);
        return errors;
    }

    private void Check(JsonElement value, JsonElement schema, string path, List<string> errors, int depth)
    {
        if (depth > 64)
        {
            errors.Add($"{path}: schema nesting too deep (a $ref cycle?)");
            return;
        }
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return; // true / {}: anything
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(value, Resolve(reference.GetString()!), path, errors, depth + 1);
            return;
        }
        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                if (!options.EnumerateArray().Any(o => Mismatches(value, o, path).Count == 0))
                {
                    errors.Add($"{path}: fits none of the {combinator} schemas");
                }
                return;
            }
        }
        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var part in all.EnumerateArray())
            {
                Check(value, part, path, errors, depth + 1);
            }
        }
        if (schema.TryGetProperty("type", out var type) && !TypeFits(value, type, schema))
        {
            errors.Add($"{path}: {value.ValueKind} where the document says {type.GetRawText()}");
            return;
        }
        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetRawText() == value.GetRawText()))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of {values.GetRawText()}");
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(value, schema, path, errors, depth);
                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(item, items, $"{path}[{i++}]", errors, depth + 1);
                }
                break;
        }
    }

    private void CheckObject(JsonElement value, JsonElement schema, string path, List<string> errors, int depth)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        if (schema.TryGetProperty("required", out var required))
        {
            // ASP.NET Core lists every constructor parameter as required, while some answers leave nulls out (the
            // Unity Catalog records' WhenWritingNull, the SQL writer's piiType): a required property that may be null
            // may also be absent.
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!)
                         .Where(n => !value.TryGetProperty(n, out _) && !(properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(n, out var s) && AllowsNull(s))))
            {
                errors.Add($"{path}: required property '{name}' is missing");
            }
        }
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(property.Value, propertySchema, $"{path}.{property.Name}", errors, depth + 1);
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(property.Value, additional, $"{path}.{property.Name}", errors, depth + 1);
            }
            else if (additional.ValueKind != JsonValueKind.True)
            {
                errors.Add($"{path}: property '{property.Name}' is not in the document");
            }
        }
    }

    private bool AllowsNull(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return AllowsNull(Resolve(reference.GetString()!));
        }
        return (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "null"))
            || (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
            || (schema.TryGetProperty("oneOf", out var options) && options.EnumerateArray().Any(AllowsNull))
            || (schema.TryGetProperty("anyOf", out var any) && any.EnumerateArray().Any(AllowsNull));
    }

    private static bool TypeFits(JsonElement value, JsonElement type, JsonElement schema)
    {
        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        if (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
        {
            names.Add("null");
        }
        return names.Any(name => name switch
        {
            "null" => value.ValueKind == JsonValueKind.Null,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "array" => value.ValueKind == JsonValueKind.Array,
            "object" => value.ValueKind == JsonValueKind.Object,
            _ => false,
        });
    }

    private JsonElement Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        Assert.StartsWith(prefix, reference);
        return _schemas.GetProperty(reference[prefix.Length..]);
    }
}
