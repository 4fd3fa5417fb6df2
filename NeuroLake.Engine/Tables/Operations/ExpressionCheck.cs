using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Engine.Tables.Operations;

/// <summary>
/// Binds user SQL expressions (predicates, SET values) against a typed empty relation with the table's columns, so
/// unknown columns, syntax errors and non-boolean conditions fail before any file is read or written.
/// </summary>
internal static class ExpressionCheck
{
    /// <summary>A typed relation with the schema's columns and no rows.</summary>
    public static string EmptyRelation(StructType schema) =>
        "SELECT " + string.Join(", ", schema.Fields.Select(f => $"CAST(NULL AS {DuckDbTypes.ToDuckDb(f.Type)}) AS {Sql.Quote(f.Name)}")) + " WHERE false";

    public static void Predicate(DuckDbConnection connection, string from, StructType schema, string predicate, string what)
    {
        var type = Describe(connection, $"SELECT ({predicate}) AS p FROM {from}", schema, predicate, what);
        if (type is not ("BOOLEAN" or "\"NULL\"" or "NULL"))
        {
            throw new InvalidTableOperationException($"The {what} '{predicate}' is of type {type}, not a condition. Write a comparison such as \"col = 1\".");
        }
    }

    public static void Value(DuckDbConnection connection, string from, StructType schema, string expression, StructField target, string what)
    {
        Describe(connection, $"SELECT CAST(({expression}) AS {DuckDbTypes.ToDuckDb(target.Type)}) AS v FROM {from}", schema, expression, what);
    }

    public static void PredicateOverTable(DuckDbConnection connection, StructType schema, string predicate, string what) =>
        Predicate(connection, $"({EmptyRelation(schema)}) AS t", schema, predicate, what);

    private static string Describe(DuckDbConnection connection, string select, StructType schema, string expression, string what)
    {
        if (!IsSingleExpression(expression))
        {
            throw new InvalidTableOperationException(
                $"The {what} '{expression}' is not one expression: check that quotes and parentheses are balanced and that it has no ';', comments or $-quoted strings.");
        }

        try
        {
            return QuerySchema.Describe(connection, select).Single().DuckDbType;
        }
        catch (InvalidTableOperationException e) when (e.InnerException is DuckDbException duck)
        {
            throw new InvalidTableOperationException(
                $"The {what} '{expression}' cannot be evaluated: {FirstLine(duck.Message)} The table's columns are: {string.Join(", ", schema.Fields.Select(f => f.Name))}. Fix the column names or the syntax.",
                duck);
        }
    }

    /// <summary>
    /// Expressions are spliced into larger statements, so one must not close the parenthesis around it or end the
    /// statement: quotes and parentheses balance, no ';' outside quotes, and no comments or dollar quotes, which
    /// could hide a parenthesis from this check but not from DuckDB.
    /// </summary>
    private static bool IsSingleExpression(string expression)
    {
        var depth = 0;
        char? quote = null;
        foreach (var c in expression)
        {
            if (quote is { } q)
            {
                quote = c == q ? null : quote;
                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth < 0:
                case ';' or '$':
                    return false;
            }
        }

        return depth == 0 && quote is null && !expression.Contains("--", StringComparison.Ordinal) && !expression.Contains("/*", StringComparison.Ordinal);
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.EndsWith('.') || line.EndsWith('!') ? line : line + ".";
    }
}
