using System.Globalization;
using System.Text.Json;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Operations.Skipping;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Engine.Tables.Operations;

/// <summary>
/// DELETE and UPDATE: skip files whose partition values or statistics rule out a match, count matches per remaining
/// file in DuckDB, rewrite only the files that hold matches (DELETE drops files whose every row matches without
/// rewriting them), and commit the removes and adds in one transaction.
/// </summary>
internal sealed class RowRewrite(DeltaTable table)
{
    private const string Matches = "__nl_matches";

    public async Task<OperationResult> DeleteAsync(string? predicate, CancellationToken ct)
    {
        var snapshot = await WritableSnapshotAsync("DELETE", ct).ConfigureAwait(false);
        if (predicate is not null)
        {
            using var connection = table.DuckDb.ConnectTracked();
            ExpressionCheck.PredicateOverTable(connection, snapshot.Schema, predicate, "DELETE condition");
        }

        var transaction = table.StartTransaction(snapshot, "DELETE");
        transaction.OperationParameters["predicate"] = JsonSerializer.Serialize(predicate is null ? Array.Empty<string>() : [predicate]);
        if (PartitionOnlyMatches(snapshot, predicate) is { } dropped)
        {
            // Metadata-only: a predicate on partition columns selects whole files, whose row counts are in their stats.
            var skipping = new FileSkipping(predicate, snapshot.Schema, snapshot.PartitionColumns);
            transaction.ReadSet.ReadFiles(dropped);
            transaction.ReadSet.ReadWhere(skipping.MayMatch, predicate!);
            transaction.OperationMetrics["numDeletedRows"] = Text(dropped.Sum(f => WrittenFilesCleanup.RecordCount(f)!.Value));
            transaction.OperationMetrics["numCopiedRows"] = "0";
            return await CommitAsync(snapshot, transaction, dropped, new WrittenFiles([], 0, 0), 0, ct).ConfigureAwait(false);
        }

        var (candidates, counts, lease) = await CountMatchesAsync(snapshot, predicate, transaction, ct).ConfigureAwait(false);
        using var files = lease;
        var whole = candidates.Where(f => counts[f.Path].Matched > 0 && counts[f.Path].Matched == counts[f.Path].Total).ToList();
        var partial = candidates.Where(f => counts[f.Path].Matched > 0 && counts[f.Path].Matched < counts[f.Path].Total).ToList();
        var deleted = whole.Concat(partial).Sum(f => counts[f.Path].Matched);
        var written = partial.Count == 0
            ? new WrittenFiles([], 0, 0)
            : await WriteAsync(snapshot, $"SELECT {TargetScan.Columns(snapshot.Schema)} FROM ({TargetScan.ToSql(snapshot, partial)}) AS t WHERE NOT {Condition(predicate)}", ct).ConfigureAwait(false);
        transaction.OperationMetrics["numDeletedRows"] = Text(deleted);
        transaction.OperationMetrics["numCopiedRows"] = Text(written.Rows);
        return await CommitAsync(snapshot, transaction, [.. whole, .. partial], written, candidates.Count, ct).ConfigureAwait(false);
    }

