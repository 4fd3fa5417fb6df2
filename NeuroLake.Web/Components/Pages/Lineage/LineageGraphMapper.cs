using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Lineage;

namespace NeuroLake.Web.Components.Pages.Lineage;

/// <summary>
/// Maps the catalog's lineage (upstream and downstream of one table) to graph elements: in table mode one node per
/// table and one edge per pair of tables (column edges count for their tables); in column mode each table is a
/// compound node holding the columns that have column lineage, and column edges join them.
/// </summary>
public static class LineageGraphMapper
{
    public static GraphElements Map(SecurablePath start, LineageGraph upstream, LineageGraph downstream, bool columnLevel)
    {
        var table = start.TablePath;
        var edges = upstream.Edges.Concat(downstream.Edges)
            .DistinctBy(e => (e.Source, e.Target, e.ProducerKind, e.ProducerId))
            .ToList();
        var tables = new List<SecurablePath> { table };
        tables.AddRange(upstream.Nodes.Concat(downstream.Nodes).Select(n => n.Path.TablePath));
        tables.AddRange(edges.SelectMany(e => new[] { e.Source.TablePath, e.Target.TablePath }));
        var nodes = tables.Distinct().Select(t => TableNode(t, t == table)).ToList();
        var drawn = columnLevel ? edges.Where(e => e.Source.Column is not null).ToList() : edges;
        if (columnLevel)
        {
            nodes.AddRange(drawn.SelectMany(e => new[] { e.Source, e.Target }).Distinct()
                .Select(c => new GraphNode(c.ToString(), c.Column!, GraphNodeKind.Column, c.TablePath.ToString(), null, false)));
        }

        var graphEdges = drawn
            .GroupBy(e => columnLevel ? (e.Source.ToString(), e.Target.ToString()) : (e.Source.TablePath.ToString(), e.Target.TablePath.ToString()))
            .Where(g => g.Key.Item1 != g.Key.Item2)
            .Select(g => new GraphEdge(
                $"{g.Key.Item1}->{g.Key.Item2}",
                g.Key.Item1,
                g.Key.Item2,
                string.Join(", ", g.Select(e => e.ProducerKind.ToString().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)),
                string.Join("\n", g.Select(Producer).Distinct())))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return new GraphElements(nodes, graphEdges);
    }

    /// <summary>The table page a table node opens.</summary>
    public static string TablePage(SecurablePath table) => $"catalog/{table.Schema}/{table.Table}";

    private static GraphNode TableNode(SecurablePath table, bool isStart) =>
        new(table.ToString(), $"{table.Schema}.{table.Table}", GraphNodeKind.Table, null, TablePage(table), isStart);

    private static string Producer(LineageEdge edge) =>
        $"{edge.ProducerKind.ToString().ToLowerInvariant()} {edge.ProducerId}" + (string.IsNullOrWhiteSpace(edge.ProducerText) ? "" : $": {edge.ProducerText}");
}
