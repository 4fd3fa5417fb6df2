namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>What aggregates a DuckDB type supports.</summary>
internal static class ColumnKind
{
    private static readonly HashSet<string> Numbers =
        ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE"];

    private static readonly HashSet<string> Integers =
        ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"];

    // A list of decimals (DECIMAL(38,0)[], e.g. GeoJSON coordinates) starts like a decimal but is not one.
    public static bool IsNumeric(string type) =>
        Numbers.Contains(type) || (type.StartsWith("DECIMAL", StringComparison.Ordinal) && type.EndsWith(')'));

    public static bool IsInteger(string type) => Integers.Contains(type);

    /// <summary>Nested values have no useful min/max.</summary>
    public static bool IsOrderable(string type) =>
        !type.EndsWith(']') && !type.StartsWith("STRUCT", StringComparison.Ordinal) &&
        !type.StartsWith("MAP", StringComparison.Ordinal) && !type.StartsWith("UNION", StringComparison.Ordinal) &&
        type != "BLOB";
}
