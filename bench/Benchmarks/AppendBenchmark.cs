using System.Diagnostics;
using System.Globalization;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// append: appending N rows (default 10M) from a DuckDB query to a NeuroLake table, against DuckDB writing the same
/// rows as Parquet (ZSTD, same target file size) straight to a folder. Runs alternate which side goes first; the
/// ratio compares the fastest run of each side (least disturbed by other load). Prints
/// <c>RESULT append ratio_vs_duckdb=...</c> (goal ≤ 1.10).
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
                var table = new DeltaTable(new LocalObjectStore(Path.Combine(root, $"table-{run}")), db, options);
                await table.CreateAsync(new TableDefinition(), $"SELECT * FROM ({query}) WHERE false");
                if (run % 2 == 0)
                {
                    duckTimes.Add(TimeDuckDb(db, query, Path.Combine(root, $"duckdb-{run}"), options.TargetFileSizeBytes));
                    tableTimes.Add(await TimeTableAsync(table, query));
                }
                else
                {
                    tableTimes.Add(await TimeTableAsync(table, query));
                    duckTimes.Add(TimeDuckDb(db, query, Path.Combine(root, $"duckdb-{run}"), options.TargetFileSizeBytes));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: duckdb {duckTimes[^1]:F0} ms, neurolake {tableTimes[^1]:F0} ms"));
            }

            var ratio = tableTimes.Min() / duckTimes.Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median duckdb {Median(duckTimes):F0} ms, median neurolake {Median(tableTimes):F0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT append ratio_vs_duckdb={ratio:F3}"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static double TimeDuckDb(DuckDbDatabase db, string query, string folder, long fileSize)
    {
        Directory.CreateDirectory(folder);
        var sw = Stopwatch.StartNew();
        using var connection = db.Connect();
        connection.Execute($"COPY ({query}) TO '{folder}' (FORMAT parquet, COMPRESSION zstd, FILENAME_PATTERN 'part-{{i}}-{{uuid}}', APPEND true, FILE_SIZE_BYTES {fileSize})");
        return sw.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> TimeTableAsync(DeltaTable table, string query)
    {
        var sw = Stopwatch.StartNew();
        await table.AppendAsync(query);
        return sw.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
