using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Jobs;
using NeuroLake.Tests.Web.Jobs;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Tests.Web.Scratch;

public sealed class ScratchCleanupTests : IDisposable
{
    private static readonly DateTime TwoDaysAgo = DateTime.UtcNow.AddDays(-2);

    // Beside the data folders: the cleanup must never reach it.
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "neurolake-tests-outside-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Leftovers_of_an_earlier_run_go_at_start_while_fresh_files_unknown_names_and_files_outside_stay()
    {
        await using var app = new WorkbenchAppFactory();
        var data = app.DataDirectory;
        var oldStaged = Old(Path.Combine(data, "staging", "tables", Hex() + ".parquet"));
        var oldIngest = Old(Path.Combine(data, "staging", "uploads", Hex(), "orders.csv"));
        var oldQueryScratch = Old(Path.Combine(data, "scratch", "neurolake-query-" + Hex(), "spill", "duckdb_temp_block-1.block"));
        var oldSpill = Old(Path.Combine(data, "scratch", "spill", "duckdb_temp_storage-0.tmp"));
        var freshStaged = Fresh(Path.Combine(data, "staging", "tables", Hex() + ".json"));
        var unknownName = Old(Path.Combine(data, "staging", "tables", "notes.txt"));
        var inWarehouse = Old(Path.Combine(data, "warehouse", "main", "s", "t", Hex() + ".parquet"));
        var outside = Old(Path.Combine(_outside, Hex(), "keep.csv"));
        var link = Path.Combine(data, "staging", "uploads", Hex());
        Directory.CreateSymbolicLink(link, Path.GetDirectoryName(outside)!);
        Age(Path.GetDirectoryName(oldIngest)!, TwoDaysAgo);
        Age(Path.GetDirectoryName(Path.GetDirectoryName(oldQueryScratch))!, TwoDaysAgo);

        _ = app.Services;

        Assert.False(File.Exists(oldStaged), "old table staging file");
        Assert.False(Directory.Exists(Path.GetDirectoryName(oldIngest)), "old ingestion staging folder");
        Assert.False(Directory.Exists(Path.GetDirectoryName(Path.GetDirectoryName(oldQueryScratch))), "old query scratch folder");
        Assert.False(File.Exists(oldSpill), "old spill file");
        Assert.True(File.Exists(freshStaged), "a file staged after the process started");
        Assert.True(File.Exists(unknownName), "a file named unlike anything NeuroLake stages");
        Assert.True(File.Exists(inWarehouse), "a warehouse file");
        Assert.True(File.Exists(outside), "a file outside the data folder, behind a symbolic link");
    }

    [Fact]
    public async Task Staged_files_older_than_the_configured_age_go_when_the_scratch_cleanup_job_runs()
    {
        await using var app = new WorkbenchAppFactory(new Dictionary<string, string> { ["NeuroLake:Cleanup:MaxAge"] = "01:00:00" });
        _ = app.Server;
        var data = app.DataDirectory;
        var expired = Old(Path.Combine(data, "staging", "tables", Hex() + ".parquet"), DateTime.UtcNow.AddHours(-2));
        var expiredIngest = Old(Path.Combine(data, "staging", "uploads", Hex(), "orders.json"), DateTime.UtcNow.AddHours(-2));
        Age(Path.GetDirectoryName(expiredIngest)!, DateTime.UtcNow.AddHours(-2));
        var recent = Old(Path.Combine(data, "staging", "tables", Hex() + ".parquet"), DateTime.UtcNow.AddMinutes(-30));
        var outside = Old(Path.Combine(_outside, Hex() + ".parquet"), DateTime.UtcNow.AddHours(-2));

        var run = await app.Services.GetRequiredService<JobScheduler>().RunNowAsync(SystemJobs.ScratchCleanupId, "ana", CancellationToken.None);
        var finished = await CleanupJobsTests.WaitForFinishAsync(app, run.Id);

        Assert.Equal(JobRunStatus.Succeeded, finished.Status);
        Assert.StartsWith("Removed 2 staged files or scratch folders (", finished.Summary);
        Assert.False(File.Exists(expired), "a staged file two hours old");
        Assert.False(Directory.Exists(Path.GetDirectoryName(expiredIngest)), "an ingestion staging folder two hours old");
        Assert.True(File.Exists(recent), "a staged file half an hour old");
        Assert.True(File.Exists(outside), "a file outside the data folder");
    }

    [Fact]
    public async Task The_sql_service_and_the_shared_database_spill_inside_the_scratch_folder_with_the_configured_limits()
    {
        await using var app = new WorkbenchAppFactory(new Dictionary<string, string>
        {
            ["NeuroLake:DuckDb:MemoryLimit"] = "512MB",
            ["NeuroLake:DuckDb:Threads"] = "1",
        });
        using var client = app.CreateClient();

        using var answer = await client.PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT 1 AS one" });

        answer.EnsureSuccessStatusCode();
        var scratch = Path.Combine(app.DataDirectory, "scratch");
        Assert.Single(Directory.GetDirectories(scratch, "neurolake-query-*"));
        using var connection = app.Services.GetRequiredService<DuckDbDatabase>().Connect();
        using var reader = connection.ExecuteReader("SELECT current_setting('memory_limit'), current_setting('threads')::VARCHAR, current_setting('temp_directory')");
        Assert.True(reader.Read());
        Assert.Equal(("488.2 MiB", "1", Path.Combine(scratch, "spill")), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_outside))
        {
            Directory.Delete(_outside, recursive: true);
        }
    }

    private static string Hex() => Guid.NewGuid().ToString("N");

    private static string Fresh(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        return path;
    }

    private static string Old(string path) => Old(path, TwoDaysAgo);

    private static string Old(string path, DateTime lastWriteUtc)
    {
        Fresh(path);
        File.SetLastWriteTimeUtc(path, lastWriteUtc);
        return path;
    }

    /// <summary>Sets <paramref name="folder"/> and everything in it to <paramref name="lastWriteUtc"/>, as if nothing had been written since.</summary>
    private static void Age(string folder, DateTime lastWriteUtc)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Reverse())
        {
            entry.LastWriteTimeUtc = lastWriteUtc;
        }

        Directory.SetLastWriteTimeUtc(folder, lastWriteUtc);
    }
}
