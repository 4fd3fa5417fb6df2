namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>The DuckDB types the schema grid offers (the proposal's own type is added when it is none of these).</summary>
public static class DuckDbTypeNames
{
    public static IReadOnlyList<string> Common { get; } =
    [
        "VARCHAR", "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE", "DECIMAL(18,2)", "DECIMAL(38,9)",
        "DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "UUID", "BLOB",
    ];

    /// <summary>The choices for a column currently typed <paramref name="current"/>.</summary>
    public static IReadOnlyList<string> For(string current) =>
        Common.Contains(current, StringComparer.OrdinalIgnoreCase) ? Common : [current, .. Common];
}
