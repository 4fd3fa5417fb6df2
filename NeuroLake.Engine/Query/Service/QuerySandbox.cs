using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Decision 7: user SQL reaches only the warehouse. DuckDB enforces it (external access off except for the
/// warehouse and the table layer's staging folder); statement checks refuse the rest with a clearer message.
/// </summary>
internal static class QuerySandbox
{
    /// <summary>Table functions that read no files; every other table function in a FROM position is refused.</summary>
    private static readonly HashSet<string> SafeTableFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "range", "generate_series", "unnest",
    };

    /// <summary>
    /// Opens the service's DuckDB database with file access limited to the warehouse, the external locations, staging
    /// and the service's scratch folder (spill files and exports; user SQL cannot name files, so only DuckDB and the
    /// service's own COPY write there).
    /// The configuration is not locked: the table layer sets TimeZone on each of its connections, which a lock refuses;
    /// SET, RESET and PRAGMA from users are refused by <see cref="StatementClassification.EnsureAllowed"/> instead.
    /// </summary>
    public static DuckDbDatabase OpenDatabase(QueryServiceOptions options, QueryScratch scratch)
    {
        var database = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = options.Threads, TempDirectory = scratch.Spill });
        try
        {
            var allowed = new[] { options.WarehouseRoot, StagingFolder(), scratch.Root }.Concat(options.ExternalLocations)
                .Select(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p)) + Path.DirectorySeparatorChar)
                .Select(p => "'" + p.Replace("'", "''", StringComparison.Ordinal) + "'");
            using var connection = database.Connect();
            connection.Execute($"SET allowed_directories = [{string.Join(", ", allowed)}]");
            connection.Execute("SET enable_external_access = false");
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <exception cref="ForbiddenStatementException">INSTALL, LOAD, ATTACH, COPY, SET, PRAGMA and the like.</exception>
    /// <exception cref="QueryRefusedException">A file path or a file-reading table function in a FROM position.</exception>
    public static void Check(StatementAnalysis analysis)
    {
        analysis.Classification.EnsureAllowed(analysis.Statement);
        foreach (var external in analysis.ExternalReads)
        {
            if (external.Kind == ExternalRelationKind.FilePath)
            {
                throw new QueryRefusedException(
                    $"Reading the file '{external.Name}' directly is not allowed ({external.Span}): queries read catalog tables only. Ingest the file into a table first.");
            }

            if (!SafeTableFunctions.Contains(external.Name))
            {
                throw new QueryRefusedException(
                    $"The table function '{external.Name}' is not allowed ({external.Span}): queries read catalog tables only. Ingest files into a table first.");
            }
        }
    }

    // The table layer stages checkpoint and scratch files here (see Tables/LocalStaging).
    private static string StagingFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "neurolake-staging");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
