using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Tests.Tables;

public sealed class ConcurrencyTests(DuckDbFixture duck) : TableTestBase(duck)
{
    [Fact]
    public async Task Eight_writers_appending_fifty_commits_each_produce_400_contiguous_versions_with_every_row()
    {
        var setup = NewTable();
        await setup.CreateAsync(new TableDefinition(), "SELECT 0 AS writer, 0 AS seq WHERE false");
        const int writers = 8, commits = 50;

        var tasks = Enumerable.Range(1, writers).Select(w => Task.Run(async () =>
        {
            // Each writer has its own DeltaTable over the same folder, like separate processes would.
            var table = new DeltaTable(setup.Store, Duck.Database);
            for (var s = 0; s < commits; s++)
            {
                await table.AppendAsync($"SELECT {w} AS writer, {s} AS seq");
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        var latest = await setup.GetSnapshotAsync();
        File.WriteAllText("/tmp/conc-debug.txt", string.Join("\n", Directory.EnumerateFiles(Path.Combine(Folder, "t", "_delta_log")).Order().Select(Path.GetFileName)) + "\nlatest=" + latest.Version + " cp=" + latest.CheckpointVersion + " hint=" + File.ReadAllText(Path.Combine(Folder, "t", "_delta_log", "_last_checkpoint")));
        Assert.Equal(writers * commits, latest.Version);
        var logFiles = Directory.EnumerateFiles(Path.Combine(Folder, "t", "_delta_log"), "*.json").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(Enumerable.Range(0, writers * commits + 1).Select(v => $"{v:D20}.json"), logFiles);
        var sql = DeltaTable.ToSql(latest);
        Assert.Equal(writers * commits, Scalar($"SELECT count(*) FROM ({sql})"));
        Assert.Equal(writers * commits, Scalar($"SELECT count(DISTINCT (writer, seq)) FROM ({sql}) WHERE writer BETWEEN 1 AND {writers} AND seq BETWEEN 0 AND {commits - 1}"));
    }

    [Fact]
    public async Task An_overwrite_that_raced_with_an_append_fails_naming_the_winning_version_and_changes_nothing()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS n");
        var read = await table.GetSnapshotAsync();
        var overwrite = table.StartTransaction(read, "WRITE");
        overwrite.ReadSet.ReadWholeTable();
        overwrite.ReadSet.ReadFiles(read.Files);
        overwrite.AddRange(read.Files.Select(f => new NeuroLake.Engine.Tables.Actions.RemoveFile(f.Path, 0, true)));

        await table.AppendAsync("SELECT 2 AS n");
        var e = await Assert.ThrowsAsync<ConcurrentModificationException>(() => table.CommitAsync(overwrite, CancellationToken.None));

        Assert.Equal(1, e.WinningVersion);
        Assert.Contains("version 1", e.Message);
        Assert.Equal(1, (await table.GetSnapshotAsync()).Version);
        Assert.Equal(2, Count(table));
    }

    [Fact]
    public async Task An_append_that_raced_with_a_metadata_change_fails_naming_the_winning_version()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS n");
        var read = await table.GetSnapshotAsync();
        var append = table.StartTransaction(read, "WRITE");
        var change = table.StartTransaction(read, "SET TBLPROPERTIES");
        change.NewMetadata = read.Metadata with { Description = "changed" };

        await table.CommitAsync(change, CancellationToken.None);
        var e = await Assert.ThrowsAsync<ConcurrentModificationException>(() => table.CommitAsync(append, CancellationToken.None));

        Assert.Equal(1, e.WinningVersion);
        Assert.Contains("metadata", e.Message);
    }

    [Fact]
    public async Task Two_creators_racing_with_if_not_exists_leave_one_table_and_no_error()
    {
        var first = NewTable();
        var second = new DeltaTable(first.Store, Duck.Database);

        var results = await Task.WhenAll(
            Task.Run(() => first.CreateAsync(new TableDefinition(), "SELECT 1 AS n", ifNotExists: true)),
            Task.Run(() => second.CreateAsync(new TableDefinition(), "SELECT 2 AS n", ifNotExists: true)));

        Assert.Contains(results, r => r is not null);
        Assert.Equal(0, (await Reopen(first).GetSnapshotAsync()).Version);
        Assert.Equal(1, Count(Reopen(first)));
    }

    [Fact]
    public async Task A_blind_append_that_lost_the_race_is_retried_at_the_next_version()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS n");
        var read = await table.GetSnapshotAsync();
        var written = await DataFileWriter.WriteAsync(Duck.Database, table.Store, read.Schema, read.PartitionColumns, "SELECT 3 AS n", 1 << 20, CancellationToken.None);
        var append = table.StartTransaction(read, "WRITE");
        append.AddRange(written.Files);

        await table.AppendAsync("SELECT 2 AS n");
        var result = await table.CommitAsync(append, CancellationToken.None);

        Assert.Equal(2, result.Version);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(6, Scalar($"SELECT sum(n) FROM ({DeltaTable.ToSql(await table.GetSnapshotAsync())})"));
    }

    [Fact]
    public async Task Concurrent_overwrites_of_different_partitions_both_succeed_but_of_the_same_partition_one_fails()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition { PartitionColumns = ["p"] }, "SELECT * FROM (VALUES ('a', 1), ('b', 2)) v(p, n)");
        var read = await table.GetSnapshotAsync();
        var filter = new PartitionFilter(Duck.Database, read.Schema, read.PartitionColumns, "p = 'a'");
        var replaceA = table.StartTransaction(read, "WRITE");
        replaceA.ReadSet.ReadWhere(filter.Matches, "p = 'a'");
        var aFiles = read.Files.Where(f => f.PartitionValues["p"] == "a").ToList();
        replaceA.ReadSet.ReadFiles(aFiles);
        replaceA.AddRange(aFiles.Select(f => new NeuroLake.Engine.Tables.Actions.RemoveFile(f.Path, 0, true)));

        await table.OverwriteAsync("SELECT 'b' AS p, 20 AS n", "p = 'b'");
        var ok = await table.CommitAsync(replaceA, CancellationToken.None);
        Assert.Equal(2, ok.Version);

        var stale = table.StartTransaction(read, "WRITE");
        stale.ReadSet.ReadWhere(filter.Matches, "p = 'a'");
        stale.ReadSet.ReadFiles(aFiles);
        stale.AddRange(aFiles.Select(f => new NeuroLake.Engine.Tables.Actions.RemoveFile(f.Path, 0, true)));
        var e = await Assert.ThrowsAsync<ConcurrentModificationException>(() => table.CommitAsync(stale, CancellationToken.None));
        Assert.Equal(2, e.WinningVersion);
    }
}