    public async Task<OperationResult> UpdateAsync(IReadOnlyDictionary<string, string> set, string? predicate, CancellationToken ct)
    {
        var snapshot = await WritableSnapshotAsync("UPDATE", ct).ConfigureAwait(false);
        if (set.Count == 0)
        {
            throw new InvalidTableOperationException("UPDATE needs at least one SET column = expression.");
        }

        var assignments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using (var connection = table.DuckDb.ConnectTracked())
        {
            var from = $"({ExpressionCheck.EmptyRelation(snapshot.Schema)}) AS t";
            foreach (var (column, expression) in set)
            {
                var field = snapshot.Schema.Find(column) ?? throw new InvalidTableOperationException(
                    $"UPDATE cannot set '{column}': the table has no such column (columns: {string.Join(", ", snapshot.Schema.Fields.Select(f => f.Name))}).");
                if (!assignments.TryAdd(field.Name, expression))
                {
                    throw new InvalidTableOperationException($"UPDATE sets the column '{field.Name}' more than once; set each column once.");
                }

                ExpressionCheck.Value(connection, from, snapshot.Schema, expression, field, $"value for '{field.Name}'");
            }

            if (predicate is not null)
            {
                ExpressionCheck.Predicate(connection, from, snapshot.Schema, predicate, "UPDATE condition");
            }
        }

        var transaction = table.StartTransaction(snapshot, "UPDATE");
        transaction.OperationParameters["predicate"] = JsonSerializer.Serialize(predicate is null ? Array.Empty<string>() : [predicate]);
        var (candidates, counts, lease) = await CountMatchesAsync(snapshot, predicate, transaction, ct).ConfigureAwait(false);
        using var files = lease;
        var touched = candidates.Where(f => counts[f.Path].Matched > 0).ToList();
        var updated = touched.Sum(f => counts[f.Path].Matched);
        var written = new WrittenFiles([], 0, 0);
        if (touched.Count > 0)
        {
            var condition = Condition(predicate);
            var columns = snapshot.Schema.Fields.Select(f => assignments.TryGetValue(f.Name, out var expression)
                ? $"CASE WHEN {condition} THEN CAST(({expression}) AS {Types.DuckDbTypes.ToDuckDb(f.Type)}) ELSE {Sql.Quote(f.Name)} END AS {Sql.Quote(f.Name)}"
                : Sql.Quote(f.Name));
            written = await WriteAsync(snapshot, $"SELECT {string.Join(", ", columns)} FROM ({TargetScan.ToSql(snapshot, touched)}) AS t", ct).ConfigureAwait(false);
        }

        transaction.OperationMetrics["numUpdatedRows"] = Text(updated);
        transaction.OperationMetrics["numCopiedRows"] = Text(written.Rows - updated);
        return await CommitAsync(snapshot, transaction, touched, written, candidates.Count, ct).ConfigureAwait(false);
    }

    private async Task<Snapshot> WritableSnapshotAsync(string operation, CancellationToken ct)
    {
        var snapshot = await table.GetSnapshotAsync(null, ct).ConfigureAwait(false);
        ProtocolGate.CheckWrite(snapshot.Protocol, snapshot.Metadata, table.Location);
        if (TableProperties.IsTrue(snapshot.Configuration, TableProperties.AppendOnly))
        {
            throw new InvalidTableOperationException($"'{table.Location}' is append-only (delta.appendOnly = true): {operation} is not allowed. Unset the property first.");
        }

        return snapshot;
    }

    /// <summary>The files a predicate over partition columns only selects, when every one has a row count; else null.</summary>
    private List<AddFile>? PartitionOnlyMatches(Snapshot snapshot, string? predicate)
    {
        if (predicate is null || snapshot.PartitionColumns.Count == 0)
        {
            return null;
        }

        var partitionSchema = new Types.StructType(snapshot.PartitionColumns.Select(c => snapshot.Schema.Find(c)!).ToList());
        using (var connection = table.DuckDb.ConnectTracked())
        {
            try
            {
                ExpressionCheck.PredicateOverTable(connection, partitionSchema, predicate, "DELETE condition");
            }
            catch (InvalidTableOperationException)
            {
                return null;
            }
        }

        var matching = new PartitionFilter(table.DuckDb, snapshot.Schema, snapshot.PartitionColumns, predicate).Matching(snapshot.Files);
        var files = snapshot.Files.Where(f => matching.Contains(f.Path)).ToList();
        return files.All(f => WrittenFilesCleanup.RecordCount(f) is not null) ? files : null;
    }

    private static string Condition(string? predicate) => predicate is null ? "true" : $"coalesce(CAST(({predicate}) AS BOOLEAN), false)";

