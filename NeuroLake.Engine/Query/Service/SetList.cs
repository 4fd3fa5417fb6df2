namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// <c>column = expression, ...</c> of MERGE's UPDATE SET and UPDATE ... FROM: column names may carry the target's
/// alias (<c>t.amount = s.amount</c>); expressions come back with the tables they read resolved.
/// </summary>
internal static class SetList
{
    public static Dictionary<string, string> Parse(StatementTokens tokens, ResolvedReads reads, int start, int end, string targetAlias, string clause)
    {
        if (start >= end)
        {
            throw new QueryRefusedException($"{clause} needs column = expression after SET ({tokens.SpanAt(start)}).");
        }

        var set = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (s, e) in tokens.SplitAtCommas(start, end))
        {
            var column = s;
            if (e - s > 4 && tokens[s].IsIdentifier && tokens[s + 1].Kind == Syntax.TokenKind.Dot
                && string.Equals(tokens[s].Value, targetAlias, StringComparison.OrdinalIgnoreCase))
            {
                column = s + 2;
            }

            if (e - column < 3 || !tokens[column].IsIdentifier || !tokens[column + 1].IsOperator("="))
            {
                throw new QueryRefusedException(
                    $"{clause} expects column = expression, got '{tokens.Text(s, e)}' ({tokens.SpanAt(s)}). Name a column of the target, optionally as {targetAlias}.column.");
            }

            var (from, to) = tokens.Offsets(column + 2, e);
            if (!set.TryAdd(tokens[column].Value, reads.Rewrite(from, to)))
            {
                throw new QueryRefusedException($"{clause} sets the column '{tokens[column].Value}' more than once; set each column once.");
            }
        }

        return set;
    }
}
