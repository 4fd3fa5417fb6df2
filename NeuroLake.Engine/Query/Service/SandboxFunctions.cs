namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Which DuckDB functions user SQL may call where it matters to the sandbox: table functions on an allow list (every
/// other one reads files, catalogs or settings), and scalar functions that reveal the server or run SQL on a deny list.
/// </summary>
internal static class SandboxFunctions
{
    /// <summary>Table functions that read no files, settings or catalogs.</summary>
    private static readonly HashSet<string> SafeTableFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "range", "generate_series", "unnest",
    };

    /// <summary>Functions refused in any position: they read files, settings, the environment or run SQL text.</summary>
    private static readonly HashSet<string> Denied = new(StringComparer.OrdinalIgnoreCase)
    {
        "current_setting", "getenv", "getvariable", "glob", "sniff_csv", "query", "query_table", "which_secret",
        "json_execute_serialized_sql", "checkpoint", "force_checkpoint", "load_aws_credentials", "enable_logging",
        "disable_logging", "truncate_duckdb_logs", "test_all_types", "test_vector_types", "parquet_scan",
        "seq_scan", "index_scan", "arrow_scan", "python_map_function",
    };

    /// <summary>Prefixes of function families that read files, catalogs or settings.</summary>
    private static readonly string[] DeniedPrefixes =
    [
        "read_", "parquet_", "duckdb_", "pragma_", "iceberg_", "delta_", "sqlite_", "postgres_", "mysql_", "json_execute",
        "ducklake_", "arrow_",
    ];

    public static bool IsSafeTableFunction(string name) => SafeTableFunctions.Contains(name);

    /// <summary>True for a function no user SQL may call, wherever it stands.</summary>
    public static bool IsDenied(string name) =>
        Denied.Contains(name) || DeniedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
