namespace NeuroLake.Engine.Quality;

/// <summary>The commit operations that change a table's rows; OPTIMIZE, VACUUM and property changes rewrite or tidy, and change none.</summary>
internal static class DataChangingOperations
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "WRITE", "DELETE", "UPDATE", "MERGE", "RESTORE", "TRUNCATE", "REPLACE TABLE AS SELECT",
    };

    public static bool Contains(string operation) => Names.Contains(operation);
}
