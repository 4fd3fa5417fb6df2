using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Operations.Merge;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Tests.Tables.Operations;

public sealed class MergeTests(DuckDbFixture duck) : OperationTestBase(duck)
{
    /// <summary>Updates for ids 10..14 (in the first file), new ids 200..202, and a delete marker for id 12.</summary>
    private const string Changes = """
        SELECT * FROM (VALUES (10, 0, 1000, 'new10', 'u'), (11, 1, NULL, 'new11', 'u'), (12, 2, 1200, 'new12', 'd'), (13, 3, 1300, 'new13', 'u'), (14, 2, 1400, 'new14', 'u'),
                              (200, 0, 2000, 'new200', 'u'), (201, 1, -5, 'new201', 'u'), (202, 2, 2020, 'new202', 'u')) c(id, grp, v, s, op)
        """;

    /// <summary>Runs DuckDB's own MERGE INTO on a plain copy of the table's rows (before the merge) and compares.</summary>
    private async Task AssertSameAsDuckDbMergeAsync(DeltaTable table, long versionBefore, string duckDbMerge)
    {
        using var connection = Duck.Database.Connect();
        connection.Execute("SET TimeZone = 'UTC'");
        var name = "expected_" + Guid.NewGuid().ToString("N");
        connection.Execute($"CREATE TEMP TABLE {name} AS {DeltaTable.ToSql(await table.GetSnapshotAsync(versionBefore))}");
        connection.Execute(duckDbMerge.Replace("TARGET", name, StringComparison.Ordinal));
        var actual = DeltaTable.ToSql(await table.GetSnapshotAsync());
        var differences = Convert.ToInt64(connection.ExecuteScalar(
            $"SELECT (SELECT count(*) FROM (({actual}) EXCEPT ALL (SELECT * FROM {name}))) + (SELECT count(*) FROM ((SELECT * FROM {name}) EXCEPT ALL ({actual})))"));
        var expectedCount = Convert.ToInt64(connection.ExecuteScalar($"SELECT count(*) FROM {name}"));
        connection.Execute($"DROP TABLE {name}");
        Assert.Equal(0, differences);
        Assert.Equal(expectedCount, Count(table));
    }

    [Fact]
    public async Task Upsert_updates_matches_inserts_the_rest_and_rewrites_only_the_file_holding_matches()
    {
        var table = await SampleTableAsync();
        var spec = new MergeSpec($"SELECT id, grp, v, s FROM ({Changes})", "t.id = s.id", [MergeClause.MatchedUpdateAll(), MergeClause.NotMatchedInsertAll()]);

        var result = await table.MergeAsync(spec);

        Assert.Equal(5, result.Metric("numTargetRowsUpdated"));
        Assert.Equal(3, result.Metric("numTargetRowsInserted"));
        Assert.Equal(0, result.Metric("numTargetRowsDeleted"));
        Assert.Equal(20, result.Metric("numTargetRowsCopied"));
        Assert.Equal(1, result.Metric("numTargetFilesRemoved"));
        await AssertSameAsDuckDbMergeAsync(table, 3, $"""
            MERGE INTO TARGET AS t USING (SELECT id, grp, v, s FROM ({Changes})) AS s ON t.id = s.id
            WHEN MATCHED THEN UPDATE SET grp = s.grp, v = s.v, s = s.s
            WHEN NOT MATCHED THEN INSERT (id, grp, v, s) VALUES (s.id, s.grp, s.v, s.s)
            """);
        var history = await table.GetHistoryAsync(1);
        Assert.Equal("MERGE", history[0].Operation);
        Assert.Equal("t.id = s.id", history[0].Parameters["predicate"]);
        await AssertRowsAsync(table, Source, version: 3);
    }

    [Fact]
    public async Task Merge_on_key_equality_does_not_read_target_files_outside_the_sources_key_range()
    {
        var table = await SampleTableAsync();
        var snapshot = await table.GetSnapshotAsync();
        foreach (var file in snapshot.Files.Where(f => !f.Stats!.Contains("\"id\":0,", StringComparison.Ordinal)))
        {
            await File.WriteAllTextAsync(Path.Combine(table.Location, file.Path), "not parquet");
        }

        var result = await table.MergeAsync(new MergeSpec("SELECT * FROM (VALUES (3, 'x'), (20, 'y')) v(id, s)", "t.id = s.id",
            [MergeClause.MatchedUpdate(new Dictionary<string, string> { ["s"] = "s.s" })]));

        Assert.Equal(2, result.Metric("numTargetRowsUpdated"));
        Assert.Equal(1, result.Metric("numTargetFilesRemoved"));
    }

    [Fact]
    public async Task Clauses_apply_in_order_with_conditions_including_not_matched_by_source()
    {
        var table = await SampleTableAsync("p", "grp");
        var spec = new MergeSpec(Changes, "t.id = s.id",
        [
            MergeClause.MatchedDelete("s.op = 'd'"),
            MergeClause.MatchedUpdate(new Dictionary<string, string> { ["v"] = "s.v + t.v", ["s"] = "s.s" }, "s.v > 1250"),
            MergeClause.MatchedUpdate(new Dictionary<string, string> { ["s"] = "'second'" }),
            MergeClause.NotMatchedInsert(new Dictionary<string, string> { ["id"] = "s.id", ["v"] = "s.v", ["grp"] = "9" }, "s.v > 0"),
            MergeClause.NotMatchedBySourceDelete("t.id >= 95"),
            MergeClause.NotMatchedBySourceUpdate(new Dictionary<string, string> { ["s"] = "'untouched-' || t.id" }, "t.id < 3"),
        ]);

        var result = await table.MergeAsync(spec);

        Assert.Equal(1 + 5, result.Metric("numTargetRowsDeleted"));
        Assert.Equal(4 + 3, result.Metric("numTargetRowsUpdated"));
        Assert.Equal(2, result.Metric("numTargetRowsInserted"));
        await AssertSameAsDuckDbMergeAsync(table, 3, $"""
            MERGE INTO TARGET AS t USING ({Changes}) AS s ON t.id = s.id
            WHEN MATCHED AND s.op = 'd' THEN DELETE
            WHEN MATCHED AND s.v > 1250 THEN UPDATE SET v = s.v + t.v, s = s.s
            WHEN MATCHED THEN UPDATE SET s = 'second'
            WHEN NOT MATCHED AND s.v > 0 THEN INSERT (id, grp, v, s) VALUES (s.id, 9, s.v, NULL)
            WHEN NOT MATCHED BY SOURCE AND t.id >= 95 THEN DELETE
            WHEN NOT MATCHED BY SOURCE AND t.id < 3 THEN UPDATE SET s = 'untouched-' || t.id
            """);
    }

