using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query.Syntax;

/// <summary>
/// Characters DuckDB reads differently from .NET are refused outside strings, quoted names and comments rather than
/// guessed at: DuckDB replaces some Unicode spaces with a space before parsing, takes others as letters of a name,
/// rejects vertical tab, and stops reading at NUL.
/// </summary>
public sealed class RefusedCharacterTests
{
    [Theory]
    [InlineData('\v', "Vertical tab (U+000B)")]
    [InlineData('\u00A0', "Unicode space (U+00A0)")]
    [InlineData('\u2028', "Unicode space (U+2028)")]
    [InlineData('\u3000', "Unicode space (U+3000)")]
    [InlineData('\u2003', "Unicode space (U+2003)")]
    [InlineData('\u200B', "Unicode space (U+200B)")]
    [InlineData('\uFEFF', "Unicode space (U+FEFF)")]
    [InlineData('\u0085', "Unicode space (U+0085)")]
    public void A_space_DuckDB_reads_differently_is_refused_with_its_position(char space, string problem)
    {
        var error = Assert.Throws<SqlSyntaxException>(() => SqlScript.Parse($"SELECT 1;\nSELECT{space}2"));

        Assert.Contains(problem, error.Message);
        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.Contains("replace it with a space", error.Message);
    }

    [Theory]
    [InlineData("SELECT a\u00A0E'\\'; SELECT 2; --'")]
    [InlineData("SELECT x\u00A0")]
    [InlineData("SELECT $a\u00A0$ x $a\u00A0$")]
    public void A_unicode_space_inside_a_name_or_before_a_string_is_refused(string sql)
    {
        Assert.Throws<SqlSyntaxException>(() => SqlScript.Parse(sql));
    }

    [Theory]
    [InlineData("SELECT 'a\u00A0b\u2028c\vd'")]
    [InlineData("SELECT E'a\u3000\\'b'")]
    [InlineData("SELECT $$\u00A0\v$$")]
    [InlineData("SELECT \"a\u00A0b\"")]
    [InlineData("SELECT 1 -- \u00A0\u2028\v")]
    [InlineData("SELECT 1 /* \u00A0\uFEFF\v */")]
    public void Such_spaces_are_fine_inside_strings_quoted_names_and_comments(string sql)
    {
        Assert.Single(SqlScript.Parse(sql).Statements);
    }

    [Fact]
    public void Non_ascii_letters_are_name_characters_as_in_DuckDB()
    {
        var tokens = SqlLexer.Tokenize("SELECT café, naïve\u00AD FROM t");

        Assert.Equal(["SELECT", "café", ",", "naïve\u00AD", "FROM", "t"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void A_nul_anywhere_is_refused_because_DuckDB_stops_reading_there()
    {
        var error = Assert.Throws<SqlSyntaxException>(() => SqlScript.Parse("SELECT 'a\0'; COPY t TO 'x'"));

        Assert.Contains("NUL character", error.Message);
        Assert.Equal(10, error.Column);
    }

    [Theory]
    [InlineData("SELECT * FROM `a;b`", "';'")]
    [InlineData("SELECT * FROM `a'b`", "'''")]
    [InlineData("SELECT * FROM `a--b`", "'-'")]
    [InlineData("SELECT * FROM `a$$b`", "'$'")]
    [InlineData("SELECT * FROM `a\u00A0b`", "'\u00A0'")]
    public void Backtick_names_may_not_hold_what_DuckDB_would_read_as_sql(string sql, string character)
    {
        var error = Assert.Throws<SqlSyntaxException>(() => SqlScript.Parse(sql));

        Assert.Contains(character + " in the backtick-quoted name", error.Message);
        Assert.Contains("double quotes", error.Message);
    }

    [Fact]
    public void Backtick_names_of_letters_digits_underscores_and_spaces_still_work()
    {
        var tokens = SqlLexer.Tokenize("`s`.`my table_2`");

        Assert.Equal(["s", ".", "my table_2"], tokens.Select(t => t.Value));
    }
}
