namespace NeuroLake.Engine.Query.Syntax;

/// <summary>One FROM item: name [alias] [time travel] [alias].</summary>
internal sealed partial class TableReferenceFinder
{
    /// <summary>Reads the FROM item at <paramref name="i"/> and returns where scanning continues.</summary>
    private int ReadRelation(int i, IReadOnlySet<string> scope)
    {
        var c = new TokenCursor(_tokens, i);
        c.Accept("LATERAL");
        var tableKeyword = i > 0 && _tokens[i - 1].IsWord("TABLE") ? _tokens[i - 1] : (SqlToken?)null;
        if (c.Is(TokenKind.LeftParen))
        {
            var close = TokenCursor.MatchingParen(_tokens, c.Position);
            ScanLevel(c.Position + 1, close, scope, LevelMode.Relation);
            return close + 1;
        }

        if (c.Current is { Kind: TokenKind.String } path)
        {
            _external.Add(new ExternalRelation(ExternalRelationKind.FilePath, path.Value, path.Span));
            return c.Position + 1;
        }

        if (c.Current is not { IsIdentifier: true } first || first.IsWordIn(SqlKeywords.EndsRelation))
        {
            return c.Position;
        }

        var name = c.ReadName()!;
        if (c.Is(TokenKind.LeftParen))
        {
            // A table function; its arguments are scanned like any parentheses.
            var close = c.Tokens[TokenCursor.MatchingParen(c.Tokens, c.Position)];
            _external.Add(new ExternalRelation(ExternalRelationKind.TableFunction, name.ToString(), LineMap.Cover(name.Span, close.Span)));
            return c.Position;
        }

        string? alias = null;
        var aliasInside = false;
        var end = name.Span;
        if (!TimeTravelParser.StartsHere(c, c.At(-1)!.Value))
        {
            alias = ReadAlias(c);
        }

        TimeTravel? travel = null;
        if (!c.AtEnd && TimeTravelParser.StartsHere(c, c.At(-1)!.Value))
        {
            travel = TimeTravelParser.Parse(c);
            end = travel.Span;
            aliasInside = alias is not null;
        }
        else if (alias is not null && c.IsWord("AS") && c.IsWord("OF", 1))
        {
            var kind = c.At(-1)!.Value;
            throw new SqlSyntaxException($"Unknown time travel kind '{kind.Text}' before AS OF", kind.Span,
                "Use VERSION AS OF <n> or TIMESTAMP AS OF '<timestamp>'.");
        }

        alias ??= ReadAlias(c);
        if (name.Parts.Count == 1 && scope.Contains(name.Name))
        {
            if (travel is not null)
            {
                throw new SqlSyntaxException($"'{name.Name}' is a CTE, so it has no versions to travel to", travel.Span,
                    "Put the time travel clause on the table inside the CTE's body.");
            }

            return c.Position;
        }

        _found.Add(new TableReference(name, travel, alias, LineMap.Cover(name.Span, end), aliasInside)
        {
            TableKeyword = tableKeyword?.Span,
        });
        return c.Position;
    }

    /// <summary>[AS] alias, where alias is a quoted name or a word that cannot continue the query.</summary>
    private static string? ReadAlias(TokenCursor c)
    {
        if (c.IsWord("AS") && c.At(1) is { IsIdentifier: true } named && !c.IsWord("OF", 1))
        {
            c.Position += 2;
            return named.Value;
        }

        if (c.Current is { } bare && (bare.Kind == TokenKind.QuotedIdentifier
                                      || (bare.Kind == TokenKind.Word && !bare.IsWordIn(SqlKeywords.EndsRelation))))
        {
            c.Position++;
            return bare.Value;
        }

        return null;
    }
}
