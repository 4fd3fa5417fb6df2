using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>
/// The DuckDB SELECT that reads a source with a (possibly overridden) proposed schema. Values that do
/// not parse become NULL; each row says whether any value failed and which columns, for quarantine.
/// </summary>
public static partial class SourceSelect
{
    /// <summary>BOOLEAN: true when at least one value of the row did not parse.</summary>
    public const string ParseFailedColumn = "_nl_parse_failed";

    /// <summary>VARCHAR[]: the columns whose value did not parse (empty when none).</summary>
    public const string ParseErrorsColumn = "_nl_parse_errors";

    /// <summary>Prefix of the source value columns added with <c>includeRaw</c>.</summary>
    public const string RawPrefix = "_nl_raw_";

    /// <summary>The SELECT over the whole file.</summary>
    public static string Build(ProposedSchema schema, bool includeRaw = false) =>
        Build(schema.Columns, schema.Source.RawRelationSql(), includeRaw);

    /// <summary>The SELECT over <paramref name="relation"/> (a table name or table function holding the source columns, e.g. a <see cref="SourceSample"/>).</summary>
    /// <param name="includeRaw">Also return each parsed column's source value as <see cref="RawPrefix"/> + name.</param>
    /// <param name="failedRowsDropped">
    /// The caller reads only the flag and errors of failed rows, never their values (a load): a failed row's value may
    /// then be a number its text only resembles, which spares a CASE per value (<see cref="TypedExpression.Unguarded"/>).
    /// </param>
    public static string Build(IReadOnlyList<ProposedColumn> columns, string relation, bool includeRaw = false, bool failedRowsDropped = false)
    {
        CheckNames(columns);
        var inner = new List<string>();
        var outer = new List<string>();
        var failures = new List<(string Condition, string Column)>();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var raw = SqlText.Identifier(column.Source.Name);
            var name = SqlText.Identifier(column.Name);
            var value = failedRowsDropped
                ? TypedExpression.Unguarded(raw, column.Parse, column.DuckDbType, column.Source.RawType)
                : TypedExpression.Parse(raw, column.Parse, column.DuckDbType, column.Source.RawType);
            inner.Add($"{value} AS {name}");
            outer.Add(name);
            if (TypedExpression.IsIdentity(column.Parse, column.DuckDbType, column.Source.RawType))
            {
                continue;
            }
            var rawName = SqlText.Identifier(RawPrefix + column.Name);
            inner.Add($"{raw} AS {rawName}");
            if (includeRaw)
            {
                outer.Add(rawName);
            }
            var refused = failedRowsDropped ? TypedExpression.Refusal(rawName, column.Parse, column.DuckDbType, column.Source.RawType) : null;
            failures.Add((refused is null ? $"{rawName} IS NOT NULL AND {name} IS NULL" : $"({rawName} IS NOT NULL AND {name} IS NULL) OR ({refused})", column.Name));
        }
        var errors = failures.Count == 0
            ? "CAST([] AS VARCHAR[])"
            : $"list_filter([{string.Join(", ", failures.Select(f => $"CASE WHEN {f.Condition} THEN {SqlText.Literal(f.Column)} END"))}], x -> x IS NOT NULL)";
        // The flag is its own OR, not the list's length: the write needs only the flag, and DuckDB then drops the
        // per-row list (an allocation per row) from its plan.
        var failed = failures.Count == 0 ? "false" : string.Join(" OR ", failures.Select(f => $"({f.Condition})"));
        return $"SELECT {string.Join(", ", outer)}, {failed} AS {ParseFailedColumn}, {errors} AS {ParseErrorsColumn} " +
               $"FROM (SELECT {string.Join(", ", inner)} FROM {relation})";
    }

    /// <summary>Caller-edited names must still be identifiers, distinct regardless of case (DuckDB ignores it).</summary>
    private static void CheckNames(IReadOnlyList<ProposedColumn> columns)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            if (!Identifier().IsMatch(column.Name) || column.Name.StartsWith("_nl_", StringComparison.OrdinalIgnoreCase))
            {
                throw new IngestionException(
                    $"'{column.Name}' is not a valid column name: use letters, digits and underscores, not starting with a digit or '_nl_'.");
            }
            if (!seen.Add(column.Name))
            {
                throw new IngestionException($"Two columns are named '{column.Name}': rename one of them.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
