using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Governance;

/// <summary>
/// What one reader gets of one table: its PII columns masked and its rows filtered. Applied around the table's
/// snapshot relation where the query names it, so everything built on the read (joins, CTAS, INSERT ... SELECT,
/// exports) sees only the masked, filtered rows.
/// </summary>
internal sealed record ReadPolicy(IReadOnlyDictionary<string, string> MaskedColumns, IReadOnlyList<string> RowFilters)
{
    public static ReadPolicy None { get; } = new(new Dictionary<string, string>(), []);

    public bool IsEmpty => MaskedColumns.Count == 0 && RowFilters.Count == 0;

    /// <param name="relation">The table's relation (a SELECT).</param>
    /// <param name="columns">The table's columns in order.</param>
    public string Apply(string relation, IEnumerable<string> columns)
    {
        if (IsEmpty)
        {
            return relation;
        }

        var select = string.Join(", ", columns.Select(c => MaskedColumns.TryGetValue(c, out var pii)
            ? $"{PiiMasks.Expression(c, pii)} AS {SqlIdentifier.Quote(c)}"
            : SqlIdentifier.Quote(c)));
        var where = RowFilters.Count == 0 ? "" : " WHERE " + string.Join(" OR ", RowFilters.Select(f => $"({f})"));
        return $"SELECT {select} FROM ({relation}) AS __nl_governed{where}";
    }
}
