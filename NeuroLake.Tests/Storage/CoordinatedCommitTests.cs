using System.Text;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Log;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Storage;

/// <summary>
/// Delta commits on the S3 test server, which ignores conditional create: the catalog database coordinates them, through
/// the same DeltaTable/Transaction commit path every operation uses.
/// </summary>
public sealed class CoordinatedCommitTests(DuckDbFixture duck) : IClassFixture<DuckDbFixture>
{
    // Checkpoints of remote tables are read through the local cache, which comes later: these tables stay on JSON commits.
    private static readonly DeltaTableOptions NoCheckpoints = new() { CheckpointInterval = 100_000 };

    private static readonly StructType Schema = new([new StructField("id", PrimitiveType.Long)]);

    [S3Fact]
    public Task Eight_writers_committing_thirty_times_each_on_sqlite_coordination_lose_no_commit() =>
        Eight_writers_thirty_commits_each(CatalogProvider.Sqlite);

    [S3AndPostgresFact]
    public Task Eight_writers_committing_thirty_times_each_on_postgres_coordination_lose_no_commit() =>
        Eight_writers_thirty_commits_each(CatalogProvider.Postgres);

    private async Task Eight_writers_thirty_commits_each(CatalogProvider provider)
    {
        const int writers = 8, commits = 30;
        await using var storage = new S3TestStorage(provider);
        var factory = await storage.FactoryAsync();
        var location = storage.Root.Child("main/sales/orders").ToString();
        var setup = new DeltaTable(await factory.OpenAsync(location), duck.Database, NoCheckpoints);
        Assert.IsType<CoordinatedObjectStore>(setup.Store);
        await setup.CreateAsync(new TableDefinition { Schema = Schema });

        var tasks = Enumerable.Range(1, writers).Select(w => Task.Run(async () =>
        {
            // Each writer opens its own store and table, as separate processes would.
            var table = new DeltaTable(await factory.OpenAsync(location), duck.Database, NoCheckpoints);
            for (var s = 0; s < commits; s++)
            {
                var snapshot = await table.GetSnapshotAsync();
                var append = table.StartTransaction(snapshot, "WRITE");
                append.OperationParameters["mode"] = "Append";
                append.Add(new AddFile(FileName(w, s), new Dictionary<string, string?>(), 100 + s, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), true));
                await table.CommitAsync(append, CancellationToken.None);
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        // Read the log back as a fresh reader: versions 0..240 contiguous, every writer's every commit exactly once.
        var reader = await factory.OpenAsync(location);
        var logKeys = (await reader.ListAsync(LogFileName.LogFolder)).Select(o => o.Key).ToList();
        Assert.Equal(Enumerable.Range(0, writers * commits + 1).Select(v => LogFileName.CommitKey(v)), logKeys);
        var added = new List<string>();
        foreach (var key in logKeys.Skip(1))
        {
            var actions = await CommitFileReader.ReadAsync(reader, key, CancellationToken.None);
            added.Add(Assert.Single(actions.OfType<AddFile>()).Path);
        }

        var expected = Enumerable.Range(1, writers).SelectMany(w => Enumerable.Range(0, commits).Select(s => FileName(w, s)));
        Assert.Equal(expected.Order(StringComparer.Ordinal), added.Order(StringComparer.Ordinal));
        var latest = await new DeltaTable(reader, duck.Database, NoCheckpoints).GetSnapshotAsync();
        Assert.Equal(writers * commits, latest.Version);
        Assert.Equal(writers * commits, latest.Files.Count);

        // Every log object in the bucket holds exactly its ratified content. Read by range: s3rver may keep a wrong ETag for
        // an object that was read while being written, which whole-object reads check (and ranged reads do not).
        var coordinator = await storage.CoordinatorAsync();
        var raw = storage.RawStore("main/sales/orders");
        foreach (var info in await raw.ListAsync(LogFileName.LogFolder))
        {
            Assert.Equal(await coordinator.GetRatifiedAsync(location, info.Key), await raw.GetRangeAsync(info.Key, 0, (int)info.Size));
        }
    }

    [S3Fact]
    public async Task A_writer_that_crashed_between_the_coordinator_row_and_the_log_object_is_published_by_the_next_writer()
    {
        await using var storage = new S3TestStorage();
        var factory = await storage.FactoryAsync(CommitCoordination.Coordinator);
        var location = storage.Root.Child("t").ToString();
        var table = new DeltaTable(await factory.OpenAsync(location), duck.Database, NoCheckpoints);
        await table.CreateAsync(new TableDefinition { Schema = Schema });
        var read = await table.GetSnapshotAsync();

        // The crashed writer: its commit of version 1 was ratified, then the process died before the log object was written.
        var crashed = new DeltaTable(new CrashAfterRatifyStore(await factory.OpenAsync(location), await storage.CoordinatorAsync()), duck.Database, NoCheckpoints);
        var doomed = crashed.StartTransaction(await crashed.GetSnapshotAsync(), "WRITE");
        doomed.Add(new AddFile("crashed-writer.parquet", new Dictionary<string, string?>(), 10, 0, true));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashed.CommitAsync(doomed, CancellationToken.None));
        var raw = storage.RawStore("t");
        Assert.Null(await raw.GetInfoAsync(LogFileName.CommitKey(1)));
        var ratified = await (await storage.CoordinatorAsync()).GetRatifiedAsync(location, LogFileName.CommitKey(1));
        Assert.NotNull(ratified);

        // The next writer read version 0, loses version 1 to the ratified commit, publishes it, and commits version 2.
        var next = table.StartTransaction(read, "WRITE");
        next.Add(new AddFile("next-writer.parquet", new Dictionary<string, string?>(), 20, 0, true));
        var result = await table.CommitAsync(next, CancellationToken.None);

        Assert.Equal(2, result.Version);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(ratified, await raw.GetRangeAsync(LogFileName.CommitKey(1), 0, ratified.Length + 1));
        var latest = await new DeltaTable(raw, duck.Database, NoCheckpoints).GetSnapshotAsync();
        Assert.Equal(["crashed-writer.parquet", "next-writer.parquet"], latest.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [S3Fact]
    public async Task A_log_object_written_before_coordination_is_never_replaced()
    {
        await using var storage = new S3TestStorage();
        var raw = storage.RawStore("legacy");
        await raw.PutAsync(LogFileName.CommitKey(0), "written by another engine"u8.ToArray());
        var coordinated = await storage.OpenAsync("legacy", CommitCoordination.Coordinator);

        Assert.False(await coordinated.PutIfAbsentAsync(LogFileName.CommitKey(0), "ours"u8.ToArray()));

        Assert.Equal("written by another engine", Encoding.UTF8.GetString(await raw.GetAsync(LogFileName.CommitKey(0))));
        Assert.Null(await (await storage.CoordinatorAsync()).GetRatifiedAsync(storage.Root.Child("legacy").ToString(), LogFileName.CommitKey(0)));
    }

    [S3Fact]
    public async Task Readers_of_a_coordinated_table_get_the_ratified_commit_even_when_the_object_is_torn()
    {
        await using var storage = new S3TestStorage();
        var coordinated = await storage.OpenAsync("torn", CommitCoordination.Coordinator);
        var commit = """{"commitInfo":{"txnId":"8f1c"}}""" + "\n";
        Assert.True(await coordinated.PutIfAbsentAsync(LogFileName.CommitKey(0), Encoding.UTF8.GetBytes(commit)));

        // What a reader of s3rver can meet while an object is (re)written in place: a prefix of the content.
        await storage.RawStore("torn").PutAsync(LogFileName.CommitKey(0), Encoding.UTF8.GetBytes(commit[..10]));

        Assert.Equal(commit, Encoding.UTF8.GetString(await coordinated.GetAsync(LogFileName.CommitKey(0))));
        // Keys the coordinator never ratified are read from the store as they are.
        await storage.RawStore("torn").PutAsync("_delta_log/_last_checkpoint", "{}"u8.ToArray());
        Assert.Equal("{}"u8.ToArray(), await coordinated.GetAsync("_delta_log/_last_checkpoint"));
    }

    private static string FileName(int writer, int seq) => $"part-w{writer}-s{seq:D2}.parquet";

    /// <summary>Ratifies a commit through the real coordinator, then "dies" before the log object is written.</summary>
    private sealed class CrashAfterRatifyStore(IObjectStore opened, ICommitCoordinator coordinator) : IObjectStore
    {
        private readonly CoordinatedObjectStore _store = Assert.IsType<CoordinatedObjectStore>(opened);

        public string Location => _store.Location;

        public async Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default) =>
            await coordinator.TryRatifyAsync(Location, key, data, ct) ? throw new SimulatedCrashException() : false;

        public Task<byte[]> GetAsync(string key, CancellationToken ct = default) => _store.GetAsync(key, ct);

        public Task<byte[]> GetRangeAsync(string key, long offset, int length, CancellationToken ct = default) => _store.GetRangeAsync(key, offset, length, ct);

        public Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default) => _store.PutAsync(key, data, ct);

        public Task PutAsync(string key, Stream content, CancellationToken ct = default) => _store.PutAsync(key, content, ct);

        public Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, string? startAfter = null, CancellationToken ct = default) => _store.ListAsync(prefix, startAfter, ct);

        public Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken ct = default) => _store.GetInfoAsync(key, ct);

        public Task DeleteAsync(string key, CancellationToken ct = default) => _store.DeleteAsync(key, ct);

        public string? GetLocalPath(string key) => null;
    }

    private sealed class SimulatedCrashException() : Exception("the writer died between the coordinator row and the log object");
}
