using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Service;

namespace NeuroLake.Tests.Admission;

/// <summary>
/// Heavy statements run on a database of their own, with the threads and memory admission gives heavy work, so they
/// cannot take the cores or memory interactive queries keep.
/// </summary>
public sealed class HeavyDatabaseTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    // 20 million 8-character strings joined: far more than 32 MB, well inside the interactive database's memory.
    private const string BigAggregate = "SELECT length(string_agg(lpad(range::VARCHAR, 8, '0'), ',')) AS n FROM range(20000000)";

    protected override QueryServiceOptions Configured(QueryServiceOptions options)
    {
        options.MemoryLimit = "1GB";
        options.Admission = new Engine.Admission.AdmissionOptions { HeavyThreads = 1, HeavyMemoryLimit = "32MB" };
        return options;
    }

    [Fact]
    public void Each_database_has_its_own_threads_memory_limit_and_spill_folder_and_both_are_locked()
    {
        var interactive = Settings(Service.DuckDb);
        var heavy = Settings(Service.HeavyDuckDb);

        Assert.Equal(("2", "953.6 MiB"), (interactive.Threads, interactive.Memory));
        Assert.Equal(("1", "30.5 MiB"), (heavy.Threads, heavy.Memory));
        Assert.NotEqual(interactive.Spill, heavy.Spill);
        Assert.Equal((null, 19), (Service.DuckDb.Nice, Service.HeavyDuckDb.Nice));
        Assert.StartsWith(Path.GetFullPath(Scratch), heavy.Spill, StringComparison.Ordinal);
        using var connection = Service.HeavyDuckDb.Connect();
        Assert.Throws<DuckDbException>(() => connection.Execute("SET threads = 2"));
        Assert.Contains("disabled by configuration", Assert.Throws<DuckDbException>(() => connection.Execute("SELECT * FROM read_csv('/etc/passwd')")).Message);
    }

    [Fact]
    public async Task A_query_runs_on_the_interactive_database_and_the_same_query_written_into_a_table_runs_on_the_heavy_one()
    {
        await Run("CREATE SCHEMA s");

        Assert.Equal([[20_000_000L * 9 - 1]], await Rows(BigAggregate));
        var error = await Fails($"CREATE TABLE s.big AS {BigAggregate}");

        Assert.Contains("memory", error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await Run("SHOW TABLES IN s"))[^1].Rows);
    }

    [Fact]
    public async Task A_jobs_query_is_heavy_work_and_runs_on_the_heavy_database()
    {
        using var job = MeteredJob.Enter(WorkloadClass.Maintenance, Guid.NewGuid());

        var error = await Fails(BigAggregate);

        Assert.Contains("memory", error.Reason, StringComparison.OrdinalIgnoreCase);
    }

    private static (string Threads, string Memory, string Spill) Settings(DuckDbDatabase database)
    {
        using var connection = database.Connect();
        using var reader = connection.ExecuteReader("SELECT current_setting('threads')::VARCHAR, current_setting('memory_limit'), current_setting('temp_directory')");
        Assert.True(reader.Read());
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }
}
