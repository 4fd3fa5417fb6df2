using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Query.Lineage;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Runs SQL scripts for a user against catalog tables: each statement is classified, checked by the sandbox, its
/// tables resolved to Delta snapshots (with time travel), and run on the service's sandboxed DuckDB database;
/// writes go through the table operations and are registered in the catalog.
/// </summary>
public sealed class QueryService : IDisposable
{
    private readonly CatalogStore _catalog;
    private readonly QueryServiceOptions _options;
    private readonly DuckDbDatabase _duckDb;
    private readonly TableResolver _resolver;
    private readonly TableWrites _writes;
    private readonly Inspections _inspections;
    private readonly TableOperations _operations;
    private readonly TableDrop _drop;
    private readonly TableAlter _alter;
    private readonly LineageRecorder? _lineage;
    private Task? _catalogReady;

    /// <param name="lineage">When given, committed CTAS, INSERT, UPDATE and MERGE statements record table and column lineage.</param>
    /// <param name="loggerFactory">Where lineage failures are logged (they never fail the committed write).</param>
    public QueryService(
        CatalogStore catalog, ICatalogRegistrar registrar, QueryServiceOptions options,
        LineageStore? lineage = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.WarehouseRoot))
        {
            throw new ArgumentException("QueryServiceOptions.WarehouseRoot is required: the folder that holds managed tables.", nameof(options));
        }

        SqlIdentifier.Validate(options.Catalog, "catalog");
        Directory.CreateDirectory(options.WarehouseRoot);
        _catalog = catalog;
        _options = options;
        _duckDb = QuerySandbox.OpenDatabase(options);
        var tables = new ManagedTables(options, _duckDb, registrar);
        _resolver = new TableResolver(catalog, tables, options.Catalog);
        _writes = new TableWrites(catalog, tables, _resolver, _duckDb, options.Catalog);
        _inspections = new Inspections(catalog, _resolver, options.Catalog);
        _operations = new TableOperations(tables, _resolver);
        _drop = new TableDrop(catalog, tables, options.Catalog);
        _alter = new TableAlter(tables, _resolver, _duckDb);
        _lineage = lineage is null ? null
            : new LineageRecorder(lineage, catalog, _duckDb, options.Catalog, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LineageRecorder>());
    }

    /// <summary>Runs the statements of <paramref name="sqlText"/> in order, stopping at the first that fails.</summary>
    /// <returns>One result per statement.</returns>
    /// <exception cref="SqlSyntaxException">The script cannot be split into statements.</exception>
    /// <exception cref="QueryFailedException">A statement failed; names it and carries the results of those before it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public async Task<IReadOnlyList<StatementResult>> ExecuteAsync(string sqlText, QueryRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sqlText);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.RowLimit);
        await EnsureCatalogAsync(ct);
        var script = SqlScript.Parse(sqlText);
        var results = new List<StatementResult>();
        foreach (var statement in script.Statements)
        {
            var started = Stopwatch.GetTimestamp();
            StatementOutcome outcome;
            StatementKind kind = StatementKind.Unknown;
            try
            {
                var analysis = StatementAnalysis.Of(statement);
                kind = analysis.Kind;
                QuerySandbox.Check(analysis);
                outcome = await RunAsync(analysis, request, ct);
                await (_lineage?.RecordAsync(analysis, outcome, request) ?? Task.CompletedTask);
            }
            catch (NeuroLakeException e) when (e is not QueryFailedException)
            {
                var reason = e is DuckDbException duck ? duck.DuckDbMessage : e.Message;
                throw new QueryFailedException(statement.Index, statement.Span.Line, reason, results, e);
            }

            results.Add(new StatementResult(
                statement.Index, statement.Span.Line, kind, outcome.Columns, outcome.Rows, outcome.HasMoreRows, outcome.RowsAffected,
                Stopwatch.GetElapsedTime(started), outcome.TablesRead ?? [], outcome.TableWritten));
        }

        return results;
    }

    private async Task<StatementOutcome> RunAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        switch (analysis.Kind)
        {
            case StatementKind.Explain or StatementKind.ExplainAnalyze when analysis.Classification.Explained?.Kind is not StatementKind.Query:
                throw new QueryRefusedException("EXPLAIN works on queries (SELECT, WITH, VALUES) only for now: explain the SELECT part of the write.");
            case StatementKind.Query or StatementKind.Explain or StatementKind.ExplainAnalyze:
                var (sql, read) = await _resolver.RewriteAsync(analysis, request, ct);
                var outcome = await Task.Run(() => ResultReader.Read(_duckDb, sql, request.RowLimit, ct), ct);
                return outcome with { TablesRead = read };
            case StatementKind.CreateSchema:
                return await _writes.CreateSchemaAsync(analysis, request, ct);
            case StatementKind.CreateTable or StatementKind.CreateTableAsSelect:
                return await _writes.CreateTableAsync(analysis, request, ct);
            case StatementKind.CreateExternalTable:
                return await _writes.CreateExternalTableAsync(analysis, request, ct);
            case StatementKind.Insert or StatementKind.InsertOverwrite:
                return await _writes.InsertAsync(analysis, request, ct);
            case StatementKind.Delete:
                return await _operations.DeleteAsync(analysis, request, ct);
            case StatementKind.Update:
                return await _operations.UpdateAsync(analysis, request, ct);
            case StatementKind.Optimize:
                return await _operations.OptimizeAsync(analysis, request, ct);
            case StatementKind.Vacuum:
                return await _operations.VacuumAsync(analysis, request, ct);
            case StatementKind.RestoreTable:
                return await _operations.RestoreAsync(analysis, request, ct);
            case StatementKind.DropTable:
                return await _drop.DropAsync(analysis, request, ct);
            case StatementKind.AlterTable:
                return await _alter.AlterAsync(analysis, request, ct);
            case StatementKind.DescribeDetail:
                return await _inspections.DescribeDetailAsync(analysis, request, ct);
            case StatementKind.Merge:
                throw new QueryRefusedException("MERGE is not supported in SQL yet: run it through the table API (DeltaTable.MergeAsync), or use DELETE, UPDATE and INSERT.");
            case StatementKind.ShowSchemas:
                return await _inspections.ShowSchemasAsync(ct);
            case StatementKind.ShowTables:
                return await _inspections.ShowTablesAsync(analysis, request, ct);
            case StatementKind.DescribeHistory:
                return await _inspections.DescribeHistoryAsync(analysis, request, ct);
            default:
                throw new QueryRefusedException(
                    $"{analysis.Kind} statements are not supported yet. Supported: SELECT, WITH, VALUES, EXPLAIN, CREATE SCHEMA, CREATE TABLE [AS SELECT], CREATE TABLE USING DELTA LOCATION, INSERT INTO, INSERT OVERWRITE, DELETE, UPDATE, OPTIMIZE, VACUUM, RESTORE TABLE, DROP TABLE, ALTER TABLE, SHOW SCHEMAS, SHOW TABLES, DESCRIBE DETAIL, DESCRIBE HISTORY.");
        }
    }

    /// <summary>The service's catalog must exist before schemas can be listed or created in it.</summary>
    private Task EnsureCatalogAsync(CancellationToken ct)
    {
        var ready = _catalogReady;
        if (ready is { IsCompletedSuccessfully: true })
        {
            return ready;
        }

        return _catalogReady = CreateCatalogIfMissingAsync(ct);
    }

    private async Task CreateCatalogIfMissingAsync(CancellationToken ct)
    {
        if (!await CatalogExistsAsync(ct))
        {
            try
            {
                await _catalog.CreateCatalogAsync(_options.Catalog, cancellationToken: ct);
            }
            catch (CatalogException)
            {
                if (!await CatalogExistsAsync(ct))
                {
                    throw;
                }

                // Another service created it first.
            }
        }
    }

    private async Task<bool> CatalogExistsAsync(CancellationToken ct) =>
        (await _catalog.ListCatalogsAsync(ct)).Any(c => string.Equals(c.Catalog, _options.Catalog, StringComparison.OrdinalIgnoreCase));

    public void Dispose() => _duckDb.Dispose();
}
