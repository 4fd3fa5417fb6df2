using System.Globalization;
using System.Text.Json;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Engine.Tables.Operations.Merge;

/// <summary>
/// MERGE: stages the outcome of every joined row that matters (rows of files holding updated or deleted rows, and
/// inserted rows) in one DuckDB pass, refuses target rows that several source rows would change, then rewrites
/// only the touched files plus new files for inserts, in one commit.
/// </summary>
internal sealed class MergeCommand(DeltaTable table)
{
    private const string Pick = "__nl_pick";

    public async Task<OperationResult> RunAsync(MergeSpec spec, CancellationToken ct)
    {
        var snapshot = await table.GetSnapshotAsync(null, ct).ConfigureAwait(false);
        ProtocolGate.CheckWrite(snapshot.Protocol, snapshot.Metadata, table.Location);
        MergePlan plan;
        using (var connection = table.DuckDb.Connect())
        {
            connection.Execute("SET TimeZone = 'UTC'");
            plan = new MergePlan(connection, snapshot.Schema, spec);
        }

        if (TableProperties.IsTrue(snapshot.Configuration, TableProperties.AppendOnly)
            && spec.Clauses.Any(c => c is not WhenNotMatchedInsert))
        {
            throw new InvalidTableOperationException($"'{table.Location}' is append-only (delta.appendOnly = true): MERGE may only insert. Drop the UPDATE and DELETE clauses, or unset the property.");
        }

        var staged = LocalStaging.NewFile("parquet");
        try
        {
            var (touched, counts) = Stage(snapshot, plan, staged, ct);
            var transaction = table.StartTransaction(snapshot, "MERGE");
            transaction.ReadSet.ReadWholeTable();
            transaction.ReadSet.ReadFiles(snapshot.Files);
            Parameters(transaction, spec);
            var removed = snapshot.Files.Where(f => touched.Contains(f.Path)).ToList();
            var written = new WrittenFiles([], 0, 0);
            if (removed.Count > 0 || counts[MergePlan.Inserted] > 0)
            {
                var output = $"SELECT {TargetScan.Columns(snapshot.Schema)} FROM (SELECT *, CASE WHEN {MergePlan.Kind} = {MergePlan.Inserted} THEN 1 "
                    + $"ELSE row_number() OVER (PARTITION BY {TargetScan.PathColumn}, {TargetScan.RowColumn} ORDER BY {MergePlan.Kind} DESC) END AS {Pick} "
                    + $"FROM read_parquet({Sql.Literal(staged)})) WHERE {Pick} = 1 AND {MergePlan.Kind} IN ({MergePlan.Copied}, {MergePlan.Updated}, {MergePlan.Inserted})";
                written = await DataFileWriter.WriteAsync(table.DuckDb, table.Store, snapshot.Schema, snapshot.PartitionColumns, output, table.Options.TargetFileSizeBytes, ct).ConfigureAwait(false);
                written = await WrittenFilesCleanup.DropEmptyAsync(table.Store, written, ct).ConfigureAwait(false);
            }

            var metrics = transaction.OperationMetrics;
            metrics["numTargetRowsInserted"] = Text(counts[MergePlan.Inserted]);
            metrics["numTargetRowsUpdated"] = Text(counts[MergePlan.Updated]);
            metrics["numTargetRowsDeleted"] = Text(counts[MergePlan.Deleted]);
            metrics["numTargetRowsCopied"] = Text(counts[MergePlan.Copied]);
            metrics["numOutputRows"] = Text(written.Rows);
            metrics["numTargetFilesAdded"] = Text(written.Files.Count);
            metrics["numTargetFilesRemoved"] = Text(removed.Count);
            metrics["numTargetBytesAdded"] = Text(written.Bytes);
            metrics["numTargetBytesRemoved"] = Text(removed.Sum(f => f.Size));
            if (removed.Count == 0 && written.Files.Count == 0)
            {
                return new OperationResult(snapshot.Version, false, metrics);
            }

            var now = table.Options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            transaction.AddRange(removed.Select(f => (DeltaAction)Tombstones.For(f, now, dataChange: true)));
            transaction.AddRange(written.Files);
            var result = await table.CommitAsync(transaction, ct).ConfigureAwait(false);
            return new OperationResult(result.Version, true, result.OperationMetrics);
        }
        finally
        {
            LocalStaging.Delete(staged);
        }
    }

