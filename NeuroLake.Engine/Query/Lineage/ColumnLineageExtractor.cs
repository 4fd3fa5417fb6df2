using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Lineage;

/// <summary>
/// Column lineage of a write: CREATE TABLE AS SELECT, INSERT [OVERWRITE] (by position, by column list or BY NAME),
/// UPDATE ... SET [FROM] and MERGE INTO. Our time travel clauses are removed first (DuckDB does not know them), the
/// value-carrying parts are turned into SELECTs and DuckDB's parse tree of each is walked by <see cref="QueryLineage"/>.
/// </summary>
internal sealed class ColumnLineageExtractor(DuckDbDatabase duckDb)
{
    /// <param name="tableColumns">The catalog's columns of a table, in order; null when the catalog has no such table.</param>
    /// <exception cref="LineageException">The statement is not a write lineage knows, or DuckDB cannot parse a part of it.</exception>
    public StatementLineage Extract(StatementAnalysis analysis, string defaultSchema, Func<SchemaTableName, IReadOnlyList<string>?> tableColumns)
    {
        var plain = WithoutTimeTravel(analysis);
        var target = plain.Classification.Target?.ToSchemaTable(defaultSchema)
            ?? throw new LineageException($"A {analysis.Kind} statement has no target table.");
        var targetColumns = tableColumns(target) ?? throw new LineageException($"Table {target} is not in the catalog.");
        var walker = new QueryLineage(tableColumns, defaultSchema);
        var unresolved = new List<string>();
        var flows = plain.Kind switch
        {
            StatementKind.CreateTableAsSelect or StatementKind.Insert or StatementKind.InsertOverwrite => Insert(plain, targetColumns, walker, unresolved),
            StatementKind.Update => Update(plain, target, walker),
            StatementKind.Merge => Merge(plain, target, targetColumns, walker),
            _ => throw new LineageException($"{analysis.Kind} statements carry no column lineage."),
        };
        var columns = new List<TargetColumnLineage>();
        foreach (var group in flows.GroupBy(f => f.Column, StringComparer.OrdinalIgnoreCase))
        {
            var name = targetColumns.FirstOrDefault(c => LineageRelation.Same(c, group.Key));
            if (name is null)
            {
                unresolved.Add($"target column {group.Key}");
                continue;
            }

            columns.Add(new TargetColumnLineage(name, group.SelectMany(f => f.Sources).ToHashSet()));
        }

        return new StatementLineage(columns, [.. walker.Unresolved, .. unresolved]);
    }

    /// <summary>
    /// Every read becomes its plain quoted name (keeping or adding its alias), so <c>t VERSION AS OF 3</c> reads as
    /// <c>"s"."t" AS "t"</c>; the rewritten text is analysed again for the clause positions.
    /// </summary>
    private static StatementAnalysis WithoutTimeTravel(StatementAnalysis analysis)
    {
        if (analysis.Reads.Count == 0)
        {
            return analysis;
        }

        var text = analysis.Rewrite(r => SqlIdentifier.Quote(r.Name.Parts));
        return StatementAnalysis.Of(SqlScript.Parse(text).Statements.Single());
    }

    private IEnumerable<(string Column, IReadOnlySet<SourceColumn> Sources)> Insert(
        StatementAnalysis analysis, IReadOnlyList<string> targetColumns, QueryLineage walker, List<string> unresolved)
    {
        var (columns, byName, query) = WriteClauses.Insert(analysis);
        var output = walker.Query(SqlParseTree.Parse(duckDb, query), null);
        if (byName)
        {
            return output.Select(o => (o.Name, o.Sources));
        }

        var names = columns ?? targetColumns;
        if (names.Count != output.Count)
        {
            unresolved.Add($"{output.Count} query columns for {names.Count} target columns");
        }

        return names.Zip(output, (name, o) => (name, o.Sources));
    }

    private IEnumerable<(string Column, IReadOnlySet<SourceColumn> Sources)> Update(StatementAnalysis analysis, SchemaTableName target, QueryLineage walker)
    {
        var (set, from) = WriteClauses.Update(analysis);
        return Assigned(analysis, target, set, from, walker);
    }

    private IEnumerable<(string Column, IReadOnlySet<SourceColumn> Sources)> Merge(
        StatementAnalysis analysis, SchemaTableName target, IReadOnlyList<string> targetColumns, QueryLineage walker)
    {
        var (source, set, copiesSource) = WriteClauses.Merge(analysis, targetColumns);
        var flows = Assigned(analysis, target, set, source, walker).ToList();
        if (copiesSource)
        {
            var sourceColumns = walker.Query(SqlParseTree.Parse(duckDb, "SELECT * FROM " + source), null);
            flows.AddRange(sourceColumns.Where(c => targetColumns.Any(t => LineageRelation.Same(t, c.Name))).Select(c => (c.Name, c.Sources)));
        }

        return flows;
    }

    /// <summary>Assigned expressions become one SELECT over the target (under its alias) and the other relations.</summary>
    private IEnumerable<(string Column, IReadOnlySet<SourceColumn> Sources)> Assigned(
        StatementAnalysis analysis, SchemaTableName target, IReadOnlyList<Assignment> set, string? others, QueryLineage walker)
    {
        if (set.Count == 0)
        {
            return [];
        }

        var alias = analysis.Classification.TargetAlias ?? target.Table;
        var select = $"SELECT {string.Join(", ", set.Select(a => a.Expression))} FROM {target.ToSql()} AS {SqlIdentifier.Quote(alias)}"
            + (others is null ? "" : ", " + others);
        var output = walker.Query(SqlParseTree.Parse(duckDb, select), null);
        return set.Zip(output, (a, o) => (a.Column, o.Sources));
    }
}
