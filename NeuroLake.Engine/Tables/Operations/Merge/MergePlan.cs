using System.Text;
using System.Text.RegularExpressions;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Engine.Tables.Operations.Merge;

/// <summary>
/// Checks a <see cref="MergeSpec"/> against the table and the source, then writes the one DuckDB query that joins
/// them (FULL OUTER JOIN on the ON condition) and gives each joined row its outcome (<see cref="Kind"/>) and the
/// table's columns as they will be: the first clause of the row's kind whose condition holds decides.
/// </summary>
internal sealed partial class MergePlan
{
    public const string Kind = "__nl_kind";
    public const string SourceRow = "__nl_src";

    public const int Copied = 0;
    public const int Updated = 1;
    public const int Deleted = 2;
    public const int Inserted = 3;
    public const int Dropped = -1;

    private readonly MergeSpec _spec;
    private readonly StructType _schema;
    private readonly string _t;
    private readonly string _s;
    private readonly List<(string Name, string Type)> _sourceColumns;

    public MergePlan(DuckDbConnection connection, StructType schema, MergeSpec spec)
    {
        _spec = spec;
        _schema = schema;
        foreach (var alias in new[] { spec.TargetAlias, spec.SourceAlias })
        {
            if (!Identifier().IsMatch(alias))
            {
                throw new InvalidTableOperationException($"The MERGE alias '{alias}' is not valid: use letters, digits and underscores.");
            }
        }

        if (string.Equals(spec.TargetAlias, spec.SourceAlias, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidTableOperationException($"MERGE needs different aliases for the table and the source; both are '{spec.TargetAlias}'.");
        }

        if (spec.Clauses.Count == 0)
        {
            throw new InvalidTableOperationException("MERGE needs at least one WHEN clause.");
        }

        _t = Sql.Quote(spec.TargetAlias);
        _s = Sql.Quote(spec.SourceAlias);
        try
        {
            _sourceColumns = QuerySchema.Describe(connection, spec.Source);
        }
        catch (InvalidTableOperationException e)
        {
            throw new InvalidTableOperationException($"The MERGE source query cannot run: {e.InnerException?.Message ?? e.Message}", e);
        }

        Validate(connection);
    }

    private string EmptyTarget => $"({ExpressionCheck.EmptyRelation(_schema)}) AS {_t}";

    private string EmptySource => $"(SELECT * FROM ({_spec.Source}) AS nl_source WHERE false) AS {_s}";

    private void Validate(DuckDbConnection connection)
    {
        var both = $"{EmptyTarget} CROSS JOIN {EmptySource}";
        ExpressionCheck.Predicate(connection, both, _schema, _spec.On, "MERGE ON condition");
        foreach (var group in _spec.Clauses.GroupBy(c => c.GetType() == typeof(WhenMatchedDelete) ? typeof(WhenMatchedUpdate) : c.GetType() == typeof(WhenNotMatchedBySourceDelete) ? typeof(WhenNotMatchedBySourceUpdate) : c.GetType()))
        {
            var clauses = group.ToList();
            if (clauses.SkipLast(1).Any(c => c.Condition is null))
            {
                throw new InvalidTableOperationException(
                    $"Only the last {Describe(clauses[0])} clause may omit its condition: the ones after an unconditional clause could never apply. Add conditions or reorder the clauses.");
            }
        }

        foreach (var clause in _spec.Clauses)
        {
            var scope = clause switch
            {
                WhenNotMatchedInsert => EmptySource,
                WhenNotMatchedBySourceUpdate or WhenNotMatchedBySourceDelete => EmptyTarget,
                _ => both,
            };
            if (clause.Condition is { } condition)
            {
                ExpressionCheck.Predicate(connection, scope, _schema, condition, $"{Describe(clause)} condition");
            }

            foreach (var (field, expression) in Assignments(clause))
            {
                ExpressionCheck.Value(connection, scope, _schema, expression, field, $"{Describe(clause)} value for '{field.Name}'");
            }
        }
    }

    private static string Describe(MergeClause clause) => clause switch
    {
        WhenMatchedUpdate or WhenMatchedDelete => "WHEN MATCHED",
        WhenNotMatchedInsert => "WHEN NOT MATCHED",
        _ => "WHEN NOT MATCHED BY SOURCE",
    };

    /// <summary>The expression each table column gets from a clause (columns it does not set are absent).</summary>
    private List<(StructField Field, string Expression)> Assignments(MergeClause clause)
    {
        IReadOnlyDictionary<string, string>? explicitValues = clause switch
        {
            WhenMatchedUpdate u => u.Set,
            WhenNotMatchedInsert i => i.Values,
            WhenNotMatchedBySourceUpdate b => b.Set,
            _ => new Dictionary<string, string>(),
        };
        if (explicitValues is null)
        {
            // UPDATE SET * / INSERT *: every table column from the source column of the same name.
            var missing = _schema.Fields.Where(f => !_sourceColumns.Any(c => string.Equals(c.Name, f.Name, StringComparison.OrdinalIgnoreCase))).Select(f => f.Name).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidTableOperationException(
                    $"{Describe(clause)} {(clause is WhenNotMatchedInsert ? "INSERT *" : "UPDATE SET *")} needs a source column for every table column; the source lacks {string.Join(", ", missing)}. List the columns explicitly instead.");
            }

            return _schema.Fields.Select(f => (f, $"{_s}.{Sql.Quote(_sourceColumns.First(c => string.Equals(c.Name, f.Name, StringComparison.OrdinalIgnoreCase)).Name)}")).ToList();
        }

        var result = new List<(StructField, string)>();
        foreach (var (column, expression) in explicitValues)
        {
            var field = _schema.Find(column) ?? throw new InvalidTableOperationException(
                $"{Describe(clause)} sets '{column}', which the table does not have (columns: {string.Join(", ", _schema.Fields.Select(f => f.Name))}).");
            if (result.Any(r => r.Item1 == field))
            {
                throw new InvalidTableOperationException($"{Describe(clause)} sets the column '{field.Name}' more than once; set each column once.");
            }

            result.Add((field, expression));
        }

        return result;
    }

