using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Lineage;

/// <summary>
/// Records the lineage of a committed write (CTAS, INSERT, INSERT OVERWRITE, UPDATE, MERGE) in the catalog: a table
/// edge from every table the statement read into the target, and a column edge from every source column into each
/// target column it feeds. Failures are logged, never thrown: the user's write has already committed.
/// </summary>
internal sealed class LineageRecorder(LineageStore store, CatalogStore catalog, DuckDbDatabase duckDb, string catalogName, ILogger logger)
{
    private static readonly HashSet<StatementKind> Writes =
        [StatementKind.CreateTableAsSelect, StatementKind.Insert, StatementKind.InsertOverwrite, StatementKind.Update, StatementKind.Merge];

    private readonly ColumnLineageExtractor _extractor = new(duckDb);

    /// <summary>Records the lineage of <paramref name="analysis"/> when it is a write that committed a version.</summary>
    /// <remarks>Runs to the end even if the caller cancels meanwhile: the write it describes has committed.</remarks>
    public async Task RecordAsync(StatementAnalysis analysis, StatementOutcome outcome, QueryRequest request)
    {
        if (!Writes.Contains(analysis.Kind) || outcome.TableWritten is not { } written)
        {
            return;
        }

        var statementId = Guid.NewGuid().ToString("N");
        var text = analysis.Statement.Text;
        var targetName = new SchemaTableName(written.Schema, written.Table);
        var target = SecurablePath.ForTable(catalogName, written.Schema, written.Table);
        try
        {
            var tables = await TablesAsync(analysis.Reads.Select(r => r.Name.ToSchemaTable(request.DefaultSchema)).Append(targetName));
            target = PathOf(tables, targetName);
            var tableEdges = (outcome.TablesRead ?? [])
                .Select(r => PathOf(tables, new SchemaTableName(r.Schema, r.Table)))
                .Where(source => source != target).Distinct()
                .Select(source => new LineageEdgeInput(source, target, LineageProducerKind.Statement, statementId, text))
                .ToList();
            await store.RecordAsync(tableEdges);
            await RecordColumnsAsync(analysis, request, tables, target, statementId, text);
            logger.Recorded(statementId, target.ToString(), tableEdges.Count);
        }
        catch (Exception e)
        {
            logger.LineageFailed(e, statementId, target.ToString());
        }
    }

    /// <summary>Column edges go in a second step, so a statement lineage cannot follow still keeps its table edges.</summary>
    private async Task RecordColumnsAsync(
        StatementAnalysis analysis, QueryRequest request, Dictionary<string, TableInfo> tables, SecurablePath target, string statementId, string text)
    {
        try
        {
            var lineage = _extractor.Extract(analysis, request.DefaultSchema,
                name => tables.TryGetValue(name.ToString(), out var table) ? table.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name).ToList() : null);
            if (lineage.Unresolved.Count > 0)
            {
                logger.Partial(statementId, target.ToString(), string.Join("; ", lineage.Unresolved));
            }

            var edges = lineage.Columns
                .SelectMany(c => c.Sources.Select(s => new LineageEdgeInput(
                    PathOf(tables, new SchemaTableName(s.Schema, s.Table)) with { Column = s.Column },
                    target with { Column = c.Column }, LineageProducerKind.Statement, statementId, text)))
                .ToList();
            await store.RecordAsync(edges);
        }
        catch (Exception e)
        {
            logger.ColumnLineageFailed(e, statementId, target.ToString());
        }
    }

    /// <summary>The catalog's entries for the tables, keyed case-insensitively by schema.table.</summary>
    private async Task<Dictionary<string, TableInfo>> TablesAsync(IEnumerable<SchemaTableName> names)
    {
        var tables = new Dictionary<string, TableInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names.Distinct())
        {
            if (!tables.ContainsKey(name.ToString())
                && await catalog.FindTableAsync(SecurablePath.ForTable(catalogName, name.Schema, name.Table)) is { } table)
            {
                tables[name.ToString()] = table;
            }
        }

        return tables;
    }

    /// <summary>The name as the catalog spells it, since catalog lookups compare names exactly.</summary>
    private SecurablePath PathOf(Dictionary<string, TableInfo> tables, SchemaTableName name) =>
        tables.TryGetValue(name.ToString(), out var table) ? table.Path : SecurablePath.ForTable(catalogName, name.Schema, name.Table);
}
