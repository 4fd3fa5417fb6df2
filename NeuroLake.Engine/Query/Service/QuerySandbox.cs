using NeuroLake.Engine.Tables;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Storage.S3;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Decision 7: user SQL reaches only the warehouse. DuckDB enforces it (external access off except for the
/// warehouse and the table layer's staging folder, configuration locked); statement checks refuse the rest with a
/// clearer message, and <see cref="DuckDbParserCheck"/> makes sure DuckDB's parser sees the statement NeuroLake checked.
/// </summary>
internal static class QuerySandbox
{
    /// <summary>
    /// Opens the service's DuckDB database: memory, threads and spill folder from the options; file access limited to
    /// the warehouse (the file cache for an S3 warehouse), the external locations, staging and the service's scratch folder; extensions never loaded; the
    /// time zone UTC for every connection; a few connections with progress tracking reserved for queries; and then the
    /// configuration locked, so no statement can change any of it (not even one that slips past every check).
    /// </summary>
    public static DuckDbDatabase OpenDatabase(QueryServiceOptions options, QueryScratch scratch, FileCache? cache = null) =>
        Open(options, new DuckDbSettings { Threads = options.Threads, MemoryLimit = options.MemoryLimit, TempDirectory = scratch.Spill }, scratch, cache, "duckdb-query", nice: null);

    /// <summary>
    /// The same sandbox for heavy statements (row writes, maintenance, jobs): its own threads, memory limit and spill
    /// folder from <see cref="Admission.AdmissionOptions"/>, because DuckDB's threads and memory are per database and
    /// the configuration is locked once open. Its DuckDB worker threads and the threads its statements execute on run at
    /// <see cref="Admission.AdmissionOptions.HeavyNice"/>: heavy work uses idle cores but yields them to interactive queries.
    /// </summary>
    public static DuckDbDatabase OpenHeavyDatabase(QueryServiceOptions options, QueryScratch scratch, FileCache? cache = null) =>
        Open(options, options.Admission.HeavySettings(Environment.ProcessorCount, options.MemoryLimit, scratch.HeavySpill), scratch, cache, "duckdb-heavy", options.Admission.HeavyNice);

    // Each database opens on a thread of its own name, which DuckDB's worker threads inherit: top -H tells them apart.
    private static DuckDbDatabase Open(QueryServiceOptions options, DuckDbSettings settings, QueryScratch scratch, FileCache? cache, string threads, int? nice)
    {
        settings.Options["autoinstall_known_extensions"] = "false";
        settings.Options["autoload_known_extensions"] = "false";
        settings.Options["allow_community_extensions"] = "false";
        settings.Options["allow_persistent_secrets"] = "false";
        var database = DuckDbDatabase.OpenOnThread(threads, nice, null, settings);
        try
        {
            // An S3 warehouse or external location is read through the file cache: its folder is allowed instead (DuckDB cannot reach S3 here).
            var warehouse = S3Location.IsS3(options.WarehouseRoot) ? null : options.WarehouseRoot;
            var allowed = new[] { warehouse, cache?.Root, LocalStaging.Root, scratch.Root }.OfType<string>().Concat(options.ExternalLocations.Where(l => !S3Location.IsS3(l)))
                .Select(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p)) + Path.DirectorySeparatorChar)
                .Select(p => "'" + p.Replace("'", "''", StringComparison.Ordinal) + "'");
            using (var connection = database.Connect())
            {
                connection.Execute($"SET allowed_directories = [{string.Join(", ", allowed)}]");
                connection.Execute("SET enable_external_access = false");
                // Delta data files never change once written, so their footers can be kept between statements.
                connection.Execute("SET GLOBAL parquet_metadata_cache = true");
            }

            database.UseUtcGlobally();
            database.ReserveTrackedConnections(TrackedConnections(options), profile: true);
            database.LockConfiguration();
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    // Queries beyond this many at once still run, on connections that cannot report progress.
    private static int TrackedConnections(QueryServiceOptions options) => Math.Max(4, 2 * (options.Threads ?? Environment.ProcessorCount));

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

            if (!SandboxFunctions.IsSafeTableFunction(external.Name))
            {
                throw new QueryRefusedException(
                    $"The table function '{external.Name}' is not allowed ({external.Span}): queries read catalog tables only. Ingest files into a table first.");
            }
        }

        var tokens = analysis.Statement.Tokens;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].IsIdentifier && tokens[i + 1].Kind == TokenKind.LeftParen && SandboxFunctions.IsDenied(tokens[i].Value))
            {
                throw new QueryRefusedException(
                    $"The function '{tokens[i].Value}' is not allowed ({tokens[i].Span}): it reads files, settings or the server's environment. Queries read catalog tables only.");
            }
        }
    }
}
