using System.Text.Json;

namespace NeuroLake.Web.Api.Tables;

/// <summary>
/// One test of an update's or delete's predicate: <c>{"column": "id", "op": "=", "value": 3}</c>. Operators:
/// <c>= != &lt; &lt;= &gt; &gt;=</c>, <c>in</c> (value an array), <c>is null</c>, <c>is not null</c> (no value).
/// A predicate is the AND of its conditions; structured rather than SQL text so no caller text reaches the statement
/// except as a quoted name or a literal.
/// </summary>
public sealed record RowCondition(string? Column, string? Op, JsonElement? Value);

internal static class RowConditions
{
    private static readonly string[] Comparisons = ["=", "!=", "<", "<=", ">", ">="];

    /// <summary>The predicate's SQL; <paramref name="columnSql"/> turns a column name into its quoted form (or refuses it).</summary>
    public static string Sql(IReadOnlyList<RowCondition>? conditions, Func<string?, string> columnSql, string verb)
    {
        if (conditions is null or { Count: 0 })
        {
            throw new BadApiRequestException(
                $"A {verb} needs \"where\": at least one condition such as [{{\"column\": \"id\", \"op\": \"=\", \"value\": 3}}]. To {verb} every row, use the SQL API.");
        }

        return string.Join(" AND ", conditions.Select(c => One(c, columnSql)));
    }

    private static string One(RowCondition condition, Func<string?, string> columnSql)
    {
        var column = columnSql(condition.Column);
        var op = (condition.Op ?? "").Trim().ToLowerInvariant();
        return op switch
        {
            "is null" => $"{column} IS NULL",
            "is not null" => $"{column} IS NOT NULL",
            "in" when condition.Value is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0 =>
                $"{column} IN ({string.Join(", ", list.EnumerateArray().Select(v => SqlLiteral.Of(v, condition.Column!)))})",
            "in" => throw new BadApiRequestException($"\"in\" on column '{condition.Column}' needs a non-empty array value, e.g. {{\"op\": \"in\", \"value\": [1, 2]}}."),
            _ when Comparisons.Contains(op) && condition.Value is { } value && value.ValueKind != JsonValueKind.Null =>
                $"{column} {op} {SqlLiteral.Of(value, condition.Column!)}",
            _ when Comparisons.Contains(op) => throw new BadApiRequestException(
                $"\"{op}\" on column '{condition.Column}' needs a value; to find missing values use \"is null\"."),
            _ => throw new BadApiRequestException(
                $"'{condition.Op}' is not an operator: use one of {string.Join(", ", Comparisons)}, in, is null, is not null."),
        };
    }
}
