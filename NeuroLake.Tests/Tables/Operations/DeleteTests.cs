using NeuroLake.Engine.Tables.Errors;

namespace NeuroLake.Tests.Tables.Operations;

public sealed class DeleteTests(DuckDbFixture duck) : OperationTestBase(duck)
{
    [Fact]
    public async Task Delete_removes_matching_rows_and_rewrites_only_files_holding_them()
    {
        var table = await SampleTableAsync();

        var result = await table.DeleteAsync("id >= 30 AND id < 40");

        Assert.True(result.Committed);
        Assert.Equal(4, result.Version);
        Assert.Equal(10, result.Metric("numDeletedRows"));
        Assert.Equal(1, result.Metric("numRemovedFiles"));
        Assert.Equal(1, result.Metric("numAddedFiles"));
        Assert.Equal(15, result.Metric("numCopiedRows"));
        Assert.Equal(1, result.Metric("numFilesScanned"));
        await AssertRowsAsync(table, $"SELECT * FROM ({Source}) WHERE NOT (id >= 30 AND id < 40)");
        var history = await table.GetHistoryAsync(1);
        Assert.Equal("DELETE", history[0].Operation);
        Assert.Equal("10", history[0].Metrics["numDeletedRows"]);
    }

    [Fact]
    public async Task Delete_never_reads_files_that_statistics_rule_out()
    {
        var table = await SampleTableAsync();
        var snapshot = await table.GetSnapshotAsync();
        // Corrupt every file but the one holding ids 50..74: a read of any of them would fail.
        var spared = snapshot.Files.Single(f => f.Stats!.Contains("\"id\":50", StringComparison.Ordinal));
        foreach (var file in snapshot.Files.Where(f => f != spared))
        {
            await File.WriteAllTextAsync(Path.Combine(table.Location, file.Path), "not parquet");
        }

        var result = await table.DeleteAsync("id = 60 OR id IN (61, 62) OR v IS NULL AND id > 50 AND id < 74");

        Assert.Equal(1, result.Metric("numFilesScanned"));
        Assert.Equal(3, result.Metric("numFilesSkipped"));
        Assert.Equal(3 + 4, result.Metric("numDeletedRows")); // 60, 61, 62 and the rows with NULL v: 52, 59, 66, 73
    }

    [Fact]
    public async Task Delete_of_whole_files_removes_them_without_rewriting()
    {
        var table = await SampleTableAsync();

        var result = await table.DeleteAsync("id < 50");

        Assert.Equal(2, result.Metric("numRemovedFiles"));
        Assert.Equal(0, result.Metric("numAddedFiles"));
        Assert.Equal(50, result.Metric("numDeletedRows"));
        await AssertRowsAsync(table, $"SELECT * FROM ({Source}) WHERE id >= 50");
    }

    [Fact]
    public async Task Delete_without_predicate_removes_every_file()
    {
        var table = await SampleTableAsync();

        var result = await table.DeleteAsync();

        Assert.Equal(100, result.Metric("numDeletedRows"));
        Assert.Equal(4, result.Metric("numRemovedFiles"));
        Assert.Empty((await table.GetSnapshotAsync()).Files);
        Assert.Equal(0, Count(table));
    }

    [Fact]
    public async Task Delete_on_partitioned_table_prunes_by_partition_value_and_keeps_nulls_where_predicate_is_null()
    {
        var table = await SampleTableAsync("p", "grp");
        var before = (await table.GetSnapshotAsync()).Files.Count;

        var result = await table.DeleteAsync("grp = 2 AND v > 500");

        Assert.True(result.Metric("numFilesScanned") < before);
        await AssertRowsAsync(table, $"SELECT * FROM ({Source}) WHERE NOT coalesce(grp = 2 AND v > 500, false)");
    }

    [Fact]
    public async Task Delete_on_partition_columns_only_drops_whole_files_without_reading_them()
    {
        var table = await SampleTableAsync("p", "grp");
        foreach (var file in (await table.GetSnapshotAsync()).Files.Where(f => f.PartitionValues["grp"] == "3"))
        {
            await File.WriteAllTextAsync(Path.Combine(table.Location, Uri.UnescapeDataString(file.Path)), "not parquet");
        }

        var result = await table.DeleteAsync("grp = 3");

        Assert.Equal(25, result.Metric("numDeletedRows"));
        Assert.Equal(4, result.Metric("numRemovedFiles"));
        Assert.Equal(0, result.Metric("numFilesScanned"));
        await AssertRowsAsync(table, $"SELECT * FROM ({Source}) WHERE grp <> 3");
    }

    [Fact]
    public async Task Predicates_that_could_escape_their_parentheses_are_refused()
    {
        var table = await SampleTableAsync();

        foreach (var predicate in new[] { "id = 1) OR (true", "id = 1; DROP TABLE x", "id = 1 /* ( */", "$$ ( $$ = 'x'" })
        {
            await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.DeleteAsync(predicate));
        }

        await AssertRowsAsync(table, Source);
    }

    [Fact]
    public async Task Delete_with_no_matching_rows_commits_nothing()
    {
        var table = await SampleTableAsync();

        var result = await table.DeleteAsync("id > 1000 OR s = 'nope'");

        Assert.False(result.Committed);
        Assert.Equal(3, result.Version);
        Assert.Equal(3, (await table.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Delete_on_empty_table_commits_nothing()
    {
        var table = NewTable();
        await table.CreateAsync(new Engine.Tables.Writes.TableDefinition(), "SELECT 1 AS id WHERE false");

        var result = await table.DeleteAsync("id = 1");

        Assert.False(result.Committed);
        Assert.Equal(0, Count(table));
    }

    [Fact]
    public async Task Time_travel_after_delete_returns_the_old_rows()
    {
        var table = await SampleTableAsync();

        await table.DeleteAsync("grp = 1");

        await AssertRowsAsync(table, Source, version: 3);
        await AssertRowsAsync(table, $"SELECT * FROM ({Source}) WHERE grp <> 1");
    }

    [Theory]
    [InlineData("nope = 1", "nope")]
    [InlineData("id = = 1", "syntax")]
    [InlineData("id + 1", "not a condition")]
    public async Task Delete_with_bad_predicate_fails_clearly_and_changes_nothing(string predicate, string expected)
    {
        var table = await SampleTableAsync();

        var error = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.DeleteAsync(predicate));

        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, (await Reopen(table).GetSnapshotAsync()).Version);
        await AssertRowsAsync(table, Source);
    }
}
