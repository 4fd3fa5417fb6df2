using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query.Syntax;

public sealed class TimeTravelExpressionTests
{
    private static TableReference Read(string sql) =>
        Assert.Single(TableReferenceFinder.FindReads(Assert.Single(SqlScript.Parse(sql).Statements)));

    [Theory]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF now() - INTERVAL 1 HOUR", "now ( ) - INTERVAL 1 HOUR", null)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF current_date - 1 AS x", "CURRENT_DATE - 1", "x")]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF CAST('2024-01-01' AS TIMESTAMP) x", "CAST ( '2024-01-01' AS TIMESTAMP )", "x")]
    [InlineData("SELECT * FROM s.t FOR SYSTEM_TIME AS OF current_timestamp - INTERVAL '2 days'", "CURRENT_TIMESTAMP - INTERVAL '2 days'", null)]
    [InlineData("SELECT * FROM s.t AT (TIMESTAMP => today() - INTERVAL (1 + 1) DAY) AS x", "today ( ) - INTERVAL ( 1 + 1 ) DAY", "x")]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF DATE '2024-01-02' + INTERVAL 3 hours WHERE true", "DATE '2024-01-02' + INTERVAL 3 HOURS", null)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF $$2024-01-01$$::timestamp with time zone - INTERVAL '1' HOUR", "'2024-01-01' :: TIMESTAMP WITH TIME ZONE - INTERVAL '1' HOUR", null)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF now() /* ; DROP TABLE s.t */ - INTERVAL 1 HOUR", "now ( ) - INTERVAL 1 HOUR", null)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF E'2024-01-01 \\'' :: DATE", "'2024-01-01 ''' :: DATE", null)]
    public void A_timestamp_can_be_a_constant_expression_rebuilt_from_its_tokens(string sql, string expression, string? alias)
    {
        var reference = Read(sql);

        Assert.Equal(TimeTravelKind.Timestamp, reference.TimeTravel?.Kind);
        Assert.Null(reference.TimeTravel?.Timestamp);
        Assert.Equal(expression, reference.TimeTravel?.Expression?.Sql);
        Assert.Equal(alias, reference.Alias);
    }

    [Theory]
    [InlineData("SELECT * FROM s.t VERSION AS OF 2+1", "2 + 1")]
    [InlineData("SELECT * FROM s.t AT (VERSION => (4 - 1) * 2)", "( 4 - 1 ) * 2")]
    [InlineData("SELECT * FROM s.t VERSION AS OF -1 + 3", "- 1 + 3")]
    public void A_version_can_be_a_constant_expression(string sql, string expression)
    {
        var travel = Read(sql).TimeTravel;

        Assert.Equal(TimeTravelKind.Version, travel?.Kind);
        Assert.Null(travel?.Version);
        Assert.Equal(expression, travel?.Expression?.Sql);
    }

    [Fact]
    public void The_reference_span_covers_the_expression_so_the_rewrite_replaces_it()
    {
        const string sql = "SELECT * FROM s.t TIMESTAMP AS OF now() - INTERVAL 1 HOUR AS x WHERE true";
        var reference = Read(sql);

        Assert.Equal("s.t TIMESTAMP AS OF now() - INTERVAL 1 HOUR", reference.Span.TextIn(sql));
        Assert.Equal("now() - INTERVAL 1 HOUR", reference.TimeTravel!.Expression!.Span.TextIn(sql));
    }

    [Fact]
    public void Literals_stay_literals()
    {
        Assert.Equal(3, Read("SELECT * FROM s.t VERSION AS OF 3 x").TimeTravel?.Version);
        Assert.Null(Read("SELECT * FROM s.t TIMESTAMP AS OF TIMESTAMP '2024-01-01' x").TimeTravel?.Expression);
    }

    [Theory]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF now() - x", "'x' is not a constant", 43)]
    [InlineData("SELECT * FROM s.t VERSION AS OF t.version + 1", "'t' is not a constant", 33)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF random()", "The function random() is not allowed", 35)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF current_date - read_csv('x')", "The function read_csv() is not allowed", 50)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF (SELECT max(ts) FROM u)", "A subquery cannot give a time travel value", 36)]
    [InlineData("SELECT * FROM s.t VERSION AS OF 1 + (SELECT 1)", "A subquery cannot give a time travel value", 38)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF now() + $1", "'$1' cannot be part of a time travel value", 43)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF CAST(now() AS TEXT)", "Expected a type", 49)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF now() - INTERVAL 1", "INTERVAL needs a unit", 52)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF now() -", "ends too early", 41)]
    [InlineData("SELECT * FROM s.t TIMESTAMP AS OF now() - ; DROP TABLE s.t", "ends too early", 41)]
    public void Anything_but_a_constant_is_refused_with_what_and_where(string sql, string problem, int column)
    {
        var statement = SqlScript.Parse(sql).Statements[0];

        var error = Assert.Throws<SqlSyntaxException>(() => TableReferenceFinder.FindReads(statement));

        Assert.Contains(problem, error.Message);
        Assert.Contains("now(), today(), current_date or current_timestamp", error.Message);
        Assert.Equal((1, column), (error.Line, error.Column));
    }
}
