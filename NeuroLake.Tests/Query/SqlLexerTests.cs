using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query;

public sealed class SqlLexerTests
{
    private static IReadOnlyList<SqlToken> Lex(string sql) => SqlLexer.Tokenize(sql);

    [Fact]
    public void Semicolons_inside_strings_comments_dollar_quotes_and_quoted_names_are_not_tokens()
    {
        var tokens = Lex("""
            SELECT 'a;b', E'c\';d', $$e;f$$, $tag$g;$$;h$tag$, "i;j" -- m;n
            /* o; /* p; */ q; */ FROM t;
            """);

        Assert.Single(tokens, t => t.Kind == TokenKind.Semicolon);
        Assert.Equal(TokenKind.Semicolon, tokens[^1].Kind);
        Assert.Equal(["a;b", "c';d", "e;f", "g;$$;h"], tokens.Where(t => t.Kind == TokenKind.String).Select(t => t.Value));
        Assert.Equal(["i;j"], tokens.Where(t => t.Kind == TokenKind.QuotedIdentifier).Select(t => t.Value));
    }

    [Fact]
    public void Doubled_quotes_stand_for_one_quote_in_strings_and_names()
    {
        var tokens = Lex("'it''s' \"say \"\"hi\"\"\" `back``tick`");

        Assert.Equal(["it's", "say \"hi\"", "back`tick"], tokens.Select(t => t.Value));
        Assert.Equal("'it''s'", tokens[0].Text);
    }

    [Fact]
    public void Escape_strings_decode_backslash_escapes()
    {
        var token = Assert.Single(Lex(@"e'tab\there\nquote\'s \\ done'"));

        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal("tab\there\nquote's \\ done", token.Value);
    }

    [Fact]
    public void Nested_block_comments_close_only_at_the_matching_end()
    {
        var tokens = Lex("SELECT /* outer /* inner */ still comment */ 1");

        Assert.Equal(["SELECT", "1"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Tokens_carry_offset_length_line_and_column()
    {
        const string sql = "SELECT 1\n  FROM \"My Table\"";
        var name = Lex(sql)[^1];

        Assert.Equal(new SourceSpan(16, 10, 2, 8), name.Span);
        Assert.Equal("\"My Table\"", name.Span.TextIn(sql));
    }

    [Fact]
    public void Parameters_numbers_and_multi_character_operators_are_single_tokens()
    {
        var tokens = Lex("x::INT >= $1 AND y <> ? AND z = $name AND w -> 'k' AND 1.5e3 + .5 + 1_000 + 0x1F");

        Assert.Contains(tokens, t => t.IsOperator("::"));
        Assert.Contains(tokens, t => t.IsOperator(">="));
        Assert.Contains(tokens, t => t.IsOperator("<>"));
        Assert.Contains(tokens, t => t.IsOperator("->"));
        // As in DuckDB, $name is the $ sigil and then the name, lexed afresh.
        Assert.Equal(["$1", "?", "$"], tokens.Where(t => t.Kind == TokenKind.Parameter).Select(t => t.Text));
        Assert.Contains(tokens, t => t.IsWord("name"));
        Assert.Equal(["1.5e3", ".5", "1_000", "0x1F"], tokens.Where(t => t.Kind == TokenKind.Number).Select(t => t.Text));
    }

    [Theory]
    [InlineData("SELECT 1,\n  'abc", 2, 3, "string literal")]
    [InlineData("SELECT E'abc\\'", 1, 8, "escape string literal")]
    [InlineData("SELECT\n\n $$abc", 3, 2, "dollar-quoted string")]
    [InlineData("SELECT $x$ abc $y$", 1, 8, "dollar-quoted string")]
    [InlineData("SELECT \"abc", 1, 8, "quoted identifier")]
    [InlineData("SELECT `abc", 1, 8, "quoted identifier")]
    [InlineData("SELECT 1 /* a /* b */", 1, 10, "block comment")]
    public void Unterminated_text_is_reported_with_where_it_started(string sql, int line, int column, string what)
    {
        var error = Assert.Throws<SqlSyntaxException>(() => Lex(sql));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains($"Unterminated {what}", error.Message);
        Assert.Contains($"line {line}, column {column}", error.Message);
    }

    [Fact]
    public void An_unterminated_nested_comment_says_how_many_are_still_open()
    {
        var error = Assert.Throws<SqlSyntaxException>(() => Lex("/* a /* b /* c */"));

        Assert.Contains("2 are still open", error.Message);
    }

    [Fact]
    public void A_line_comment_at_the_end_needs_no_newline()
    {
        Assert.Equal(["SELECT", "1"], Lex("SELECT 1 -- done").Select(t => t.Text));
    }

    [Fact]
    public void A_stray_character_is_reported_with_its_position()
    {
        var error = Assert.Throws<SqlSyntaxException>(() => Lex("SELECT 1\nWHERE a \\ b"));

        Assert.Equal((2, 9), (error.Line, error.Column));
    }
}