    /// <summary>
    /// Files that may match (after skipping), per file its matching and total rows, and the lease on the candidates'
    /// local copies (remote tables) that the caller holds until it has rewritten them.
    /// </summary>
    private async Task<(List<AddFile> Candidates, Dictionary<string, (long Matched, long Total)> Counts, FileLease Lease)> CountMatchesAsync(
        Snapshot snapshot, string? predicate, Transactions.Transaction transaction, CancellationToken ct)
    {
        var skipping = new FileSkipping(predicate, snapshot.Schema, snapshot.PartitionColumns);
        var candidates = snapshot.Files.Where(skipping.MayMatch).ToList();
        transaction.ReadSet.ReadFiles(candidates);
        if (predicate is null)
        {
            transaction.ReadSet.ReadWholeTable();
        }
        else
        {
            transaction.ReadSet.ReadWhere(skipping.MayMatch, predicate);
        }

        var counts = candidates.ToDictionary(f => f.Path, _ => (0L, 0L), StringComparer.Ordinal);
        if (candidates.Count == 0)
        {
            return (candidates, counts, FileLease.None);
        }

        var lease = await TableFiles.LeaseAsync(table.Store, candidates, ct).ConfigureAwait(false);
        try
        {
            await CountAsync(snapshot, predicate, candidates, counts, ct).ConfigureAwait(false);
        }
        catch
        {
            lease.Dispose();
            throw;
        }

        return (candidates, counts, lease);
    }

    private async Task CountAsync(Snapshot snapshot, string? predicate, List<AddFile> candidates, Dictionary<string, (long Matched, long Total)> counts, CancellationToken ct)
    {
        using var connection = table.DuckDb.ConnectTracked();
        connection.UseUtc();
        var sql = $"SELECT {TargetScan.PathColumn} AS p, count(*) FILTER (WHERE {Condition(predicate)}) AS {Matches}, count(*) AS n "
            + $"FROM ({TargetScan.ToSql(snapshot, candidates)}) AS t GROUP BY {TargetScan.PathColumn}";
        List<byte[]> rows;
        try
        {
            rows = await Task.Run(() => DuckDbRows.QueryJson(connection, sql, ct), ct).ConfigureAwait(false);
        }
        catch (DuckDb.DuckDbException e)
        {
            throw new InvalidTableOperationException($"Evaluating the condition '{predicate}' on '{table.Location}' failed: {e.Message}", e);
        }

        foreach (var row in rows)
        {
            using var doc = JsonDocument.Parse(row);
            var r = doc.RootElement;
            counts[r.GetProperty("p").GetString()!] = (r.GetProperty(Matches).GetInt64(), r.GetProperty("n").GetInt64());
        }
    }

    private async Task<WrittenFiles> WriteAsync(Snapshot snapshot, string query, CancellationToken ct)
    {
        var written = await DataFileWriter.WriteAsync(table.DuckDb, table.Store, snapshot.Schema, snapshot.PartitionColumns, query, table.Options.TargetFileSizeBytes, ct).ConfigureAwait(false);
        return await WrittenFilesCleanup.DropEmptyAsync(table.Store, written, ct).ConfigureAwait(false);
    }

    private async Task<OperationResult> CommitAsync(
        Snapshot snapshot, Transactions.Transaction transaction, IReadOnlyList<AddFile> removed, WrittenFiles written, int scanned, CancellationToken ct)
    {
        transaction.OperationMetrics["numRemovedFiles"] = Text(removed.Count);
        transaction.OperationMetrics["numAddedFiles"] = Text(written.Files.Count);
        transaction.OperationMetrics["numRemovedBytes"] = Text(removed.Sum(f => f.Size));
        transaction.OperationMetrics["numAddedBytes"] = Text(written.Bytes);
        transaction.OperationMetrics["numFilesScanned"] = Text(scanned);
        transaction.OperationMetrics["numFilesSkipped"] = Text(snapshot.Files.Count - scanned);
        if (removed.Count == 0)
        {
            return new OperationResult(snapshot.Version, false, transaction.OperationMetrics);
        }

        var now = table.Options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        transaction.AddRange(removed.Select(f => (DeltaAction)Tombstones.For(f, now, dataChange: true)));
        transaction.AddRange(written.Files);
        var result = await table.CommitAsync(transaction, ct).ConfigureAwait(false);
        return new OperationResult(result.Version, true, result.OperationMetrics);
    }

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);
}
