using System.Diagnostics;
using System.Globalization;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Operations.Merge;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// merge: M source rows (default 1M; half update the newest target ids, half are new) merged into a table of N rows
/// (default 10M), against DuckDB's own MERGE INTO on a native table holding the same rows. Prints
/// <c>RESULT merge ratio_vs_duckdb=... ratio_vs_minimal_io=... files_rewritten=...</c>. The second baseline is the least
/// I/O any engine must do: DuckDB reading the files NeuroLake's MERGE rewrote, merging the source in and writing new
/// Parquet files, with no log work (goal ratio_vs_minimal_io ≤ 1.5).
/// </summary>
public sealed class MergeBenchmark : IBenchmark
{
    public string Name => "merge";

    public string Description => "MERGE an upsert source into a 10M-row table vs. DuckDB's own MERGE INTO on a native table";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 10_000_000;
        var sourceRows = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var target = $"SELECT range AS id, range % 1000 AS bucket, 'customer-' || (range % 50000) AS name, (range * 7 % 10007) / 100.0 AS amount FROM range({rows})";
        var source = $"SELECT range + {rows - sourceRows / 2} AS id, 7 AS bucket, 'merged' AS name, 1.0 AS amount FROM range({sourceRows})";
        var root = Path.Combine(Path.GetTempPath(), "nl-bench-merge-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            using var db = DuckDbDatabase.Open();
            using (var connection = db.Connect())
            {
                connection.Execute($"CREATE TABLE native AS {target}");
                var sw = Stopwatch.StartNew();
                connection.Execute($"MERGE INTO native AS t USING ({source}) AS s ON t.id = s.id "
                    + "WHEN MATCHED THEN UPDATE SET bucket = s.bucket, name = s.name, amount = s.amount "
                    + "WHEN NOT MATCHED THEN INSERT (id, bucket, name, amount) VALUES (s.id, s.bucket, s.name, s.amount)");
                var duckMs = sw.Elapsed.TotalMilliseconds;

                var table = new DeltaTable(new LocalObjectStore(Path.Combine(root, "table")), db, new DeltaTableOptions { TargetFileSizeBytes = 32L * 1024 * 1024 });
                await table.CreateAsync(new TableDefinition(), target);
                var before = await table.GetSnapshotAsync();
                sw.Restart();
                var result = await table.MergeAsync(new MergeSpec(source, "t.id = s.id", [MergeClause.MatchedUpdateAll(), MergeClause.NotMatchedInsertAll()]));
                var tableMs = sw.Elapsed.TotalMilliseconds;

                // The least any engine must do: read the files the merge touched, merge the source in, write new files.
                var after = await table.GetSnapshotAsync();
                var kept = after.Files.Select(f => f.Path).ToHashSet();
                var touched = before.Files.Where(f => !kept.Contains(f.Path)).Select(f => Path.Combine(root, "table", Uri.UnescapeDataString(f.Path))).ToList();
                var minimalMs = MinimalMerge(connection, touched, source, Path.Combine(root, "minimal"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"duckdb {duckMs:F0} ms, minimal i/o {minimalMs:F0} ms ({touched.Count} of {before.Files.Count} files read and rewritten), neurolake {tableMs:F0} ms, updated {result.Metric("numTargetRowsUpdated")}, inserted {result.Metric("numTargetRowsInserted")}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"RESULT merge ratio_vs_duckdb={tableMs / duckMs:F3} ratio_vs_minimal_io={tableMs / minimalMs:F3} files_rewritten={result.Metric("numTargetFilesRemoved")}"));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Reads <paramref name="touched"/>, applies the upsert (a full join: matched rows take the source's values, source
    /// rows matching nothing are new) and writes the result as Parquet files of the table's target size. Milliseconds.
    /// </summary>
    private static double MinimalMerge(DuckDbConnection connection, IReadOnlyList<string> touched, string source, string folder)
    {
        var files = "[" + string.Join(", ", touched.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";
        var target = touched.Count == 0 ? "(SELECT * FROM (" + source + ") WHERE false)" : $"read_parquet({files})";
        var sw = Stopwatch.StartNew();
        connection.Execute(
            $"COPY (SELECT CASE WHEN s.id IS NULL THEN t.id ELSE s.id END AS id, CASE WHEN s.id IS NULL THEN t.bucket ELSE s.bucket END AS bucket, "
            + "CASE WHEN s.id IS NULL THEN t.name ELSE s.name END AS name, CASE WHEN s.id IS NULL THEN t.amount ELSE s.amount END AS amount "
            + $"FROM {target} AS t FULL OUTER JOIN ({source}) AS s ON t.id = s.id) "
            + $"TO '{folder.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet, FILE_SIZE_BYTES '32MB')");
        return sw.Elapsed.TotalMilliseconds;
    }
}
