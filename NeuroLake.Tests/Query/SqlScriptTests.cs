using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query;

public sealed class SqlScriptTests
{
    [Fact]
    public void Splits_on_top_level_semicolons_only()
    {
        var script = SqlScript.Parse("""
            SELECT 'a;b' AS "c;d";
            CREATE MACRO m() AS $$x;y$$ /* ; */;
            SELECT 3
            """);

        Assert.Equal(
            ["SELECT 'a;b' AS \"c;d\"", "CREATE MACRO m() AS $$x;y$$", "SELECT 3"],
            script.Statements.Select(s => s.Text));
    }

    [Fact]
    public void Statements_know_where_they_start_in_the_script()
    {
        var script = SqlScript.Parse("SELECT 1;\n\n  SELECT\n 2;");

        var second = script.Statements[1];
        Assert.Equal(1, second.Index);
        Assert.Equal(new SourceSpan(13, 9, 3, 3), second.Span);
        Assert.Equal("SELECT\n 2", second.Text);
    }

    [Fact]
    public void Empty_statements_and_lone_comments_are_dropped()
    {
        var script = SqlScript.Parse(";; SELECT 1;;\n-- only a comment\n; /* and another */ ;SELECT 2;");

        Assert.Equal(["SELECT 1", "SELECT 2"], script.Statements.Select(s => s.Text));
        Assert.Equal([0, 1], script.Statements.Select(s => s.Index));
    }

    [Fact]
    public void Each_statement_owns_the_text_up_to_its_semicolon_and_any_empty_statements_after_it()
    {
        const string sql = "SELECT 1;; -- c\nSELECT 2";
        var script = SqlScript.Parse(sql);

        Assert.Equal("SELECT 1;;", script.Statements[0].Region.TextIn(sql));
        Assert.Equal(" -- c\nSELECT 2", script.Statements[1].Region.TextIn(sql));
    }

    [Fact]
    public void A_script_of_only_whitespace_has_no_statements_and_no_statement_at_the_cursor()
    {
        var script = SqlScript.Parse("  \n -- nothing\n");

        Assert.Empty(script.Statements);
        Assert.Null(script.StatementAt(3));
    }

    [Theory]
    [InlineData(0, "SELECT 1")]         // start of the first statement
    [InlineData(8, "SELECT 1")]         // just before its semicolon
    [InlineData(9, "SELECT 1")]         // just after its semicolon, same line
    [InlineData(11, "SELECT 1")]        // trailing spaces on the same line
    [InlineData(12, "SELECT 2")]        // blank line below: the next statement
    [InlineData(14, "SELECT 2")]
    [InlineData(22, "SELECT 2")]        // end of the script
    public void The_statement_under_the_cursor_is_the_one_it_touches_or_the_nearest(int offset, string expected)
    {
        // offsets:  0         1         2
        //           0123456789012345678901 2
        var script = SqlScript.Parse("SELECT 1;  \n\nSELECT 2;");

        Assert.Equal(expected, script.StatementAt(offset)?.Text);
    }

    [Fact]
    public void The_cursor_inside_a_statement_spanning_lines_picks_that_statement()
    {
        const string sql = "SELECT 1;\nSELECT a,\n       b\n  FROM t;\nSELECT 3";
        var script = SqlScript.Parse(sql);

        Assert.Equal("SELECT a,\n       b\n  FROM t", script.StatementAt(sql.IndexOf('b'))!.Text);
    }

    [Fact]
    public void Unterminated_text_in_a_later_statement_reports_its_line()
    {
        var error = Assert.Throws<SqlSyntaxException>(() => SqlScript.Parse("SELECT 1;\nSELECT 2;\nSELECT 'oops"));

        Assert.Equal(3, error.Line);
        Assert.Equal(8, error.Column);
    }
}
