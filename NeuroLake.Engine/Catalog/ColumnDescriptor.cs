namespace NeuroLake.Engine.Catalog;

/// <summary>
/// One field of a table schema as the catalog sees it. <paramref name="Type"/> uses Delta's type names
/// (<c>string</c>, <c>long</c>, <c>integer</c>, <c>decimal(10,2)</c>, <c>timestamp_ntz</c>, complex types as text).
/// </summary>
public sealed record ColumnDescriptor(
    string Name,
    string Type,
    bool Nullable = true,
    IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>Metadata with a stable order, so equal metadata compares equal.</summary>
    internal SortedDictionary<string, string> SortedMetadata => new((Metadata ?? new Dictionary<string, string>()).ToDictionary(), StringComparer.Ordinal);
}
