using System.Text.Json.Serialization;

namespace NeuroLake.Web.Components.Pages.Lineage;

/// <summary>What a node stands for; sent to the graph module by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GraphNodeKind>))]
public enum GraphNodeKind
{
    Table,
    Column,
    File,
}

/// <summary>A node as cytoscape draws it; a column node sits inside its table's node (<see cref="Parent"/>).</summary>
/// <param name="Id">Unique id: the dotted path of a table or column.</param>
/// <param name="Label">Text on the node.</param>
/// <param name="Kind">Table, column or source file.</param>
/// <param name="Parent">The table node holding a column node; null otherwise.</param>
/// <param name="Href">Where clicking the node leads (the table page); null when nowhere.</param>
/// <param name="IsStart">True for the table the graph is drawn around.</param>
public sealed record GraphNode(string Id, string Label, GraphNodeKind Kind, string? Parent, string? Href, bool IsStart);

/// <summary>An edge from <see cref="Source"/> to <see cref="Target"/> labelled with what produced it.</summary>
/// <param name="Label">The producer kinds, e.g. <c>statement</c> or <c>ingestion, statement</c>.</param>
/// <param name="Tooltip">Every producer's text (SQL statement, job or ingestion), one per line.</param>
public sealed record GraphEdge(string Id, string Source, string Target, string Label, string Tooltip);

/// <summary>What the graph module draws.</summary>
public sealed record GraphElements(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    public bool IsEmpty => Edges.Count == 0;
}
