using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Admission;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// admission: an interactive query's latency while many heavy statements (CTAS copies of a large table, ingestion
/// class) arrive at once, with admission control on (the defaults for this machine's cores) and off, each vs. the same
/// query on the idle service. Prints p50/p95 per phase, the most heavy statements seen queued, the process's peak
/// working set, then <c>RESULT admission idle_p95_ms=... loaded_p95_ms=... ratio=... ratio_without_admission=...</c>
/// (goal: ratio ≤ 2). Arguments: [--heavy N] (default 20) [--rows N] (default 2000000, rows of the copied table)
/// [--heavy-threads N] [--heavy-nice N] (the heavy database's, default as configured by default) [--skip-off] (no run
/// without admission; its ratio prints as na).
/// </summary>
public sealed class AdmissionBenchmark : IBenchmark
{
    private const string Interactive = "SELECT bucket, count(*) AS n, avg(price) AS price FROM bench.small GROUP BY bucket ORDER BY n DESC LIMIT 10";

    public string Name => "admission";

    public string Description => "Interactive query p95 under 20 concurrent heavy statements, admission control on vs. off, vs. idle (goal ratio <= 2)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var heavy = int.Parse(Option(args, "--heavy") ?? "20", CultureInfo.InvariantCulture);
        var rows = long.Parse(Option(args, "--rows") ?? "2000000", CultureInfo.InvariantCulture);
        var on = new AdmissionOptions();
        on.HeavyThreads = Option(args, "--heavy-threads") is { } threads ? int.Parse(threads, CultureInfo.InvariantCulture) : on.HeavyThreads;
        on.HeavyNice = Option(args, "--heavy-nice") is { } nice ? int.Parse(nice, CultureInfo.InvariantCulture) : on.HeavyNice;
        var limits = on.Resolve(Environment.ProcessorCount);
        Console.WriteLine(FormattableString.Invariant(
            $"DuckDB {DuckDbDatabase.LibraryVersion}, {Environment.ProcessorCount} cores; {heavy} heavy CTAS of {rows:N0} rows; admission: {limits.PerClass[WorkloadClass.InteractiveQuery]} interactive, {limits.Heavy} heavy slot(s), heavy statements on their own DuckDB database with {on.ResolveHeavyThreads(Environment.ProcessorCount)} thread(s) at nice {on.HeavyNice}"));

        var (idle, loaded, mostQueued) = await MeasureAsync(on, heavy, rows, cancellationToken);
        Print("idle (admission on)", idle);
        Print(FormattableString.Invariant($"under load, admission on (up to {mostQueued} queued)"), loaded);
        var ratio = Percentile(loaded, 0.95) / Percentile(idle, 0.95);
        var ratioOff = "na";
        if (!args.Contains("--skip-off"))
        {
            var (idleOff, loadedOff, _) = await MeasureAsync(new AdmissionOptions { Enabled = false }, heavy, rows, cancellationToken);
            Print("idle (admission off)", idleOff);
            Print("under load, admission off", loadedOff);
            ratioOff = (Percentile(loadedOff, 0.95) / Percentile(idleOff, 0.95)).ToString("F2", CultureInfo.InvariantCulture);
        }

        Console.WriteLine(FormattableString.Invariant($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB"));
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT admission idle_p95_ms={Percentile(idle, 0.95):F1} loaded_p95_ms={Percentile(loaded, 0.95):F1} ratio={ratio:F2} ratio_without_admission={ratioOff}"));
    }

    private static async Task<(List<double> Idle, List<double> Loaded, int MostQueued)> MeasureAsync(
        AdmissionOptions options, int heavy, long rows, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"neurolake-bench-admission-{Guid.NewGuid():N}");
        try
        {
            await using var services = new ServiceCollection()
                .AddNeuroLakeCatalog(CatalogProvider.Sqlite, connectionString: null, folder)
                .BuildServiceProvider();
            await services.MigrateCatalogAsync(ct);
            var admission = new WorkloadAdmission(options);
            using var service = new QueryService(
                services.GetRequiredService<CatalogStore>(), services.GetRequiredService<ICatalogRegistrar>(),
                new QueryServiceOptions { WarehouseRoot = Path.Combine(folder, "warehouse"), AuthMode = AuthMode.Single, Admission = options }, admission: admission);
            var request = new QueryRequest("bench", "bench");
            await service.ExecuteAsync(
                $"""
                CREATE SCHEMA bench;
                CREATE TABLE bench.big AS SELECT range AS id, range % 1000 AS k, md5(range::VARCHAR) AS h FROM range({rows});
                CREATE TABLE bench.small AS SELECT range AS id, range % 100 AS bucket, (range * 7 % 1000) / 10.0 AS price FROM range(100000);
                """, request, ct);

            var idle = new List<double>();
            for (var i = 0; i < 100; i++)
            {
                idle.Add(await TimeAsync(service, request, ct));
            }

            var copies = Enumerable.Range(0, heavy)
                .Select(i => Task.Run(() => service.ExecuteAsync($"CREATE TABLE bench.copy_{i} AS SELECT id, k, h, md5(h) AS h2 FROM bench.big", request, ct), ct))
                .ToList();
            var loaded = new List<double>();
            var mostQueued = 0;
            while (copies.Any(c => !c.IsCompleted) || loaded.Count < 10)
            {
                mostQueued = Math.Max(mostQueued, admission.Queued().Values.Sum());
                loaded.Add(await TimeAsync(service, request, ct));
                await Task.Delay(50, ct);
            }

            await Task.WhenAll(copies);
            return (idle, loaded, mostQueued);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> TimeAsync(QueryService service, QueryRequest request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await service.ExecuteAsync(Interactive, request, ct);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static void Print(string phase, List<double> latencies) =>
        Console.WriteLine(FormattableString.Invariant($"{phase,-44} {latencies.Count,4} queries  p50 {Percentile(latencies, 0.5),8:F1} ms  p95 {Percentile(latencies, 0.95),8:F1} ms"));

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
