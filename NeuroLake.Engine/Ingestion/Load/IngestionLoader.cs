using NeuroLake.Engine.Admission;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Ingestion.Quality;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Operations.Merge;
using NeuroLake.Engine.Tables.Operations.Schema;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>
/// Loads a source file into a Delta table with a confirmed schema. DuckDB reads the rows straight from the file
/// (never held in memory); schema differences are checked before anything is written; rows that did not parse are
/// quarantined, skipped or fail the load; afterwards the whole table's quality and the PII findings go to the catalog
/// when catalog services are given. The target commits before the quarantine table: a failure in between leaves
/// the good rows loaded and the bad ones only counted.
/// </summary>
/// <param name="admission">When given, a load waits for an ingestion slot after its plan is accepted (admission control).</param>
/// <param name="stores">Opens the quarantine table beside a target on S3 (without it, only local targets get a default quarantine table).</param>
public sealed class IngestionLoader(DuckDbDatabase duckDb, IngestionCatalog? catalog = null, WorkloadAdmission? admission = null, ObjectStoreFactory? stores = null)
{
    /// <summary>The database the load's DuckDB work runs on; its target and quarantine tables must open on it too.</summary>
    public DuckDbDatabase Database => duckDb;

    /// <summary>How the load would change the table; nothing is written.</summary>
    public Task<LoadPlan> PlanAsync(LoadRequest request, CancellationToken ct = default) => LoadPlanner.PlanAsync(request, ct);

