using System.Globalization;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Query.Service;

/// <summary>OPTIMIZE t [WHERE p] [ZORDER BY (c, ...)] and VACUUM t [RETAIN n HOURS] [DRY RUN] as table operation options.</summary>
internal static class MaintenanceClauses
{
    public static OptimizeOptions Optimize(StatementAnalysis analysis)
    {
        var tokens = new StatementTokens(analysis.Statement);
        var start = tokens.After(analysis.Classification.Target!.Span);
        var zorder = tokens.FindTopLevel(start, "ZORDER");
        var whereEnd = zorder < 0 ? tokens.Count : zorder;
        string? where = null;
        if (start < whereEnd)
        {
            if (!tokens[start].IsWord("WHERE") || start + 1 >= whereEnd)
            {
                throw Unexpected(tokens, start, "OPTIMIZE s.t [WHERE partition condition] [ZORDER BY (column, ...)]");
            }

            // The sandbox scans only statements that read tables; OPTIMIZE's condition is on partition values alone.
            if (FirstWord(tokens, start + 1, whereEnd, "SELECT", "FROM") is { } query)
            {
                throw new QueryRefusedException($"OPTIMIZE ... WHERE takes a condition on partition columns; subqueries are not allowed ({query.Span}).");
            }

            where = tokens.Text(start + 1, whereEnd);
        }

        List<string> zorderBy = [];
        if (zorder >= 0)
        {
            var i = zorder + 1;
            if (i >= tokens.Count || !tokens[i].IsWord("BY"))
            {
                throw Unexpected(tokens, i, "OPTIMIZE s.t ZORDER BY (column, ...)");
            }

            var (from, to) = i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.LeftParen && tokens[^1].Kind == TokenKind.RightParen
                ? (i + 2, tokens.Count - 1)
                : (i + 1, tokens.Count);
            foreach (var (s, e) in tokens.SplitAtCommas(from, to))
            {
                if (e - s != 1 || !tokens[s].IsIdentifier)
                {
                    throw Unexpected(tokens, s, "ZORDER BY (column, ...) with plain column names");
                }

                zorderBy.Add(tokens[s].Value);
            }
        }

        return new OptimizeOptions { Where = where, ZOrderBy = zorderBy };
    }

    public static VacuumOptions Vacuum(StatementAnalysis analysis)
    {
        var tokens = new StatementTokens(analysis.Statement);
        var i = tokens.After(analysis.Classification.Target!.Span);
        const string Form = "VACUUM s.t [RETAIN n HOURS] [DRY RUN]";
        double? hours = null;
        if (i < tokens.Count && tokens[i].IsWord("RETAIN"))
        {
            i++;
            var negative = i < tokens.Count && tokens[i].IsOperator("-");
            i += negative ? 1 : 0;
            if (i + 1 >= tokens.Count || tokens[i].Kind != TokenKind.Number || !tokens[i + 1].IsWord("HOURS")
                || !double.TryParse(tokens[i].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                throw Unexpected(tokens, i, Form);
            }

            hours = negative ? -n : n;
            i += 2;
        }

        var dryRun = i + 1 < tokens.Count && tokens[i].IsWord("DRY") && tokens[i + 1].IsWord("RUN");
        i += dryRun ? 2 : 0;
        if (i < tokens.Count)
        {
            throw Unexpected(tokens, i, Form);
        }

        return new VacuumOptions { RetainHours = hours, DryRun = dryRun };
    }

    private static SqlToken? FirstWord(StatementTokens tokens, int start, int end, params string[] words)
    {
        for (var i = start; i < end; i++)
        {
            if (words.Any(tokens[i].IsWord))
            {
                return tokens[i];
            }
        }

        return null;
    }

    private static QueryRefusedException Unexpected(StatementTokens tokens, int at, string form) =>
        new($"Unexpected {(at < tokens.Count ? $"'{tokens[at].Text}'" : "end of statement")} ({tokens.SpanAt(at)}). Write {form}.");
}
