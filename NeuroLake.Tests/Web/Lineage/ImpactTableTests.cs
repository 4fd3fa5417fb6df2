using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Impact;
using NeuroLake.Web.Components.Pages.Lineage;

namespace NeuroLake.Tests.Web.Lineage;

public sealed class ImpactTableTests
{
    private static readonly ImpactRow[] Rows =
    [
        new("main.default.costs", 1, ["main.default.birds", "main.default.costs"], 42.5, [new("downstream_tables", "2", 20, "two tables read it")]),
        new("main.default.report", 2, ["main.default.birds", "main.default.costs", "main.default.report"], 80, [new("pii", "1", 50, "holds \"personal\" data, e.g. names")]),
        new("main.default.archive", 1, ["main.default.birds", "main.default.archive"], 42.5, []),
    ];

    [Fact]
    public void Rows_map_from_an_impact_report_with_paths_and_factors()
    {
        var start = SecurablePath.Parse("main.default.birds");
        var costs = SecurablePath.Parse("main.default.costs");
        var report = new ImpactReport(start, [new ImpactedAsset(costs, 1, [start, costs], 30, [new RiskFactor("depth", "1", 30, "reads the start directly")])]);

        var row = Assert.Single(ImpactRow.From(report));

        Assert.Equal(("main.default.costs", 1, 30.0), (row.Asset, row.Depth, row.RiskScore));
        Assert.Equal(["main.default.birds", "main.default.costs"], row.Path);
        Assert.Equal(new ImpactFactor("depth", "1", 30, "reads the start directly"), Assert.Single(row.Factors));
    }

    [Fact]
    public void Rows_start_riskiest_first_with_ties_in_name_order()
    {
        var table = new ImpactTable(Rows);

        Assert.Equal(["main.default.report", "main.default.archive", "main.default.costs"], table.Rows.Select(r => r.Asset));
        Assert.Equal("descending", table.AriaSort(ImpactColumn.RiskScore));
        Assert.Equal("none", table.AriaSort(ImpactColumn.Depth));
    }

    [Fact]
    public void Sorting_a_column_twice_flips_it_and_names_sort_from_a()
    {
        var table = new ImpactTable(Rows);

        table.SortBy(ImpactColumn.Asset);
        var byName = table.Rows.Select(r => r.Asset).ToList();
        table.SortBy(ImpactColumn.Depth);
        var deepest = table.Rows[0].Asset;
        table.SortBy(ImpactColumn.Depth);

        Assert.Equal(["main.default.archive", "main.default.costs", "main.default.report"], byName);
        Assert.Equal("main.default.report", deepest);
        Assert.Equal(("ascending", 1), (table.AriaSort(ImpactColumn.Depth), table.Rows[0].Depth));
    }

    [Fact]
    public void The_csv_holds_the_rows_as_shown_with_quoted_fields()
    {
        var table = new ImpactTable(Rows);
        table.SortBy(ImpactColumn.Asset);

        var lines = table.ToCsv().Split("\r\n");

        Assert.Equal("asset,depth,path,risk_score,factors", lines[0]);
        Assert.Equal("main.default.archive,1,main.default.birds > main.default.archive,42.5,", lines[1]);
        Assert.Equal("main.default.costs,1,main.default.birds > main.default.costs,42.5,downstream_tables=2 (+20): two tables read it", lines[2]);
        Assert.Equal("main.default.report,2,main.default.birds > main.default.costs > main.default.report,80,\"pii=1 (+50): holds \"\"personal\"\" data, e.g. names\"", lines[3]);
        Assert.Equal("", lines[4]);
    }
}
