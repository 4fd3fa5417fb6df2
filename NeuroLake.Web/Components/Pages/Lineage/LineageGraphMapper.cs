using System.Globalization;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Lineage;

namespace NeuroLake.Web.Components.Pages.Lineage;

/// <summary>
/// Maps the catalog's lineage (upstream and downstream of one table) to graph elements: in table mode one node per
/// table and one edge per pair of tables (column edges count for their tables); in column mode each table is a
/// compound node holding the columns that have column lineage, and column edges join them. Files loaded into any
/// table of the graph are file nodes with an ingestion edge to their table, in both modes.
/// </summary>
public static class LineageGraphMapper
{
    public static GraphElements Map(SecurablePath start, LineageGraph upstream, LineageGraph downstream, bool columnLevel, IReadOnlyList<SourceFileNode>? files = null)
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
        var loaded = (files ?? []).Where(f => nodes.Any(n => n.Id == f.Table.TablePath.ToString())).ToList();
        nodes.AddRange(loaded.DistinctBy(f => f.Sha256).Select(f => new GraphNode(FileId(f), f.FileName, GraphNodeKind.File, null, null, false)));
        graphEdges.AddRange(loaded
            .GroupBy(f => (File: FileId(f), Table: f.Table.TablePath.ToString()))
            .Select(g => new GraphEdge(
                $"{g.Key.File}->{g.Key.Table}",
                g.Key.File,
                g.Key.Table,
                "ingestion",
                string.Join("\n", g.OrderBy(f => f.TableVersion).Select(FileProducer))))
            .OrderBy(e => e.Id, StringComparer.Ordinal));
        return new GraphElements(nodes, graphEdges);
    }

    /// <summary>Files are named by content, so two loads of one file meet in one node.</summary>
    private static string FileId(SourceFileNode file) => "file:" + file.Sha256;

    private static string FileProducer(SourceFileNode file) =>
        string.Create(CultureInfo.InvariantCulture, $"ingestion {file.ProducerId}: {file.FileName} ({file.Size:N0} bytes, SHA-256 {file.Sha256}) → version {file.TableVersion}");

    /// <summary>The table page a table node opens.</summary>
    public static string TablePage(SecurablePath table) => $"catalog/{table.Schema}/{table.Table}";

    private static GraphNode TableNode(SecurablePath table, bool isStart) =>
        new(table.ToString(), $"{table.Schema}.{table.Table}", GraphNodeKind.Table, null, TablePage(table), isStart);

    private static string Producer(LineageEdge edge) =>
        $"{edge.ProducerKind.ToString().ToLowerInvariant()} {edge.ProducerId}" + (string.IsNullOrWhiteSpace(edge.ProducerText) ? "" : $": {edge.ProducerText}");
}
