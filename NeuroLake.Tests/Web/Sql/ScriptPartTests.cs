using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Web.Components.Pages.Sql;

namespace NeuroLake.Tests.Web.Sql;

public sealed class ScriptPartTests
{
    private const string Script = "SELECT 1;\n\nSELECT 2\nFROM t;\nSELECT 3";

    [Fact]
    public void Run_all_takes_the_whole_text_from_line_one()
    {
        var part = ScriptPart.Choose(Script, RunScope.All, 3, 3, 3);

        Assert.Equal(new ScriptPart(Script, 1), part);
    }

    [Theory]
    [InlineData(3, "SELECT 1", 1)]
    [InlineData(9, "SELECT 1", 1)]
    [InlineData(14, "SELECT 2\nFROM t", 3)]
    [InlineData(22, "SELECT 2\nFROM t", 3)]
    [InlineData(34, "SELECT 3", 5)]
    public void Without_a_selection_the_statement_under_the_cursor_runs(int cursor, string sql, int firstLine)
    {
        var part = ScriptPart.Choose(Script, RunScope.SelectionOrStatement, cursor, cursor, cursor);

        Assert.Equal(new ScriptPart(sql, firstLine), part);
    }

    [Fact]
    public void A_selection_runs_as_it_is_and_reports_lines_from_where_it_starts()
    {
        var from = Script.IndexOf("FROM t", StringComparison.Ordinal);

        var part = ScriptPart.Choose(Script, RunScope.SelectionOrStatement, from + 6, Script.Length - 2, from);

        Assert.Equal(";\nSELECT", part!.Sql);
        Assert.Equal(4, part.FirstLine);
        Assert.Equal(5, part.EditorLine(2));
    }

    [Theory]
    [InlineData("", RunScope.All)]
    [InlineData("  \n ", RunScope.All)]
    [InlineData("-- only a comment", RunScope.SelectionOrStatement)]
    public void Nothing_to_run_gives_null(string text, RunScope scope)
    {
        Assert.Null(ScriptPart.Choose(text, scope, 0, 0, 0));
    }

    [Fact]
    public void A_blank_selection_falls_back_to_the_statement_under_the_cursor()
    {
        var part = ScriptPart.Choose(Script, RunScope.SelectionOrStatement, 9, 11, 11);

        Assert.Equal("SELECT 2\nFROM t", part!.Sql);
    }

    [Fact]
    public void An_unterminated_string_is_reported_with_its_line()
    {
        var error = Assert.Throws<SqlSyntaxException>(() => ScriptPart.Choose("SELECT 1;\nSELECT 'oops", RunScope.SelectionOrStatement, 0, 0, 0));

        Assert.Equal(2, error.Line);
    }
}