    /// <exception cref="IngestionException">The plan is refused, or rows failed to parse under <see cref="BadRowPolicy.Fail"/>; nothing was written.</exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="ct"/> was cancelled before the target committed: no version, table or quarantine table was added.
    /// Once the target's commit is written the load finishes regardless (the <see cref="IngestionPhase.Commit"/> phase).
    /// </exception>
    public async Task<LoadReport> LoadAsync(LoadRequest request, CancellationToken ct = default)
    {
        var progress = request.Progress;
        var plan = await PlanAsync(request, ct).ConfigureAwait(false);
        if (plan.Refusal is { } refusal)
        {
            throw new IngestionException(refusal);
        }

        using var slot = await IngestionAdmission.AdmitAsync(admission, progress, ct).ConfigureAwait(false);
        var columns = request.LoadedColumns;
        var relation = request.Schema.Source.RawRelationSql();
        var select = SourceSelect.Build(columns, relation, failedRowsDropped: true);
        var onePass = OnePass.Fits(request);
        long read = 0, failed = 0;
        if (!onePass || (request is { Mode: LoadMode.NewTable, KeepEmptyNewTable: false } && !OnePass.AnyRowParses(duckDb, select, ct)))
        {
            using (QueryProgressPoller.Start(progress, IngestionPhase.Profile, SourceBytes(request)))
            {
                (read, failed) = CountRows(select, ct);
            }

            progress?.ReportRows(read);
            if (failed > 0 && request.BadRows == BadRowPolicy.Fail)
            {
                throw new IngestionException(
                    $"{failed} of {read} row(s) have values that did not parse ({FirstErrors(select, ct)}): nothing was loaded. " +
                    "Fix the file or the column types, or load with bad rows quarantined or skipped.");
            }

            if (request is { Mode: LoadMode.NewTable, KeepEmptyNewTable: false } && read == failed)
            {
                return await LeaveOutEmptyTableAsync(request, plan, read, failed, ct).ConfigureAwait(false);
            }
        }

        var name = catalog?.NameOf(request.Target.Location);
        var sourceFile = request.SourceFile;
        if (sourceFile is null && name is not null && catalog!.RecordsSourceFiles)
        {
            sourceFile = await SourceFileInfo.ComputeAsync(request.Schema.Source.Path, ct: ct).ConfigureAwait(false);
        }

        var loadedAt = DateTimeOffset.UtcNow;
        var description = request.Description ?? IngestionDescription.Of(request.Schema.Source, sourceFile, loadedAt);
        var kept = string.Join(", ", columns.Select(c => SqlText.Identifier(c.Name)));
        async Task<(long Version, long Read, long Failed)> WritePassAsync(string passSelect)
        {
            using var counter = onePass ? ParseFailureCounter.Create(duckDb) : null;
            // One pass: the write reads the source, checks every value and counts the rows it leaves out.
            var good = $"SELECT {kept} FROM ({passSelect}) WHERE {counter?.KeepParsed ?? "NOT " + SourceSelect.ParseFailedColumn}";
            long committed;
            long? rows;
            using (QueryProgressPoller.Start(progress, IngestionPhase.Write, onePass ? SourceBytes(request) : null))
            {
                (committed, rows) = onePass
                    ? await OnePass.WriteAsync(() => WriteAsync(request with { Description = description }, plan, good, ct), ct).ConfigureAwait(false)
                    : await WriteAsync(request with { Description = description }, plan, good, ct).ConfigureAwait(false);
            }

            if (counter is null)
            {
                return (committed, read, failed);
            }

            var left = counter.Count();
            progress?.ReportRows((rows ?? 0) + left);
            return (committed, (rows ?? 0) + left, left);
        }

        long version;
        (long Version, long Read, long Failed)? typedPass = null;
        if (onePass && TypedCsvRead.Plan(columns, request.Schema.Source) is { } typed)
        {
            try
            {
                typedPass = await WritePassAsync(SourceSelect.Build(typed.Columns, typed.Relation, failedRowsDropped: true)).ConfigureAwait(false);
            }
            catch (Exception e) when (TypedCsvRead.FailedOnValue(e) && !ct.IsCancellationRequested)
            {
                // A value the typed parser could not read: the checked read below quarantines, skips or fails it as asked.
            }
        }

        (version, read, failed) = typedPass ?? await WritePassAsync(select).ConfigureAwait(false);

        // The target has committed: the rest completes even when cancelled, so a load is never half-recorded by choice.
        ct = CancellationToken.None;
        progress?.Begin(IngestionPhase.Commit);
        long? quarantineVersion = null;
        if (failed > 0 && request.BadRows == BadRowPolicy.Quarantine)
        {
            var raw = columns.Where(c => !TypedExpression.IsIdentity(c.Parse, c.DuckDbType, c.Source.RawType))
                .Select(c => SourceSelect.RawPrefix + c.Name).ToHashSet(StringComparer.Ordinal);
            var quarantine = await QuarantineWriter.TableForAsync(request, duckDb, stores, ct).ConfigureAwait(false);
            quarantineVersion = await QuarantineWriter.WriteAsync(quarantine, columns, SourceSelect.Build(columns, relation, includeRaw: true), raw, loadedAt, ct).ConfigureAwait(false);
        }

        var snapshot = await request.Target.GetSnapshotAsync(version, ct).ConfigureAwait(false);
        QualityReport quality;
        IReadOnlyList<PiiFinding> pii;
        // A table on S3 is read from the cache's copies (the write left its new files there), pinned while profiled.
        using (await TableFiles.LeaseAsync(snapshot, ct).ConfigureAwait(false))
        using (var connection = duckDb.Connect())
        using (var profile = LoadedTableSample.Take(connection, snapshot, ct))
        {
            quality = profile.Assess(ct);
            // Findings from a raw sample may name source columns the schema renamed or left out; only loaded columns are classified.
            pii = request.PiiFindings?.Where(p => columns.Any(c => string.Equals(c.Name, p.Column, StringComparison.OrdinalIgnoreCase))).ToList()
                ?? PiiDetector.Detect(connection, profile.Relation, ct: ct);
        }

        if (catalog is not null && name is not null)
        {
            var record = new IngestionRecord(name, version, loadedAt, quality, pii, request.Schema.Source.Format, columns, sourceFile,
                request.IngestionId ?? Guid.NewGuid().ToString("N"));
            await catalog.RecordAsync(record, ct).ConfigureAwait(false);
        }

        var badRows = request.BadRows;
        progress?.Begin(IngestionPhase.Done);
        return new LoadReport(
            plan,
            version,
            read,
            read - failed,
            badRows == BadRowPolicy.Quarantine ? failed : 0,
            badRows == BadRowPolicy.Skip ? failed : 0,
            quarantineVersion,
            quality,
            pii,
            name);
    }

    /// <summary>No row loads into a table that does not exist yet: nothing is created; unparsed rows still go to quarantine.</summary>
    private async Task<LoadReport> LeaveOutEmptyTableAsync(LoadRequest request, LoadPlan plan, long read, long failed, CancellationToken ct)
    {
        var columns = request.LoadedColumns;
        var relation = request.Schema.Source.RawRelationSql();
        var loadedAt = DateTimeOffset.UtcNow;
        long? quarantineVersion = null;
        if (failed > 0 && request.BadRows == BadRowPolicy.Quarantine)
        {
            request.Progress?.Begin(IngestionPhase.Commit);
            var raw = columns.Where(c => !TypedExpression.IsIdentity(c.Parse, c.DuckDbType, c.Source.RawType))
                .Select(c => SourceSelect.RawPrefix + c.Name).ToHashSet(StringComparer.Ordinal);
            var quarantine = await QuarantineWriter.TableForAsync(request, duckDb, stores, ct).ConfigureAwait(false);
            quarantineVersion = await QuarantineWriter.WriteAsync(quarantine, columns, SourceSelect.Build(columns, relation, includeRaw: true), raw, loadedAt, ct).ConfigureAwait(false);
        }

        QualityReport quality;
        using (var connection = duckDb.Connect())
        {
            var none = $"(SELECT {string.Join(", ", columns.Select(c => SqlText.Identifier(c.Name)))} FROM ({SourceSelect.Build(columns, relation)}) WHERE NOT {SourceSelect.ParseFailedColumn})";
            quality = QualityAssessor.Assess(connection, new QualityRequest(none, RowCount: 0), ct);
        }

        request.Progress?.Begin(IngestionPhase.Done);
        var skipped = request.BadRows == BadRowPolicy.Skip ? failed : 0;
        return new LoadReport(plan, -1, read, 0, request.BadRows == BadRowPolicy.Quarantine ? failed : 0, skipped, quarantineVersion, quality, [], null)
        {
            TableWritten = false,
        };
    }

