using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuroLake.Engine.Tables.Actions;

/// <summary>
/// Parses actions from Delta's JSON form (a commit line, or a checkpoint column turned into JSON).
/// Unknown action types and unknown fields are ignored, as the protocol requires.
/// </summary>
internal static class ActionReader
{
    /// <summary>Parses one commit line; returns null for action types NeuroLake does not know.</summary>
    public static DeltaAction? ParseLine(ReadOnlySpan<byte> line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line.ToArray());
        }
        catch (JsonException e)
        {
            throw new ActionFormatException($"not valid JSON ({e.Message})", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ActionFormatException("an action line must be a JSON object");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var action = Parse(property.Name, property.Value);
                if (action is not null)
                {
                    return action;
                }
            }

            return null;
        }
    }

    /// <summary>Parses the body of an action of the given type (e.g. "add"); null for unknown types.</summary>
    public static DeltaAction? Parse(string type, JsonElement body)
    {
        try
        {
            return type switch
            {
                "add" => ParseAdd(body),
                "remove" => ParseRemove(body),
                "metaData" => ParseMetadata(body),
                "protocol" => ParseProtocol(body),
                "commitInfo" => new CommitInfo(JsonNode.Parse(body.GetRawText())!.AsObject()),
                "txn" => new SetTransaction(RequiredString(body, "appId"), RequiredLong(body, "version"), OptionalLong(body, "lastUpdated")),
                "domainMetadata" => new DomainMetadata(RequiredString(body, "domain"), OptionalString(body, "configuration") ?? "", OptionalBool(body, "removed") ?? false),
                "cdc" => new AddCdcFile(RequiredString(body, "path"), StringMap(body, "partitionValues") ?? Empty, OptionalLong(body, "size") ?? 0, OptionalBool(body, "dataChange") ?? false, StringMap(body, "tags")),
                _ => null,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new ActionFormatException($"the '{type}' action has a field of the wrong type ({e.Message})", e);
        }
    }

    private static readonly IReadOnlyDictionary<string, string?> Empty = new Dictionary<string, string?>();

    private static AddFile ParseAdd(JsonElement e) => new(
        RequiredString(e, "path"),
        StringMap(e, "partitionValues") ?? Empty,
        OptionalLong(e, "size") ?? throw Missing("add", "size"),
        OptionalLong(e, "modificationTime") ?? 0,
        OptionalBool(e, "dataChange") ?? true,
        OptionalString(e, "stats"),
        StringMap(e, "tags"),
        ParseDeletionVector(e),
        OptionalLong(e, "baseRowId"),
        OptionalLong(e, "defaultRowCommitVersion"),
        OptionalString(e, "clusteringProvider"));

    private static RemoveFile ParseRemove(JsonElement e) => new(
        RequiredString(e, "path"),
        OptionalLong(e, "deletionTimestamp"),
        OptionalBool(e, "dataChange") ?? true,
        OptionalBool(e, "extendedFileMetadata"),
        StringMap(e, "partitionValues"),
        OptionalLong(e, "size"),
        OptionalString(e, "stats"),
        StringMap(e, "tags"),
        ParseDeletionVector(e),
        OptionalLong(e, "baseRowId"),
        OptionalLong(e, "defaultRowCommitVersion"));

    private static MetadataAction ParseMetadata(JsonElement e)
    {
        string provider = "parquet";
        IReadOnlyDictionary<string, string> options = new Dictionary<string, string>();
        if (e.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.Object)
        {
            provider = OptionalString(format, "provider") ?? "parquet";
            options = NonNullMap(StringMap(format, "options"));
        }

        var partitionColumns = new List<string>();
        if (e.TryGetProperty("partitionColumns", out var columns) && columns.ValueKind == JsonValueKind.Array)
        {
            partitionColumns.AddRange(columns.EnumerateArray().Select(c => c.GetString() ?? throw new FormatException("a partition column name is null")));
        }

        return new MetadataAction(
            RequiredString(e, "id"),
            OptionalString(e, "name"),
            OptionalString(e, "description"),
            provider,
            options,
            OptionalString(e, "schemaString") ?? "",
            partitionColumns,
            OptionalLong(e, "createdTime"),
            NonNullMap(StringMap(e, "configuration")));
    }

    private static ProtocolAction ParseProtocol(JsonElement e) => new(
        (int)(OptionalLong(e, "minReaderVersion") ?? throw Missing("protocol", "minReaderVersion")),
        (int)(OptionalLong(e, "minWriterVersion") ?? throw Missing("protocol", "minWriterVersion")),
        StringList(e, "readerFeatures"),
        StringList(e, "writerFeatures"));

    private static DeletionVectorDescriptor? ParseDeletionVector(JsonElement e)
    {
        if (!e.TryGetProperty("deletionVector", out var dv) || dv.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new DeletionVectorDescriptor(
            OptionalString(dv, "storageType") ?? "",
            OptionalString(dv, "pathOrInlineDv") ?? "",
            (int?)OptionalLong(dv, "offset"),
            (int)(OptionalLong(dv, "sizeInBytes") ?? 0),
            OptionalLong(dv, "cardinality") ?? 0);
    }

    private static ActionFormatException Missing(string action, string field) =>
        new($"the '{action}' action lacks the required field '{field}'");

    private static string RequiredString(JsonElement e, string name) =>
        OptionalString(e, name) ?? throw new ActionFormatException($"the required field '{name}' is missing");

    private static long RequiredLong(JsonElement e, string name) =>
        OptionalLong(e, name) ?? throw new ActionFormatException($"the required field '{name}' is missing");

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetString() : null;

    private static long? OptionalLong(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetInt64() : null;

    private static bool? OptionalBool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetBoolean() : null;

    private static List<string>? StringList(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : null;

    /// <summary>
    /// A string map in either form: a JSON object (commit files) or DuckDB's JSON for a MAP, which is an object too,
    /// or a list of {key, value} entries (older checkpoint readers).
    /// </summary>
    private static Dictionary<string, string?>? StringMap(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (v.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in v.EnumerateObject())
            {
                map[p.Name] = ScalarText(p.Value);
            }
        }
        else if (v.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in v.EnumerateArray())
            {
                map[entry.GetProperty("key").GetString() ?? ""] = entry.TryGetProperty("value", out var value) ? ScalarText(value) : null;
            }
        }
        else
        {
            throw new FormatException($"'{name}' must be a map of strings");
        }

        return map;
    }

    private static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    private static Dictionary<string, string> NonNullMap(Dictionary<string, string?>? map) =>
        map?.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
