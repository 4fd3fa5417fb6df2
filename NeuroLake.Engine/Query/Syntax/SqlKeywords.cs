namespace NeuroLake.Engine.Query.Syntax;

/// <summary>Keyword sets the classifier and the table reference finder share; all case-insensitive.</summary>
internal static class SqlKeywords
{
    /// <summary>Words that end a table reference: never an alias, never a time travel value.</summary>
    public static readonly IReadOnlySet<string> EndsRelation = Set(
        "WHERE", "GROUP", "HAVING", "WINDOW", "QUALIFY", "ORDER", "LIMIT", "OFFSET", "FETCH", "UNION", "INTERSECT",
        "EXCEPT", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "NATURAL", "POSITIONAL", "ASOF", "SEMI",
        "ANTI", "LATERAL", "ON", "USING", "SELECT", "FROM", "SET", "WHEN", "THEN", "RETURNING", "VALUES", "TABLESAMPLE",
        "SAMPLE", "PIVOT", "UNPIVOT", "AS", "AT", "FOR", "INTO", "DEFAULT", "BY", "AND", "OR", "NOT", "WITH", "ELSE",
        "END", "CASE", "IS", "IN", "LIKE", "ILIKE", "BETWEEN", "PARTITION", "ZORDER", "RETAIN", "DRY", "TO", "OF",
        "DO", "ALL", "DISTINCT", "MATCHED");

    /// <summary>Words after which a comma no longer separates FROM items at the same level.</summary>
    public static readonly IReadOnlySet<string> EndsFromClause = Set(
        "WHERE", "GROUP", "HAVING", "WINDOW", "QUALIFY", "ORDER", "LIMIT", "OFFSET", "FETCH", "UNION", "INTERSECT",
        "EXCEPT", "SELECT", "SET", "WHEN", "RETURNING", "VALUES", "DO");

    /// <summary>Words that start a query: a parenthesised group starting with one is a subquery.</summary>
    public static readonly IReadOnlySet<string> StartsQuery = Set("SELECT", "WITH", "VALUES", "FROM", "TABLE");

    /// <summary>Words that can come between a set operation and the next query (UNION ALL, UNION BY NAME ...).</summary>
    public static readonly IReadOnlySet<string> SetOperation = Set("UNION", "INTERSECT", "EXCEPT", "ALL", "DISTINCT", "NAME");

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);
}
