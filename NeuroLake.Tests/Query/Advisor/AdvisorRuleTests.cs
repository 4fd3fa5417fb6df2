using NeuroLake.Engine.Query.Advisor;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Service;

namespace NeuroLake.Tests.Query.Advisor;

public sealed class AdvisorRuleTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    [Theory]
    [InlineData("SELECT * FROM s.wide", true)]
    [InlineData("SELECT w.* FROM s.wide AS w JOIN s.narrow AS n ON w.c1 = n.k", true)]
    [InlineData("SELECT c1, c2 FROM s.wide", false)]
    [InlineData("SELECT * FROM s.narrow", false)]
    [InlineData("SELECT * FROM (SELECT c1 FROM s.wide)", false)]
    public async Task Select_star_on_a_wide_table_is_flagged(string sql, bool flagged)
    {
        var columns = string.Join(", ", Enumerable.Range(1, 20).Select(i => $"{i} AS c{i}"));
        await Run($"CREATE SCHEMA s; CREATE TABLE s.wide AS SELECT {columns}; CREATE TABLE s.narrow AS SELECT 1 AS k");

        Assert.Equal(flagged, (await AdviceAsync(sql)).Any(f => f.Rule == SelectStarOnWideTable.Rule));
    }

    [Theory]
    [InlineData("SELECT v FROM s.events", true)]
    [InlineData("SELECT v FROM s.events WHERE v > 1", true)]
    [InlineData("SELECT v FROM s.events WHERE day = DATE '2024-01-01'", false)]
    [InlineData("SELECT e.v FROM s.events AS e JOIN s.plain AS p ON e.day = p.day", false)]
    [InlineData("SELECT v FROM s.plain", false)]
    public async Task A_partitioned_table_read_without_a_partition_condition_is_flagged(string sql, bool flagged)
    {
        await CreatePartitionedAsync();

        Assert.Equal(flagged, (await AdviceAsync(sql)).Any(f => f.Rule == MissingPartitionFilter.Rule));
    }

    [Theory]
    [InlineData("SELECT v FROM s.events WHERE year(day) = 2024", true)]
    [InlineData("SELECT v FROM s.events WHERE CAST(day AS VARCHAR) = '2024-01-01'", true)]
    [InlineData("SELECT v FROM s.events WHERE day >= DATE '2024-01-01' AND day < DATE '2025-01-01'", false)]
    [InlineData("SELECT v FROM s.plain WHERE year(day) = 2024", false)]
    public async Task A_function_on_a_partition_column_in_a_condition_is_flagged(string sql, bool flagged)
    {
        await CreatePartitionedAsync();

        var advice = await AdviceAsync(sql);

        Assert.Equal(flagged, advice.Any(f => f.Rule == FunctionOnPartitionColumn.Rule));
        Assert.DoesNotContain(advice, f => f.Rule == MissingPartitionFilter.Rule && flagged);
    }

    [Fact]
    public async Task Statements_differing_only_in_values_share_a_parse_but_not_a_different_shape()
    {
        await CreatePartitionedAsync();

        // The first statement's tree is remembered by its literal-blind text; the second reuses it, the third cannot.
        Assert.Contains(await AdviceAsync("SELECT v FROM s.events WHERE year(day) = 2024"), f => f.Rule == FunctionOnPartitionColumn.Rule);
        Assert.Contains(await AdviceAsync("SELECT v FROM s.events WHERE year(day) = 1999"), f => f.Rule == FunctionOnPartitionColumn.Rule);
        var other = await AdviceAsync("SELECT v FROM s.events WHERE day = DATE '2024-01-01'");
        Assert.DoesNotContain(other, f => f.Rule == FunctionOnPartitionColumn.Rule);
        Assert.DoesNotContain(other, f => f.Rule == MissingPartitionFilter.Rule);
    }

    [Theory]
    [InlineData("SELECT * FROM s.a CROSS JOIN s.b", true)]
    [InlineData("SELECT * FROM s.a, s.b WHERE a.k > 0", true)]
    [InlineData("SELECT * FROM s.a, s.b WHERE a.k = b.k", false)]
    [InlineData("SELECT * FROM s.a JOIN s.b ON a.k = b.k", false)]
    public async Task A_cross_join_without_a_condition_relating_its_sides_is_flagged(string sql, bool flagged)
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.a AS SELECT 1 AS k; CREATE TABLE s.b AS SELECT 1 AS k");

        Assert.Equal(flagged, (await AdviceAsync(sql)).Any(f => f.Rule == CrossJoin.Rule));
    }

    [Fact]
    public async Task Columns_filtered_most_in_the_history_are_suggested_for_zorder_until_the_table_is_zordered_by_them()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT range AS id, range % 10 AS kind FROM range(100); INSERT INTO s.t SELECT range, 1 FROM range(5)");

        var first = await AdviceAsync("SELECT * FROM s.t WHERE kind = 1");
        await AdviceAsync("SELECT id FROM s.t WHERE kind = 2 AND id > 3");
        var third = await AdviceAsync("SELECT count(*) FROM s.t t WHERE t.kind = 3");
        await Run("OPTIMIZE s.t ZORDER BY (kind)");
        var afterOptimize = await AdviceAsync("SELECT * FROM s.t WHERE kind = 4");

        Assert.DoesNotContain(first, f => f.Rule == ZOrderSuggestion.Rule);
        var suggestion = Assert.Single(third, f => f.Rule == ZOrderSuggestion.Rule);
        Assert.Equal("OPTIMIZE s.t ZORDER BY (kind)", suggestion.Suggestion);
        Assert.DoesNotContain(afterOptimize, f => f.Rule == ZOrderSuggestion.Rule);
    }

    [Fact]
    public async Task Writes_and_queries_without_tables_get_no_advice()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.a AS SELECT 1 AS k");

        var results = await Run("INSERT INTO s.a SELECT a.k FROM s.a, s.a AS b; SELECT * FROM range(3) AS x, range(3) AS y");

        Assert.All(results, r => Assert.Empty(r.Advice));
    }

    private async Task<IReadOnlyList<AdvisorFinding>> AdviceAsync(string sql) => (await Run(sql))[^1].Advice;

    private Task CreatePartitionedAsync() => Run("""
        CREATE SCHEMA s;
        CREATE TABLE s.events (day DATE, v INT) PARTITIONED BY (day);
        INSERT INTO s.events VALUES (DATE '2024-01-01', 1), (DATE '2024-01-02', 2);
        CREATE TABLE s.plain AS SELECT DATE '2024-01-01' AS day, 1 AS v;
        """);
}
