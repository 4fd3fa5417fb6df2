namespace NeuroLake.Web.Components.Pages.Lineage;

/// <summary>
/// Hides from a lineage graph the tables its viewer may not SELECT while keeping its edges honest: each such table
/// becomes an anonymous "Restricted table n" node (no name, no link, no columns) so the viewer sees that data flows
/// through something they cannot read, never what it is. Producer texts (SQL) of edges that touch a restricted table
/// would name it, so they are withheld wherever they appear.
/// </summary>
public static class RestrictedLineage
{
    public const string Label = "Restricted table";

    public const string WithheldProducer = "(withheld: it names a table you may not read)";

    /// <param name="hiddenTables">Ids (dotted paths) of the table nodes to hide.</param>
    public static GraphElements Hide(GraphElements graph, IReadOnlySet<string> hiddenTables)
    {
        if (hiddenTables.Count == 0)
        {
            return graph;
        }

        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes.Where(n => n.Kind == GraphNodeKind.Table && hiddenTables.Contains(n.Id)))
        {
            aliases[node.Id] = $"restricted-{aliases.Count + 1}";
        }

        foreach (var column in graph.Nodes.Where(n => n.Kind == GraphNodeKind.Column && n.Parent is not null && aliases.ContainsKey(n.Parent)))
        {
            aliases[column.Id] = aliases[column.Parent!];
        }

        var withheld = graph.Edges.Where(e => aliases.ContainsKey(e.Source) || aliases.ContainsKey(e.Target))
            .SelectMany(e => e.Tooltip.Split('\n')).ToHashSet(StringComparer.Ordinal);
        var nodes = graph.Nodes
            .Where(n => !(n.Kind == GraphNodeKind.Column && aliases.ContainsKey(n.Id)))
            .Select(n => aliases.TryGetValue(n.Id, out var alias) ? new GraphNode(alias, $"{Label} {alias[(alias.LastIndexOf('-') + 1)..]}", GraphNodeKind.Table, null, null, false) : n)
            .ToList();
        var edges = graph.Edges
            .Where(e => !(e.Label == "ingestion" && aliases.ContainsKey(e.Target)))
            .Select(e => (Source: aliases.GetValueOrDefault(e.Source, e.Source), Target: aliases.GetValueOrDefault(e.Target, e.Target), Edge: e))
            .Where(e => e.Source != e.Target)
            .GroupBy(e => (e.Source, e.Target))
            .Select(g => new GraphEdge(
                $"{g.Key.Source}->{g.Key.Target}",
                g.Key.Source,
                g.Key.Target,
                string.Join(", ", g.SelectMany(e => e.Edge.Label.Split(", ")).Distinct().Order(StringComparer.Ordinal)),
                string.Join("\n", g.SelectMany(e => e.Edge.Tooltip.Split('\n')).Select(line => withheld.Contains(line) ? WithheldProducer : line).Distinct())))
            .ToList();
        var fed = edges.Select(e => e.Source).ToHashSet(StringComparer.Ordinal);
        return new GraphElements(nodes.Where(n => n.Kind != GraphNodeKind.File || fed.Contains(n.Id)).ToList(), edges);
    }
}
