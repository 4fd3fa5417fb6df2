using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Query.Advisor;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Flags result columns that come straight from a catalog column classified as PII, so callers can mask them.
/// The outer SELECT's items are traced in DuckDB's parse tree: a plain or aliased column reference takes its source
/// column's classification, and <c>*</c> / <c>t.*</c> takes it by name from the tables it expands. Computed values
/// (<c>lower(email)</c>, <c>email || ''</c>) are not flagged. Where the tree cannot say (set operations, CTEs,
/// subqueries, statements DuckDB cannot parse), a column is flagged when any table read has a PII column of that name:
/// erring towards masking.
/// </summary>
internal static class ResultPii
{
    public static IReadOnlyList<ResultColumn> Flag(
        IReadOnlyList<ResultColumn> columns, ParsedQuery? query, IReadOnlyDictionary<SchemaTableName, TableInfo> tables)
    {
        if (!tables.Values.Any(t => t.Columns.Any(c => c.Pii is not null)))
        {
            return columns;
        }

        Func<string, string?> trace = query is not null && ParsedQuery.Is(query.Root, "type", "SELECT_NODE")
            ? OuterSelect(query, tables)
            : name => ByName(tables, name);
        return columns.Select(c => c with { PiiType = trace(c.Name) }).ToList();
    }

    private static Func<string, string?> OuterSelect(ParsedQuery query, IReadOnlyDictionary<SchemaTableName, TableInfo> tables)
    {
        var relations = query.RelationsOf(query.Root);
        var named = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var stars = new List<string>();
        foreach (var item in query.Root.GetProperty("select_list").EnumerateArray())
        {
            if (ParsedQuery.Is(item, "class", "STAR"))
            {
                stars.Add(item.GetProperty("relation_name").GetString() ?? "");
                continue;
            }

            var isColumn = ParsedQuery.Is(item, "class", "COLUMN_REF");
            var alias = item.GetProperty("alias").GetString();
            var name = !string.IsNullOrEmpty(alias) ? alias : isColumn ? ColumnRef.Of(item).Column : null;
            if (name is not null)
            {
                named[name] = named.GetValueOrDefault(name) ?? (isColumn ? FromReference(ColumnRef.Of(item), relations, tables) : null);
            }
        }

        return name =>
        {
            if (named.TryGetValue(name, out var pii))
            {
                return pii;
            }

            return stars
                .SelectMany(qualifier => relations.Where(r => qualifier.Length == 0 || string.Equals(r.ExposedName, qualifier, StringComparison.OrdinalIgnoreCase)))
                .Select(r => r.Table is { } table ? Of(tables, table, name) : ByName(tables, name))
                .FirstOrDefault(p => p is not null);
        };
    }

    private static string? FromReference(ColumnRef column, IReadOnlyList<Relation> relations, IReadOnlyDictionary<SchemaTableName, TableInfo> tables) =>
        ParsedQuery.Candidates(column, relations, (t, c) => Of(tables, t, c, anyColumn: true) is not null)
            .Select(r => r.Table is { } table ? Of(tables, table, column.Column) : ByName(tables, column.Column))
            .FirstOrDefault(p => p is not null);

    /// <summary>The PII type of a table's column; with <paramref name="anyColumn"/>, an empty string for an unclassified column it has.</summary>
    private static string? Of(IReadOnlyDictionary<SchemaTableName, TableInfo> tables, SchemaTableName table, string column, bool anyColumn = false)
    {
        var found = tables.TryGetValue(table, out var info)
            ? info.Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))
            : null;
        return found is null ? null : found.Pii?.Type ?? (anyColumn ? "" : null);
    }

    private static string? ByName(IReadOnlyDictionary<SchemaTableName, TableInfo> tables, string column) =>
        tables.Values.SelectMany(t => t.Columns)
            .FirstOrDefault(c => c.Pii is not null && string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))?.Pii!.Type;
}
