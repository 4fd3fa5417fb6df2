using System.Diagnostics;
using System.Globalization;
using NeuroLake.Engine.Admission;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Bench.Tpch;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// ingest: a generated CSV (default 1 GB) into a new NeuroLake table the way the wizard loads it (detect, propose,
/// count and parse-check, write, quality profile and PII), against DuckDB's own
/// <c>COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet, COMPRESSION zstd)</c>. Prints
/// <c>RESULT ingest mb_per_s=... ratio_vs_duckdb=... cpu_ratio_vs_duckdb=... peak_mb=... rows=... source_mb=... runs=...</c> (goal ratio ≤ 1.25),
/// the median of the ratios of <c>--runs</c> runs, each DuckDB's COPY then the load, both on a database opened as the
/// app opens its load database (heavy threads, memory limit and nice value); peak_mb is the process's peak resident memory (VmHWM), so run it in its own process.
/// </summary>
public sealed class IngestBenchmark : IBenchmark
{
    public string Name => "ingest";

    public string Description => "a generated 1 GB CSV into a new table (detect, profile, PII, write) vs. DuckDB's read_csv → Parquet COPY";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = IngestArguments.Parse(args);
        var root = Path.Combine(Path.GetTempPath(), "nl-bench-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            using var db = DuckDbDatabase.Open(null, new DuckDbSettings { MemoryLimit = options.MemoryLimit, TempDirectory = Path.Combine(root, "spill") });
            var file = options.File ?? BenchCsv.Generate(db, Path.Combine(root, "source.csv"), options.SizeMb);
            var megabytes = new FileInfo(file).Length / (1024.0 * 1024);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"source {file}: {megabytes:F0} MB"));

            // The sides alternate run by run and the medians are compared: a shared machine's speed drifts by tens of
            // percent within a minute, which one run of each side (the old way) turned straight into the ratio.
            var (duckTimes, duckCpus, loadTimes, loadCpus) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            LoadReport? report = null;
            for (var run = 0; run < options.Runs; run++)
            {
                if (!options.SkipDuckDb)
                {
                    var cpu = ProcessCpuClock.Milliseconds();
                    // DuckDB's COPY runs on a database like the load's (threads, memory limit, nice value), so the ratio
                    // is NeuroLake's own work and not the heavy work's lower priority, which yields to every other thread.
                    using (var copies = IngestionDatabase.Open(new AdmissionOptions { HeavyMemoryLimit = options.MemoryLimit }, null, Path.Combine(root, "spill-copy")))
                    {
                        duckTimes.Add(TimeDuckDb(copies.Database, file, Path.Combine(root, "duckdb-" + run)));
                    }

                    duckCpus.Add(ProcessCpuClock.Milliseconds() - cpu);
                    Directory.Delete(Path.Combine(root, "duckdb-" + run), recursive: true);
                }

                var sw = Stopwatch.StartNew();
                var loadCpu = ProcessCpuClock.Milliseconds();
                // The load runs where the app runs it: on the load database, with the heavy work's threads, memory and priority.
                using (var loads = IngestionDatabase.Open(new AdmissionOptions { HeavyMemoryLimit = options.MemoryLimit }, null, Path.Combine(root, "spill-load")))
                {
                    report = await IngestAsync(loads.Database, file, Path.Combine(root, "table-" + run), cancellationToken);
                }

                loadTimes.Add(sw.Elapsed.TotalMilliseconds);
                loadCpus.Add(ProcessCpuClock.Milliseconds() - loadCpu);
                Directory.Delete(Path.Combine(root, "table-" + run), recursive: true);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run + 1}: neurolake {loadTimes[^1]:F0} ms (cpu {loadCpus[^1]:F0}); duckdb {(duckTimes.Count > run ? duckTimes[^1].ToString("F0", CultureInfo.InvariantCulture) : "skipped")} ms (cpu {(duckCpus.Count > run ? duckCpus[^1].ToString("F0", CultureInfo.InvariantCulture) : "-")})"));
            }

            var ingestMs = Medians.Of(loadTimes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"neurolake median {ingestMs:F0} ms ({report!.RowsLoaded} rows, quality {report.Quality.Score}, {report.Pii.Count} PII column(s)); duckdb median {(options.SkipDuckDb ? "skipped" : Medians.Of(duckTimes).ToString("F0", CultureInfo.InvariantCulture))} ms"));
            // The median of each run's ratio: a run's two sides ran a few seconds apart, at one speed of the machine.
            var ratio = options.SkipDuckDb ? "na" : Medians.Of(loadTimes.Select((t, i) => t / duckTimes[i]).ToList()).ToString("F3", CultureInfo.InvariantCulture);
            // CPU time beside wall time: on a loaded machine the wall-clock ratio swings with the neighbours, the CPU ratio far less.
            var cpuRatio = options.SkipDuckDb ? "na" : Medians.Of(loadCpus.Select((t, i) => t / duckCpus[i]).ToList()).ToString("F3", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT ingest mb_per_s={megabytes / (ingestMs / 1000):F1} ratio_vs_duckdb={ratio} cpu_ratio_vs_duckdb={cpuRatio} peak_mb={PeakResidentMegabytes():F0} rows={report.RowsLoaded} source_mb={megabytes:F0} runs={options.Runs}"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<LoadReport> IngestAsync(DuckDbDatabase db, string file, string location, CancellationToken ct)
    {
        var phases = new PhaseTimes();
        ProposedSchema schema;
        using (var connection = db.Connect())
        {
            schema = await SchemaProposer.ProposeFileAsync(connection, file, ct: ct);
        }

        phases.Mark("detect");
        var table = new DeltaTable(new LocalObjectStore(Directory.CreateDirectory(location).FullName), db);
        var progress = new IngestionProgress();
        progress.Changed += p => phases.Enter(p.Phase);
        var report = await new IngestionLoader(db).LoadAsync(new LoadRequest(table, schema, LoadMode.NewTable) { Progress = progress }, ct);
        Console.WriteLine("phases: " + phases);
        return report;
    }

    private static double TimeDuckDb(DuckDbDatabase db, string file, string folder)
    {
        Directory.CreateDirectory(folder);
        var sw = Stopwatch.StartNew();
        using var connection = db.Connect();
        connection.Execute($"COPY (SELECT * FROM read_csv('{file}')) TO '{folder}' (FORMAT parquet, COMPRESSION zstd, PER_THREAD_OUTPUT true)");
        return sw.Elapsed.TotalMilliseconds;
    }

    /// <summary>VmHWM: the most resident memory this process has held, DuckDB's native memory included.</summary>
    private static double PeakResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
