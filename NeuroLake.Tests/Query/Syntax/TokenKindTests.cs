using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query.Syntax;

/// <summary>Token kinds at the places where DuckDB's scanner and a naive lexer part ways.</summary>
public sealed class TokenKindTests
{
    private static IReadOnlyList<(TokenKind Kind, string Value)> Lex(string sql) =>
        SqlLexer.Tokenize(sql).Select(t => (t.Kind, t.Value)).ToList();

    [Fact]
    public void A_dollar_before_a_name_is_a_token_of_its_own_so_an_escape_string_after_it_stays_one()
    {
        Assert.Equal([(TokenKind.Parameter, "$"), (TokenKind.String, "';x")], Lex("$E'\\';x'"));
        Assert.Equal([(TokenKind.Parameter, "$"), (TokenKind.Word, "name")], Lex("$name"));
        Assert.Equal([(TokenKind.Parameter, "$2")], Lex("$2"));
    }

    [Fact]
    public void Slash_slash_star_is_a_slash_and_a_comment()
    {
        Assert.Equal([(TokenKind.Number, "1"), (TokenKind.Operator, "/"), (TokenKind.Number, "2")], Lex("1 //* c */ 2"));
        Assert.Equal([(TokenKind.Number, "1"), (TokenKind.Operator, "//"), (TokenKind.Number, "2")], Lex("1 // 2"));
    }

    [Theory]
    [InlineData("'a''b'", "String", "a'b")]
    [InlineData("'a\\b'", "String", "a\\b")]
    [InlineData("E'a\\'b'", "String", "a'b")]
    [InlineData("e'a''b'", "String", "a'b")]
    [InlineData("E'a'\r\n'\\n'", "String", "a\n")]
    [InlineData("$$a'b$$", "String", "a'b")]
    [InlineData("$tag$a$$b$tag$", "String", "a$$b")]
    [InlineData("$é1$x$é1$", "String", "x")]
    [InlineData("\"a\"\"b\"", "QuotedIdentifier", "a\"b")]
    public void Each_quoting_rule_gives_one_token_with_its_value(string sql, string kind, string value)
    {
        Assert.Equal([(Enum.Parse<TokenKind>(kind), value)], Lex(sql));
    }

    [Fact]
    public void Words_may_hold_dollar_signs_so_a_dollar_tag_inside_a_name_starts_no_string()
    {
        Assert.Equal([(TokenKind.Word, "a$b$"), (TokenKind.Semicolon, ";")], Lex("a$b$;"));
    }

    [Fact]
    public void Comments_in_every_position_leave_the_statement_and_its_time_travel_intact()
    {
        const string sql = "/*a*/SELECT/*b*/*/*c*/FROM--d\r s.t/*e*/VERSION/*f*/AS--g\rOF/*h /* nested */*/3/*i*/x--j\n;--k\r\n/*l*/";

        var statement = Assert.Single(SqlScript.Parse(sql).Statements);
        var reference = Assert.Single(TableReferenceFinder.FindReads(statement));

        Assert.Equal(3, reference.TimeTravel?.Version);
        Assert.Equal("x", reference.Alias);
    }
}
