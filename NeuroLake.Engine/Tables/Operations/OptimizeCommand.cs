using System.Globalization;
using System.Text.Json;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Engine.Tables.Operations;

/// <summary>
/// OPTIMIZE: per partition, bin-packs files smaller than the minimum size into files near the target size, or with
/// ZORDER BY rewrites the partition's rows sorted by a <see cref="ZOrderKey"/> and cut into target-sized files.
/// Commits removes and adds with dataChange=false. A partition already Z-ordered by the same columns in one run, or
/// with no two small files to pack, is left alone, so running OPTIMIZE again commits nothing.
/// </summary>
internal sealed class OptimizeCommand(DeltaTable table)
{
    private const string ZOrderTag = "neurolake.zOrderBy";
    private const string RunTag = "neurolake.optimizeId";
    private const string Sequence = "__nl_seq";

    public async Task<OperationResult> RunAsync(OptimizeOptions options, CancellationToken ct)
    {
        var snapshot = await table.GetSnapshotAsync(null, ct).ConfigureAwait(false);
        ProtocolGate.CheckWrite(snapshot.Protocol, snapshot.Metadata, table.Location);
        var zOrder = ZOrderColumns(snapshot, options.ZOrderBy);
        var target = Math.Max(1, options.TargetFileSizeBytes ?? table.Options.TargetFileSizeBytes);
        var minSize = options.MinFileSizeBytes ?? target;
        var considered = SelectFiles(snapshot, options.Where);

        var runId = Guid.NewGuid().ToString("N");
        var bins = new List<List<AddFile>>();
        foreach (var partition in considered.GroupBy(f => PartitionKey(snapshot, f)))
        {
            bins.AddRange(zOrder.Count > 0 ? ZOrderBins(partition.ToList(), zOrder) : PackBins(partition.ToList(), minSize, target));
        }

        var removed = new List<AddFile>();
        var added = new List<AddFile>();
        foreach (var bin in bins)
        {
            ct.ThrowIfCancellationRequested();
            var tags = zOrder.Count == 0 ? null : new Dictionary<string, string?> { [ZOrderTag] = string.Join(",", zOrder), [RunTag] = runId };
            added.AddRange(await RewriteAsync(snapshot, bin, zOrder, target, tags, ct).ConfigureAwait(false));
            removed.AddRange(bin);
        }

        var transaction = table.StartTransaction(snapshot, "OPTIMIZE");
        transaction.OperationParameters["predicate"] = JsonSerializer.Serialize(options.Where is null ? Array.Empty<string>() : [options.Where]);
        transaction.OperationParameters["zOrderBy"] = JsonSerializer.Serialize(zOrder);
        transaction.OperationParameters["auto"] = "false";
        var metrics = transaction.OperationMetrics;
        metrics["numFilesRemoved"] = Text(removed.Count);
        metrics["numFilesAdded"] = Text(added.Count);
        metrics["numRemovedBytes"] = Text(removed.Sum(f => f.Size));
        metrics["numAddedBytes"] = Text(added.Sum(f => f.Size));
        metrics["numBatches"] = Text(bins.Count);
        metrics["partitionsOptimized"] = Text(bins.Select(b => PartitionKey(snapshot, b[0])).Distinct().Count());
        metrics["totalConsideredFiles"] = Text(considered.Count);
        metrics["totalFilesSkipped"] = Text(considered.Count - removed.Count);
        metrics["numFilesBefore"] = Text(considered.Count);
        metrics["numFilesAfter"] = Text(considered.Count - removed.Count + added.Count);
        metrics["numBytesBefore"] = Text(considered.Sum(f => f.Size));
        metrics["numBytesAfter"] = Text(considered.Sum(f => f.Size) - removed.Sum(f => f.Size) + added.Sum(f => f.Size));
        if (bins.Count == 0)
        {
            return new OperationResult(snapshot.Version, false, metrics);
        }

        transaction.ReadSet.ReadFiles(removed);
        var now = table.Options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        transaction.AddRange(removed.Select(f => (DeltaAction)Tombstones.For(f, now, dataChange: false)));
        transaction.AddRange(added);
        var result = await table.CommitAsync(transaction, ct).ConfigureAwait(false);
        return new OperationResult(result.Version, true, result.OperationMetrics);
    }

