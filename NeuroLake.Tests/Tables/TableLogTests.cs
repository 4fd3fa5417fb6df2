using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Tests.Tables;

public sealed class TableLogTests(DuckDbFixture duck) : TableTestBase(duck)
{
    private string Log(string table, string file) => Path.Combine(Folder, table, "_delta_log", file);

    private static string V(long version) => $"{version:D20}";

    [Fact]
    public async Task Time_travel_by_version_returns_each_versions_rows()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS n");
        await table.AppendAsync("SELECT 2 AS n");
        await table.OverwriteAsync("SELECT 3 AS n");

        Assert.Equal(1, Scalar($"SELECT sum(n) FROM ({DeltaTable.ToSql(await table.GetSnapshotAsync(0))})"));
        Assert.Equal(3, Scalar($"SELECT sum(n) FROM ({DeltaTable.ToSql(await table.GetSnapshotAsync(1))})"));
        Assert.Equal(3, Scalar($"SELECT sum(n) FROM ({DeltaTable.ToSql(await table.GetSnapshotAsync(2))})"));
        var e = await Assert.ThrowsAsync<VersionNotFoundException>(() => table.GetSnapshotAsync(7));
        Assert.Contains("latest version is 2", e.Message);
    }

    [Fact]
    public async Task Time_travel_by_timestamp_picks_the_latest_commit_at_or_before_it()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var table = NewTable(options: new DeltaTableOptions { Clock = clock });
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS n");
        clock.Now = clock.Now.AddHours(1);
        await table.AppendAsync("SELECT 2 AS n");
        clock.Now = clock.Now.AddHours(1);
        await table.AppendAsync("SELECT 3 AS n");

        Assert.Equal(0, (await table.GetSnapshotAsOfAsync(new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.Zero))).Version);
        Assert.Equal(1, (await table.GetSnapshotAsOfAsync(new DateTimeOffset(2024, 5, 1, 13, 0, 0, TimeSpan.Zero))).Version);
        Assert.Equal(2, (await table.GetSnapshotAsOfAsync(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero))).Version);
        var e = await Assert.ThrowsAsync<VersionNotFoundException>(() => table.GetSnapshotAsOfAsync(new DateTimeOffset(2024, 5, 1, 11, 0, 0, TimeSpan.Zero)));
        Assert.Contains("first available commit", e.Message);
    }

    [Fact]
    public async Task In_commit_timestamps_strictly_increase_even_when_the_clock_stands_still()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var table = NewTable(options: new DeltaTableOptions { Clock = clock });
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS n");
        await table.AppendAsync("SELECT 2 AS n");
        await table.AppendAsync("SELECT 3 AS n");

        var history = await table.GetHistoryAsync();
        var times = history.Select(h => h.Timestamp).Reverse().ToList();

        Assert.True(times[0] < times[1] && times[1] < times[2], string.Join(", ", times));
        var firstLine = File.ReadLines(Log("t", V(1) + ".json")).First();
        Assert.StartsWith("{\"commitInfo\":{\"inCommitTimestamp\":", firstLine);
    }

    [Fact]
    public async Task History_lists_commits_newest_first_with_operation_parameters_and_metrics()
    {
        var table = NewTable(options: new DeltaTableOptions { UserName = "ana" });
        await table.CreateAsync(new TableDefinition(), "SELECT range AS n FROM range(5)");
        await table.AppendAsync("SELECT 9 AS n");
        await table.OverwriteAsync("SELECT 1 AS n");

        var history = await table.GetHistoryAsync();

        Assert.Equal([2L, 1L, 0L], history.Select(h => h.Version));
        Assert.Equal(["WRITE", "WRITE", "CREATE TABLE AS SELECT"], history.Select(h => h.Operation));
        Assert.Equal("Overwrite", history[0].Parameters["mode"]);
        Assert.Equal("Append", history[1].Parameters["mode"]);
        Assert.Equal("5", history[2].Metrics["numOutputRows"]);
        Assert.Equal("1", history[1].Metrics["numFiles"]);
        Assert.Equal("ana", history[0].UserName);
        Assert.StartsWith("NeuroLake/", history[0].EngineInfo);
        Assert.Single(await table.GetHistoryAsync(limit: 1));
    }

    [Fact]
    public async Task Checkpoints_are_written_at_10_20_and_30_and_opening_reads_one_checkpoint_and_few_commits()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 0 AS n");
        for (var i = 1; i <= 33; i++)
        {
            await table.AppendAsync($"SELECT {i} AS n");
        }

        Assert.True(File.Exists(Log("t", V(10) + ".checkpoint.parquet")));
        Assert.True(File.Exists(Log("t", V(20) + ".checkpoint.parquet")));
        Assert.True(File.Exists(Log("t", V(30) + ".checkpoint.parquet")));
        Assert.False(File.Exists(Log("t", V(15) + ".checkpoint.parquet")));
        Assert.Contains("\"version\":30", File.ReadAllText(Log("t", "_last_checkpoint")));

        var latest = await Reopen(table).GetSnapshotAsync();
        Assert.Equal(33, latest.Version);
        Assert.Equal(30, latest.CheckpointVersion);
        Assert.Equal(1 + 1 + 3, latest.FilesRead);
        Assert.Equal(34, latest.Files.Count);
        var older = await table.GetSnapshotAsync(25);
        Assert.Equal(20, older.CheckpointVersion);
        Assert.Equal(26, Count(table, 25));
        Assert.Equal(Enumerable.Range(0, 34).Sum(), Scalar($"SELECT sum(n) FROM ({DeltaTable.ToSql(latest)})"));
    }

    [Fact]
    public async Task Checkpoints_keep_recent_tombstones_and_drop_expired_ones()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var table = NewTable(options: new DeltaTableOptions { Clock = clock, CheckpointInterval = 2 });
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS n");
        await table.OverwriteAsync("SELECT 2 AS n");
        await table.OverwriteAsync("SELECT 3 AS n");
        Assert.Equal(2, (await Reopen(table).GetSnapshotAsync()).Tombstones.Count);

        clock.Now = clock.Now.AddDays(8);
        await table.OverwriteAsync("SELECT 4 AS n");
        await table.OverwriteAsync("SELECT 5 AS n");
        var reopened = await Reopen(table).GetSnapshotAsync();

        Assert.Equal(4, reopened.CheckpointVersion);
        Assert.Equal(2, reopened.Tombstones.Count);
        Assert.Equal(5, Scalar($"SELECT sum(n) FROM ({DeltaTable.ToSql(reopened)})"));
    }

    [Fact]
    public async Task Checkpoints_use_the_classic_spark_column_layout()
    {
        var table = NewTable(options: new DeltaTableOptions { CheckpointInterval = 1 });
        await table.CreateAsync(new TableDefinition { PartitionColumns = ["p"] }, "SELECT 'a' AS p, 1 AS n");
        await table.AppendAsync("SELECT 'b' AS p, 2 AS n");
        var file = Log("t", V(1) + ".checkpoint.parquet").Replace("'", "''");

        var columns = SqlProbe.Rows(Duck.Database, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{file}'))")
            .ToDictionary(r => r.GetProperty("column_name").GetString()!, r => r.GetProperty("column_type").GetString()!);

        Assert.Equal(["txn", "add", "remove", "metaData", "protocol", "domainMetadata"], columns.Keys);
        Assert.StartsWith("STRUCT(path VARCHAR, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT, modificationTime BIGINT, dataChange BOOLEAN, stats VARCHAR, tags MAP(VARCHAR, VARCHAR)", columns["add"]);
        Assert.StartsWith("STRUCT(path VARCHAR, deletionTimestamp BIGINT, dataChange BOOLEAN", columns["remove"]);
        Assert.Equal("STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER, readerFeatures VARCHAR[], writerFeatures VARCHAR[])", columns["protocol"]);
        Assert.Matches("\"?configuration\"? MAP\\(VARCHAR, VARCHAR\\)", columns["metaData"]);
        Assert.Equal(2, Scalar($"SELECT count(*) FROM read_parquet('{file}') WHERE \"add\" IS NOT NULL AND \"add\".partitionValues['p'] IN ('a', 'b')"));
    }

    [Fact]
    public async Task Checkpoint_interval_comes_from_the_table_property()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition { Properties = new Dictionary<string, string> { [TableProperties.CheckpointInterval] = "3" } }, "SELECT 0 AS n");
        for (var i = 0; i < 3; i++)
        {
            await table.AppendAsync($"SELECT {i} AS n");
        }

        Assert.True(File.Exists(Log("t", V(3) + ".checkpoint.parquet")));
    }

    [Fact]
    public async Task A_table_whose_early_commits_were_deleted_after_a_checkpoint_still_opens()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 0 AS n");
        for (var i = 1; i <= 12; i++)
        {
            await table.AppendAsync($"SELECT {i} AS n");
        }

        for (var v = 0; v < 10; v++)
        {
            File.Delete(Log("t", V(v) + ".json"));
        }

        table = Reopen(table);
        Assert.Equal(13, Count(table));
        Assert.Equal(11, Count(table, 10));
        var e = await Assert.ThrowsAsync<VersionNotFoundException>(() => table.GetSnapshotAsync(5));
        Assert.Contains("no longer available", e.Message);
        Assert.Equal(3, (await table.GetHistoryAsync()).Count);
    }

    [Fact]
    public async Task A_wrong_last_checkpoint_hint_is_not_trusted()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 0 AS n");
        for (var i = 1; i <= 11; i++)
        {
            await table.AppendAsync($"SELECT {i} AS n");
        }

        File.WriteAllText(Log("t", "_last_checkpoint"), "{\"version\":40,\"size\":3}");
        Assert.Equal(12, Count(Reopen(table)));
        File.WriteAllText(Log("t", "_last_checkpoint"), "{\"vers");
        Assert.Equal(12, Count(Reopen(table)));
    }

    [Fact]
    public async Task A_truncated_commit_file_gives_an_error_naming_the_file()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 0 AS n");
        await table.AppendAsync("SELECT 1 AS n");
        var commit = Log("t", V(1) + ".json");
        var text = File.ReadAllText(commit);
        File.WriteAllText(commit, text[..(text.Length / 2)]);

        var e = await Assert.ThrowsAsync<CorruptTableException>(() => Reopen(table).GetSnapshotAsync());

        Assert.Contains(V(1) + ".json", e.Message);
        Assert.Equal(1, Count(table, 0));
    }

    [Fact]
    public async Task A_malformed_commit_file_gives_an_error_naming_the_file()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 0 AS n");
        File.WriteAllText(Log("t", V(1) + ".json"), "{\"add\":{\"path\":42}}\n");

        var e = await Assert.ThrowsAsync<CorruptTableException>(() => table.GetSnapshotAsync());

        Assert.Contains(V(1) + ".json", e.Message);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_table_says_so()
    {
        var table = NewTable("empty");

        var e = await Assert.ThrowsAsync<NotADeltaTableException>(() => table.GetSnapshotAsync());

        Assert.Contains("not a Delta table", e.Message);
        Assert.False(await table.ExistsAsync());
    }

    [Fact]
    public async Task A_gap_in_versions_is_an_error_saying_versions_are_not_contiguous()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 0 AS n");
        await table.AppendAsync("SELECT 1 AS n");
        await table.AppendAsync("SELECT 2 AS n");
        File.Delete(Log("t", V(1) + ".json"));

        var e = await Assert.ThrowsAsync<CorruptTableException>(() => Reopen(table).GetSnapshotAsync());

        Assert.Contains("not contiguous", e.Message);
        Assert.Contains("version 1 is missing", e.Message);
    }

    [Fact]
    public async Task Data_files_written_without_a_commit_leave_the_table_readable_and_unchanged()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS n");
        var snapshot = await table.GetSnapshotAsync();

        // A writer that dies after writing its data files but before creating the commit file.
        await NeuroLake.Engine.Tables.Writes.DataFileWriter.WriteAsync(
            Duck.Database, table.Store, snapshot.Schema, snapshot.PartitionColumns, "SELECT 2 AS n", 1 << 20, CancellationToken.None);

        Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(Folder, "t"), "*.parquet").Count());
        Assert.Equal(0, (await table.GetSnapshotAsync()).Version);
        Assert.Equal(1, Count(table));
    }

    [Fact]
    public async Task The_observer_hears_about_creation_and_each_commit()
    {
        var observer = new RecordingObserver();
        var table = NewTable(options: new DeltaTableOptions { Observer = observer });

        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS n");
        await table.AppendAsync("SELECT 2 AS n");

        Assert.Equal([("created", 0L), ("committed", 1L)], observer.Events.Select(e => (e.Kind, e.Change.Version)));
        Assert.Equal(2, observer.Events[1].Change.NumFiles);
    }

    private sealed class RecordingObserver : ITableChangeObserver
    {
        public List<(string Kind, TableChange Change)> Events { get; } = [];

        public Task OnTableCreatedAsync(TableChange change, CancellationToken ct)
        {
            Events.Add(("created", change));
            return Task.CompletedTask;
        }

        public Task OnCommittedAsync(TableChange change, CancellationToken ct)
        {
            Events.Add(("committed", change));
            return Task.CompletedTask;
        }
    }
}
