using NeuroLake.Web.Components.Pages.Lineage;

namespace NeuroLake.Web.Api.Lineage;

/// <summary>
/// A lineage graph as the API writes it: tables, columns (inside their table) and loaded files as nodes, data flow as
/// edges. Tables the caller may not SELECT are nodes named <c>Restricted table n</c>, never by their name.
/// </summary>
/// <param name="Start">The table or column the graph is drawn around.</param>
/// <param name="Depth">How many edges up and downstream were followed.</param>
public sealed record LineageGraphJson(string Start, int Depth, IReadOnlyList<LineageNodeJson> Nodes, IReadOnlyList<LineageEdgeJson> Edges)
{
    public static LineageGraphJson From(string start, int depth, GraphElements graph) => new(
        start,
        depth,
        graph.Nodes.Select(n => new LineageNodeJson(n.Id, n.Label, n.Kind, n.Parent, n.IsStart)).ToList(),
        graph.Edges.Select(e => new LineageEdgeJson(e.Source, e.Target, e.Label.Split(", "), e.Tooltip.Split('\n'))).ToList());
}

/// <summary>A node: a table or column by its dotted name (or <c>restricted-n</c>), or a source file (<c>file:sha256</c>).</summary>
/// <param name="Parent">For a column, its table's id.</param>
/// <param name="IsStart">True for the table the graph is drawn around.</param>
public sealed record LineageNodeJson(string Id, string Label, GraphNodeKind Kind, string? Parent, bool IsStart);

/// <summary>Data flowed from <paramref name="Source"/> to <paramref name="Target"/>.</summary>
/// <param name="Producers">What moved it: <c>statement</c>, <c>job</c>, <c>ingestion</c>.</param>
/// <param name="Details">Each producer with its id and text (the SQL), withheld where it would name a table the caller may not read.</param>
public sealed record LineageEdgeJson(string Source, string Target, IReadOnlyList<string> Producers, IReadOnlyList<string> Details);
