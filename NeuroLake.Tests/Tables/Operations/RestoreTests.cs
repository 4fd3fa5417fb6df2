using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Operations;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Tests.Tables.Operations;

public sealed class RestoreTests(DuckDbFixture duck) : OperationTestBase(duck)
{
    [Fact]
    public async Task Restore_to_version_makes_live_files_equal_that_version_in_one_commit()
    {
        var table = await SampleTableAsync();
        await table.DeleteAsync("id < 30");
        await table.UpdateAsync(new Dictionary<string, string> { ["s"] = "'x'" }, "id > 90");
        var atTwo = (await table.GetSnapshotAsync(2)).Files.Select(f => f.Path).Order().ToList();

        var result = await table.RestoreAsync(2);

        Assert.Equal(6, result.Version);
        var snapshot = await table.GetSnapshotAsync();
        Assert.Equal(atTwo, snapshot.Files.Select(f => f.Path).Order().ToList());
        await AssertRowsAsync(table, $"SELECT * FROM ({Source}) WHERE id < 75");
        Assert.Equal(3, result.Metric("numOfFilesAfterRestore"));
        Assert.Equal(2, result.Metric("numRestoredFiles")); // ids 0..24 (dropped by the DELETE) and 25..49 (rewritten by it)
        Assert.Equal(2, result.Metric("numRemovedFiles")); // the DELETE's rewrite of 25..49 and the UPDATE's rewrite of 75..99
        var history = await table.GetHistoryAsync(1);
        Assert.Equal("RESTORE", history[0].Operation);
        Assert.Equal("2", history[0].Parameters["version"]);
        await AssertRowsAsync(table, $"SELECT id, grp, v, CASE WHEN id > 90 THEN 'x' ELSE s END AS s FROM ({Source}) WHERE id >= 30", version: 5);
    }

    [Fact]
    public async Task Restore_to_timestamp_picks_the_version_committed_at_or_before_it()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var table = NewTable(options: new DeltaTableOptions { Clock = clock });
        await table.CreateAsync(new TableDefinition(), "SELECT range AS id FROM range(10)");
        clock.Now = clock.Now.AddHours(1);
        await table.DeleteAsync("id >= 5");
        clock.Now = clock.Now.AddHours(1);
        await table.DeleteAsync();

        await table.RestoreAsync(new DateTimeOffset(2026, 1, 1, 1, 30, 0, TimeSpan.Zero));

        await AssertRowsAsync(table, "SELECT range AS id FROM range(5)");
    }

    [Fact]
    public async Task Restore_of_a_version_whose_files_were_vacuumed_fails_naming_them_and_changes_nothing()
    {
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        var table = NewTable(options: new DeltaTableOptions { Clock = clock });
        await table.CreateAsync(new TableDefinition(), "SELECT range AS id FROM range(10)");
        var original = (await table.GetSnapshotAsync()).Files.Single().Path;
        await table.DeleteAsync("id = 1");
        clock.Now = clock.Now.AddDays(8);
        await table.VacuumAsync();
        var version = (await table.GetSnapshotAsync()).Version;

        var error = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.RestoreAsync(0));

        Assert.Contains(original, error.Message, StringComparison.Ordinal);
        Assert.Contains("VACUUM", error.Message, StringComparison.Ordinal);
        Assert.Equal(version, (await Reopen(table).GetSnapshotAsync()).Version);
        await AssertRowsAsync(table, "SELECT range AS id FROM range(10) WHERE range <> 1");
    }

    [Fact]
    public async Task Restore_to_a_version_that_does_not_exist_fails()
    {
        var table = await SampleTableAsync();

        await Assert.ThrowsAsync<VersionNotFoundException>(() => table.RestoreAsync(42));

        Assert.Equal(3, (await table.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Restore_on_a_partitioned_table_brings_back_deleted_partitions()
    {
        var table = await SampleTableAsync("p", "grp");
        await table.DeleteAsync("grp IN (0, 3)");
        await table.UpdateAsync(new Dictionary<string, string> { ["v"] = "NULL" }, "grp = 1");

        var result = await table.RestoreAsync(3);

        Assert.Equal(16, result.Metric("numOfFilesAfterRestore"));
        await AssertRowsAsync(table, Source);
    }
}
