using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Operations.Merge;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// MERGE INTO t [[AS] a] USING source [[AS] s] ON condition, then WHEN MATCHED [AND c] THEN UPDATE SET ... | UPDATE
/// SET * | DELETE, WHEN NOT MATCHED [BY TARGET] [AND c] THEN INSERT (columns) VALUES (...) | INSERT *, and WHEN NOT
/// MATCHED BY SOURCE [AND c] THEN UPDATE SET ... | DELETE (Delta's syntax), read into the table layer's MergeSpec.
/// </summary>
internal static class MergeClauses
{
    private enum Match { Matched, NotMatched, NotMatchedBySource }

    private const string Usage = "MERGE INTO s.t USING s.source ON t.id = source.id WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *";

    public static MergeSpec Parse(StatementAnalysis analysis, ResolvedReads reads)
    {
        JoinSource.RefuseLeadingWith(analysis, "MERGE");
        var tokens = new StatementTokens(analysis.Statement);
        var usingAt = tokens.FindTopLevel(tokens.After(analysis.Classification.Target!.Span), "USING");
        if (usingAt < 0)
        {
            throw new QueryRefusedException($"MERGE needs USING and a source after the target, as in: {Usage}.");
        }

        var source = JoinSource.Read(analysis, tokens, reads, usingAt + 1, "MERGE");
        if (source.Next >= tokens.Count || !tokens[source.Next].IsWord("ON"))
        {
            throw new QueryRefusedException($"MERGE needs ON and a join condition after the source ({tokens.SpanAt(source.Next)}), as in: {Usage}.");
        }

        var when = tokens.FindTopLevel(source.Next + 1, "WHEN");
        if (when < 0 || when == source.Next + 1)
        {
            throw new QueryRefusedException($"MERGE needs a condition after ON and at least one WHEN clause after it, as in: {Usage}.");
        }

        var targetAlias = JoinSource.TargetAlias(analysis);
        var clauses = new List<MergeClause>();
        while (when < tokens.Count)
        {
            var next = tokens.FindTopLevel(when + 1, "WHEN");
            next = next < 0 ? tokens.Count : next;
            clauses.Add(Clause(tokens, reads, when, next, targetAlias));
            when = next;
        }

        return new MergeSpec(source.Sql, Render(tokens, reads, source.Next + 1, tokens.FindTopLevel(source.Next + 1, "WHEN")), clauses)
        {
            TargetAlias = targetAlias,
            SourceAlias = source.Alias,
        };
    }

    /// <summary>One WHEN clause, tokens [<paramref name="at"/>, <paramref name="end"/>).</summary>
    private static MergeClause Clause(StatementTokens tokens, ResolvedReads reads, int at, int end, string targetAlias)
    {
        var c = at + 1;
        var match = Is(tokens, c, end, "MATCHED") ? Match.Matched
            : Is(tokens, c, end, "NOT") && Is(tokens, c + 1, end, "MATCHED") ? Match.NotMatched
            : throw Refused(tokens, at, end, "starts with neither WHEN MATCHED nor WHEN NOT MATCHED");
        c += match == Match.Matched ? 1 : 2;
        if (match == Match.NotMatched && Is(tokens, c, end, "BY"))
        {
            match = Is(tokens, c + 1, end, "SOURCE") ? Match.NotMatchedBySource
                : Is(tokens, c + 1, end, "TARGET") ? Match.NotMatched
                : throw Refused(tokens, at, end, "has BY without TARGET or SOURCE");
            c += 2;
        }

        string? condition = null;
        if (Is(tokens, c, end, "AND"))
        {
            var then = tokens.FindTopLevel(c + 1, "THEN");
            if (then < 0 || then >= end || then == c + 1)
            {
                throw Refused(tokens, at, end, "needs a condition after AND and THEN after it");
            }

            condition = Render(tokens, reads, c + 1, then);
            c = then;
        }

        if (!Is(tokens, c, end, "THEN"))
        {
            throw Refused(tokens, at, end, "needs THEN before its action");
        }

        c++;
        return (match, Action(tokens, c, end)) switch
        {
            (Match.Matched or Match.NotMatchedBySource, "DELETE") when c + 1 == end => match == Match.Matched
                ? MergeClause.MatchedDelete(condition)
                : MergeClause.NotMatchedBySourceDelete(condition),
            (Match.Matched, "UPDATE") when IsStar(tokens, c + 2, end) => MergeClause.MatchedUpdateAll(condition),
            (Match.Matched, "UPDATE") => MergeClause.MatchedUpdate(SetList.Parse(tokens, reads, c + 2, end, targetAlias, "WHEN MATCHED THEN UPDATE SET"), condition),
            (Match.NotMatchedBySource, "UPDATE") when !IsStar(tokens, c + 2, end) =>
                MergeClause.NotMatchedBySourceUpdate(SetList.Parse(tokens, reads, c + 2, end, targetAlias, "WHEN NOT MATCHED BY SOURCE THEN UPDATE SET"), condition),
            (Match.NotMatched, "INSERT") when IsStar(tokens, c + 1, end) => MergeClause.NotMatchedInsertAll(condition),
            (Match.NotMatched, "INSERT") => MergeClause.NotMatchedInsert(InsertValues(tokens, reads, c + 1, end), condition),
            _ => throw Refused(tokens, at, end, match switch
            {
                Match.Matched => "can only UPDATE SET column = expression, ..., UPDATE SET * or DELETE",
                Match.NotMatched => "can only INSERT (columns) VALUES (expressions) or INSERT *",
                _ => "can only UPDATE SET column = expression, ... or DELETE (the source has no row to take values from)",
            }),
        };
    }

