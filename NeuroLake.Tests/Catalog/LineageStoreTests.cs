using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog;

public sealed class LineageStoreTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Traversal_reaches_every_depth_both_ways_and_terminates_on_cycles(CatalogProvider provider)
    {
        var (lineage, t) = await OpenAsync(provider, "raw", "clean", "mart", "report", "side");
        // raw → clean → mart → report → raw (a cycle), and side → clean.
        await lineage.RecordAsync(
        [
            Edge(t["raw"], t["clean"]), Edge(t["clean"], t["mart"]), Edge(t["mart"], t["report"]),
            Edge(t["report"], t["raw"]), Edge(t["side"], t["clean"]),
        ]);

        var downstream = await lineage.DownstreamAsync(t["clean"]);
        var upstream = await lineage.UpstreamAsync(t["mart"]);
        var oneLevel = await lineage.UpstreamAsync(t["mart"], maxDepth: 1);

        Assert.Equal([(t["mart"], 1), (t["report"], 2), (t["raw"], 3)], downstream.Nodes.Select(n => (n.Path, n.Depth)));
        Assert.Equal([(t["clean"], 1), (t["raw"], 2), (t["side"], 2), (t["report"], 3)], upstream.Nodes.Select(n => (n.Path, n.Depth)));
        Assert.Equal(t["clean"], Assert.Single(oneLevel.Nodes).Path);
        var edge = Assert.Single(oneLevel.Edges);
        Assert.Equal((t["clean"], t["mart"], LineageProducerKind.Statement, "stmt-1"), (edge.Source, edge.Target, edge.ProducerKind, edge.ProducerId));
    }

    [Theory, CatalogProviders]
    public async Task Column_traversal_follows_only_the_column_edges_of_that_column(CatalogProvider provider)
    {
        var (lineage, t) = await OpenAsync(provider, "a", "b", "c");
        await lineage.RecordAsync(
        [
            new(t["a"] with { Column = "id" }, t["b"] with { Column = "id" }, LineageProducerKind.Job, "job-7", "nightly copy"),
            new(t["b"] with { Column = "id" }, t["c"] with { Column = "name" }, LineageProducerKind.Ingestion, "ing-1"),
            new(t["a"] with { Column = "name" }, t["b"] with { Column = "name" }, LineageProducerKind.Job, "job-7"),
            Edge(t["a"], t["c"]),
        ]);

        var fromId = await lineage.DownstreamAsync(t["a"] with { Column = "id" });
        var tableLevel = await lineage.DownstreamAsync(t["a"]);

        Assert.Equal([(t["b"] with { Column = "id" }, 1), (t["c"] with { Column = "name" }, 2)], fromId.Nodes.Select(n => (n.Path, n.Depth)));
        Assert.Equal([t["b"], t["c"]], tableLevel.Nodes.Select(n => n.Path));
    }

    [Theory, CatalogProviders]
    public async Task Edges_to_unknown_tables_or_columns_or_across_levels_are_refused_and_none_are_recorded(CatalogProvider provider)
    {
        var (lineage, t) = await OpenAsync(provider, "a", "b");
        LineageEdgeInput[][] bad =
        [
            [Edge(t["a"], t["b"]), Edge(t["a"], t["a"] with { Table = "ghost" })],
            [Edge(t["a"], t["b"]), new(t["a"] with { Column = "ghost" }, t["b"] with { Column = "id" }, LineageProducerKind.Job, "j")],
            [Edge(t["a"], t["b"]), new(t["a"], t["b"] with { Column = "id" }, LineageProducerKind.Job, "j")],
            [new(t["a"], t["b"], LineageProducerKind.Job, "")],
        ];

        foreach (var edges in bad)
        {
            await Assert.ThrowsAsync<CatalogException>(() => lineage.RecordAsync(edges));
        }

        Assert.Empty((await lineage.DownstreamAsync(t["a"])).Nodes);
    }

    private static LineageEdgeInput Edge(SecurablePath source, SecurablePath target) =>
        new(source, target, LineageProducerKind.Statement, "stmt-1", "INSERT INTO ... SELECT ...");

    private async Task<(LineageStore, Dictionary<string, SecurablePath>)> OpenAsync(CatalogProvider provider, params string[] tables)
    {
        var services = await databases.OpenAsync(provider);
        var registrar = services.GetRequiredService<ICatalogRegistrar>();
        var catalog = Unique("c");
        var paths = new Dictionary<string, SecurablePath>();
        foreach (var name in tables)
        {
            await registrar.RegisterTableAsync(Table(catalog, "s", name));
            paths[name] = new SecurablePath(catalog, "s", name);
        }

        return (services.GetRequiredService<LineageStore>(), paths);
    }
}
