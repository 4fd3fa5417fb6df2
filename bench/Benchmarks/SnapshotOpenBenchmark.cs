using System.Diagnostics;
using System.Globalization;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Checkpoints;
using NeuroLake.Engine.Tables.Log;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// snapshot-open: cold open (a new table object each time) of the latest snapshot of tables with 1,000 and 10,000
/// commits, each commit adding one file, checkpointed every 10 commits as NeuroLake writes them. Prints
/// <c>RESULT snapshot-open ms_1k=... ms_10k=... files_read_10k=...</c> (median ms; goal ≤ 50 ms at 10,000).
/// </summary>
public static class SnapshotOpenBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var root = Path.Combine(Path.GetTempPath(), "nl-bench-open-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var db = DuckDbDatabase.Open();
            var (ms1k, _) = await MeasureAsync(db, Path.Combine(root, "t1k"), 1_000, runs);
            var (ms10k, files10k) = await MeasureAsync(db, Path.Combine(root, "t10k"), 10_000, runs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT snapshot-open ms_1k={ms1k:F1} ms_10k={ms10k:F1} files_read_10k={files10k}"));
        }
        finally
        {
            if (Directory.Exists(root) && Environment.GetEnvironmentVariable("NL_BENCH_KEEP") is null)
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<(double Ms, int FilesRead)> MeasureAsync(DuckDbDatabase db, string folder, int commits, int runs)
    {
        var store = new LocalObjectStore(folder);
        await BuildAsync(db, store, commits);
        var times = new List<double>();
        var filesRead = 0;
        for (var run = 0; run < runs; run++)
        {
            var sw = Stopwatch.StartNew();
            var snapshot = await new DeltaTable(store, db).GetSnapshotAsync();
            times.Add(sw.Elapsed.TotalMilliseconds);
            filesRead = snapshot.FilesRead;
            if (snapshot.Version != commits - 1 || snapshot.Files.Count != commits - 1)
            {
                throw new InvalidOperationException($"Opened version {snapshot.Version} with {snapshot.Files.Count} files; expected {commits - 1} and {commits - 1}.");
            }
        }

        var sorted = times.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{commits} commits: median {sorted[sorted.Count / 2]:F1} ms, min {sorted[0]:F1} ms, files read {filesRead}"));
        return (sorted[sorted.Count / 2], filesRead);
    }

    /// <summary>
    /// Writes the log directly (commit files as NeuroLake writes them, one add each, and the newest checkpoint a table
    /// checkpointed every 10 versions would have) so building 10,000 versions takes seconds; data files are not needed to open.
    /// </summary>
    private static async Task BuildAsync(DuckDbDatabase db, LocalObjectStore store, int commits)
    {
        var schema = new StructType([new StructField("id", PrimitiveType.Long), new StructField("name", PrimitiveType.String)]);
        var table = new DeltaTable(store, db, new DeltaTableOptions { CheckpointInterval = int.MaxValue });
        await table.CreateAsync(new TableDefinition { Schema = schema });
        for (var v = 1; v < commits; v++)
        {
            var add = new AddFile($"part-{v:D5}-{Guid.NewGuid():N}.parquet", new Dictionary<string, string?>(), 1024, 1_700_000_000_000 + v, true,
                "{\"numRecords\":10,\"minValues\":{\"id\":1,\"name\":\"a\"},\"maxValues\":{\"id\":10,\"name\":\"z\"},\"nullCount\":{\"id\":0,\"name\":0}}");
            var info = new CommitInfo(new System.Text.Json.Nodes.JsonObject
            {
                ["inCommitTimestamp"] = 1_700_000_000_000 + v,
                ["timestamp"] = 1_700_000_000_000 + v,
                ["operation"] = "WRITE",
                ["operationParameters"] = new System.Text.Json.Nodes.JsonObject { ["mode"] = "Append" },
            });
            await store.PutIfAbsentAsync(LogFileName.CommitKey(v), ActionWriter.ToCommitFile([info, add]));
            // Opening reads only the newest checkpoint, so only that one is written (the older ones would never be read).
            if (v == (commits - 1) / 10 * 10)
            {
                var state = await new DeltaTable(store, db).GetSnapshotAsync(v);
                await CheckpointWriter.WriteAsync(db, store, state, DateTimeOffset.UtcNow, CancellationToken.None);
            }
        }
    }
}
