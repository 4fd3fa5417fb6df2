using System.Text.Json;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// Finds where the records of a JSON text are from its first bytes (the bounded detection prefix), so a GeoJSON
/// FeatureCollection or an object keyed by id is not read as one row.
/// </summary>
internal static class JsonShapeProbe
{
    /// <summary>Array members preferred as the record path when several hold objects (GeoJSON, common API responses).</summary>
    private static readonly string[] RecordMembers = ["features", "data", "items", "results", "records", "rows"];

    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = JsonDepthScan.MaxDepth + 1,
        AllowMultipleValues = true,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The shape of <paramref name="prefix"/>; null when it is not JSON this probe can read (DuckDB then words the error).</summary>
    public static JsonRecords? Probe(ReadOnlySpan<byte> prefix, JsonNesting nesting)
    {
        if (prefix.StartsWith("\xEF\xBB\xBF"u8))
        {
            prefix = prefix[3..];
        }

        // Never a final block: a truncated file is classified by what it holds, and the extractor then says it is cut short.
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, new JsonReaderState(Options));
        try
        {
            if (!reader.Read())
            {
                return null;
            }
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                return new JsonRecords(JsonShape.Array, null, null, nesting);
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return new JsonRecords(JsonShape.Lines, null, null, nesting);
            }

            var members = ReadMembers(ref reader, out var closed);
            // A second value after the first object: records one after another.
            if (closed && reader.Read())
            {
                return new JsonRecords(JsonShape.Lines, null, null, nesting);
            }
            return Classify(members, closed, nesting);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonRecords Classify(List<Member> members, bool closed, JsonNesting nesting)
    {
        var arrays = members.Where(m => m.Kind == MemberKind.ArrayOfObjects).Select(m => m.Name).ToList();
        if (arrays.Count > 0)
        {
            var path = arrays.FirstOrDefault(a => RecordMembers.Contains(a, StringComparer.OrdinalIgnoreCase)) ?? arrays[0];
            return new JsonRecords(JsonShape.MemberArray, path, null, nesting);
        }

        // Two objects, or one whose end the prefix did not reach, and nothing but objects: records keyed by id.
        var keyed = members.Count > 0 && members.All(m => m.Kind == MemberKind.Object) && (members.Count >= 2 || !closed);
        if (keyed)
        {
            var taken = members[0].Fields;
            var key = new[] { "key", "record_key", "record_key_" }.First(k => !taken.Contains(k, StringComparer.OrdinalIgnoreCase));
            return new JsonRecords(JsonShape.KeyedObject, null, key, nesting);
        }
        return new JsonRecords(JsonShape.Lines, null, null, nesting);
    }

    /// <summary>Reads the members of the object just opened, up to its end or the end of the prefix.</summary>
    private static List<Member> ReadMembers(ref Utf8JsonReader reader, out bool closed)
    {
        var members = new List<Member>();
        closed = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                closed = true;
                return members;
            }

            var name = reader.GetString()!;
            if (!reader.Read())
            {
                return members;
            }
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    var arrayOfObjects = reader.Read() && reader.TokenType == JsonTokenType.StartObject;
                    members.Add(new Member(name, arrayOfObjects ? MemberKind.ArrayOfObjects : MemberKind.Other, []));
                    if (!SkipRest(ref reader, depth: 1))
                    {
                        return members;
                    }
                    break;
                case JsonTokenType.StartObject:
                    var fields = new List<string>();
                    var done = FieldsOf(ref reader, fields);
                    members.Add(new Member(name, MemberKind.Object, fields));
                    if (!done)
                    {
                        return members;
                    }
                    break;
                default:
                    members.Add(new Member(name, MemberKind.Other, []));
                    break;
            }
        }
        return members;
    }

    /// <summary>Collects the field names of the object just opened (at depth 1) and reads to its end; false when the prefix ends first.</summary>
    private static bool FieldsOf(ref Utf8JsonReader reader, List<string> fields)
    {
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }
            if (reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.PropertyName)
            {
                fields.Add(reader.GetString()!);
            }
        }
        return false;
    }

    /// <summary>Reads until the container open at <paramref name="depth"/> ends; false when the prefix ends first.</summary>
    private static bool SkipRest(ref Utf8JsonReader reader, int depth)
    {
        if (reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
        {
            return true;
        }
        while (reader.Read())
        {
            if (reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
            {
                return true;
            }
        }
        return false;
    }

    private enum MemberKind
    {
        ArrayOfObjects,
        Object,
        Other,
    }

    private sealed record Member(string Name, MemberKind Kind, List<string> Fields);
}
