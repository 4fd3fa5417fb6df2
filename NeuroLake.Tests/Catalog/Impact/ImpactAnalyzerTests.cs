using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Impact;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Catalog.Usage;
using NeuroLake.Engine.Configuration;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog.Impact;

/// <summary>
/// raw → clean → mart → report and raw → side, at table and column level (raw.amount → clean.amount → mart.total →
/// report.total; raw.name → clean.name and side.name; raw.id → clean.id → mart.id); mart was used 5 times this month,
/// side once 40 days ago. Expected scores follow <see cref="RiskModel"/>'s documented formula.
/// </summary>
public sealed class ImpactAnalyzerTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Every_downstream_table_is_listed_with_its_path_and_riskiest_first(CatalogProvider provider)
    {
        var (analyzer, t) = await ArrangeAsync(provider);

        var report = await analyzer.AnalyzeAsync(t["raw"]);

        Assert.Equal(t["raw"], report.Start);
        Assert.Equal(
            [(t["clean"], 1, 36.7), (t["side"], 1, 30.0), (t["mart"], 2, 28.4), (t["report"], 3, 10.0)],
            report.Assets.Select(a => (a.Asset, a.Depth, a.RiskScore)));
        var report3 = report.Assets.Single(a => a.Asset == t["report"]);
        Assert.Equal([t["raw"], t["clean"], t["mart"], t["report"]], report3.Path);
        var mart = report.Assets.Single(a => a.Asset == t["mart"]);
        Assert.Equal(
            [("depth", "2", 15.0), ("consumers", "1", 6.7), ("recent usage", "5", 6.7)],
            mart.Factors.Select(f => (f.Name, f.Value, f.Contribution)));
        Assert.All(report.Assets, a => Assert.Equal(a.RiskScore, Math.Round(a.Factors.Sum(f => f.Contribution), 1)));
        Assert.All(report.Assets, a => Assert.All(a.Factors, f => Assert.False(string.IsNullOrWhiteSpace(f.Explanation))));
    }

    [Theory, CatalogProviders]
    public async Task A_breaking_change_weighs_most_on_assets_that_read_the_changed_column(CatalogProvider provider)
    {
        var (analyzer, t) = await ArrangeAsync(provider);

        var report = await analyzer.AnalyzeAsync(t["raw"], ProposedChange.DropColumn("amount"));

        Assert.Equal(
            [(t["clean"], 66.7), (t["mart"], 58.4), (t["side"], 40.0), (t["report"], 40.0)],
            report.Assets.Select(a => (a.Asset, a.RiskScore)));
        var side = report.Assets.Single(a => a.Asset == t["side"]);
        Assert.Equal(("breaking", 10.0), Factor(side, "schema change"));
        Assert.Equal(("no", 0.0), Factor(side, "uses changed column"));
        Assert.Contains("dropped column", side.Factors.Single(f => f.Name == "schema change").Explanation);
        Assert.Equal(("yes", 20.0), Factor(report.Assets.Single(a => a.Asset == t["report"]), "uses changed column"));
    }

    [Theory, CatalogProviders]
    public async Task A_safe_change_adds_no_risk(CatalogProvider provider)
    {
        var (analyzer, t) = await ArrangeAsync(provider);

        var plain = await analyzer.AnalyzeAsync(t["raw"]);
        var added = await analyzer.AnalyzeAsync(t["raw"], ProposedChange.AddColumn("note", "string"));

        Assert.Equal(plain.Assets.Select(a => (a.Asset, a.RiskScore)), added.Assets.Select(a => (a.Asset, a.RiskScore)));
        Assert.All(added.Assets, a => Assert.Equal(("safe", 0.0), Factor(a, "schema change")));
    }

    [Theory, CatalogProviders]
    public async Task A_column_start_lists_downstream_columns(CatalogProvider provider)
    {
        var (analyzer, t) = await ArrangeAsync(provider);
        var name = t["raw"] with { Column = "name" };

        var report = await analyzer.AnalyzeAsync(name, ProposedChange.RenameColumn("name", "full_name"));

        Assert.Equal([t["clean"] with { Column = "name" }, t["side"] with { Column = "name" }], report.Assets.Select(a => a.Asset));
        Assert.Equal([name, t["side"] with { Column = "name" }], report.Assets[1].Path);
        Assert.All(report.Assets, a => Assert.Equal(("yes", 20.0), Factor(a, "uses changed column")));
    }

    [Theory, CatalogProviders]
    public async Task Bad_starts_and_changes_are_refused_with_what_to_fix(CatalogProvider provider)
    {
        var (analyzer, t) = await ArrangeAsync(provider);

        var schema = await Assert.ThrowsAsync<CatalogException>(() => analyzer.AnalyzeAsync(new SecurablePath(t["raw"].Catalog, "s")));
        var unknown = await Assert.ThrowsAsync<CatalogException>(() => analyzer.AnalyzeAsync(t["raw"] with { Table = "ghost" }));
        var missingColumn = await Assert.ThrowsAsync<CatalogException>(() => analyzer.AnalyzeAsync(t["raw"], ProposedChange.DropColumn("ghost")));
        var otherColumn = await Assert.ThrowsAsync<CatalogException>(() =>
            analyzer.AnalyzeAsync(t["raw"] with { Column = "name" }, ProposedChange.DropColumn("amount")));
        var noType = await Assert.ThrowsAsync<CatalogException>(() => analyzer.AnalyzeAsync(t["raw"], new ProposedChange(ProposedChangeKind.ChangeType, "amount")));

        Assert.Contains("table or a column", schema.Message);
        Assert.Contains("ghost", unknown.Message);
        Assert.Contains("ghost", missingColumn.Message);
        Assert.Contains("start at the table", otherColumn.Message);
        Assert.Contains("needs a new type", noType.Message);
    }

    private static (string Value, double Contribution) Factor(ImpactedAsset asset, string name)
    {
        var factor = asset.Factors.Single(f => f.Name == name);
        return (factor.Value, factor.Contribution);
    }

    private async Task<(ImpactAnalyzer, Dictionary<string, SecurablePath>)> ArrangeAsync(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var registrar = services.GetRequiredService<ICatalogRegistrar>();
        var catalog = Unique("c");
        var columns = new Dictionary<string, ColumnDescriptor[]>
        {
            ["raw"] = [Column("id", "long"), Column("name"), Column("amount", "long")],
            ["clean"] = [Column("id", "long"), Column("name"), Column("amount", "long")],
            ["mart"] = [Column("id", "long"), Column("total", "long")],
            ["side"] = [Column("name")],
            ["report"] = [Column("total", "long")],
        };
        var t = new Dictionary<string, SecurablePath>();
        foreach (var (name, fields) in columns)
        {
            await registrar.RegisterTableAsync(Table(catalog, "s", name, 0, fields));
            t[name] = new SecurablePath(catalog, "s", name);
        }

        LineageEdgeInput Edge(string from, string to, string? fromColumn = null, string? toColumn = null) =>
            new(t[from] with { Column = fromColumn }, t[to] with { Column = toColumn }, LineageProducerKind.Statement, "stmt");
        await services.GetRequiredService<LineageStore>().RecordAsync(
        [
            Edge("raw", "clean"), Edge("clean", "mart"), Edge("raw", "side"), Edge("mart", "report"),
            Edge("raw", "clean", "id", "id"), Edge("raw", "clean", "name", "name"), Edge("raw", "clean", "amount", "amount"),
            Edge("clean", "mart", "id", "id"), Edge("clean", "mart", "amount", "total"),
            Edge("raw", "side", "name", "name"), Edge("mart", "report", "total", "total"),
        ]);
        var usage = services.GetRequiredService<UsageStore>();
        for (var i = 0; i < 5; i++)
        {
            await usage.RecordAccessAsync("ana", [t["mart"]], [], DateTimeOffset.UtcNow);
        }

        await usage.RecordAccessAsync("ana", [t["side"]], [], DateTimeOffset.UtcNow.AddDays(-40));
        return (services.GetRequiredService<ImpactAnalyzer>(), t);
    }
}
