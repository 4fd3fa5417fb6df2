using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Tests.Query.Service;

/// <summary>Time travel values written as constant expressions, evaluated by DuckDB when the query runs.</summary>
public sealed partial class TimeTravelTests
{
    [Theory]
    [InlineData("SELECT count(*) FROM s.t VERSION AS OF 1 + 1", 2L)]
    [InlineData("SELECT count(*) FROM s.t AT (VERSION => 4 / 2)", 2L)]
    [InlineData("SELECT count(*) FROM s.t TIMESTAMP AS OF now()", 3L)]
    [InlineData("SELECT count(*) FROM s.t TIMESTAMP AS OF current_date + 1", 3L)]
    [InlineData("SELECT count(*) FROM s.t FOR SYSTEM_TIME AS OF current_timestamp + INTERVAL '2 days'", 3L)]
    public async Task An_expression_reads_the_version_it_evaluates_to(string sql, long rows)
    {
        await ThreeInserts();

        Assert.Equal([[rows]], await Rows(sql));
    }

    [Fact]
    public async Task A_timestamp_expression_picks_the_version_current_at_that_time()
    {
        await ThreeInserts();
        var literal = await CommitTimeOf(2);

        var result = (await Run($"SELECT count(*) FROM s.t TIMESTAMP AS OF CAST('{literal}' AS TIMESTAMP) + INTERVAL 0 SECOND x WHERE x.id > 0"))[0];

        Assert.Equal([[2L]], result.Rows);
        Assert.Equal([new TableVersion("s", "t", 2)], result.TablesRead);
    }

    [Fact]
    public async Task Restore_accepts_an_expression_too()
    {
        await ThreeInserts();

        await Run("RESTORE TABLE s.t TO VERSION AS OF 3 - 2");

        Assert.Equal([[1L]], await Rows("SELECT count(*) FROM s.t"));
    }

    [Theory]
    [InlineData("SELECT * FROM s.t VERSION AS OF 5 / 2", "gives 2.5, not a version")]
    [InlineData("SELECT * FROM s.t VERSION AS OF 1 - 2", "gives -1, not a version")]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF CAST('soon' AS TIMESTAMP) + INTERVAL 1 HOUR", "cannot be evaluated")]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF random()", "The function random() is not allowed")]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF (SELECT now())", "A subquery cannot give a time travel value")]
    public async Task An_expression_that_gives_no_usable_value_fails_saying_why(string sql, string reason)
    {
        await ThreeInserts();

        var error = await Fails(sql);

        Assert.Contains(reason, error.Reason);
    }
}
