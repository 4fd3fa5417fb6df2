using System.Text.Json.Nodes;

namespace NeuroLake.Engine.Tables.Types;

/// <summary>
/// A column (or nested field). <see cref="Metadata"/> holds the field's metadata as JSON: Delta's keys
/// (<c>delta.*</c>) and NeuroLake's (<c>neurolake.semanticType</c>, <c>neurolake.pii</c>), kept across commits.
/// </summary>
public sealed record StructField(string Name, DeltaType Type, bool Nullable = true, JsonObject? Metadata = null)
{
    public const string SemanticTypeKey = "neurolake.semanticType";
    public const string PiiKey = "neurolake.pii";

    public string? SemanticType => Metadata?[SemanticTypeKey] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool IsPii => Metadata?[PiiKey] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public bool Equals(StructField? other) =>
        other is not null && Name == other.Name && Type.Equals(other.Type) && Nullable == other.Nullable
        && (Metadata?.ToJsonString() ?? "{}") == (other.Metadata?.ToJsonString() ?? "{}");

    public override int GetHashCode() => HashCode.Combine(Name, Type, Nullable);
}
