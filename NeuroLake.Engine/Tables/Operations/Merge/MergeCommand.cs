using System.Globalization;
using System.Text.Json;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Engine.Tables.Operations.Merge;

/// <summary>
/// MERGE: stages the changed rows (updated, deleted, inserted, with their new values) from one DuckDB pass over the
/// join, refuses target rows that several source rows would change, then rewrites only the files holding updated or
/// deleted rows (their other rows copied unchanged) plus the inserts, in one commit.
/// </summary>
internal sealed class MergeCommand(DeltaTable table)
{
    public async Task<OperationResult> RunAsync(MergeSpec spec, CancellationToken ct)
    {
        var snapshot = await table.GetSnapshotAsync(null, ct).ConfigureAwait(false);
        ProtocolGate.CheckWrite(snapshot.Protocol, snapshot.Metadata, table.Location);
        MergePlan plan;
        using (var connection = table.DuckDb.ConnectTracked())
        {
            connection.UseUtc();
            plan = new MergePlan(connection, snapshot.Schema, spec);
        }

        if (TableProperties.IsTrue(snapshot.Configuration, TableProperties.AppendOnly)
            && spec.Clauses.Any(c => c is not WhenNotMatchedInsert))
        {
            throw new InvalidTableOperationException($"'{table.Location}' is append-only (delta.appendOnly = true): MERGE may only insert. Drop the UPDATE and DELETE clauses, or unset the property.");
        }

        IReadOnlyList<AddFile> candidates;
        using (var connection = table.DuckDb.ConnectTracked())
        {
            connection.UseUtc();
            candidates = MergeKeyRange.CandidateFiles(connection, snapshot, spec, ct);
        }

        // The candidates' local copies (remote tables) stay pinned until the rewrite has read them.
        using var lease = await TableFiles.LeaseAsync(table.Store, candidates, ct).ConfigureAwait(false);
        var staged = LocalStaging.NewFile("parquet");
        try
        {
            var (touched, counts) = Stage(snapshot, spec, candidates, plan, staged, ct);
            var transaction = table.StartTransaction(snapshot, "MERGE");
            transaction.ReadSet.ReadWholeTable();
            transaction.ReadSet.ReadFiles(snapshot.Files);
            Parameters(transaction, spec);
            var removed = snapshot.Files.Where(f => touched.Contains(f.Path)).ToList();
            var written = new WrittenFiles([], 0, 0);
            if (removed.Count > 0 || counts[MergePlan.Inserted] > 0)
            {
                // Changed rows come from the staged outcomes; the other rows of touched files are copied as they are.
                var changedKeys = $"(SELECT {TargetScan.PathColumn}, {TargetScan.RowColumn} FROM read_parquet({Sql.Literal(staged)}) WHERE {MergePlan.Kind} IN ({MergePlan.Updated}, {MergePlan.Deleted})) AS c";
                var output = $"SELECT {TargetScan.Columns(snapshot.Schema)} FROM read_parquet({Sql.Literal(staged)}) WHERE {MergePlan.Kind} IN ({MergePlan.Updated}, {MergePlan.Inserted})";
                if (removed.Count > 0)
                {
                    output += $" UNION ALL SELECT {TargetScan.Columns(snapshot.Schema, "t")} FROM ({TargetScan.ToSql(snapshot, removed)}) AS t ANTI JOIN {changedKeys} "
                        + $"ON t.{TargetScan.PathColumn} = c.{TargetScan.PathColumn} AND t.{TargetScan.RowColumn} = c.{TargetScan.RowColumn}";
                }

                written = await DataFileWriter.WriteAsync(table.DuckDb, table.Store, snapshot.Schema, snapshot.PartitionColumns, output, table.Options.TargetFileSizeBytes, ct).ConfigureAwait(false);
                written = await WrittenFilesCleanup.DropEmptyAsync(table.Store, written, ct).ConfigureAwait(false);
            }

            counts[MergePlan.Copied] = written.Rows - counts[MergePlan.Updated] - counts[MergePlan.Inserted];
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
    private (HashSet<string> Touched, Dictionary<int, long> Counts) Stage(Snapshot snapshot, MergeSpec spec, IReadOnlyList<AddFile> candidates, MergePlan plan, string staged, CancellationToken ct)
    {
        using var connection = table.DuckDb.ConnectTracked();
        connection.UseUtc();
        var joined = plan.JoinedSql(TargetScan.ToSql(snapshot, candidates));
        try
        {
            connection.Execute(
                $"COPY (SELECT * FROM ({joined}) AS j WHERE {MergePlan.Kind} IN ({MergePlan.Updated}, {MergePlan.Deleted}, {MergePlan.Inserted})) TO {Sql.Literal(staged)} (FORMAT parquet)");
        }
        catch (DuckDb.DuckDbException e)
        {
            throw new InvalidTableOperationException($"MERGE into '{table.Location}' failed while joining the source: {e.Message}", e);
        }

        var file = Sql.Literal(staged);
        var ambiguous = OnlyUnconditionalDelete(spec) ? 0 : Convert.ToInt64(connection.ExecuteScalar(
            $"SELECT count(*) FROM (SELECT 1 FROM read_parquet({file}) WHERE {MergePlan.Kind} IN ({MergePlan.Updated}, {MergePlan.Deleted}) AND {MergePlan.SourceRow} IS NOT NULL "
            + $"GROUP BY {TargetScan.PathColumn}, {TargetScan.RowColumn} HAVING count(*) > 1)", ct), CultureInfo.InvariantCulture);
        if (ambiguous > 0)
        {
            throw new InvalidTableOperationException(
                $"MERGE cannot apply: multiple source rows matched and attempted to modify the same target row; {ambiguous} row(s) of '{table.Location}' match more than one source row, and a row may be updated or deleted only once. "
                + "Make the source unique on the ON keys (for example, keep one row per key with QUALIFY row_number() OVER (PARTITION BY key ORDER BY ...) = 1).");
        }

        var counts = new Dictionary<int, long> { [MergePlan.Copied] = 0, [MergePlan.Updated] = 0, [MergePlan.Deleted] = 0, [MergePlan.Inserted] = 0 };
        // A row several source rows delete is staged once per source row but deleted once; every other changed row is
        // staged once (the ambiguity check above holds), so only deletes need the costlier distinct count.
        var distinctRows = $"count(DISTINCT ({TargetScan.PathColumn}, {TargetScan.RowColumn}))";
        foreach (var row in DuckDbRows.QueryJson(connection,
                     $"SELECT {MergePlan.Kind} AS k, CASE WHEN {MergePlan.Kind} = {MergePlan.Deleted} THEN {distinctRows} ELSE count(*) END AS n FROM read_parquet({file}) GROUP BY {MergePlan.Kind}", ct))
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

    /// <summary>
    /// Delta's exception to "one source row per target row": when the only WHEN MATCHED clause is an unconditional
    /// DELETE, the outcome does not depend on which source row matched, so several may.
    /// </summary>
    private static bool OnlyUnconditionalDelete(MergeSpec spec) =>
        spec.Clauses.Where(c => c is WhenMatchedUpdate or WhenMatchedDelete).ToList() is [WhenMatchedDelete { Condition: null }];

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
