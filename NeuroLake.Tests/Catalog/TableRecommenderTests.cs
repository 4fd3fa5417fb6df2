using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Recommendations;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Catalog.Usage;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog;

public sealed class TableRecommenderTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Related_tables_come_from_lineage_co_usage_and_similar_schemas_each_with_its_reason(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var registrar = services.GetRequiredService<ICatalogRegistrar>();
        var catalog = Unique("c");
        SecurablePath P(string name) => new(catalog, "s", name);
        var orderColumns = new[] { Column("order_id", "long", false), Column("customer_ref"), Column("amount", "double") };
        await registrar.RegisterTableAsync(Table(catalog, "s", "orders", 0, orderColumns));
        await registrar.RegisterTableAsync(Table(catalog, "s", "raw_orders", 0, Column("payload")));
        await registrar.RegisterTableAsync(Table(catalog, "s", "returns", 0, Column("payload_id")));
        await registrar.RegisterTableAsync(Table(catalog, "s", "customers", 0, Column("cid"), Column("mail")));
        await registrar.RegisterTableAsync(Table(catalog, "s", "orders_archive", 0, orderColumns));
        await registrar.RegisterTableAsync(Table(catalog, "s", "unrelated", 0, Column("x")));
        await services.GetRequiredService<LineageStore>().RecordAsync(
        [
            new(P("raw_orders"), P("orders"), LineageProducerKind.Ingestion, "ing-1"),
            new(P("raw_orders"), P("returns"), LineageProducerKind.Job, "job-1"),
        ]);
        var at = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        await services.GetRequiredService<UsageStore>().RecordAccessAsync("ana", [P("orders"), P("customers")], [], at);
        await services.GetRequiredService<UsageStore>().RecordAccessAsync("bo", [P("orders"), P("customers")], [], at);

        var related = await services.GetRequiredService<TableRecommender>().RecommendAsync(P("orders"));

        var byTable = related.ToDictionary(r => r.Table.Table!, r => r.Reasons);
        Assert.Equal(["customers", "orders_archive", "raw_orders", "returns"], byTable.Keys.Order());
        Assert.Equal(["lineage: this table is derived from it"], byTable["raw_orders"]);
        Assert.Equal([$"lineage: both are derived from {P("raw_orders")}"], byTable["returns"]);
        Assert.Equal(["co-usage: queried together 2 times"], byTable["customers"]);
        Assert.Equal(["similar schema: shares columns amount, customer_ref, order_id"], byTable["orders_archive"]);
        Assert.Equal("raw_orders", related[0].Table.Table);
    }
}
