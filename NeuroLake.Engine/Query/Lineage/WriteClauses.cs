using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Lineage;

/// <summary>A target column and the SQL expression a write assigns to it.</summary>
internal sealed record Assignment(string Column, string Expression);

/// <summary>
/// The value-carrying parts of write statements, cut from the tokens of a statement whose time travel has been
/// removed: what each target column receives, as SQL DuckDB can parse inside a SELECT.
/// </summary>
internal static class WriteClauses
{
    /// <summary>INSERT's optional column list or BY NAME, and the query after it.</summary>
    public static (IReadOnlyList<string>? Columns, bool ByName, string Query) Insert(StatementAnalysis analysis)
    {
        var tokens = new StatementTokens(analysis.Statement);
        var start = analysis.Classification.Reads.BodyStart;
        if (start + 1 < tokens.Count && tokens[start].IsWord("BY") && tokens[start + 1].IsWord("NAME"))
        {
            return (null, true, tokens.Text(start + 2, tokens.Count));
        }

        if (start + 1 < tokens.Count && tokens[start].Kind == TokenKind.LeftParen && tokens[start + 1].IsIdentifier
            && !tokens[start + 1].IsWordIn(QueryStarts))
        {
            var close = CloseParen(tokens, start);
            var columns = tokens.SplitAtCommas(start + 1, close).Select(p => tokens[p.End - 1].Value).ToList();
            return (columns, false, tokens.Text(close + 1, tokens.Count));
        }

        return (null, false, tokens.Text(start, tokens.Count));
    }

    /// <summary>UPDATE t [AS a] SET c = e, ... [FROM other ...] [WHERE ...]: the assignments and the FROM clause's text.</summary>
    public static (IReadOnlyList<Assignment> Set, string? From) Update(StatementAnalysis analysis)
    {
        var tokens = new StatementTokens(analysis.Statement);
        var start = analysis.Classification.Reads.BodyStart;
        if (start >= tokens.Count || !tokens[start].IsWord("SET"))
        {
            throw new LineageException("UPDATE has no SET clause after its target.");
        }

        var end = tokens.FindTopLevel(start + 1, "FROM", "WHERE", "RETURNING");
        var set = Assignments(tokens, start + 1, end < 0 ? tokens.Count : end);
        string? from = null;
        if (end >= 0 && tokens[end].IsWord("FROM"))
        {
            var fromEnd = tokens.FindTopLevel(end + 1, "WHERE", "RETURNING");
            from = tokens.Text(end + 1, fromEnd < 0 ? tokens.Count : fromEnd);
        }

        return (set, from);
    }

    /// <summary>
    /// MERGE INTO t [AS a] USING source ON ... WHEN ...: the source's text (with its alias), the assignments of every
    /// UPDATE SET and INSERT (cols) VALUES (exprs), and whether a clause copies the source by name (UPDATE SET *, INSERT *).
    /// INSERT VALUES without a column list assigns to <paramref name="targetColumns"/> in order.
    /// </summary>
    public static (string Source, IReadOnlyList<Assignment> Set, bool CopiesSource) Merge(StatementAnalysis analysis, IReadOnlyList<string> targetColumns)
    {
        var tokens = new StatementTokens(analysis.Statement);
        var start = analysis.Classification.Reads.BodyStart;
        var on = start < tokens.Count && tokens[start].IsWord("USING") ? tokens.FindTopLevel(start + 1, "ON") : -1;
        if (on < 0)
        {
            throw new LineageException("MERGE needs USING source ON condition after its target.");
        }

        var set = new List<Assignment>();
        var copiesSource = false;
        var when = tokens.FindTopLevel(on + 1, "WHEN");
        while (when >= 0)
        {
            var next = tokens.FindTopLevel(when + 1, "WHEN");
            var end = next < 0 ? tokens.Count : next;
            var then = tokens.FindTopLevel(when + 1, "THEN");
            if (then < 0 || then >= end)
            {
                throw new LineageException($"MERGE clause at {tokens.SpanAt(when)} has no THEN.");
            }

            copiesSource |= MergeAction(tokens, then + 1, end, targetColumns, set);
            when = next;
        }

        return (tokens.Text(start + 1, on), set, copiesSource);
    }

    /// <summary>Adds an action's assignments; true for <c>UPDATE SET *</c> and <c>INSERT *</c>.</summary>
    private static bool MergeAction(StatementTokens tokens, int start, int end, IReadOnlyList<string> targetColumns, List<Assignment> set)
    {
        var i = start;
        if (i + 1 < end && tokens[i].IsWord("UPDATE") && tokens[i + 1].IsWord("SET"))
        {
            if (i + 2 < end && tokens[i + 2].IsOperator("*"))
            {
                return true;
            }

            set.AddRange(Assignments(tokens, i + 2, end));
            return false;
        }

        if (i >= end || !tokens[i].IsWord("INSERT"))
        {
            return false;
        }

        i++;
        if (i < end && tokens[i].IsOperator("*"))
        {
            return true;
        }

        IReadOnlyList<string> columns = targetColumns;
        if (i < end && tokens[i].Kind == TokenKind.LeftParen)
        {
            var close = CloseParen(tokens, i);
            columns = tokens.SplitAtCommas(i + 1, close).Select(p => tokens[p.End - 1].Value).ToList();
            i = close + 1;
        }

        if (i + 1 >= end || !tokens[i].IsWord("VALUES") || tokens[i + 1].Kind != TokenKind.LeftParen)
        {
            throw new LineageException($"MERGE INSERT at {tokens.SpanAt(start)} needs VALUES (...) or *.");
        }

        var values = tokens.SplitAtCommas(i + 2, CloseParen(tokens, i + 1));
        set.AddRange(columns.Zip(values, (c, v) => new Assignment(c, tokens.Text(v.Start, v.End))));
        return false;
    }

    /// <summary><c>c = e, t.c = e</c> between two token positions.</summary>
    private static List<Assignment> Assignments(StatementTokens tokens, int start, int end)
    {
        var set = new List<Assignment>();
        foreach (var (s, e) in tokens.SplitAtCommas(start, end))
        {
            var equals = s;
            while (equals < e && !tokens[equals].IsOperator("="))
            {
                equals++;
            }

            if (equals == s || equals + 1 >= e || !tokens[equals - 1].IsIdentifier)
            {
                throw new LineageException($"Expected column = expression at {tokens.SpanAt(s)}, got '{tokens.Text(s, e)}'.");
            }

            set.Add(new Assignment(tokens[equals - 1].Value, tokens.Text(equals + 1, e)));
        }

        return set;
    }

    private static int CloseParen(StatementTokens tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            depth += tokens[i].Kind == TokenKind.LeftParen ? 1 : tokens[i].Kind == TokenKind.RightParen ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        throw new LineageException($"Unclosed parenthesis at {tokens.SpanAt(open)}.");
    }

    private static readonly HashSet<string> QueryStarts = new(StringComparer.OrdinalIgnoreCase) { "SELECT", "WITH", "VALUES", "FROM", "TABLE" };
}