    /// <summary>Writes the joined rows that matter to <paramref name="staged"/>; returns the touched files and rows per outcome.</summary>
    private (HashSet<string> Touched, Dictionary<int, long> Counts) Stage(Snapshot snapshot, MergePlan plan, string staged, CancellationToken ct)
    {
        using var connection = table.DuckDb.Connect();
        connection.Execute("SET TimeZone = 'UTC'");
        var joined = plan.JoinedSql(TargetScan.ToSql(snapshot, snapshot.Files));
        try
        {
            connection.Execute(
                $"COPY (WITH j AS MATERIALIZED ({joined}), touched AS (SELECT DISTINCT {TargetScan.PathColumn} FROM j WHERE {MergePlan.Kind} IN ({MergePlan.Updated}, {MergePlan.Deleted})) "
                + $"SELECT * FROM j WHERE {MergePlan.Kind} = {MergePlan.Inserted} OR {TargetScan.PathColumn} IN (SELECT {TargetScan.PathColumn} FROM touched)) "
                + $"TO {Sql.Literal(staged)} (FORMAT parquet)");
        }
        catch (DuckDb.DuckDbException e)
        {
            throw new InvalidTableOperationException($"MERGE into '{table.Location}' failed while joining the source: {e.Message}", e);
        }

        var file = Sql.Literal(staged);
        var ambiguous = Convert.ToInt64(connection.ExecuteScalar(
            $"SELECT count(*) FROM (SELECT 1 FROM read_parquet({file}) WHERE {MergePlan.Kind} IN ({MergePlan.Updated}, {MergePlan.Deleted}) AND {MergePlan.SourceRow} IS NOT NULL "
            + $"GROUP BY {TargetScan.PathColumn}, {TargetScan.RowColumn} HAVING count(*) > 1)", ct), CultureInfo.InvariantCulture);
        if (ambiguous > 0)
        {
            throw new InvalidTableOperationException(
                $"MERGE cannot apply: {ambiguous} row(s) of '{table.Location}' match more than one source row, and a row may be updated or deleted only once. "
                + "Make the source unique on the ON keys (for example, keep one row per key with QUALIFY row_number() OVER (PARTITION BY key ORDER BY ...) = 1).");
        }

        var counts = new Dictionary<int, long> { [MergePlan.Copied] = 0, [MergePlan.Updated] = 0, [MergePlan.Deleted] = 0, [MergePlan.Inserted] = 0 };
        foreach (var row in DuckDbRows.QueryJson(connection,
                     $"SELECT {MergePlan.Kind} AS k, count(*) AS n FROM (SELECT *, CASE WHEN {MergePlan.Kind} = {MergePlan.Inserted} THEN 1 "
                     + $"ELSE row_number() OVER (PARTITION BY {TargetScan.PathColumn}, {TargetScan.RowColumn} ORDER BY {MergePlan.Kind} DESC) END AS {Pick} "
                     + $"FROM read_parquet({file})) WHERE {Pick} = 1 GROUP BY ALL", ct))
        {
            using var doc = JsonDocument.Parse(row);
            counts[doc.RootElement.GetProperty("k").GetInt32()] = doc.RootElement.GetProperty("n").GetInt64();
        }

        var touched = DuckDbRows.QueryJson(connection,
                $"SELECT DISTINCT {TargetScan.PathColumn} AS p FROM read_parquet({file}) WHERE {MergePlan.Kind} IN ({MergePlan.Updated}, {MergePlan.Deleted})", ct)
            .Select(r => JsonDocument.Parse(r).RootElement.GetProperty("p").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        return (touched, counts);
    }

    private static void Parameters(Transactions.Transaction transaction, MergeSpec spec)
    {
        static string ActionType(MergeClause c) => c switch
        {
            WhenMatchedUpdate { Set: null } => "update *",
            WhenNotMatchedInsert { Values: null } => "insert *",
            WhenMatchedDelete or WhenNotMatchedBySourceDelete => "delete",
            WhenNotMatchedInsert => "insert",
            _ => "update",
        };

        string Clauses(Func<MergeClause, bool> which) => JsonSerializer.Serialize(spec.Clauses.Where(which)
            .Select(c => c.Condition is null ? new Dictionary<string, string> { ["actionType"] = ActionType(c) } : new Dictionary<string, string> { ["actionType"] = ActionType(c), ["predicate"] = c.Condition }));

        transaction.OperationParameters["predicate"] = spec.On;
        transaction.OperationParameters["matchedPredicates"] = Clauses(c => c is WhenMatchedUpdate or WhenMatchedDelete);
        transaction.OperationParameters["notMatchedPredicates"] = Clauses(c => c is WhenNotMatchedInsert);
        transaction.OperationParameters["notMatchedBySourcePredicates"] = Clauses(c => c is WhenNotMatchedBySourceUpdate or WhenNotMatchedBySourceDelete);
    }

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);
}
