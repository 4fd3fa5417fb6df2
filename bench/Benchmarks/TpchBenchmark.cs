using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Bench.Tpch;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// tpch: the 22 TPC-H queries through the query service over Delta tables (loaded from the Parquet files, see
/// <see cref="TpchTables"/>) vs. raw DuckDB over views on the same Parquet files, in one process, both sides
/// reading every row of the result into .NET. A warm-up run of each query checks its answer (when the data has
/// answers), then the sides alternate for the timed runs; medians per query, ratio service / raw.
/// Prints <c>RESULT tpch geomean_ratio=... worst_query=... worst_ratio=...</c> (goal geomean ≤ 1.05).
/// Arguments: [--data DIR] (default shared/data/tpch/sf0.1) [--runs N] (default 5) [--queries 1,3,6] [--profile]
/// (also times the SQL the service hands DuckDB, run on the raw database: what the relation costs apart from the service)
/// [--store s3] (tables on S3 instead, cold and warm vs. local: see <see cref="TpchOnS3"/>).
/// </summary>
public sealed class TpchBenchmark : IBenchmark
{
    public string Name => "tpch";

    public string Description => "TPC-H's 22 queries through the query service over Delta vs. raw DuckDB over the Parquet files (goal geomean ratio <= 1.05)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var data = Option(args, "--data") is { } dataFolder
            ? new TpchData(dataFolder, Path.Combine(Path.GetDirectoryName(TpchData.DefaultFolder())!, "queries"))
            : new TpchData(TpchData.DefaultFolder());
        var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var profile = args.Contains("--profile");
        var queries = Option(args, "--queries")?.Split(',').Select(q => int.Parse(q, CultureInfo.InvariantCulture)).ToList() ?? [.. Enumerable.Range(1, 22)];
        if (Option(args, "--store") is { } store)
        {
            if (store != "s3")
            {
                throw new ArgumentException($"--store {store} is not known: use --store s3 (or leave it out for local tables).");
            }

            await TpchOnS3.RunAsync(data, queries, runs, cancellationToken);
            return;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"neurolake-bench-tpch-{Guid.NewGuid():N}");
        var external = Path.Combine(folder, "external");
        Directory.CreateDirectory(external);
        try
        {
            await using var services = new ServiceCollection()
                .AddNeuroLakeCatalog(CatalogProvider.Sqlite, connectionString: null, folder)
                .BuildServiceProvider();
            await services.MigrateCatalogAsync(cancellationToken);
            using var service = new QueryService(
                services.GetRequiredService<CatalogStore>(), services.GetRequiredService<ICatalogRegistrar>(),
                new QueryServiceOptions { WarehouseRoot = Path.Combine(folder, "warehouse"), ExternalLocations = { external }, AuthMode = Engine.Configuration.AuthMode.Single });
            var request = new QueryRequest("bench", TpchTables.Schema, RowLimit: int.MaxValue);
            var load = Stopwatch.StartNew();
            await TpchTables.LoadAsync(service, request, data, external, TpchData.Tables, cancellationToken);
            Console.WriteLine(FormattableString.Invariant($"DuckDB {DuckDbDatabase.LibraryVersion}, {Environment.ProcessorCount} cores; loaded {data.Folder} as Delta tables in {load.Elapsed.TotalSeconds:F1} s; answers {(data.Answers is null ? "not checked (no answers folder for this data)" : "checked against " + data.Answers)}"));

            using var raw = DuckDbDatabase.Open();
            using (var connection = raw.Connect())
            {
                foreach (var table in TpchData.Tables)
                {
                    connection.Execute($"CREATE VIEW {table} AS SELECT * FROM read_parquet('{data.ParquetOf(table).Replace("'", "''", StringComparison.Ordinal)}')");
                }
            }

            var ratios = new List<(int Query, double Ratio)>();
            var cpuRatios = new List<double>();
            foreach (var n in queries)
            {
                var sql = data.Query(n);
                async Task<IReadOnlyList<object?[]>> ThroughService() => (await service.ExecuteAsync(sql, request, cancellationToken))[^1].Rows;
                IReadOnlyList<object?[]> Raw()
                {
                    // Like the service's statements nobody watches: no progress tracking, which costs DuckDB CPU.
                    using var quiet = DuckDbActivity.Begin(trackProgress: false);
                    return ResultReader.Read(raw, sql, explain: false, int.MaxValue, cancellationToken).Rows;
                }

                var served = await ThroughService();
                var direct = Raw();
                if (data.AnswerFile(n) is { } answer)
                {
                    TpchAnswers.Check(n, sql, answer, served);
                    TpchAnswers.Check(n, sql, answer, direct);
                }

                var deltaSql = profile ? await TpchProfile.DeltaSqlAsync(sql, raw, external, cancellationToken) : null;
                var (serviceTimes, rawTimes, deltaTimes) = (new List<double>(), new List<double>(), new List<double>());
                var (serviceCpu, rawCpu) = (new List<double>(), new List<double>());
                for (var run = 0; run < runs; run++)
                {
                    var cpu = ProcessCpuClock.Milliseconds();
                    var clock = Stopwatch.StartNew();
                    await ThroughService();
                    serviceTimes.Add(clock.Elapsed.TotalMilliseconds);
                    serviceCpu.Add(ProcessCpuClock.Milliseconds() - cpu);
                    cpu = ProcessCpuClock.Milliseconds();
                    clock.Restart();
                    Raw();
                    rawTimes.Add(clock.Elapsed.TotalMilliseconds);
                    rawCpu.Add(ProcessCpuClock.Milliseconds() - cpu);
                    if (deltaSql is not null)
                    {
                        clock.Restart();
                        using (DuckDbActivity.Begin(trackProgress: false))
                        {
                            ResultReader.Read(raw, deltaSql, explain: false, int.MaxValue, cancellationToken);
                        }

                        deltaTimes.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }

                var (s, r) = (Medians.Of(serviceTimes), Medians.Of(rawTimes));
                ratios.Add((n, s / r));
                cpuRatios.Add(Medians.Of(serviceCpu) / Medians.Of(rawCpu));
                var split = deltaSql is null ? "" : FormattableString.Invariant($"  (service's SQL on raw duckdb {Medians.Of(deltaTimes),8:F1} ms)");
                Console.WriteLine(FormattableString.Invariant($"q{n:00}: service {s,8:F1} ms  raw duckdb {r,8:F1} ms  ratio {s / r:F3}  cpu ratio {cpuRatios[^1]:F3}  rows {served.Count}{split}"));
            }

            var geomean = Math.Exp(ratios.Average(q => Math.Log(q.Ratio)));
            var worst = ratios.MaxBy(q => q.Ratio);
            var cpuGeomean = Math.Exp(cpuRatios.Average(Math.Log));
            Console.WriteLine(FormattableString.Invariant($"RESULT tpch geomean_ratio={geomean:F3} worst_query=q{worst.Query:00} worst_ratio={worst.Ratio:F3} cpu_geomean_ratio={cpuGeomean:F3}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
