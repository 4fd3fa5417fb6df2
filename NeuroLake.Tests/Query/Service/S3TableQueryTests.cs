using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Storage;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Query.Service;

/// <summary>
/// A warehouse on the S3 test server behaves like a local one: the same script (create, insert, update, delete, merge,
/// optimize, time travel, restore, vacuum) gives the same answers through the query service (real DuckDB, SQLite
/// catalog), reading through the local file cache.
/// </summary>
public sealed class S3TableQueryTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly S3TestStorage _s3 = new();
    private readonly List<IDisposable> _disposables = [];
    private readonly List<ServiceProvider> _catalogs = [];

    /// <summary>Every statement of the script; each answer is compared between the stores.</summary>
    private static readonly string[] Script =
    [
        "CREATE SCHEMA s",
        "CREATE TABLE s.t (id BIGINT, name VARCHAR, grp INT) PARTITIONED BY (grp) TBLPROPERTIES ('delta.deletedFileRetentionDuration' = 'interval 0 hours')",
        "INSERT INTO s.t VALUES (1, 'a', 1), (2, 'b', 1), (3, 'c', 2)",
        "INSERT INTO s.t VALUES (4, 'd', 2), (6, 'f', 1)",
        "UPDATE s.t SET name = 'bb' WHERE id = 2",
        "DELETE FROM s.t WHERE id = 3",
        "MERGE INTO s.t AS t USING (SELECT 4 AS id, 'dd' AS name, 2 AS grp UNION ALL SELECT 5, 'e', 1) AS u ON t.id = u.id "
            + "WHEN MATCHED THEN UPDATE SET name = u.name WHEN NOT MATCHED THEN INSERT *",
        "SELECT * FROM s.t ORDER BY id",
        "OPTIMIZE s.t",
        "SELECT * FROM s.t ORDER BY id",
        "SELECT * FROM s.t VERSION AS OF 2 ORDER BY id",
        "SELECT count(*) FROM s.t VERSION AS OF 4",
        "RESTORE TABLE s.t TO VERSION AS OF 3",
        "SELECT * FROM s.t ORDER BY id",
        "SELECT grp, count(*), max(name) FROM s.t GROUP BY grp ORDER BY grp",
    ];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var d in _disposables.AsEnumerable().Reverse())
        {
            d.Dispose();
        }

        foreach (var catalog in _catalogs)
        {
            await catalog.DisposeAsync();
        }

        await _s3.DisposeAsync();
        _folder.Dispose();
    }

    private ObjectStoreFactory? _lastStores;

    private async Task<(QueryService Service, FileCache? Cache)> ServiceAsync(bool onS3, long cacheCapacity = 1 << 30)
    {
        var catalog = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        _catalogs.Add(catalog);
        var name = Guid.NewGuid().ToString("N");
        FileCache? cache = null;
        ObjectStoreFactory? stores = null;
        if (onS3)
        {
            cache = new FileCache(_folder.Sub("cache-" + name), cacheCapacity);
            stores = _lastStores = await _s3.FactoryAsync(CommitCoordination.Coordinator, cache: cache);
        }

        var service = new QueryService(
            catalog.GetRequiredService<CatalogStore>(),
            catalog.GetRequiredService<ICatalogRegistrar>(),
            new QueryServiceOptions
            {
                WarehouseRoot = onS3 ? _s3.Root.Child(name).ToString() : _folder.Sub("warehouse-" + name),
                ScratchDirectory = _folder.Sub("scratch-" + name),
                Threads = 2,
                AuthMode = AuthMode.Single,
            },
            stores: stores);
        _disposables.Add(service);
        return (service, cache);
    }

    private static QueryRequest Request() => new("ana") { AllowShortVacuumRetention = true };

    private static async Task<List<string>> RunScriptAsync(QueryService service)
    {
        var answers = new List<string>();
        foreach (var statement in Script)
        {
            var result = (await service.ExecuteAsync(statement, Request()))[0];
            answers.Add(statement + " => " + JsonSerializer.Serialize(result.Rows) + " affected " + result.RowsAffected);
        }

        return answers;
    }

    [S3Fact]
    public async Task The_same_script_gives_the_same_answers_on_an_S3_table_as_on_a_local_one()
    {
        var (local, _) = await ServiceAsync(onS3: false);
        var (remote, cache) = await ServiceAsync(onS3: true);

        var expected = await RunScriptAsync(local);
        var actual = await RunScriptAsync(remote);

        Assert.Equal(expected, actual);
        Assert.True(cache!.Statistics.Hits > 0, "statements after a write read the files it uploaded from the cache");
        Assert.Equal(0, cache.Statistics.PinnedFiles);
    }

    [S3Fact]
    public async Task Vacuum_on_an_S3_table_lists_and_deletes_the_same_files_as_on_a_local_one_and_the_table_still_reads()
    {
        var (local, _) = await ServiceAsync(onS3: false);
        var (remote, _) = await ServiceAsync(onS3: true);
        await RunScriptAsync(local);
        await RunScriptAsync(remote);

        async Task<(int DryRun, long? Deleted, string Rows)> VacuumAsync(QueryService service)
        {
            var dry = (await service.ExecuteAsync("VACUUM s.t RETAIN 0 HOURS DRY RUN", Request()))[0];
            var real = (await service.ExecuteAsync("VACUUM s.t RETAIN 0 HOURS", Request()))[0];
            var again = (await service.ExecuteAsync("VACUUM s.t RETAIN 0 HOURS DRY RUN", Request()))[0];
            Assert.Empty(again.Rows);
            var rows = (await service.ExecuteAsync("SELECT * FROM s.t ORDER BY id", Request()))[0].Rows;
            return (dry.Rows.Count, real.Rows.Count, JsonSerializer.Serialize(rows));
        }

        var expected = await VacuumAsync(local);
        var actual = await VacuumAsync(remote);

        Assert.True(expected.DryRun > 0);
        Assert.Equal(expected, actual);
    }

    [S3Fact]
    public async Task A_query_over_a_tiny_cache_answers_right_while_evictions_are_counted_and_its_files_stay_pinned()
    {
        var (remote, cache) = await ServiceAsync(onS3: true, cacheCapacity: 1);
        await RunScriptAsync(remote);
        var evictedBefore = cache!.Statistics.Evictions;

        // A self-join reads every file twice in one statement: they are pinned, so none is evicted under it.
        var rows = (await remote.ExecuteAsync("SELECT a.id, b.name FROM s.t AS a JOIN s.t AS b ON a.id = b.id ORDER BY a.id", Request()))[0].Rows;

        Assert.Equal([1L, 2L, 3L, 4L, 6L], rows.Select(r => Convert.ToInt64(r[0])));
        Assert.True(cache.Statistics.Evictions > evictedBefore, "the files the query had pinned are evicted once it ends");
        Assert.Equal(0, cache.Statistics.PinnedFiles);
        Assert.True(cache.Statistics.BytesCached <= cache.CapacityBytes);
    }

    [S3Fact]
    public async Task A_statement_cannot_read_the_cache_folder_by_path()
    {
        var (remote, cache) = await ServiceAsync(onS3: true);
        await RunScriptAsync(remote);
        var cached = Directory.EnumerateFiles(cache!.Root, "*.parquet", SearchOption.AllDirectories).First();

        foreach (var sql in new[] { $"SELECT * FROM read_parquet('{cached}')", $"SELECT * FROM '{cached}'", $"SELECT * FROM glob('{cache.Root}/**')" })
        {
            var error = await Assert.ThrowsAsync<QueryFailedException>(() => remote.ExecuteAsync(sql, Request()));
            Assert.DoesNotContain(cache.Root, error.Message, StringComparison.Ordinal);
        }
    }

    [S3Fact]
    public async Task The_storage_survey_measures_an_S3_table_in_the_warm_tier_from_its_objects()
    {
        var (remote, _) = await ServiceAsync(onS3: true);
        await RunScriptAsync(remote);
        var detail = (await remote.ExecuteAsync("DESCRIBE DETAIL s.t", Request()))[0].Rows[0];
        using var duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 2 });
        var survey = new StorageSurvey(new RegisteredTables(_catalogs[^1].GetRequiredService<IDbContextFactory<CatalogDbContext>>()), duckDb, _lastStores);

        var result = await survey.MeasureAsync(DateOnly.FromDateTime(DateTime.UtcNow));

        Assert.Empty(result.Problems);
        var day = Assert.Single(result.Tables);
        Assert.Equal(StorageTier.Warm, day.Tier);
        Assert.Equal(((long)detail[6]!, (long)detail[7]!), (day.CurrentFiles, day.CurrentBytes));
        Assert.True(day.OlderVersionsFiles > 0, "files of older versions (before OPTIMIZE and RESTORE) are still in the store");
    }

    [S3Fact]
    public async Task Files_uploaded_by_a_write_that_never_committed_are_unreferenced_and_vacuum_removes_them()
    {
        var (remote, _) = await ServiceAsync(onS3: true);
        await RunScriptAsync(remote);
        var before = JsonSerializer.Serialize((await remote.ExecuteAsync("SELECT * FROM s.t ORDER BY id", Request()))[0].Rows);
        var detail = (await remote.ExecuteAsync("DESCRIBE DETAIL s.t", Request()))[0].Rows[0];
        var store = await _lastStores!.OpenAsync((string)detail[3]!);
        using var duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 2 });
        var snapshot = await new DeltaTable(store, duckDb).GetSnapshotAsync();

        // A writer that crashes after uploading its data files, before its commit: the files are in the store, in no version.
        var orphans = await DataFileWriter.WriteAsync(duckDb, store, snapshot.Schema, snapshot.PartitionColumns, "SELECT 99 AS id, 'crash' AS name, 1 AS grp", 1 << 20, CancellationToken.None);

        Assert.NotEmpty(orphans.Files);
        Assert.Equal(before, JsonSerializer.Serialize((await remote.ExecuteAsync("SELECT * FROM s.t ORDER BY id", Request()))[0].Rows));
        var dryRun = (await remote.ExecuteAsync("VACUUM s.t RETAIN 0 HOURS DRY RUN", Request()))[0].Rows.Select(r => r[0]!.ToString()!).ToList();
        Assert.All(orphans.Files, f => Assert.Contains(Uri.UnescapeDataString(f.Path), dryRun));
        await remote.ExecuteAsync("VACUUM s.t RETAIN 0 HOURS", Request());
        foreach (var file in orphans.Files)
        {
            Assert.Null(await store.GetInfoAsync(Uri.UnescapeDataString(file.Path)));
        }

        Assert.Equal(before, JsonSerializer.Serialize((await remote.ExecuteAsync("SELECT * FROM s.t ORDER BY id", Request()))[0].Rows));
    }
}
