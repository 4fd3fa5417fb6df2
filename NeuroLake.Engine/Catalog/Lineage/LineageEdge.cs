using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Lineage;

/// <summary>
/// Data flowed from <see cref="Source"/> into <see cref="Target"/>: both tables (catalog.schema.table) or both columns
/// (catalog.schema.table.column). <see cref="ProducerId"/> names the statement, job or ingestion that moved it.
/// </summary>
public sealed record LineageEdgeInput(
    SecurablePath Source,
    SecurablePath Target,
    LineageProducerKind ProducerKind,
    string ProducerId,
    string ProducerText = "");

/// <summary>A recorded lineage edge.</summary>
public sealed record LineageEdge(
    SecurablePath Source,
    SecurablePath Target,
    LineageProducerKind ProducerKind,
    string ProducerId,
    string ProducerText,
    DateTimeOffset CreatedAt);

/// <summary>A node reached by a traversal, with its distance (in edges) from the start.</summary>
public sealed record LineageNode(SecurablePath Path, int Depth);

/// <summary>What a traversal reached (the start excluded) and the edges it followed.</summary>
public sealed record LineageGraph(IReadOnlyList<LineageNode> Nodes, IReadOnlyList<LineageEdge> Edges);