    /// <summary>
    /// The joined rows: target path and row number, the source row number, the outcome, and the table's columns.
    /// <paramref name="target"/> is a <see cref="TargetScan"/> relation.
    /// </summary>
    public string JoinedSql(string target)
    {
        var matched = $"({_t}.{TargetScan.RowColumn} IS NOT NULL AND {_s}.{SourceRow} IS NOT NULL)";
        var notMatched = $"({_t}.{TargetScan.RowColumn} IS NULL)";
        var bySource = $"({_s}.{SourceRow} IS NULL)";
        var clauses = _spec.Clauses.Select(c => (Clause: c, Row: c switch
        {
            WhenMatchedUpdate or WhenMatchedDelete => matched,
            WhenNotMatchedInsert => notMatched,
            _ => bySource,
        }, Condition: c.Condition is null ? "true" : $"coalesce(CAST(({c.Condition}) AS BOOLEAN), false)", Assigned: Assignments(c))).ToList();

        var kind = new StringBuilder("CASE");
        foreach (var c in clauses)
        {
            var outcome = c.Clause switch
            {
                WhenMatchedDelete or WhenNotMatchedBySourceDelete => Deleted,
                WhenNotMatchedInsert => Inserted,
                _ => Updated,
            };
            kind.Append($" WHEN {c.Row} AND {c.Condition} THEN {outcome}");
        }

        kind.Append($" WHEN {notMatched} THEN {Dropped} ELSE {Copied} END");

        var columns = _schema.Fields.Select(field =>
        {
            var value = new StringBuilder("CASE");
            foreach (var c in clauses.Where(c => c.Clause is not (WhenMatchedDelete or WhenNotMatchedBySourceDelete)))
            {
                var assigned = c.Assigned.FirstOrDefault(a => a.Field == field).Expression;
                var expression = assigned is not null
                    ? $"CAST(({assigned}) AS {DuckDbTypes.ToDuckDb(field.Type)})"
                    : c.Clause is WhenNotMatchedInsert ? "NULL" : $"{_t}.{Sql.Quote(field.Name)}";
                value.Append($" WHEN {c.Row} AND {c.Condition} THEN {expression}");
            }

            var unchanged = $"{_t}.{Sql.Quote(field.Name)}";
            return value.Length == "CASE".Length
                ? $"{unchanged} AS {Sql.Quote(field.Name)}"
                : value.Append($" ELSE {unchanged} END AS {Sql.Quote(field.Name)}").ToString();
        });

        return $"SELECT {_t}.{TargetScan.PathColumn} AS {TargetScan.PathColumn}, {_t}.{TargetScan.RowColumn} AS {TargetScan.RowColumn}, {_s}.{SourceRow} AS {SourceRow}, "
            + $"{kind} AS {Kind}, {string.Join(", ", columns)} "
            + $"FROM ({target}) AS {_t} FULL OUTER JOIN (SELECT *, row_number() OVER () AS {SourceRow} FROM ({_spec.Source}) AS nl_source) AS {_s} ON ({_spec.On})";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