    [Fact]
    public async Task Merge_into_an_empty_table_from_a_version_of_another_table_inserts_everything()
    {
        var source = await SampleTableAsync("source");
        await source.DeleteAsync("id >= 50");
        var table = NewTable("empty");
        await table.CreateAsync(new TableDefinition(), $"SELECT * FROM ({Source}) WHERE false");

        var result = await table.MergeAsync(new MergeSpec(DeltaTable.ToSql(await source.GetSnapshotAsync(3)), "t.id = s.id", [MergeClause.NotMatchedInsertAll()]));

        Assert.Equal(100, result.Metric("numTargetRowsInserted"));
        Assert.Equal(0, result.Metric("numTargetFilesRemoved"));
        await AssertRowsAsync(table, Source);
    }

    [Fact]
    public async Task Merge_with_nothing_to_change_commits_nothing()
    {
        var table = await SampleTableAsync();

        var result = await table.MergeAsync(new MergeSpec("SELECT 500 AS id", "t.id = s.id", [MergeClause.MatchedDelete()]));

        Assert.False(result.Committed);
        Assert.Equal(3, (await table.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Several_source_rows_changing_one_target_row_is_an_error_and_changes_nothing()
    {
        var table = await SampleTableAsync();
        var spec = new MergeSpec("SELECT * FROM (VALUES (5, 1), (5, 2), (6, 3)) v(id, x)", "t.id = s.id",
            [MergeClause.MatchedUpdate(new Dictionary<string, string> { ["v"] = "s.x" })]);

        var error = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.MergeAsync(spec));

        Assert.Contains("more than one source row", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await Reopen(table).GetSnapshotAsync()).Version);
        await AssertRowsAsync(table, Source);
    }

    [Fact]
    public async Task Several_source_rows_may_match_one_target_row_when_the_only_matched_clause_is_an_unconditional_delete()
    {
        var table = await SampleTableAsync();
        var spec = new MergeSpec("SELECT * FROM (VALUES (5, 1), (5, 2), (6, 3), (60, 4), (60, 5), (60, 6)) v(id, x)", "t.id = s.id", [MergeClause.MatchedDelete()]);

        var result = await table.MergeAsync(spec);

        Assert.Equal(3, result.Metric("numTargetRowsDeleted"));
        Assert.Equal(4, result.Version);
        await AssertRowsAsync(table, $"SELECT * FROM ({Source}) WHERE id NOT IN (5, 6, 60)");
    }

    [Fact]
    public async Task A_conditional_delete_matched_by_several_source_rows_is_still_an_error()
    {
        var table = await SampleTableAsync();
        var spec = new MergeSpec("SELECT * FROM (VALUES (5, 1), (5, 2)) v(id, x)", "t.id = s.id", [MergeClause.MatchedDelete("s.x > 0")]);

        var error = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.MergeAsync(spec));

        Assert.Contains("more than one source row", error.Message, StringComparison.Ordinal);
        await AssertRowsAsync(table, Source);
    }

    [Fact]
    public async Task Several_source_matches_are_fine_when_only_one_of_them_changes_the_row()
    {
        var table = await SampleTableAsync();
        var spec = new MergeSpec("SELECT * FROM (VALUES (5, 'a'), (5, 'b')) v(id, x)", "t.id = s.id",
            [MergeClause.MatchedUpdate(new Dictionary<string, string> { ["s"] = "s.x" }, "s.x = 'a'")]);

        var result = await table.MergeAsync(spec);

        Assert.Equal(1, result.Metric("numTargetRowsUpdated"));
        await AssertRowsAsync(table, $"SELECT id, grp, v, CASE WHEN id = 5 THEN 'a' ELSE s END AS s FROM ({Source})");
    }

    [Theory]
    [InlineData("t.nope = s.id", null, "nope")]
    [InlineData("t.id = s.id", "missing", "'missing'")]
    [InlineData("t.id = = s.id", null, "cannot be evaluated")]
    public async Task Merge_with_bad_columns_or_syntax_fails_clearly_and_changes_nothing(string on, string? setColumn, string expected)
    {
        var table = await SampleTableAsync();
        var spec = new MergeSpec("SELECT 5 AS id", on, [MergeClause.MatchedUpdate(new Dictionary<string, string> { [setColumn ?? "v"] = "1" })]);

        var error = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.MergeAsync(spec));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await Reopen(table).GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Insert_all_from_a_source_missing_a_column_fails_naming_it()
    {
        var table = await SampleTableAsync();

        var error = await Assert.ThrowsAsync<InvalidTableOperationException>(() =>
            table.MergeAsync(new MergeSpec("SELECT 500 AS id, 1 AS grp", "t.id = s.id", [MergeClause.NotMatchedInsertAll()])));

        Assert.Contains("v, s", error.Message, StringComparison.Ordinal);
    }
}
