using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query;

public sealed class TimeTravelClauseTests
{
    private static TableReference Read(string sql) =>
        Assert.Single(TableReferenceFinder.FindReads(Assert.Single(SqlScript.Parse(sql).Statements)));

    private static SqlSyntaxException Error(string sql) =>
        Assert.Throws<SqlSyntaxException>(() => TableReferenceFinder.FindReads(Assert.Single(SqlScript.Parse(sql).Statements)));

    [Theory]
    [InlineData("SELECT * FROM s.t VERSION AS OF 3", 3, null)]
    [InlineData("SELECT * FROM s.t version as of 3 x", 3, "x")]
    [InlineData("SELECT * FROM s.t VERSION AS OF 3 AS x", 3, "x")]
    [InlineData("SELECT * FROM s.t x VERSION AS OF 3", 3, "x")]
    [InlineData("SELECT * FROM s.t AS x VERSION AS OF 3", 3, "x")]
    [InlineData("SELECT * FROM s.t FOR VERSION AS OF 3", 3, null)]
    [InlineData("SELECT * FROM s.t FOR SYSTEM_VERSION AS OF 3 x", 3, "x")]
    [InlineData("SELECT * FROM s.t@v3", 3, null)]
    [InlineData("SELECT * FROM s.t@v3 AS x", 3, "x")]
    [InlineData("SELECT * FROM s.t AT (VERSION => 3)", 3, null)]
    [InlineData("SELECT * FROM s.t at (version => 3) AS x", 3, "x")]
    [InlineData("SELECT * FROM s.t x AT (VERSION => 3)", 3, "x")]
    [InlineData("SELECT * FROM s.t VERSION AS OF 1_000", 1000, null)]
    public void Reads_a_version_in_either_syntax_with_the_alias_before_or_after(string sql, long version, string? alias)
    {
        var reference = Read(sql);

        Assert.Equal(TimeTravelKind.Version, reference.TimeTravel?.Kind);
        Assert.Equal(version, reference.TimeTravel?.Version);
        Assert.Equal(alias, reference.Alias);
    }

    [Theory]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF '2024-01-02 03:04:05'")]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF TIMESTAMP '2024-01-02 03:04:05' x")]
    [InlineData("SELECT * FROM s.t FOR SYSTEM_TIME AS OF '2024-01-02T03:04:05Z'")]
    [InlineData("SELECT * FROM s.t AT (TIMESTAMP => TIMESTAMP '2024-01-02 03:04:05')")]
    [InlineData("SELECT * FROM s.t AT (TIMESTAMP => '2024-01-02 05:04:05+02:00') AS x")]
    public void Reads_a_timestamp_in_either_syntax_as_utc(string sql)
    {
        var reference = Read(sql);

        Assert.Equal(TimeTravelKind.Timestamp, reference.TimeTravel?.Kind);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), reference.TimeTravel?.Timestamp);
    }

    [Fact]
    public void A_date_alone_means_midnight_utc()
    {
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), Read("SELECT * FROM t TIMESTAMP AS OF '2024-01-02'").TimeTravel?.Timestamp);
    }

    [Fact]
    public void A_table_aliased_version_without_as_of_is_an_alias()
    {
        var reference = Read("SELECT version.id FROM s.t version");

        Assert.Null(reference.TimeTravel);
        Assert.Equal("version", reference.Alias);
    }

    [Theory]
    [InlineData("SELECT * FROM s.t VERSION AS OF 1.5", "Version '1.5' is not a whole number", 33)]
    [InlineData("SELECT * FROM s.t VERSION AS OF 'three'", "Version ''three'' is not a whole number", 33)]
    [InlineData("SELECT * FROM s.t VERSION AS OF -1", "Version cannot be negative", 33)]
    [InlineData("SELECT * FROM s.t AT (VERSION => x)", "'x' is not a constant", 34)]
    [InlineData("SELECT * FROM s.t VERSION AS OF", "has no version", 19)]
    [InlineData("SELECT * FROM s.t VERSION AS OF WHERE a = 1", "has no version", 33)]
    [InlineData("SELECT * FROM s.t AT (VERSION => )", "has no version", 34)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF", "has no timestamp", 19)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF 20240101", "'20240101' is not a quoted timestamp", 35)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF 'yesterday'", "'yesterday' is not a timestamp", 35)]
    [InlineData("SELECT * FROM s.t AT (SNAPSHOT => 3)", "Unknown time travel kind 'SNAPSHOT'", 23)]
    [InlineData("SELECT * FROM s.t FOR BRANCH AS OF 3", "Unknown time travel kind 'BRANCH'", 23)]
    [InlineData("SELECT * FROM s.t SNAPSHOT AS OF 3", "Unknown time travel kind 'SNAPSHOT'", 19)]
    [InlineData("SELECT * FROM s.t AT ()", "AT (...) has no time travel kind", 22)]
    [InlineData("SELECT * FROM s.t AT (VERSION 3)", "Expected => after VERSION", 31)]
    [InlineData("SELECT * FROM s.t AT (VERSION => 3, 4)", "Expected ) to close AT", 35)]
    [InlineData("SELECT * FROM s.t VERSION AS 3", "Expected OF after VERSION AS", 30)]
    public void A_malformed_time_travel_clause_says_what_and_where(string sql, string problem, int column)
    {
        var error = Error(sql);

        Assert.Contains(problem, error.Message);
        Assert.Equal(1, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Errors_in_a_later_line_of_a_later_statement_point_at_that_line()
    {
        var script = SqlScript.Parse("SELECT 1;\nSELECT *\n  FROM s.t VERSION AS OF 2.5");

        var error = Assert.Throws<SqlSyntaxException>(() => TableReferenceFinder.FindReads(script.Statements[1]));

        Assert.Equal((3, 26), (error.Line, error.Column));
        Assert.Contains("for example sales.orders VERSION AS OF 3", error.Message);
    }

    [Fact]
    public void Time_travel_on_a_cte_name_is_refused()
    {
        var error = Error("WITH c AS (SELECT 1) SELECT * FROM c VERSION AS OF 1");

        Assert.Contains("'c' is a CTE", error.Message);
    }
}
