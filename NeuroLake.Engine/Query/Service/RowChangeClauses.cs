using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>DELETE FROM t [WHERE p] and UPDATE t SET c = e, ... [WHERE p]: the predicate and assignments as SQL text.</summary>
internal sealed record RowChangeClauses(IReadOnlyDictionary<string, string> Set, string? Predicate)
{
    public static RowChangeClauses OfDelete(StatementAnalysis analysis)
    {
        var tokens = new StatementTokens(analysis.Statement);
        var start = BodyStart(analysis, tokens, "DELETE");
        if (start < tokens.Count && !tokens[start].IsWord("WHERE"))
        {
            throw new QueryRefusedException(
                $"DELETE supports only FROM table [WHERE condition]; '{tokens[start].Text}' ({tokens[start].Span}) is not supported yet (no USING or RETURNING).");
        }

        return new RowChangeClauses(new Dictionary<string, string>(), WhereText(tokens, start, "DELETE"));
    }

    public static RowChangeClauses OfUpdate(StatementAnalysis analysis)
    {
        var tokens = new StatementTokens(analysis.Statement);
        var start = BodyStart(analysis, tokens, "UPDATE");
        if (start >= tokens.Count || !tokens[start].IsWord("SET"))
        {
            throw new QueryRefusedException("UPDATE needs SET after the table: UPDATE s.t SET column = expression [WHERE condition].");
        }

        var where = tokens.FindTopLevel(start + 1, "WHERE", "FROM", "RETURNING");
        if (where >= 0 && !tokens[where].IsWord("WHERE"))
        {
            throw new QueryRefusedException($"UPDATE ... {tokens[where].Text.ToUpperInvariant()} is not supported yet ({tokens[where].Span}): use a subquery in WHERE instead.");
        }

        var setEnd = where < 0 ? tokens.Count : where;
        var set = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (s, e) in tokens.SplitAtCommas(start + 1, setEnd))
        {
            if (e - s < 3 || !tokens[s].IsIdentifier || !tokens[s + 1].IsOperator("="))
            {
                throw new QueryRefusedException(
                    $"UPDATE SET expects column = expression, got '{tokens.Text(s, e)}' ({tokens.SpanAt(s)}). Name the column without a table prefix.");
            }

            if (!set.TryAdd(tokens[s].Value, tokens.Text(s + 2, e)))
            {
                throw new QueryRefusedException($"UPDATE sets the column '{tokens[s].Value}' more than once; set each column once.");
            }
        }

        return new RowChangeClauses(set, where < 0 ? null : WhereText(tokens, where, "UPDATE"));
    }

    /// <summary>The token after the target; an alias is refused, since conditions are passed to the table unqualified.</summary>
    private static int BodyStart(StatementAnalysis analysis, StatementTokens tokens, string statement)
    {
        if (analysis.Classification.TargetAlias is { } alias)
        {
            throw new QueryRefusedException($"{statement} with a table alias ('{alias}') is not supported yet: remove the alias and name columns without a prefix.");
        }

        return tokens.After(analysis.Classification.Target!.Span);
    }

    private static string? WhereText(StatementTokens tokens, int where, string statement)
    {
        if (where >= tokens.Count)
        {
            return null;
        }

        if (where + 1 >= tokens.Count)
        {
            throw new QueryRefusedException($"{statement} ... WHERE needs a condition after WHERE ({tokens.SpanAt(where)}).");
        }

        return tokens.Text(where + 1, tokens.Count);
    }
}
