using NeuroLake.Engine.Configuration;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Catalog.Usage;
using NeuroLake.Engine.Admission;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Quality;
using NeuroLake.Engine.Query.Advisor;
using NeuroLake.Engine.Query.Lineage;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Engine.Telemetry;

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
    private readonly DuckDbDatabase _heavyDb;
    private readonly TableResolver _resolver;
    private readonly TableWrites _writes;
    private readonly Inspections _inspections;
    private readonly TableOperations _operations;
    private readonly TableDrop _drop;
    private readonly TableAlter _alter;
    private readonly LineageRecorder? _lineage;
    private readonly QueryScratch _scratch;
    private readonly QueryExport _export;
    private readonly StatementHistory _history;
    private readonly StatementUsage _usage;
    private readonly QueryInsights _insights;
    private readonly DuckDbParserCheck _parserCheck;
    private readonly UserErrorText _errors;
    private readonly StatementAuthorizer _authorizer;
    private readonly GovernanceCommands _governance;
    private readonly WorkloadAdmission _admission;
    private Task? _catalogReady;
    private volatile QueryLimits _limits;
    private volatile AuthMode _authMode;

    /// <summary>The catalog bare <c>schema.table</c> names resolve in.</summary>
    public string Catalog => _options.Catalog;

    /// <summary>Rows a result keeps when the request does not say (<see cref="QueryServiceOptions.RowLimit"/> until changed).</summary>
    public int RowLimit => _limits.RowLimit;

    /// <summary>
    /// Switches privilege checks, masks and row filters on (<see cref="AuthMode.Accounts"/>) or off
    /// (<see cref="AuthMode.Single"/>) from the next check on: an administrator changed the sign-in mode while running.
    /// </summary>
    public void ApplyAuthMode(AuthMode mode) => _authMode = mode;

    /// <summary>
    /// Changes the default row limit and the statement timeout for statements that start from now on (an
    /// administrator's run-time settings); running statements keep theirs.
    /// </summary>
    public void ApplyLimits(int rowLimit, TimeSpan statementTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowLimit);
        if (statementTimeout <= TimeSpan.Zero && statementTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(statementTimeout), "The statement timeout must be positive (or infinite).");
        }

        _limits = new QueryLimits(rowLimit, statementTimeout);
    }

    /// <param name="history">Where each statement is recorded; null: no history is kept.</param>
    /// <param name="lineage">When given, committed CTAS, INSERT, UPDATE and MERGE statements record table and column lineage.</param>
    /// <param name="usage">When given, each successful statement counts its table reads and writes.</param>
    /// <param name="loggerFactory">Where history, lineage and usage failures are logged (they never fail the user's statement).</param>
    /// <param name="audit">When given, every statement is audited with its user, tables and outcome.</param>
    /// <param name="metering">When given, every statement is metered: wall and CPU time, bytes scanned, workload class.</param>
    /// <param name="quality">When given, each commit that changes data is profiled in the background into the quality history.</param>
    public QueryService(
        CatalogStore catalog, ICatalogRegistrar registrar, QueryServiceOptions options,
        QueryHistoryStore? history = null, LineageStore? lineage = null, ILoggerFactory? loggerFactory = null, UsageStore? usage = null,
        AuditLog? audit = null, MeteredWorkStore? metering = null, QualityProfileQueue? quality = null, WorkloadAdmission? admission = null,
        ObjectStoreFactory? stores = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RowLimit);
        if (options.StatementTimeout <= TimeSpan.Zero && options.StatementTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("QueryServiceOptions.StatementTimeout must be positive (or Timeout.InfiniteTimeSpan for no limit).", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.WarehouseRoot))
        {
            throw new ArgumentException("QueryServiceOptions.WarehouseRoot is required: the folder that holds managed tables.", nameof(options));
        }

        SqlIdentifier.Validate(options.Catalog, "catalog");
        if (!S3Location.IsS3(options.WarehouseRoot))
        {
            Directory.CreateDirectory(options.WarehouseRoot);
        }

        _catalog = catalog;
        _options = options;
        _admission = admission ?? new WorkloadAdmission(options.Admission);
        _limits = new QueryLimits(options.RowLimit, options.StatementTimeout);
        _scratch = new QueryScratch(options.ScratchDirectory);
        _duckDb = QuerySandbox.OpenDatabase(options, _scratch, stores?.Cache);
        _heavyDb = QuerySandbox.OpenHeavyDatabase(options, _scratch, stores?.Cache);
        _parserCheck = new DuckDbParserCheck(_duckDb);
        _errors = new UserErrorText([options.WarehouseRoot, _scratch.Root, stores?.Cache?.Root ?? "", .. options.ExternalLocations]);
        var tables = new ManagedTables(options, _duckDb, registrar, quality, stores, _heavyDb);
        _authMode = options.AuthMode;
        var privileges = new PrivilegeEvaluator(catalog.Factory, () => _authMode);
        var policies = new TablePolicies(catalog.Factory, privileges);
        _resolver = new TableResolver(catalog, tables, options.Catalog, policies);
        _authorizer = new StatementAuthorizer(privileges, policies, options.Catalog);
        _governance = new GovernanceCommands(
            privileges, new GrantStore(catalog.Factory, privileges, TimeProvider.System), new GroupDirectory(catalog.Factory, privileges, TimeProvider.System),
            policies, _resolver, _duckDb, options.Catalog, TimeProvider.System);
        _writes = new TableWrites(catalog, tables, _resolver, _duckDb, options.Catalog);
        _inspections = new Inspections(catalog, _resolver, options.Catalog, privileges);
        _operations = new TableOperations(tables, _resolver);
        _drop = new TableDrop(catalog, tables, options.Catalog);
        _alter = new TableAlter(tables, _resolver, _duckDb, catalog, options.Catalog);
        loggerFactory ??= NullLoggerFactory.Instance;
        _lineage = lineage is null ? null
            : new LineageRecorder(lineage, catalog, _duckDb, options.Catalog, loggerFactory.CreateLogger<LineageRecorder>());
        _export = new QueryExport(_resolver, _duckDb, _scratch);
        var log = loggerFactory.CreateLogger<QueryService>();
        if (_heavyDb.UnnicedReason is { } reason)
        {
            QueryLog.HeavyWorkNotNiced(log, reason);
        }

        _history = new StatementHistory(history, log, TimeProvider.System, audit, new StatementMetering(metering, options.Catalog, log));
        _usage = new StatementUsage(usage, options.Catalog, log, TimeProvider.System);
        _insights = new QueryInsights(_resolver, new QueryAdvisor(options.Advisor, history, _duckDb), _duckDb, log);
    }

    /// <summary>The service's DuckDB database for interactive statements, for tests that inspect its settings.</summary>
    internal DuckDbDatabase DuckDb => _duckDb;

    /// <summary>The service's DuckDB database for heavy statements (writes, maintenance, jobs), for tests that inspect its settings.</summary>
    internal DuckDbDatabase HeavyDuckDb => _heavyDb;

    /// <summary>Runs the statements of <paramref name="sqlText"/> in order, stopping at the first that fails.</summary>
    /// <returns>One result per statement.</returns>
    /// <exception cref="SqlSyntaxException">The script cannot be split into statements.</exception>
    /// <exception cref="QueryFailedException">A statement failed; names it and carries the results of those before it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled; a write in progress commits nothing.</exception>
    public async Task<IReadOnlyList<StatementResult>> ExecuteAsync(string sqlText, QueryRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sqlText);
        request = Validated(request);
        await EnsureCatalogAsync(ct);
        var script = SqlScript.Parse(sqlText);
        var results = new List<StatementResult>();
        foreach (var statement in script.Statements)
        {
            var started = Stopwatch.GetTimestamp();
            var startedAt = _history.Now();
            var meter = new WorkMeter(startedAt);
            using var files = new StatementFiles();
            var statementRequest = request with { Meter = meter, Files = files };
            var audited = new AuditedStatement();
            using var activity = DuckDbActivity.Begin(trackProgress: request.Progress is not null);
            meter.Profile(activity);
            using var deadline = new StatementDeadline(_limits.StatementTimeout, ct);
            using var span = EngineTelemetry.Source.StartActivity("statement");
            StatementResult result;
            try
            {
                request.Progress?.Start(statement.Index, script.Statements.Count, "reading", activity);
                result = GovernanceStatementParser.TryParse(statement) is { } governance
                    ? await RunGovernanceAsync(governance, statement, statementRequest, started, audited, deadline.Token)
                    : await RunStatementAsync(statement, statementRequest, started, audited, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.HasExpired)
            {
                var reason = deadline.Reason;
                Measure(span, audited, "timeout", started);
                await _history.RecordAsync(request.User, statement.Text, startedAt, QueryStatus.Error, error: reason, audited: audited, meter: meter);
                throw new QueryFailedException(statement.Index, statement.Span.Line, reason, results, new StatementTimeoutException(reason));
            }
            catch (OperationCanceledException)
            {
                Measure(span, audited, "cancelled", started);
                await _history.RecordAsync(request.User, statement.Text, startedAt, QueryStatus.Cancelled, audited: audited, meter: meter);
                throw;
            }
            catch (NeuroLakeException e) when (e is not QueryFailedException)
            {
                var reason = Reason(e, statement);
                if (e is PermissionDeniedException)
                {
                    audited.Denied();
                }

                Measure(span, audited, e is PermissionDeniedException ? "denied" : "error", started);
                await _history.RecordAsync(request.User, statement.Text, startedAt, QueryStatus.Error, error: reason, audited: audited, meter: meter);
                throw new QueryFailedException(statement.Index, statement.Span.Line, reason, results, e);
            }
            catch (Exception e) when (e is not NeuroLakeException)
            {
                Measure(span, audited, "error", started);
                await _history.RecordAsync(request.User, statement.Text, startedAt, QueryStatus.Error, error: e.Message, audited: audited, meter: meter);
                throw;
            }

            Measure(span, audited, "ok", started);
            request.Progress?.Completed();
            await _history.RecordAsync(
                request.User, statement.Text, startedAt, QueryStatus.Ok, result.RowsAffected ?? result.Rows.Count, read: result.TablesRead, written: result.TableWritten, audited: audited, meter: meter);
            await _usage.RecordAsync(request.User, result);
            results.Add(result);
        }

        return results;
    }

    /// <summary>Counts the statement in the metrics and tags its trace span; the statement text stays out of both (it may hold data).</summary>
    private static void Measure(Activity? span, AuditedStatement audited, string outcome, long started)
    {
        var kind = audited.Kind?.ToString();
        EngineTelemetry.Statement(kind, outcome, Stopwatch.GetElapsedTime(started));
        span?.SetTag("neurolake.statement.kind", kind);
        span?.SetTag("neurolake.statement.outcome", outcome);
        if (audited.Target is { } table)
        {
            span?.SetTag("neurolake.table", table);
        }

        if (outcome != "ok")
        {
            span?.SetStatus(ActivityStatusCode.Error, outcome);
        }
    }

    /// <summary>
    /// Runs one query (SELECT, WITH, VALUES; time travel allowed) and streams its whole result, any size, to
    /// <paramref name="destination"/> as <paramref name="format"/>. The row limit does not apply.
    /// </summary>
    /// <exception cref="SqlSyntaxException">The text cannot be split into statements.</exception>
    /// <exception cref="QueryRefusedException">The text is not exactly one query, or the sandbox refuses it.</exception>
    /// <exception cref="QueryFailedException">DuckDB failed the query; carries its message. Nothing was written to the stream.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public async Task<ExportResult> ExportAsync(string sql, QueryRequest request, ExportFormat format, Stream destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(destination);
        request = Validated(request);
        await EnsureCatalogAsync(ct);
        var statements = SqlScript.Parse(sql).Statements;
        if (statements.Count != 1)
        {
            throw new QueryRefusedException($"Export runs exactly one query; the text holds {statements.Count} statements. Export them one at a time.");
        }

        var statement = statements[0];
        var analysis = Checked(statement);
        await _authorizer.AuthorizeAsync(analysis, request, ct);
        var startedAt = _history.Now();
        var meter = new WorkMeter(startedAt);
        using var files = new StatementFiles();
        request = request with { Meter = meter, Files = files };
        using var activity = DuckDbActivity.Begin(trackProgress: request.Progress is not null);
        meter.Profile(activity);
        using var deadline = new StatementDeadline(_limits.StatementTimeout, ct);
        request.Progress?.Start(0, 1, "exporting", activity);
        try
        {
            using var slot = await _admission.AdmitAsync(StatementWorkload.Of(analysis.Kind), wait => request.Progress?.Queue(wait), deadline.Token);
            request.Progress?.Enter("exporting");
            var (result, read) = await _export.RunAsync(analysis, request, format, destination, deadline.Token);
            request.Progress?.Completed();
            await _history.RecordAsync(request.User, statement.Text, startedAt, QueryStatus.Ok, result.Rows, read: read, meter: meter, kind: "Export");
            return result;
        }
        catch (OperationCanceledException) when (deadline.HasExpired)
        {
            await _history.RecordAsync(request.User, statement.Text, startedAt, QueryStatus.Error, error: deadline.Reason, meter: meter, kind: "Export");
            throw new QueryFailedException(0, statement.Span.Line, deadline.Reason, [], new StatementTimeoutException(deadline.Reason));
        }
        catch (OperationCanceledException)
        {
            await _history.RecordAsync(request.User, statement.Text, startedAt, QueryStatus.Cancelled, meter: meter, kind: "Export");
            throw;
        }
        catch (DuckDbException e)
        {
            var reason = Reason(e, statement);
            await _history.RecordAsync(request.User, statement.Text, startedAt, QueryStatus.Error, error: reason, meter: meter, kind: "Export");
            throw new QueryFailedException(0, statement.Span.Line, reason, [], e);
        }
        catch (Exception e)
        {
            // Refusals, and failures writing to the caller's stream.
            await _history.RecordAsync(request.User, statement.Text, startedAt, QueryStatus.Error, error: e.Message, meter: meter, kind: "Export");
            throw;
        }
    }

    private async Task<StatementResult> RunStatementAsync(SqlStatement statement, QueryRequest request, long started, AuditedStatement audited, CancellationToken ct)
    {
        var analysis = Checked(statement);
        audited.Classified(analysis, request.DefaultSchema);
        await _authorizer.AuthorizeAsync(analysis, request, ct);
        var workload = StatementWorkload.Of(analysis.Kind);
        using var slot = await _admission.AdmitAsync(workload, wait => request.Progress?.Queue(wait), ct);
        request.Progress?.Enter(analysis.Classification.IsWrite ? "writing" : "reading");
        var insights = _insights.PrepareAsync(analysis, request, ct);
        // Off the caller's thread: DuckDB work inside the table layer blocks, and a UI polls progress meanwhile.
        var outcome = await Task.Run(() => RunAsync(analysis, request, workload, ct), ct);
        await (_lineage?.RecordAsync(analysis, outcome, request) ?? Task.CompletedTask);
        var result = new StatementResult(
            statement.Index, statement.Span.Line, analysis.Kind, outcome.Columns, outcome.Rows, outcome.HasMoreRows, outcome.RowsAffected,
            Stopwatch.GetElapsedTime(started), outcome.TablesRead ?? [], outcome.TableWritten);
        return _insights.Apply(await insights, result, request.User);
    }

    /// <summary>GRANT, REVOKE, SHOW GRANTS and ALTER ... OWNER/ROW FILTER: catalog changes DuckDB never sees.</summary>
    private async Task<StatementResult> RunGovernanceAsync(
        GovernanceStatement governance, SqlStatement statement, QueryRequest request, long started, AuditedStatement audited, CancellationToken ct)
    {
        audited.Classified(governance, request.DefaultSchema);
        await EnsureCatalogAsync(ct);
        var outcome = await _governance.RunAsync(governance, request, ct);
        return new StatementResult(
            statement.Index, statement.Span.Line, governance.Kind, outcome.Columns, outcome.Rows, false, outcome.RowsAffected,
            Stopwatch.GetElapsedTime(started), [], null);
    }

    /// <summary>
    /// The statement classified and checked: by NeuroLake's sandbox rules, then by DuckDB's own parser, so the
    /// statement checked is the one DuckDB would run.
    /// </summary>
    private StatementAnalysis Checked(SqlStatement statement)
    {
        var analysis = StatementAnalysis.Of(statement);
        QuerySandbox.Check(analysis);
        _parserCheck.Check(analysis);
        return analysis;
    }

    /// <summary>What a failure tells the user: DuckDB's message about the user's SQL (not NeuroLake's rewrite of it), without server paths.</summary>
    private string Reason(NeuroLakeException error, SqlStatement statement) =>
        error is DuckDbException duck ? _errors.For(duck.DuckDbMessage, statement) : _errors.WithoutFolders(error.Message);

    /// <summary>The request with the service's row limit filled in.</summary>
    private QueryRequest Validated(QueryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.RowLimit);
        return request.RowLimit == 0 ? request with { RowLimit = _limits.RowLimit } : request;
    }

    private async Task<StatementOutcome> RunAsync(StatementAnalysis analysis, QueryRequest request, WorkloadClass workload, CancellationToken ct)
    {
        switch (analysis.Kind)
        {
            case StatementKind.Explain or StatementKind.ExplainAnalyze when analysis.Classification.Explained?.Kind is not StatementKind.Query:
                throw new QueryRefusedException("EXPLAIN works on queries (SELECT, WITH, VALUES) only for now: explain the SELECT part of the write.");
            case StatementKind.Query or StatementKind.Explain or StatementKind.ExplainAnalyze:
                var (sql, read) = await _resolver.RewriteAsync(analysis, request, ct);
                var explain = analysis.Kind is StatementKind.Explain or StatementKind.ExplainAnalyze;
                // A job's queries are heavy work too: they run where heavy work may use only its share of the cores.
                var database = workload == WorkloadClass.InteractiveQuery ? _duckDb : _heavyDb;
                // Already off the caller's thread (see RunStatementAsync): no second hop.
                return ResultReader.Read(database, sql, explain, request.RowLimit, ct) with { TablesRead = read };
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
                return await _operations.MergeAsync(analysis, request, ct);
            case StatementKind.ShowSchemas:
                return await _inspections.ShowSchemasAsync(request, ct);
            case StatementKind.ShowTables:
                return await _inspections.ShowTablesAsync(analysis, request, ct);
            case StatementKind.DescribeHistory:
                return await _inspections.DescribeHistoryAsync(analysis, request, ct);
            default:
                throw new QueryRefusedException(
                    $"{analysis.Kind} statements are not supported yet. Supported: SELECT, WITH, VALUES, EXPLAIN, CREATE SCHEMA, CREATE TABLE [AS SELECT], CREATE TABLE USING DELTA LOCATION, INSERT INTO, INSERT OVERWRITE, DELETE [USING], UPDATE [FROM], MERGE INTO, OPTIMIZE, VACUUM, RESTORE TABLE, DROP TABLE, ALTER TABLE, SHOW SCHEMAS, SHOW TABLES, DESCRIBE DETAIL, DESCRIBE HISTORY.");
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

    public void Dispose()
    {
        _duckDb.Dispose();
        _heavyDb.Dispose();
        _scratch.Dispose();
    }
}
