namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// Decides a statement's <see cref="StatementKind"/> and target from its leading keywords, looking past
/// comments, opening parentheses and a WITH clause before INSERT, DELETE, UPDATE or MERGE.
/// </summary>
internal static partial class StatementClassifier
{
    /// <exception cref="SqlSyntaxException">RESTORE without a version, or time travel on a table being written.</exception>
    public static StatementClassification Classify(SqlStatement statement) =>
        Classify(new TokenCursor(statement.Tokens));

    private static StatementClassification Classify(TokenCursor c)
    {
        var start = c.Position;
        while (c.Is(TokenKind.LeftParen))
        {
            c.Position++;
        }

        if (c.Current is not { Kind: TokenKind.Word } keyword)
        {
            return new StatementClassification(StatementKind.Unknown) { Reads = ReadRegion.From(start) };
        }

        if (c.Position > start || (keyword.IsWordIn(SqlKeywords.StartsQuery) && !keyword.IsWord("WITH")))
        {
            return new StatementClassification(keyword.IsWordIn(SqlKeywords.StartsQuery) ? StatementKind.Query : StatementKind.Unknown)
            {
                Reads = ReadRegion.From(start),
            };
        }

        if (keyword.IsWord("WITH"))
        {
            return ClassifyWith(c);
        }

        return Forbidden(c) ?? keyword.Text.ToUpperInvariant() switch
        {
            "EXPLAIN" => Explain(c),
            "CREATE" => Create(c),
            "DROP" => Drop(c),
            "INSERT" => Insert(c),
            "DELETE" => Delete(c),
            "UPDATE" => Update(c),
            "MERGE" => Merge(c),
            "ALTER" => Alter(c),
            "OPTIMIZE" => TargetOnly(c, StatementKind.Optimize, 1),
            "VACUUM" => c.At(1) is { IsIdentifier: true } ? TargetOnly(c, StatementKind.Vacuum, 1) : Unknown(start),
            "RESTORE" => Restore(c),
            "DESCRIBE" or "DESC" => Describe(c),
            "SHOW" => Show(c),
            _ => Unknown(start),
        };
    }

    private static StatementClassification Unknown(int start) =>
        new(StatementKind.Unknown) { Reads = ReadRegion.From(start) };

    /// <summary>WITH ... followed by SELECT is a query; followed by INSERT, DELETE, UPDATE or MERGE it is that statement.</summary>
    private static StatementClassification ClassifyWith(TokenCursor c)
    {
        var withStart = c.Position;
        SkipWithClause(c);
        var withEnd = c.Position;
        if (c.Current is not { Kind: TokenKind.Word } main
            || !(main.IsWord("INSERT") || main.IsWord("DELETE") || main.IsWord("UPDATE") || main.IsWord("MERGE")))
        {
            return new StatementClassification(StatementKind.Query) { Reads = ReadRegion.From(withStart) };
        }

        var inner = Classify(c);
        return inner with { Reads = inner.Reads with { WithStart = withStart, WithEnd = withEnd } };
    }

    /// <summary>Moves past WITH [RECURSIVE] name [(columns)] AS [NOT] [MATERIALIZED] (body) [, ...].</summary>
    public static void SkipWithClause(TokenCursor c)
    {
        c.Accept("WITH");
        c.Accept("RECURSIVE");
        do
        {
            c.ReadName();
            if (c.Is(TokenKind.LeftParen))
            {
                c.SkipGroup();
            }

            c.Accept("AS");
            c.Accept("NOT");
            c.Accept("MATERIALIZED");
            if (c.Is(TokenKind.LeftParen))
            {
                c.SkipGroup();
            }
        }
        while (c.Accept(TokenKind.Comma));
    }

    private static StatementClassification Explain(TokenCursor c)
    {
        c.Position++;
        var analyze = false;
        while (c.Current is { Kind: TokenKind.Word } option && !option.IsWordIn(SqlKeywords.StartsQuery)
               && option.Text.ToUpperInvariant() is "ANALYZE" or "ANALYSE" or "VERBOSE" or "EXTENDED" or "FORMATTED" or "CODEGEN" or "COST" or "LOGICAL")
        {
            analyze |= option.IsWord("ANALYZE") || option.IsWord("ANALYSE");
            c.Position++;
        }

        if (c.Is(TokenKind.LeftParen) && c.At(1) is { Kind: TokenKind.Word } first && !first.IsWordIn(SqlKeywords.StartsQuery))
        {
            // EXPLAIN (FORMAT json, ANALYZE) SELECT ...
            var close = TokenCursor.MatchingParen(c.Tokens, c.Position);
            analyze |= c.Tokens.Skip(c.Position).Take(close - c.Position).Any(t => t.IsWord("ANALYZE") || t.IsWord("ANALYSE"));
            c.Position = close + 1;
        }

        if (c.Current is { } nested && nested.IsWord("EXPLAIN"))
        {
            // Classify recurses once per EXPLAIN; refusing the nesting keeps input from driving it deeper.
            throw new SqlSyntaxException("EXPLAIN of an EXPLAIN", nested.Span, "Explain the query itself: write EXPLAIN once.");
        }

        var explained = Classify(c);
        if (explained.Kind == StatementKind.Forbidden)
        {
            return explained; // EXPLAIN ANALYZE runs what it explains
        }

        return explained with { Kind = analyze ? StatementKind.ExplainAnalyze : StatementKind.Explain, Explained = explained };
    }

    private static StatementClassification TargetOnly(TokenCursor c, StatementKind kind, int skip)
    {
        c.Position += skip;
        return new StatementClassification(kind) { Target = c.ReadName() };
    }

    private static void SkipIfExists(TokenCursor c)
    {
        if (!c.AcceptAll("IF", "NOT", "EXISTS"))
        {
            c.AcceptAll("IF", "EXISTS");
        }
    }
}
