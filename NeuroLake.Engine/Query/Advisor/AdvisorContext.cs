using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Advisor;

/// <summary>What the rules look at: the statement's parse tree and the catalog's view of the tables it reads.</summary>
internal sealed record AdvisorContext(ParsedQuery Query, IReadOnlyDictionary<SchemaTableName, TableInfo> Tables, QueryAdvisorOptions Options)
{
    public bool HasColumn(SchemaTableName table, string column) =>
        Tables.TryGetValue(table, out var info) && info.Columns.Any(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<string> PartitionColumnsOf(SchemaTableName table) =>
        Tables.TryGetValue(table, out var info) ? info.PartitionColumns : [];

    /// <summary>The partition column of a catalog table in <paramref name="scope"/> that <paramref name="column"/> reads, if any.</summary>
    public (SchemaTableName Table, string Column)? PartitionColumn(ColumnRef column, IReadOnlyList<Relation> scope)
    {
        foreach (var relation in ParsedQuery.Candidates(column, scope, HasColumn))
        {
            if (relation.Table is { } table
                && PartitionColumnsOf(table).FirstOrDefault(p => string.Equals(p, column.Column, StringComparison.OrdinalIgnoreCase)) is { } partition)
            {
                return (table, partition);
            }
        }

        return null;
    }
}
