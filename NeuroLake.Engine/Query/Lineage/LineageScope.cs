namespace NeuroLake.Engine.Query.Lineage;

/// <summary>
/// The names visible in one query level: its FROM relations, its CTEs, the select-list aliases defined so far
/// (DuckDB lets later expressions use them) and the enclosing level for correlated references.
/// </summary>
internal sealed class LineageScope(LineageScope? parent)
{
    private readonly Dictionary<string, IReadOnlyList<DerivedColumn>> _ctes = new(StringComparer.OrdinalIgnoreCase);

    public LineageScope? Parent { get; } = parent;

    public List<LineageRelation> Relations { get; } = [];

    /// <summary>Columns joined with USING or NATURAL: <c>*</c> shows each once.</summary>
    public HashSet<string> MergedColumns { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, IReadOnlySet<SourceColumn>> SelectAliases { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void AddCte(string name, IReadOnlyList<DerivedColumn> columns) => _ctes[name] = columns;

    public IReadOnlyList<DerivedColumn>? FindCte(string name) =>
        _ctes.TryGetValue(name, out var columns) ? columns : Parent?.FindCte(name);

    /// <summary>Whether an unknown name here may belong to a relation whose columns lineage cannot see.</summary>
    public bool HasOpaqueRelation => Relations.Any(r => r.Opaque) || Parent?.HasOpaqueRelation == true;
}
