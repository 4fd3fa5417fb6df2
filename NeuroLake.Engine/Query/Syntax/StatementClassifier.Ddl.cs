namespace NeuroLake.Engine.Query.Syntax;

/// <summary>CREATE, DROP, ALTER, RESTORE, DESCRIBE and SHOW.</summary>
internal static partial class StatementClassifier
{
    private static StatementClassification Create(TokenCursor c)
    {
        var start = c.Position;
        c.Position++;
        c.AcceptAll("OR", "REPLACE");
        while (c.Current is { } modifier && modifier.Text.ToUpperInvariant() is "TEMP" or "TEMPORARY" or "EXTERNAL" or "PERSISTENT" or "TRANSIENT")
        {
            c.Position++;
        }

        if (c.Accept("SCHEMA") || c.Accept("DATABASE"))
        {
            SkipIfExists(c);
            return new StatementClassification(StatementKind.CreateSchema) { Target = c.ReadName() };
        }

        if (!c.Accept("TABLE"))
        {
            return Unknown(start);
        }

        SkipIfExists(c);
        var target = c.ReadName();
        string? location = null;
        for (var i = c.Position; i < c.Tokens.Count; i++)
        {
            var token = c.Tokens[i];
            if (token.Kind == TokenKind.LeftParen)
            {
                i = TokenCursor.MatchingParen(c.Tokens, i);
            }
            else if (token.IsWord("AS"))
            {
                return new StatementClassification(StatementKind.CreateTableAsSelect)
                {
                    Target = target,
                    Location = location,
                    Reads = ReadRegion.From(i + 1),
                };
            }
            else if (token.IsWord("LOCATION") && i + 1 < c.Tokens.Count && c.Tokens[i + 1].Kind == TokenKind.String)
            {
                location = c.Tokens[i + 1].Value;
            }
        }

        if (location is not null)
        {
            return new StatementClassification(StatementKind.CreateExternalTable) { Target = target, Location = location };
        }

        return new StatementClassification(StatementKind.CreateTable) { Target = target };
    }

    private static StatementClassification Drop(TokenCursor c)
    {
        var start = c.Position;
        c.Position++;
        var kind = c.Accept("TABLE") ? StatementKind.DropTable
            : c.Accept("SCHEMA") || c.Accept("DATABASE") ? StatementKind.DropSchema
            : StatementKind.Unknown;
        if (kind == StatementKind.Unknown)
        {
            return Unknown(start);
        }

        SkipIfExists(c);
        return new StatementClassification(kind) { Target = c.ReadName() };
    }

    private static StatementClassification Alter(TokenCursor c)
    {
        if (!c.IsWord("TABLE", 1))
        {
            return Unknown(c.Position);
        }

        c.Position += 2;
        SkipIfExists(c);
        return new StatementClassification(StatementKind.AlterTable) { Target = c.ReadName() };
    }

    /// <summary>RESTORE [TABLE] t [TO] VERSION AS OF n | TIMESTAMP AS OF '...'.</summary>
    private static StatementClassification Restore(TokenCursor c)
    {
        var keyword = c.Current!.Value;
        c.Position++;
        c.Accept("TABLE");
        var target = c.ReadName();
        c.Accept("TO");
        if (target is null || c.AtEnd || !TimeTravelParser.StartsHere(c, c.At(-1)!.Value))
        {
            throw new SqlSyntaxException("RESTORE needs a table and the version to restore",
                c.Current?.Span ?? target?.Span ?? keyword.Span,
                "Write RESTORE TABLE sales.orders TO VERSION AS OF 3 or RESTORE TABLE sales.orders TO TIMESTAMP AS OF '2024-01-01 00:00:00'.");
        }

        return new StatementClassification(StatementKind.RestoreTable) { Target = target, RestoreTo = TimeTravelParser.Parse(c) };
    }

    /// <summary>DESCRIBE [TABLE] [EXTENDED] t, DESCRIBE DETAIL t, DESCRIBE HISTORY t, DESCRIBE SELECT ...</summary>
    private static StatementClassification Describe(TokenCursor c)
    {
        c.Position++;
        var kind = StatementKind.Describe;
        if ((c.IsWord("DETAIL") || c.IsWord("HISTORY")) && c.At(1) is { IsIdentifier: true })
        {
            kind = c.IsWord("DETAIL") ? StatementKind.DescribeDetail : StatementKind.DescribeHistory;
            c.Position++;
        }

        c.Accept("TABLE");
        c.Accept("EXTENDED");
        if (kind == StatementKind.Describe && (c.Is(TokenKind.LeftParen) || c.Current is { } q && q.IsWordIn(SqlKeywords.StartsQuery) && !q.IsWord("TABLE")))
        {
            return new StatementClassification(StatementKind.Describe) { Reads = ReadRegion.From(c.Position) };
        }

        return new StatementClassification(kind) { Target = c.ReadName() };
    }

    /// <summary>SHOW SCHEMAS | DATABASES, SHOW [ALL] TABLES [IN | FROM schema].</summary>
    private static StatementClassification Show(TokenCursor c)
    {
        var start = c.Position;
        c.Position++;
        if (c.Accept("SCHEMAS") || c.Accept("DATABASES"))
        {
            return new StatementClassification(StatementKind.ShowSchemas);
        }

        c.Accept("ALL");
        if (!c.Accept("TABLES"))
        {
            return Unknown(start);
        }

        var schema = c.Accept("IN") || c.Accept("FROM") ? c.ReadName() : null;
        return new StatementClassification(StatementKind.ShowTables) { Target = schema };
    }
}
