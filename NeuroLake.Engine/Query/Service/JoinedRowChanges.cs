using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Operations.Merge;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// DELETE FROM t [[AS] a] USING source [[AS] o] [WHERE condition] and UPDATE t [[AS] a] SET ... FROM source [[AS] o]
/// [WHERE condition] (DuckDB's and PostgreSQL's syntax) as a MERGE whose ON condition is the WHERE condition: a join
/// is what MERGE does. A target row that several source rows match is deleted once; updating it fails, since the
/// new value would depend on which source row came first.
/// </summary>
internal static class JoinedRowChanges
{
    /// <summary>Whether the DELETE has USING, or the UPDATE has FROM, after its target.</summary>
    public static bool HasSource(StatementAnalysis analysis) => SourceKeyword(analysis, new StatementTokens(analysis.Statement)) >= 0;

    public static MergeSpec Delete(StatementAnalysis analysis, ResolvedReads reads)
    {
        JoinSource.RefuseLeadingWith(analysis, "DELETE");
        var tokens = new StatementTokens(analysis.Statement);
        var source = JoinSource.Read(analysis, tokens, reads, SourceKeyword(analysis, tokens) + 1, "DELETE ... USING");
        return Spec(source, Where(tokens, reads, source, "DELETE"), MergeClause.MatchedDelete(), analysis);
    }

    public static MergeSpec Update(StatementAnalysis analysis, ResolvedReads reads)
    {
        JoinSource.RefuseLeadingWith(analysis, "UPDATE");
        var tokens = new StatementTokens(analysis.Statement);
        var from = SourceKeyword(analysis, tokens);
        var set = tokens.FindTopLevel(tokens.After(analysis.Classification.Target!.Span), "SET");
        if (set < 0 || set > from)
        {
            throw new QueryRefusedException("UPDATE needs SET before FROM: UPDATE s.t AS a SET column = o.value FROM s.other AS o WHERE a.id = o.id.");
        }

        var assignments = SetList.Parse(tokens, reads, set + 1, from, JoinSource.TargetAlias(analysis), "UPDATE ... SET");
        var source = JoinSource.Read(analysis, tokens, reads, from + 1, "UPDATE ... FROM");
        return Spec(source, Where(tokens, reads, source, "UPDATE"), MergeClause.MatchedUpdate(assignments), analysis);
    }

    private static MergeSpec Spec(JoinSource source, string on, MergeClause clause, StatementAnalysis analysis) =>
        new(source.Sql, on, [clause]) { TargetAlias = JoinSource.TargetAlias(analysis), SourceAlias = source.Alias };

    /// <summary>The WHERE condition, or true (every target row joins every source row) without one.</summary>
    private static string Where(StatementTokens tokens, ResolvedReads reads, JoinSource source, string statement)
    {
        if (source.Next >= tokens.Count)
        {
            return "true";
        }

        if (!tokens[source.Next].IsWord("WHERE") || source.Next + 1 >= tokens.Count)
        {
            throw new QueryRefusedException(
                $"{statement} with a source supports one table or (query) AS alias followed by WHERE condition; '{tokens[source.Next].Text}' ({tokens.SpanAt(source.Next)}) is not supported (no further sources, joins or RETURNING).");
        }

        var (from, to) = tokens.Offsets(source.Next + 1, tokens.Count);
        return reads.Rewrite(from, to);
    }

    /// <summary>USING (DELETE) or FROM (UPDATE, not the FROM of IS DISTINCT FROM) outside parentheses; -1 if none.</summary>
    private static int SourceKeyword(StatementAnalysis analysis, StatementTokens tokens)
    {
        var start = tokens.After(analysis.Classification.Target!.Span);
        if (analysis.Kind == StatementKind.Delete)
        {
            return tokens.FindTopLevel(start, "USING");
        }

        for (var i = tokens.FindTopLevel(start, "FROM"); i >= 0; i = tokens.FindTopLevel(i + 1, "FROM"))
        {
            if (!tokens[i - 1].IsWord("DISTINCT"))
            {
                return i;
            }
        }

        return -1;
    }
}
