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
/// <c>RESULT merge ratio_vs_duckdb=... files_rewritten=...</c>.
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
                sw.Restart();
                var result = await table.MergeAsync(new MergeSpec(source, "t.id = s.id", [MergeClause.MatchedUpdateAll(), MergeClause.NotMatchedInsertAll()]));
                var tableMs = sw.Elapsed.TotalMilliseconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"duckdb {duckMs:F0} ms, neurolake {tableMs:F0} ms, updated {result.Metric("numTargetRowsUpdated")}, inserted {result.Metric("numTargetRowsInserted")}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"RESULT merge ratio_vs_duckdb={tableMs / duckMs:F3} files_rewritten={result.Metric("numTargetFilesRemoved")}"));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
