using NeuroLake.Engine.Catalog.SchemaHistory;
using NeuroLake.Engine.Tables.Compare;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Tests.Tables.Compare;

public sealed class VersionComparerTests(DuckDbFixture duck) : TableTestBase(duck)
{
    [Fact]
    public async Task Comparing_an_update_lists_the_changed_rows_as_removed_and_added_with_exact_counts()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT range AS id, 'a' AS s FROM range(10)");
        await table.UpdateAsync(new Dictionary<string, string> { ["s"] = "'b'" }, "id < 3");

        var comparison = await VersionComparer.CompareAsync(table, 0, 1);

        Assert.Equal((0L, 1L, 10L, 10L), (comparison.FromVersion, comparison.ToVersion, comparison.FromRowCount, comparison.ToRowCount));
        Assert.Null(comparison.RowDiffSkippedReason);
        var rows = comparison.Rows!;
        Assert.Equal(["id", "s"], rows.Columns);
        Assert.Equal((3L, 3L), (rows.AddedCount, rows.RemovedCount));
        Assert.Equal([(0L, "b"), (1L, "b"), (2L, "b")], rows.Added.Select(r => ((long)r[0]!, (string)r[1]!)).Order());
        Assert.Equal([(0L, "a"), (1L, "a"), (2L, "a")], rows.Removed.Select(r => ((long)r[0]!, (string)r[1]!)).Order());
        Assert.Empty(SchemaComparer.Compare(comparison.FromSchema, comparison.ToSchema));
    }

    [Fact]
    public async Task Duplicate_rows_count_as_a_multiset_and_samples_stop_at_the_sample_size()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS k FROM range(5)");
        await table.AppendAsync("SELECT 1 AS k FROM range(4)");

        var comparison = await VersionComparer.CompareAsync(table, 0, 1, new CompareOptions { SampleRows = 2 });

        Assert.Equal((5L, 9L), (comparison.FromRowCount, comparison.ToRowCount));
        Assert.Equal((4L, 0L), (comparison.Rows!.AddedCount, comparison.Rows.RemovedCount));
        Assert.Equal(2, comparison.Rows.Added.Count);
        Assert.Empty(comparison.Rows.Removed);
    }

    [Fact]
    public async Task Above_the_row_limit_only_counts_are_compared_and_the_reason_says_so()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT range AS id FROM range(100)");
        await table.DeleteAsync("id >= 90");

        var comparison = await VersionComparer.CompareAsync(table, 0, 1, new CompareOptions { MaxRowsForRowDiff = 50 });

        Assert.Equal((100L, 90L), (comparison.FromRowCount, comparison.ToRowCount));
        Assert.Null(comparison.Rows);
        Assert.Contains("more than 50 rows", comparison.RowDiffSkippedReason);
    }

    [Fact]
    public async Task A_schema_change_is_classified_and_rows_are_compared_on_the_shared_columns()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT range AS id FROM range(3)");
        await table.AddColumnsAsync([new StructField("note", PrimitiveType.String)]);
        await table.AppendAsync("SELECT 7 AS id, 'new' AS note");

        var comparison = await VersionComparer.CompareAsync(table, 0, 2);

        var change = Assert.Single(SchemaComparer.Compare(comparison.FromSchema, comparison.ToSchema));
        Assert.Equal((SchemaChangeKind.Added, "note", ChangeSeverity.Safe), (change.Kind, change.Column, change.Severity));
        Assert.Equal(["id"], comparison.Rows!.Columns);
        Assert.Equal(7L, (long)Assert.Single(comparison.Rows.Added)[0]!);
        Assert.Equal(0, comparison.Rows.RemovedCount);
    }

    [Fact]
    public async Task Comparing_with_a_version_that_does_not_exist_fails_naming_it()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS id");

        var error = await Assert.ThrowsAsync<VersionNotFoundException>(() => VersionComparer.CompareAsync(table, 0, 5));

        Assert.Contains("5", error.Message);
    }

    [Fact]
    public async Task A_negative_row_limit_is_refused()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS id");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => VersionComparer.CompareAsync(table, 0, 0, new CompareOptions { MaxRowsForRowDiff = -1 }));
    }
}
