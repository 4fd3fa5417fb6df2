using System.Diagnostics;
using System.Globalization;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// append: appending N rows (default 10M) from a DuckDB query to a NeuroLake table, against DuckDB writing the same
/// rows as Parquet (ZSTD, same target file size) straight to a folder. Prints
/// <c>RESULT append ratio_vs_duckdb=...</c> (median of runs; goal ≤ 1.10).
/// </summary>
public static class AppendBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 10_000_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var query = $"SELECT range AS id, range % 1000 AS bucket, 'customer-' || (range % 50000) AS name, (range * 7 % 10007) / 100.0 AS amount, DATE '2024-01-01' + CAST(range % 365 AS INTEGER) AS day FROM range({rows})";
        var root = Path.Combine(Path.GetTempPath(), "nl-bench-append-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            using var db = DuckDbDatabase.Open();
            var options = new DeltaTableOptions();
            var duckTimes = new List<double>();
            var tableTimes = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var plain = Path.Combine(root, $"duckdb-{run}");
                Directory.CreateDirectory(plain);
                var sw = Stopwatch.StartNew();
                using (var connection = db.Connect())
                {
                    connection.Execute($"COPY ({query}) TO '{plain}' (FORMAT parquet, COMPRESSION zstd, FILENAME_PATTERN 'part-{{i}}-{{uuid}}', APPEND true, FILE_SIZE_BYTES {options.TargetFileSizeBytes})");
                }

                duckTimes.Add(sw.Elapsed.TotalMilliseconds);

                var table = new DeltaTable(new LocalObjectStore(Path.Combine(root, $"table-{run}")), db, options);
                await table.CreateAsync(new TableDefinition(), $"SELECT * FROM ({query}) WHERE false");
                sw.Restart();
                await table.AppendAsync(query);
                tableTimes.Add(sw.Elapsed.TotalMilliseconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: duckdb {duckTimes[^1]:F0} ms, neurolake {tableTimes[^1]:F0} ms"));
            }

            var ratio = Median(tableTimes) / Median(duckTimes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT append ratio_vs_duckdb={ratio:F3}"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