    private static long? SourceBytes(LoadRequest request) =>
        request.SourceFile?.Size ?? (File.Exists(request.Schema.Source.Path) ? new FileInfo(request.Schema.Source.Path).Length : null);

    /// <summary>Writes the good rows; returns the new version and the rows written (null for a merge).</summary>
    private static async Task<(long Version, long? Written)> WriteAsync(LoadRequest request, LoadPlan plan, string good, CancellationToken ct)
    {
        var target = request.Target;
        var evolve = plan.NewColumns.Count > 0;
        switch (request.Mode)
        {
            case LoadMode.NewTable:
                var definition = new TableDefinition { PartitionColumns = request.PartitionColumns, Description = request.Description };
                var created = await target.CreateAsync(definition, good, ct: ct).ConfigureAwait(false);
                return (created!.Version, OutputRows(created.OperationMetrics));
            case LoadMode.Append when evolve:
                var evolved = await target.AppendAsync(good, WriteSchemaMode.MergeSchema, ct).ConfigureAwait(false);
                return (evolved.Version, OutputRows(evolved.Metrics));
            case LoadMode.Append:
                var appended = await target.AppendAsync(good, ct).ConfigureAwait(false);
                return (appended.Version, OutputRows(appended.OperationMetrics));
            case LoadMode.Overwrite when evolve:
                var replaced = await target.OverwriteAsync(good, WriteSchemaMode.OverwriteSchema, ct).ConfigureAwait(false);
                return (replaced.Version, OutputRows(replaced.Metrics));
            case LoadMode.Overwrite:
                var overwritten = await target.OverwriteAsync(good, ct: ct).ConfigureAwait(false);
                return (overwritten.Version, OutputRows(overwritten.OperationMetrics));
            default:
                if (evolve)
                {
                    var fields = plan.NewColumns.Select(c => new StructField(c.Column, DuckDbTypes.FromDuckDb(c.SourceType))).ToList();
                    await target.AddColumnsAsync(fields, ct).ConfigureAwait(false);
                }

                var on = string.Join(" AND ", request.KeyColumns.Select(k => $"t.{SqlText.Identifier(k)} = s.{SqlText.Identifier(k)}"));
                var merged = await target.MergeAsync(new MergeSpec(good, on, [MergeClause.MatchedUpdateAll(), MergeClause.NotMatchedInsertAll()]), ct).ConfigureAwait(false);
                return (merged.Version, null);
        }
    }

    private static long? OutputRows(IReadOnlyDictionary<string, string> metrics) =>
        metrics.TryGetValue("numOutputRows", out var text) && long.TryParse(text, out var rows) ? rows : null;

    private (long Read, long Failed) CountRows(string select, CancellationToken ct)
    {
        using var connection = duckDb.Connect();
        try
        {
            using var reader = connection.ExecuteReader(
                $"SELECT count(*), count(*) FILTER (WHERE {SourceSelect.ParseFailedColumn}) FROM ({select})", ct);
            reader.Read();
            return (SqlValue.ToInt64(reader.GetValue(0)), SqlValue.ToInt64(reader.GetValue(1)));
        }
        catch (DuckDbException e)
        {
            throw OnePass.Unreadable(e);
        }
    }

    private string FirstErrors(string select, CancellationToken ct)
    {
        using var connection = duckDb.Connect();
        var columns = connection.ExecuteScalar(
            $"SELECT string_agg(DISTINCT c, ', ' ORDER BY c) FROM (SELECT unnest({SourceSelect.ParseErrorsColumn}) AS c FROM ({select}) WHERE {SourceSelect.ParseFailedColumn})", ct);
        return $"columns {columns}";
    }
}
