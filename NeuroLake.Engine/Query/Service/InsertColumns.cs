using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// The optional column list of <c>INSERT INTO t (a, b) SELECT ...</c>: which target columns the query's values go to,
/// in the query's order; every other column of the table gets NULL, as in Spark, DuckDB and PostgreSQL.
/// </summary>
internal static class InsertColumns
{
    /// <summary>
    /// Reads <c>(name, ...)</c> at <paramref name="start"/>; null when the tokens there begin the query instead
    /// (a parenthesised <c>(SELECT ...)</c>). <paramref name="next"/> is the first token after the list.
    /// </summary>
    /// <exception cref="QueryRefusedException">The list is malformed.</exception>
    public static IReadOnlyList<string>? Read(IReadOnlyList<SqlToken> tokens, int start, IReadOnlySet<string> queryStarts, out int next)
    {
        next = start;
        if (start + 1 >= tokens.Count || tokens[start].Kind != TokenKind.LeftParen || !tokens[start + 1].IsIdentifier
            || (tokens[start + 1].Kind == TokenKind.Word && tokens[start + 1].IsWordIn(queryStarts)))
        {
            return null;
        }

        var names = new List<string>();
        for (var i = start + 1; i < tokens.Count; i += 2)
        {
            if (!tokens[i].IsIdentifier || i + 1 >= tokens.Count || tokens[i + 1].Kind is not (TokenKind.Comma or TokenKind.RightParen))
            {
                throw new QueryRefusedException(
                    $"The INSERT column list near '{tokens[i].Text}' is malformed: write it as (column, column, ...) followed by SELECT or VALUES.");
            }

            names.Add(tokens[i].Kind == TokenKind.QuotedIdentifier ? tokens[i].Value : tokens[i].Text);
            if (tokens[i + 1].Kind == TokenKind.RightParen)
            {
                next = i + 2;
                return names;
            }
        }

        throw new QueryRefusedException("The INSERT column list is not closed: add the ')' after the last column.");
    }

    /// <summary>A SELECT over <paramref name="body"/> giving every column of <paramref name="schema"/> in order.</summary>
    /// <exception cref="QueryRefusedException">A listed column is not in the table, is listed twice, or the query gives another number of values.</exception>
    public static string Project(string body, IReadOnlyList<string> columns, StructType schema, SchemaTableName table, int valueCount)
    {
        if (valueCount != columns.Count)
        {
            throw new QueryRefusedException(
                $"The INSERT into '{table}' lists {columns.Count} column(s) but its query gives {valueCount} value(s) per row: make the list and the values match.");
        }

        var listed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            var field = schema.Fields.FirstOrDefault(f => string.Equals(f.Name, column, StringComparison.OrdinalIgnoreCase))
                ?? throw new QueryRefusedException(
                    $"Table '{table}' has no column '{column}'. Its columns: {string.Join(", ", schema.Fields.Select(f => f.Name))}.");
            if (!listed.TryAdd(field.Name, column))
            {
                throw new QueryRefusedException($"Column '{field.Name}' is listed twice in the INSERT column list of '{table}': list each column once.");
            }
        }

        var canonical = listed.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
        var aliases = string.Join(", ", columns.Select(c => SqlIdentifier.Quote(canonical[c])));
        var values = schema.Fields.Select(f => listed.ContainsKey(f.Name)
            ? $"q.{SqlIdentifier.Quote(f.Name)}"
            : $"CAST(NULL AS {DuckDbTypes.ToDuckDb(f.Type)}) AS {SqlIdentifier.Quote(f.Name)}");
        return $"SELECT {string.Join(", ", values)} FROM ({body}) AS q({aliases})";
    }
}