    /// <summary>UPDATE SET ..., DELETE or INSERT ...: the action's keyword, with SET required after UPDATE.</summary>
    private static string? Action(StatementTokens tokens, int c, int end) =>
        Is(tokens, c, end, "UPDATE") ? (Is(tokens, c + 1, end, "SET") ? "UPDATE" : null)
        : Is(tokens, c, end, "DELETE") ? "DELETE"
        : Is(tokens, c, end, "INSERT") ? "INSERT"
        : null;

    /// <summary>(column, ...) VALUES (expression, ...), one expression per column.</summary>
    private static Dictionary<string, string> InsertValues(StatementTokens tokens, ResolvedReads reads, int c, int end)
    {
        const string usage = "write INSERT (column, ...) VALUES (expression, ...) or INSERT *";
        if (!(c < end && tokens[c].Kind == TokenKind.LeftParen))
        {
            throw new QueryRefusedException($"WHEN NOT MATCHED THEN INSERT needs a column list ({tokens.SpanAt(c)}): {usage}.");
        }

        var columnsEnd = TokenCursor.MatchingParen(tokens.Tokens, c);
        var valuesAt = columnsEnd + 2;
        if (!(Is(tokens, columnsEnd + 1, end, "VALUES") && valuesAt < end && tokens[valuesAt].Kind == TokenKind.LeftParen
              && TokenCursor.MatchingParen(tokens.Tokens, valuesAt) == end - 1))
        {
            throw new QueryRefusedException($"WHEN NOT MATCHED THEN INSERT needs VALUES (...) after its columns ({tokens.SpanAt(columnsEnd + 1)}): {usage}.");
        }

        var columns = tokens.SplitAtCommas(c + 1, columnsEnd);
        var values = tokens.SplitAtCommas(valuesAt + 1, end - 1);
        if (columns.Count != values.Count || columns.Any(p => p.End - p.Start != 1 || !tokens[p.Start].IsIdentifier) || values.Any(p => p.End <= p.Start))
        {
            throw new QueryRefusedException(
                $"WHEN NOT MATCHED THEN INSERT lists {columns.Count} column name(s) and {values.Count} value(s) ({tokens.SpanAt(c)}): {usage}, one value per column name.");
        }

        var inserted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            if (!inserted.TryAdd(tokens[columns[i].Start].Value, Render(tokens, reads, values[i].Start, values[i].End)))
            {
                throw new QueryRefusedException($"WHEN NOT MATCHED THEN INSERT names the column '{tokens[columns[i].Start].Value}' twice; name each column once.");
            }
        }

        return inserted;
    }

    private static bool Is(StatementTokens tokens, int i, int end, string keyword) => i < end && tokens[i].IsWord(keyword);

    private static bool IsStar(StatementTokens tokens, int i, int end) => i == end - 1 && tokens[i].IsOperator("*");

    private static string Render(StatementTokens tokens, ResolvedReads reads, int start, int end)
    {
        var (from, to) = tokens.Offsets(start, end);
        return reads.Rewrite(from, to);
    }

    private static QueryRefusedException Refused(StatementTokens tokens, int at, int end, string problem) =>
        new($"The MERGE clause '{tokens.Text(at, end)}' ({tokens.SpanAt(at)}) {problem}. Clauses: WHEN MATCHED [AND condition] THEN UPDATE SET ... | UPDATE SET * | DELETE; "
            + "WHEN NOT MATCHED [BY TARGET] [AND condition] THEN INSERT (columns) VALUES (...) | INSERT *; WHEN NOT MATCHED BY SOURCE [AND condition] THEN UPDATE SET ... | DELETE.");
}
