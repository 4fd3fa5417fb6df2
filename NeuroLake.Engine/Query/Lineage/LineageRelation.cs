using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Lineage;

/// <summary>
/// A relation in a FROM clause as lineage sees it: the name the query uses for it and its columns.
/// <see cref="Opaque"/> relations (table functions, unknown tables) have columns lineage cannot know.
/// </summary>
internal sealed record LineageRelation(string? ExposedName, IReadOnlyList<DerivedColumn> Columns, SchemaTableName? Table = null, bool Opaque = false)
{
    /// <summary>Whether <paramref name="qualifier"/> (one to three name parts) names this relation.</summary>
    public bool IsNamed(IReadOnlyList<string> qualifier) => qualifier.Count switch
    {
        1 => Same(ExposedName, qualifier[0]),
        2 => Table is { } t && Same(ExposedName, t.Table) && Same(t.Schema, qualifier[0]) && Same(t.Table, qualifier[1]),
        3 => Table is { } t && Same(ExposedName, t.Table) && Same(t.Schema, qualifier[1]) && Same(t.Table, qualifier[2]),
        _ => false,
    };

    public IEnumerable<DerivedColumn> Named(string column) => Columns.Where(c => Same(c.Name, column));

    /// <summary>Renames the columns by position, as <c>AS x(a, b)</c> and <c>WITH c(a, b)</c> do.</summary>
    public static IReadOnlyList<DerivedColumn> Rename(IReadOnlyList<DerivedColumn> columns, IReadOnlyList<string> names) =>
        names.Count == 0 ? columns : columns.Select((c, i) => i < names.Count ? c with { Name = names[i] } : c).ToList();

    internal static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
