using System.Globalization;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Turns a time travel value written as a constant expression into a version or a UTC timestamp, by having DuckDB
/// evaluate it on the service's database (so now() and INTERVAL mean what they mean in the query). The expression
/// text was rebuilt by <see cref="ConstantExpressionReader"/> from checked tokens, so it cannot carry other SQL.
/// </summary>
internal static class TimeTravelEvaluation
{
    /// <summary>The clause with its expression evaluated; literals and null pass through unchanged.</summary>
    /// <exception cref="QueryRefusedException">DuckDB cannot evaluate it, or it gives no usable version or timestamp.</exception>
    public static TimeTravel? Evaluate(DuckDbDatabase duckDb, TimeTravel? travel)
    {
        if (travel?.Expression is not { } expression)
        {
            return travel;
        }

        var value = Run(duckDb, travel.Kind == TimeTravelKind.Version
            ? $"SELECT ({expression.Sql})"
            : $"SELECT CAST(({expression.Sql}) AS TIMESTAMPTZ)", expression);
        return travel.Kind == TimeTravelKind.Version
            ? TimeTravel.AtVersion(WholeVersion(value, expression), travel.Span)
            : TimeTravel.AtTimestamp(value as DateTimeOffset? ?? throw Unusable(expression, "gives no timestamp"), travel.Span);
    }

    private static object? Run(DuckDbDatabase duckDb, string sql, TimeTravelExpression expression)
    {
        try
        {
            using var connection = duckDb.Connect();
            // Timestamps without a zone, and dates, are UTC here as they are in literal time travel clauses.
            connection.UseUtc();
            using var reader = connection.ExecuteCheckedReader(sql, ReadOnlyStatements.Query);
            return reader.Read() && !reader.IsDBNull(0) ? reader.GetValue(0) : null;
        }
        catch (DuckDbException e)
        {
            throw Unusable(expression, "cannot be evaluated: " + e.DuckDbMessage);
        }
        catch (OverflowException e)
        {
            throw Unusable(expression, "gives a value out of range: " + e.Message);
        }
    }

    private static long WholeVersion(object? value, TimeTravelExpression expression)
    {
        var number = value switch
        {
            long or int or short or sbyte or byte or ushort or uint or ulong => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            decimal d => d,
            double d when double.IsFinite(d) && Math.Abs(d) < 1e18 => (decimal)d,
            _ => throw Unusable(expression, $"gives {value ?? "NULL"}, not a version number"),
        };
        if (number != decimal.Truncate(number) || number < 0 || number > long.MaxValue)
        {
            throw Unusable(expression, $"gives {number.ToString(CultureInfo.InvariantCulture)}, not a version (a whole number from 0)");
        }

        return (long)number;
    }

    private static QueryRefusedException Unusable(TimeTravelExpression expression, string problem) => new(
        $"The time travel value {expression.Sql} ({expression.Span}) {problem}. Write a version such as VERSION AS OF 3, "
        + "or a timestamp such as TIMESTAMP AS OF now() - INTERVAL 1 HOUR.");
}
