using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query.Syntax;

/// <summary>
/// Statement boundaries must be where DuckDB (1.5, PostgreSQL-derived scanner) puts them: a semicolon one side
/// hides in a comment or string and the other does not would let a second statement through unchecked.
/// The expected counts were checked against libduckdb's duckdb_extract_statements.
/// </summary>
public sealed class StatementBoundaryTests
{
    private static IReadOnlyList<string> Split(string sql) => SqlScript.Parse(sql).Statements.Select(s => s.Text).ToList();

    [Fact]
    public void A_line_comment_ends_at_a_carriage_return_as_DuckDB_ends_it()
    {
        var statements = Split("SELECT 1 --\r; COPY t TO 'x.csv'; SELECT 2 --\n AS y");

        Assert.Equal(["SELECT 1", "COPY t TO 'x.csv'", "SELECT 2 --\n AS y"], statements);
    }

    [Theory]
    [InlineData("SELECT 1 -- a;\r\nSELECT 2", 1)]
    [InlineData("SELECT 1; -- a\r\nSELECT 2", 2)]
    [InlineData("SELECT 1 -- a\r; SELECT 2", 2)]
    [InlineData("SELECT 1 -- a; SELECT 2", 1)]
    [InlineData("-- a\r;SELECT 1", 1)]
    [InlineData("SELECT /* a; */ 1; SELECT 2", 2)]
    [InlineData("SELECT 1 /* a /* ; */ ; */ ; SELECT 2", 2)]
    [InlineData("SELECT 1 /*/ ; */; SELECT 2", 2)]
    [InlineData("SELECT 2 //* ; */ 1", 1)]
    [InlineData("SELECT 2 +/* ; */ 1; SELECT 3", 2)]
    [InlineData("SELECT 2 +-- ;\n 1; SELECT 3", 2)]
    [InlineData("SELECT 'a;b'; SELECT 2", 2)]
    [InlineData("SELECT 'a'';b'; SELECT 2", 2)]
    [InlineData("SELECT 'a\\'; SELECT 2", 2)]
    [InlineData("SELECT E'a\\';b'; SELECT 2", 2)]
    [InlineData("SELECT e'a\\\\'; SELECT 2", 2)]
    [InlineData("SELECT E'a'\n'\\'; SELECT 2; --'", 1)]
    [InlineData("SELECT E'a' -- c\n  '\\'; SELECT 2; --'", 1)]
    [InlineData("SELECT 'a'\n'\\'; SELECT 2", 2)]
    [InlineData("SELECT $$a;b$$; SELECT 2", 2)]
    [InlineData("SELECT $t$a;$$;b$t$; SELECT 2", 2)]
    [InlineData("SELECT $é$x;$é$; SELECT 2", 2)]
    [InlineData("SELECT a$b$ FROM t; SELECT $1", 2)]
    [InlineData("SELECT \"a\"\";b\"; SELECT 2", 2)]
    [InlineData("SELECT U&'a;b'; SELECT 2", 2)]
    [InlineData("SELECT X'ab''; SELECT 3'; SELECT 4", 2)]
    public void Comments_strings_dollar_quotes_and_quoted_names_hide_semicolons(string sql, int count)
    {
        Assert.Equal(count, Split(sql).Count);
    }

    [Fact]
    public void An_escape_string_after_a_dollar_sign_is_still_an_escape_string()
    {
        // DuckDB reads $E'...' as $ and then E'...', so the \' does not close the string.
        Assert.Single(Split("SELECT $E'\\'; COPY t TO 'x'; --'"));
    }

    [Theory]
    [InlineData("SELECT\t1;\fSELECT\r2;\nSELECT\r\n3")]
    [InlineData("SELECT 1 ;\r\r\rSELECT 2;\f\fSELECT 3")]
    public void Tab_form_feed_carriage_return_and_line_feed_are_whitespace(string sql)
    {
        Assert.Equal(3, Split(sql).Count);
    }

    [Fact]
    public void A_continued_string_is_one_token_with_the_parts_joined()
    {
        var token = Assert.Single(SqlLexer.Tokenize("'2024-01-01'\r\n  -- date, then time\n' 10:00'"));

        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal("2024-01-01 10:00", token.Value);
    }

    [Theory]
    [InlineData("'a' 'b'")]
    [InlineData("'a' /* c */\n'b'")]
    public void Strings_are_not_joined_without_a_line_break_or_across_a_block_comment(string sql)
    {
        Assert.Equal(2, SqlLexer.Tokenize(sql).Count(t => t.Kind == TokenKind.String));
    }

    [Fact]
    public void Lines_are_counted_at_carriage_returns_too()
    {
        var error = Assert.Throws<SqlSyntaxException>(() => SqlScript.Parse("SELECT 1;\rSELECT 2;\r\nSELECT 'x"));

        Assert.Equal((3, 8), (error.Line, error.Column));
    }
}
