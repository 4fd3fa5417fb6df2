using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog;

/// <summary>The per-statement table lookups are cached; every change saved since must show at once.</summary>
public sealed class CatalogTableCacheTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task A_looked_up_table_shows_each_change_saved_after_the_lookup(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var store = services.GetRequiredService<CatalogStore>();
        var registrar = services.GetRequiredService<ICatalogRegistrar>();
        var catalog = Unique("c");
        var path = new SecurablePath(catalog, "s", "a");
        await registrar.RegisterTableAsync(Table(catalog, "s", "a"));
        Assert.Null((await FindAsync(store, catalog)).Columns.Single(c => c.Name == "name").Pii);

        await store.ClassifyColumnAsync(path with { Column = "name" }, "PersonName", new PiiClassification("PersonName", 0.9, PiiSource.Manual));
        Assert.Equal("PersonName", (await FindAsync(store, catalog)).Columns.Single(c => c.Name == "name").Pii?.Type);

        await store.SetOwnerAsync(path, "bob");
        Assert.Equal("bob", (await FindAsync(store, catalog)).Owner);

        await registrar.RegisterTableAsync(Table(catalog, "s", "a", version: 7, Column("id", "long", nullable: false), Column("name"), Column("added")));
        var committed = await FindAsync(store, catalog);
        Assert.Equal(7, committed.CurrentVersion);
        Assert.Contains(committed.Columns, c => c.Name == "added");

        await store.DeleteTableAsync(path);
        Assert.Empty(await store.FindTablesAsync(catalog, [("s", "a")]));
        Assert.Empty(await store.FindTableLocationsAsync(catalog, [("s", "a")]));
    }

    [Theory, CatalogProviders]
    public async Task A_table_dropped_and_registered_again_elsewhere_is_found_at_its_new_location(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var store = services.GetRequiredService<CatalogStore>();
        var registrar = services.GetRequiredService<ICatalogRegistrar>();
        var catalog = Unique("c");
        await registrar.RegisterTableAsync(Table(catalog, "s", "a"));
        Assert.Equal($"/warehouse/{catalog}/s/a", (await store.FindTableLocationsAsync(catalog, [("s", "a")]))[("s", "a")]);
        await store.FindTablesAsync(catalog, [("s", "a")]);

        await store.DeleteTableAsync(new SecurablePath(catalog, "s", "a"));
        await registrar.RegisterTableAsync(Table(catalog, "s", "a") with { Location = "/elsewhere/a" });

        Assert.Equal("/elsewhere/a", (await store.FindTableLocationsAsync(catalog, [("s", "a")]))[("s", "a")]);
        Assert.Equal("/elsewhere/a", (await store.FindTablesAsync(catalog, [("s", "a")]))[("s", "a")].Location);
    }

    private static async Task<TableInfo> FindAsync(CatalogStore store, string catalog) =>
        (await store.FindTablesAsync(catalog, [("s", "a")]))[("s", "a")];
}
