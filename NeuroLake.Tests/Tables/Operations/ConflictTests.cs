using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Operations.Merge;

namespace NeuroLake.Tests.Tables.Operations;

public sealed class ConflictTests(DuckDbFixture duck) : OperationTestBase(duck)
{
    /// <summary>The same table as <paramref name="table"/>, whose first commit lets <paramref name="other"/> commit first.</summary>
    private DeltaTable Racing(DeltaTable table, Func<DeltaTable, Task> other) =>
        new(new InterleavingStore(table.Store, () => other(Reopen(table))), Duck.Database, table.Options);

    [Fact]
    public async Task Delete_and_a_concurrent_append_into_another_partition_both_succeed()
    {
        var table = await SampleTableAsync("p", "grp");
        var racing = Racing(table, other => other.AppendAsync("SELECT 500::BIGINT AS id, 2 AS grp, 5000::BIGINT AS v, 'late' AS s"));

        var result = await racing.DeleteAsync("grp = 1 AND id < 50");

        Assert.Equal(5, result.Version);
        Assert.Equal(2, (await table.GetHistoryAsync(2)).Count(h => h.Operation is "DELETE" or "WRITE"));
        await AssertRowsAsync(table, $"SELECT * FROM ({Source}) WHERE NOT (grp = 1 AND id < 50) UNION ALL SELECT 500, 2, 5000, 'late'");
    }

    [Fact]
    public async Task Delete_conflicts_with_a_concurrent_append_of_rows_its_predicate_may_match()
    {
        var table = await SampleTableAsync("p", "grp");
        var racing = Racing(table, other => other.AppendAsync("SELECT 9::BIGINT AS id, 1 AS grp, 1::BIGINT AS v, 'late' AS s"));

        var error = await Assert.ThrowsAsync<ConcurrentModificationException>(() => racing.DeleteAsync("grp = 1 AND id < 50"));

        Assert.Equal(4, error.WinningVersion);
        await AssertRowsAsync(table, $"SELECT * FROM ({Source}) UNION ALL SELECT 9, 1, 1, 'late'");
    }

    [Fact]
    public async Task Delete_does_not_conflict_with_a_concurrent_append_whose_rows_its_predicate_rules_out()
    {
        var table = await SampleTableAsync("p", "grp");
        var racing = Racing(table, other => other.AppendAsync("SELECT 501::BIGINT AS id, 1 AS grp, 1::BIGINT AS v, 'late' AS s"));

        await racing.DeleteAsync("grp = 1 AND id < 50");

        await AssertRowsAsync(table, $"SELECT * FROM ({Source}) WHERE NOT (grp = 1 AND id < 50) UNION ALL SELECT 501, 1, 1, 'late'");
    }

    [Fact]
    public async Task Two_deletes_rewriting_the_same_file_conflict()
    {
        var table = await SampleTableAsync();
        var racing = Racing(table, other => other.DeleteAsync("id = 3"));

        await Assert.ThrowsAsync<ConcurrentModificationException>(() => racing.DeleteAsync("id = 4"));

        Assert.Equal(4, (await Reopen(table).GetSnapshotAsync()).Version);
        await AssertRowsAsync(table, $"SELECT * FROM ({Source}) WHERE id <> 3");
    }

    [Fact]
    public async Task Update_and_a_concurrent_optimize_of_the_files_it_rewrites_conflict()
    {
        var table = await SampleTableAsync();
        var racing = Racing(table, other => other.OptimizeAsync());

        await Assert.ThrowsAsync<ConcurrentModificationException>(() => racing.UpdateAsync(new Dictionary<string, string> { ["v"] = "0" }, "id = 3"));

        await AssertRowsAsync(table, Source);
    }

    [Fact]
    public async Task Merge_conflicts_with_a_concurrent_append_because_it_read_the_whole_table()
    {
        var table = await SampleTableAsync();
        var racing = Racing(table, other => other.AppendAsync("SELECT 600::BIGINT AS id, 0 AS grp, 1::BIGINT AS v, 'late' AS s"));

        await Assert.ThrowsAsync<ConcurrentModificationException>(() =>
            racing.MergeAsync(new MergeSpec("SELECT 600 AS id", "t.id = s.id", [MergeClause.NotMatchedInsert(new Dictionary<string, string> { ["id"] = "s.id" })])));

        Assert.Equal(101, Count(table));
    }
}
