using NeuroLake.Engine.Admission;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.DuckDb;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Admission;

/// <summary>
/// DuckDB's worker threads of the heavy databases (heavy statements, file loads) run at the heavy nice value, so heavy
/// work may use every idle core yet yields them to interactive queries, whose database's workers keep normal priority.
/// </summary>
public sealed class NicedWorkerThreadsTests
{
    [Fact]
    public void The_heavy_and_load_databases_workers_run_at_the_heavy_nice_value_and_the_interactive_databases_at_normal_priority()
    {
        using var folder = new TempFolder();
        var options = new QueryServiceOptions { WarehouseRoot = folder.Sub("warehouse"), Threads = 3, Admission = new AdmissionOptions { HeavyThreads = 3 } };
        using var scratch = new QueryScratch(folder.Path);
        var before = ThreadPriorities.Read();

        using var interactive = QuerySandbox.OpenDatabase(options, scratch);
        using var heavy = QuerySandbox.OpenHeavyDatabase(options, scratch);
        using var loads = IngestionDatabase.Open(options.Admission, null, folder.Sub("spill-load"));

        // Three DuckDB threads are the caller's and two workers; other tests may open databases meanwhile, so at least two.
        var started = ThreadPriorities.Read().Where(t => !before.ContainsKey(t.Key)).Select(t => t.Value).ToList();
        int[] Nices(string name) => started.Where(t => t.Name == name).Select(t => t.Nice).Distinct().ToArray();
        Assert.True(started.Count(t => t.Name == "duckdb-heavy") >= 2 && started.Count(t => t.Name == "duckdb-load") >= 2 && started.Count(t => t.Name == "duckdb-query") >= 2, string.Join(", ", started));
        Assert.Equal([19], Nices("duckdb-heavy"));
        Assert.Equal([19], Nices("duckdb-load"));
        Assert.Equal([0], Nices("duckdb-query"));
        Assert.Equal((null, 19, 19), (interactive.Nice, heavy.Nice, loads.Database.Nice));
    }

    [Fact]
    public void Heavy_nice_zero_leaves_heavy_work_at_normal_priority_on_the_heavy_share_of_the_cores_and_a_value_past_19_is_refused_by_name()
    {
        Assert.Equal((8, 4), (new AdmissionOptions().ResolveHeavyThreads(8), new AdmissionOptions { HeavyNice = 0 }.ResolveHeavyThreads(8)));
        using var folder = new TempFolder();
        var options = new QueryServiceOptions { WarehouseRoot = folder.Sub("warehouse"), Admission = new AdmissionOptions { HeavyThreads = 2, HeavyNice = 0 } };
        using var scratch = new QueryScratch(folder.Path);

        using var heavy = QuerySandbox.OpenHeavyDatabase(options, scratch);

        Assert.Null(heavy.Nice);
        options.Admission.HeavyNice = 20;
        Assert.Contains("NeuroLake:Admission:HeavyNice is 20", Assert.Throws<ArgumentException>(() => IngestionDatabase.Open(options.Admission, null, folder.Sub("spill-load"))).Message);
    }
}
