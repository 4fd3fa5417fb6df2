using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Search;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components.Pages.Catalog;

namespace NeuroLake.Tests.Web.Catalog;

public sealed class CatalogPageModelTests
{
    private static readonly TableName Orders = new("sales", "orders");

    [Fact]
    public void The_explorer_search_round_trips_through_the_url_and_becomes_the_engine_query()
    {
        var search = ExplorerSearch.From("order totals", "table", "sales", "finance", "ana", "yes");

        Assert.Equal("catalog?q=order%20totals&kind=table&schema=sales&tag=finance&owner=ana&pii=yes", search.ToHref());
        var query = search.ToQuery();
        Assert.Equal(("order totals", SecurableKind.Table, "sales", "finance", "ana", (bool?)true), (query.Text, query.Kind, query.Schema, query.Tag, query.Owner, query.HasPii));
    }

    [Fact]
    public void Blank_or_unknown_explorer_filters_are_no_filter()
    {
        var query = ExplorerSearch.From("x", "views", " ", null, "", "maybe").ToQuery();

        Assert.Equal((null, null, null, null, (bool?)null), ((SecurableKind?)query.Kind, query.Schema, query.Tag, query.Owner, query.HasPii));
        Assert.Equal("catalog", ExplorerSearch.From(null, null, null, null, null, null).ToHref());
    }

    [Theory]
    [InlineData(SecurableKind.Table, "main.sales.orders", "catalog/sales/orders")]
    [InlineData(SecurableKind.Column, "main.sales.orders.email", "catalog/sales/orders?tab=columns")]
    [InlineData(SecurableKind.Schema, "main.sales", "catalog?schema=sales")]
    public void A_search_hit_links_to_where_it_is_shown(SecurableKind kind, string name, string href)
    {
        Assert.Equal(href, ExplorerSearch.HrefOf(new CatalogSearchHit(kind, name, name.Split('.')[^1], "", SearchMatch.ExactName)));
    }

    [Fact]
    public void Maintenance_statements_quote_names_and_write_numbers_invariantly()
    {
        Assert.Equal("OPTIMIZE \"sales\".\"orders\"", MaintenanceStatements.Optimize(Orders, []));
        Assert.Equal("OPTIMIZE \"sales\".\"orders\" ZORDER BY (\"day\", \"Customer Id\")", MaintenanceStatements.Optimize(Orders, ["day", "Customer Id"]));
        Assert.Equal("VACUUM \"sales\".\"orders\" RETAIN 168 HOURS DRY RUN", MaintenanceStatements.Vacuum(Orders, 168, dryRun: true));
        Assert.Equal("VACUUM \"sales\".\"orders\" RETAIN 0.5 HOURS", MaintenanceStatements.Vacuum(Orders, 0.5, dryRun: false));
    }

    [Fact]
    public void A_vacuum_preview_counts_its_files_and_says_when_there_are_more_than_listed()
    {
        var preview = new VacuumPreview(0, [("a.parquet", 1024), ("b.parquet", 512)]);

        Assert.Equal(("2 file(s)", 1536L), (preview.FileCount, preview.Bytes));
        Assert.Equal("more than 2 files", (preview with { More = true }).FileCount);
    }

    [Theory]
    [InlineData("24", 24.0)]
    [InlineData("0", 0.0)]
    [InlineData("1.5", 1.5)]
    public void A_retention_in_hours_is_read(string text, double hours)
    {
        Assert.Equal(hours, MaintenanceStatements.ParseRetention(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("a week")]
    [InlineData("NaN")]
    public void A_retention_that_is_not_hours_is_refused_saying_what_to_type(string text)
    {
        Assert.Null(MaintenanceStatements.ParseRetention(text, out var error));
        Assert.Contains("type a number of hours", error);
    }

    [Fact]
    public void Tags_are_split_at_commas_and_an_empty_entry_is_kept_for_the_catalog_to_refuse()
    {
        Assert.Equal(["finance", "daily"], TagList.Parse(" finance , daily "));
        Assert.Empty(TagList.Parse("  "));
        Assert.Equal(["a", "", "b"], TagList.Parse("a,,b"));
    }

    [Fact]
    public void Table_names_in_urls_must_be_identifiers()
    {
        Assert.Equal("\"sales\".\"orders\"", TableName.TryCreate("sales", "orders")!.Sql);
        Assert.Null(TableName.TryCreate("sales", "orders; DROP TABLE x"));
        Assert.Null(TableName.TryCreate("1sales", "orders"));
    }

    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1023, "1,023 bytes")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(50L * 1024 * 1024, "50 MiB")]
    public void Byte_counts_read_for_people(long bytes, string text) => Assert.Equal(text, ByteSize.Format(bytes));
}
