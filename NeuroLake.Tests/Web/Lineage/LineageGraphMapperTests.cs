using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Web.Components.Pages.Lineage;

namespace NeuroLake.Tests.Web.Lineage;

public sealed class LineageGraphMapperTests
{
    private static readonly SecurablePath Birds = SecurablePath.Parse("main.default.birds");
    private static readonly SecurablePath Raw = SecurablePath.Parse("main.staging.raw_birds");
    private static readonly SecurablePath Costs = SecurablePath.Parse("main.default.costs");
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private static LineageEdge Edge(SecurablePath from, SecurablePath to, LineageProducerKind kind = LineageProducerKind.Statement, string id = "q1", string text = "CREATE TABLE default.costs AS SELECT cost FROM default.birds") =>
        new(from, to, kind, id, text, At);

    private static readonly LineageGraph Upstream = new(
        [new LineageNode(Raw, 1)],
        [Edge(Raw, Birds, LineageProducerKind.Ingestion, "load-1", "raw_birds.csv")]);

    private static readonly LineageGraph Downstream = new(
        [new LineageNode(Costs, 1)],
        [
            Edge(Birds, Costs),
            Edge(Birds with { Column = "cost" }, Costs with { Column = "total" }),
            Edge(Birds with { Column = "cost" }, Costs with { Column = "cost" }),
        ]);

    [Fact]
    public void Table_mode_has_one_node_per_table_and_one_edge_per_pair_with_the_start_marked()
    {
        var graph = LineageGraphMapper.Map(Birds, Upstream, Downstream, columnLevel: false);

        Assert.Equal(["main.default.birds", "main.staging.raw_birds", "main.default.costs"], graph.Nodes.Select(n => n.Id));
        Assert.All(graph.Nodes, n => Assert.Equal(GraphNodeKind.Table, n.Kind));
        Assert.True(graph.Nodes.Single(n => n.IsStart).Id == "main.default.birds");
        Assert.Equal("catalog/staging/raw_birds", graph.Nodes.Single(n => n.Id == "main.staging.raw_birds").Href);
        Assert.Equal(
            [("main.default.birds", "main.default.costs", "statement"), ("main.staging.raw_birds", "main.default.birds", "ingestion")],
            graph.Edges.Select(e => (e.Source, e.Target, e.Label)));
    }

    [Fact]
    public void Edge_tooltips_name_each_producer_and_its_text_once()
    {
        var graph = LineageGraphMapper.Map(Birds, Upstream, Downstream, columnLevel: false);

        var edge = graph.Edges.Single(e => e.Target == "main.default.costs");
        Assert.Equal("statement q1: CREATE TABLE default.costs AS SELECT cost FROM default.birds", edge.Tooltip);
    }

    [Fact]
    public void Column_mode_puts_columns_inside_their_tables_and_draws_column_edges_only()
    {
        var graph = LineageGraphMapper.Map(Birds, Upstream, Downstream, columnLevel: true);

        var columns = graph.Nodes.Where(n => n.Kind == GraphNodeKind.Column).ToList();
        Assert.Equal(["main.default.birds.cost", "main.default.costs.total", "main.default.costs.cost"], columns.Select(c => c.Id));
        Assert.Equal(["main.default.birds", "main.default.costs", "main.default.costs"], columns.Select(c => c.Parent));
        Assert.Equal(["cost", "total", "cost"], columns.Select(c => c.Label));
        Assert.Equal(
            ["main.default.birds.cost->main.default.costs.cost", "main.default.birds.cost->main.default.costs.total"],
            graph.Edges.Select(e => e.Id));
        Assert.Contains(graph.Nodes, n => n.Id == "main.staging.raw_birds");
    }

    [Fact]
    public void Edges_seen_from_both_directions_and_by_several_producers_merge_into_one()
    {
        var again = new LineageGraph([], [Edge(Birds, Costs), Edge(Birds, Costs, LineageProducerKind.Job, "nightly", "")]);

        var graph = LineageGraphMapper.Map(Birds, again, Downstream, columnLevel: false);

        var edge = Assert.Single(graph.Edges);
        Assert.Equal("job, statement", edge.Label);
        Assert.Equal(2, edge.Tooltip.Split('\n').Length);
    }

    [Fact]
    public void Files_loaded_into_tables_of_the_graph_are_file_nodes_with_an_ingestion_edge_in_both_modes()
    {
        var sha = new string('a', 64);
        SourceFileNode[] files =
        [
            new(Raw, "raw_birds.csv", 1234, sha, 0, "load-1"),
            new(Raw, "raw_birds.csv", 1234, sha, 3, "load-2"),
            new(SecurablePath.Parse("main.other.unrelated"), "other.csv", 1, new string('b', 64), 0, null),
        ];

        foreach (var columnLevel in new[] { false, true })
        {
            var graph = LineageGraphMapper.Map(Birds, Upstream, Downstream, columnLevel, files);

            var file = Assert.Single(graph.Nodes, n => n.Kind == GraphNodeKind.File);
            Assert.Equal(("file:" + sha, "raw_birds.csv", null), (file.Id, file.Label, file.Href));
            var edge = Assert.Single(graph.Edges, e => e.Source == file.Id);
            Assert.Equal(("main.staging.raw_birds", "ingestion"), (edge.Target, edge.Label));
            Assert.Equal(
                [$"ingestion load-1: raw_birds.csv (1,234 bytes, SHA-256 {sha}) → version 0", $"ingestion load-2: raw_birds.csv (1,234 bytes, SHA-256 {sha}) → version 3"],
                edge.Tooltip.Split('\n'));
        }
    }

    [Fact]
    public void A_table_without_lineage_maps_to_its_own_node_and_no_edges()
    {
        var graph = LineageGraphMapper.Map(Birds, new LineageGraph([], []), new LineageGraph([], []), columnLevel: false);

        Assert.True(graph.IsEmpty);
        Assert.Equal("main.default.birds", Assert.Single(graph.Nodes).Id);
    }
}