    private static List<string> ZOrderColumns(Snapshot snapshot, IReadOnlyList<string> requested)
    {
        var columns = new List<string>();
        foreach (var name in requested)
        {
            var field = snapshot.Schema.Find(name) ?? throw new InvalidTableOperationException(
                $"ZORDER BY '{name}': the table has no such column (columns: {string.Join(", ", snapshot.Schema.Fields.Select(f => f.Name))}).");
            if (snapshot.PartitionColumns.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
            {
                throw new InvalidTableOperationException(
                    $"ZORDER BY '{field.Name}' is not possible: it is a partition column, whose value is already the same in every file of a partition. Z-order by data columns.");
            }

            if (field.Type is not (PrimitiveType or DecimalType) || field.Type is PrimitiveType { Name: "boolean" or "binary" })
            {
                throw new InvalidTableOperationException($"ZORDER BY '{field.Name}' is not possible: its type {field.Type} has no min/max statistics. Z-order by numbers, strings, dates or timestamps.");
            }

            if (columns.Contains(field.Name, StringComparer.Ordinal))
            {
                throw new InvalidTableOperationException($"ZORDER BY lists '{field.Name}' twice; list each column once.");
            }

            columns.Add(field.Name);
        }

        return columns;
    }

    private List<AddFile> SelectFiles(Snapshot snapshot, string? where)
    {
        if (where is null)
        {
            return snapshot.Files.ToList();
        }

        if (snapshot.PartitionColumns.Count == 0)
        {
            throw new InvalidTableOperationException($"OPTIMIZE WHERE needs a partitioned table; '{table.Location}' has no partition columns. Optimize the whole table instead.");
        }

        var partitionSchema = new StructType(snapshot.PartitionColumns.Select(c => snapshot.Schema.Find(c)!).ToList());
        using (var connection = table.DuckDb.ConnectTracked())
        {
            try
            {
                ExpressionCheck.PredicateOverTable(connection, partitionSchema, where, "OPTIMIZE WHERE condition");
            }
            catch (InvalidTableOperationException e)
            {
                throw new InvalidTableOperationException(
                    $"OPTIMIZE WHERE may refer only to partition columns ({string.Join(", ", snapshot.PartitionColumns)}). {e.Message}", e);
            }
        }

        var matching = new PartitionFilter(table.DuckDb, snapshot.Schema, snapshot.PartitionColumns, where).Matching(snapshot.Files);
        return snapshot.Files.Where(f => matching.Contains(f.Path)).ToList();
    }

    internal static string PartitionKey(Snapshot snapshot, AddFile file) =>
        string.Join("/", snapshot.PartitionColumns.Select(c => $"{c}={FilePaths.EscapePartitionValue(file.PartitionValues.GetValueOrDefault(c))}"));

    /// <summary>One bin per partition, unless every file of it came from one Z-order run over the same columns.</summary>
    private static IEnumerable<List<AddFile>> ZOrderBins(List<AddFile> files, List<string> columns)
    {
        var runs = files.Select(f => f.Tags?.GetValueOrDefault(RunTag)).Distinct().ToList();
        var alreadyDone = runs is [not null] && files.All(f => f.Tags?.GetValueOrDefault(ZOrderTag) == string.Join(",", columns));
        if (!alreadyDone)
        {
            yield return files;
        }
    }

    /// <summary>Small files, in path order, packed greedily into bins up to the target size; bins of one file are left alone.</summary>
    internal static IEnumerable<List<AddFile>> PackBins(List<AddFile> files, long minSize, long target)
    {
        var bin = new List<AddFile>();
        long size = 0;
        foreach (var file in files.Where(f => f.Size < minSize).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (bin.Count > 0 && size + file.Size > target)
            {
                if (bin.Count > 1)
                {
                    yield return bin;
                }

                bin = [];
                size = 0;
            }

            bin.Add(file);
            size += file.Size;
        }

        if (bin.Count > 1)
        {
            yield return bin;
        }
    }

    /// <summary>
    /// Stages the bin's rows (sorted by the Z-order key when asked) with a sequence number, then writes consecutive
    /// slices of about the target size into the partition's folder; partition values come from the bin.
    /// </summary>
    private async Task<List<AddFile>> RewriteAsync(Snapshot snapshot, List<AddFile> bin, List<string> zOrder, long target, Dictionary<string, string?>? tags, CancellationToken ct)
    {
        using var lease = await TableFiles.LeaseAsync(table.Store, bin, ct).ConfigureAwait(false);
        var dataSchema = new StructType(snapshot.Schema.Fields.Where(f => !snapshot.PartitionColumns.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).ToList());
        var columns = TargetScan.Columns(dataSchema);
        var rows = $"SELECT {columns} FROM ({TargetScan.ToSql(snapshot, bin)}) AS b";
        var order = "";
        if (zOrder.Count > 0)
        {
            rows = ZOrderKey.Over(rows, zOrder, columns);
            order = $"ORDER BY {ZOrderKey.KeyColumn}";
        }

        var staged = LocalStaging.NewFile("parquet");
        try
        {
            long total;
            using (var connection = table.DuckDb.ConnectTracked())
            {
                connection.UseUtc();
                connection.ExecuteNonQuery($"COPY (SELECT {columns}, row_number() OVER ({order}) - 1 AS {Sequence} FROM ({rows}) AS r ORDER BY {Sequence}) TO {Sql.Literal(staged)} (FORMAT parquet)", ct);
                total = Convert.ToInt64(connection.ExecuteScalar($"SELECT count(*) FROM read_parquet({Sql.Literal(staged)})", ct), CultureInfo.InvariantCulture);
            }

            var slices = (int)Math.Clamp((bin.Sum(f => f.Size) + target - 1) / target, 1, Math.Max(1, total));
            var partitionDir = PartitionKey(snapshot, bin[0]);
            var files = new List<AddFile>();
            for (var i = 0; i < slices; i++)
            {
                var from = total * i / slices;
                var to = total * (i + 1) / slices;
                var slice = $"SELECT {columns} FROM read_parquet({Sql.Literal(staged)}) WHERE {Sequence} >= {from} AND {Sequence} < {to} ORDER BY {Sequence}";
                var written = await DataFileWriter.WriteAsync(table.DuckDb, table.Store, dataSchema, [], slice, target, ct, prefix: partitionDir).ConfigureAwait(false);
                written = await WrittenFilesCleanup.DropEmptyAsync(table.Store, written, ct).ConfigureAwait(false);
                files.AddRange(written.Files.Select(f => f with
                {
                    PartitionValues = bin[0].PartitionValues,
                    DataChange = false,
                    Tags = tags,
                }));
            }

            return files;
        }
        finally
        {
            LocalStaging.Delete(staged);
        }
    }

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);
}
