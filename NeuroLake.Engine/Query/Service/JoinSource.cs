using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// The relation MERGE (USING), DELETE (USING) and UPDATE (FROM) join their target with: a catalog table, at an old
/// version if asked, or a parenthesised query; <see cref="Alias"/> is the name conditions use for its rows, and
/// <see cref="Next"/> the token after it.
/// </summary>
internal sealed record JoinSource(string Sql, string Alias, int Next)
{
    /// <param name="at">The token after the USING or FROM keyword.</param>
    public static JoinSource Read(StatementAnalysis analysis, StatementTokens tokens, ResolvedReads reads, int at, string statement)
    {
        if (at >= tokens.Count)
        {
            throw new QueryRefusedException($"{statement} needs a source after {tokens[at - 1].Text.ToUpperInvariant()}: a table (s.t [VERSION AS OF n] [AS alias]) or a query ((SELECT ...) AS alias).");
        }

        if (tokens[at].Kind == TokenKind.LeftParen)
        {
            var close = TokenCursor.MatchingParen(tokens.Tokens, at);
            if (close <= at + 1)
            {
                throw new QueryRefusedException($"{statement}'s source query at {tokens.SpanAt(at)} is empty: write (SELECT ...) AS alias.");
            }

            var next = close + 1;
            var alias = ReadAlias(tokens, ref next) ?? throw new QueryRefusedException(
                $"{statement}'s source query at {tokens.SpanAt(at)} needs an alias: write (SELECT ...) AS s and refer to its columns as s.column.");
            var (start, end) = tokens.Offsets(at + 1, close);
            return new JoinSource(reads.Rewrite(start, end), alias, next);
        }

        var reference = analysis.Reads.FirstOrDefault(r => r.Span.Offset == tokens[at].Span.Offset) ?? throw new QueryRefusedException(
            $"{statement} joins a catalog table or a parenthesised query, not '{tokens[at].Text}' ({tokens.SpanAt(at)}). Write s.t [AS alias] or (SELECT ...) AS alias.");
        var after = tokens.After(reference.Span);
        if (reference.Alias is not null && !reference.AliasInsideSpan)
        {
            ReadAlias(tokens, ref after);
        }

        return new JoinSource(reads.Relation(reference), reference.ExposedName, after);
    }

    /// <summary>The target's name in conditions: its alias, else its table name (Spark's rule).</summary>
    public static string TargetAlias(StatementAnalysis analysis) => analysis.Classification.TargetAlias ?? analysis.Classification.Target!.Name;

    /// <summary>A CTE before MERGE, DELETE or UPDATE would have to reach into the source and every condition; one inside the source query does not.</summary>
    public static void RefuseLeadingWith(StatementAnalysis analysis, string statement)
    {
        if (analysis.Classification.Reads.WithEnd > analysis.Classification.Reads.WithStart)
        {
            throw new QueryRefusedException($"{statement} after WITH is not supported: move the CTE into the source query, as in USING (WITH c AS (...) SELECT * FROM c) AS s.");
        }
    }

    private static string? ReadAlias(StatementTokens tokens, ref int i)
    {
        if (i + 1 < tokens.Count && tokens[i].IsWord("AS") && tokens[i + 1].IsIdentifier)
        {
            i += 2;
            return tokens[i - 1].Value;
        }

        if (i < tokens.Count && (tokens[i].Kind == TokenKind.QuotedIdentifier || (tokens[i].Kind == TokenKind.Word && !tokens[i].IsWordIn(SqlKeywords.EndsRelation))))
        {
            i++;
            return tokens[i - 1].Value;
        }

        return null;
    }
}
