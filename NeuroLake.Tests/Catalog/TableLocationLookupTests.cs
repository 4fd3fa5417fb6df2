using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog;

public sealed class TableLocationLookupTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Locations_of_several_tables_come_back_for_registered_names_only(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var store = services.GetRequiredService<CatalogStore>();
        var registrar = services.GetRequiredService<ICatalogRegistrar>();
        var (catalog, other) = ("c" + Guid.NewGuid().ToString("N")[..8], "o" + Guid.NewGuid().ToString("N")[..8]);
        await registrar.RegisterTableAsync(Table(catalog, "s", "a"));
        await registrar.RegisterTableAsync(Table(catalog, "s", "b"));
        await registrar.RegisterTableAsync(Table(catalog, "t", "a"));
        await registrar.RegisterTableAsync(Table(other, "s", "a"));

        var found = await store.FindTableLocationsAsync(catalog, [("s", "a"), ("t", "a"), ("t", "b"), ("s", "ghost")]);

        Assert.Equal(
            new Dictionary<(string, string), string> { [("s", "a")] = $"/warehouse/{catalog}/s/a", [("t", "a")] = $"/warehouse/{catalog}/t/a" },
            found);
        Assert.Equal($"/warehouse/{catalog}/s/b", await store.FindTableLocationAsync(new SecurablePath(catalog, "s", "b")));
        Assert.Null(await store.FindTableLocationAsync(new SecurablePath(catalog, "s", "ghost")));
    }

    [Theory, CatalogProviders]
    public async Task Several_tables_with_their_columns_come_back_for_registered_names_only(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var store = services.GetRequiredService<CatalogStore>();
        var registrar = services.GetRequiredService<ICatalogRegistrar>();
        var (catalog, other) = ("c" + Guid.NewGuid().ToString("N")[..8], "o" + Guid.NewGuid().ToString("N")[..8]);
        await registrar.RegisterTableAsync(Table(catalog, "s", "a"));
        await registrar.RegisterTableAsync(Table(catalog, "t", "a"));
        await registrar.RegisterTableAsync(Table(other, "s", "a"));

        var found = await store.FindTablesAsync(catalog, [("s", "a"), ("t", "a"), ("s", "ghost")]);

        Assert.Equal([("s", "a"), ("t", "a")], found.Keys.Order());
        foreach (var (key, info) in found)
        {
            var single = await store.FindTableAsync(new SecurablePath(catalog, key.Schema, key.Table));
            Assert.Equal(single!.Path, info.Path);
            Assert.Equal(single.Location, info.Location);
            Assert.Equal(single.Columns.Select(c => (c.Name, c.Type)), info.Columns.Select(c => (c.Name, c.Type)));
            Assert.NotEmpty(info.Columns);
        }
    }
}
