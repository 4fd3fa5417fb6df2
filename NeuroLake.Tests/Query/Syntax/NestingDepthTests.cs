using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query.Syntax;

/// <summary>Deep nesting is refused while lexing, before the recursive finder runs, instead of overflowing the stack.</summary>
public sealed class NestingDepthTests
{
    [Fact]
    public void Sixty_thousand_nested_parentheses_are_refused_not_a_crash()
    {
        var sql = "SELECT * FROM s.t WHERE a = " + new string('(', 60_000) + "1" + new string(')', 60_000);

        var error = Assert.Throws<SqlSyntaxException>(() => SqlScript.Parse(sql));

        Assert.Contains($"nested {SqlLexer.MaxParenthesisDepth + 1} levels deep", error.Message);
        Assert.Contains($"The limit is {SqlLexer.MaxParenthesisDepth} levels", error.Message);
        Assert.Equal((1, 29 + SqlLexer.MaxParenthesisDepth), (error.Line, error.Column));
    }

    [Fact]
    public void A_hundred_nested_subqueries_still_find_their_table()
    {
        var sql = "SELECT * FROM " + string.Concat(Enumerable.Repeat("(SELECT * FROM ", 100)) + "s.t" + string.Concat(Enumerable.Repeat(") x", 100));

        var statement = Assert.Single(SqlScript.Parse(sql).Statements);

        Assert.Equal("s.t", Assert.Single(TableReferenceFinder.FindReads(statement)).Name.ToString());
    }

    [Fact]
    public void Depth_counts_within_one_statement()
    {
        var deep = "SELECT " + new string('(', 150) + "1" + new string(')', 150);
        var unclosed = "SELECT " + new string('(', 150) + "1";

        Assert.Equal(3, SqlScript.Parse($"{unclosed}; {deep}; {deep}").Statements.Count);
    }

    [Fact]
    public void Stray_closing_parentheses_do_not_buy_extra_depth()
    {
        var sql = "SELECT " + new string(')', 50) + new string('(', SqlLexer.MaxParenthesisDepth + 1);

        Assert.Throws<SqlSyntaxException>(() => SqlScript.Parse(sql));
    }

    [Fact]
    public void Explain_of_explain_is_refused_rather_than_classified_recursively()
    {
        var statement = Assert.Single(SqlScript.Parse(string.Concat(Enumerable.Repeat("EXPLAIN ", 60_000)) + "SELECT 1").Statements);

        var error = Assert.Throws<SqlSyntaxException>(() => StatementClassifier.Classify(statement));

        Assert.Contains("EXPLAIN of an EXPLAIN", error.Message);
    }
}
