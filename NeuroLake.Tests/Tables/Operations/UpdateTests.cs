using NeuroLake.Engine.Tables.Errors;

namespace NeuroLake.Tests.Tables.Operations;

public sealed class UpdateTests(DuckDbFixture duck) : OperationTestBase(duck)
{
    [Fact]
    public async Task Update_sets_expressions_on_matching_rows_and_rewrites_only_their_files()
    {
        var table = await SampleTableAsync();

        var result = await table.UpdateAsync(new Dictionary<string, string> { ["v"] = "v + 1", ["s"] = "upper(s)" }, "id BETWEEN 80 AND 85");

        Assert.Equal(6, result.Metric("numUpdatedRows"));
        Assert.Equal(1, result.Metric("numRemovedFiles"));
        Assert.Equal(1, result.Metric("numAddedFiles"));
        Assert.Equal(19, result.Metric("numCopiedRows"));
        await AssertRowsAsync(table, $"SELECT id, grp, CASE WHEN id BETWEEN 80 AND 85 THEN v + 1 ELSE v END AS v, CASE WHEN id BETWEEN 80 AND 85 THEN upper(s) ELSE s END AS s FROM ({Source})");
        Assert.Equal("UPDATE", (await table.GetHistoryAsync(1))[0].Operation);
    }

    [Fact]
    public async Task Update_of_partition_column_moves_rows_to_the_new_partition()
    {
        var table = await SampleTableAsync("p", "grp");

        var result = await table.UpdateAsync(new Dictionary<string, string> { ["grp"] = "9" }, "grp = 3 AND id < 20");

        Assert.Equal(5, result.Metric("numUpdatedRows"));
        await AssertRowsAsync(table, $"SELECT id, CASE WHEN grp = 3 AND id < 20 THEN 9 ELSE grp END AS grp, v, s FROM ({Source})");
        Assert.Contains((await table.GetSnapshotAsync()).Files, f => f.PartitionValues["grp"] == "9");
    }

    [Fact]
    public async Task Update_without_predicate_updates_every_row_and_null_results_stay_null()
    {
        var table = await SampleTableAsync();

        var result = await table.UpdateAsync(new Dictionary<string, string> { ["v"] = "v * 2" });

        Assert.Equal(100, result.Metric("numUpdatedRows"));
        await AssertRowsAsync(table, $"SELECT id, grp, v * 2 AS v, s FROM ({Source})");
        await AssertRowsAsync(table, Source, version: 3);
    }

    [Fact]
    public async Task Update_of_unknown_column_fails_naming_it_and_changes_nothing()
    {
        var table = await SampleTableAsync();

        var error = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.UpdateAsync(new Dictionary<string, string> { ["nope"] = "1" }, "id = 1"));
        var badExpression = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.UpdateAsync(new Dictionary<string, string> { ["v"] = "missing + 1" }));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", badExpression.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await Reopen(table).GetSnapshotAsync()).Version);
        await AssertRowsAsync(table, Source);
    }

    [Fact]
    public async Task Update_with_a_value_of_the_wrong_type_fails_and_changes_nothing()
    {
        var table = await SampleTableAsync();

        await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.UpdateAsync(new Dictionary<string, string> { ["id"] = "s" }, "id = 5"));

        Assert.Equal(3, (await Reopen(table).GetSnapshotAsync()).Version);
        await AssertRowsAsync(table, Source);
    }

    [Fact]
    public async Task Update_on_an_empty_table_or_with_no_matches_commits_nothing()
    {
        var table = NewTable();
        await table.CreateAsync(new Engine.Tables.Writes.TableDefinition(), "SELECT 1 AS id WHERE false");
        var sample = await SampleTableAsync("other");

        var empty = await table.UpdateAsync(new Dictionary<string, string> { ["id"] = "id + 1" });
        var none = await sample.UpdateAsync(new Dictionary<string, string> { ["v"] = "0" }, "v IS NULL AND id = 0");

        Assert.False(empty.Committed);
        Assert.False(none.Committed);
        Assert.Equal(3, (await sample.GetSnapshotAsync()).Version);
    }
}
