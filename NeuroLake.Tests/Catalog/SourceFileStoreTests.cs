using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog;

public sealed class SourceFileStoreTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    private static readonly string Sha = new('a', 64);

    [Theory, CatalogProviders]
    public async Task A_table_lists_the_files_loaded_into_it_newest_first_and_forgets_them_when_dropped(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var table = new SecurablePath(Unique("c"), "s", "orders");
        await services.GetRequiredService<ICatalogRegistrar>().RegisterTableAsync(Table(table.Catalog, "s", "orders"));
        var files = services.GetRequiredService<SourceFileStore>();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

        await files.RecordAsync(table, new SourceFileLineage("jan.csv", 10, Sha, at, 0, "load-1"));
        await files.RecordAsync(table, new SourceFileLineage("feb.csv.gz", 20, new string('b', 64), at.AddDays(1), 1, null));

        Assert.Equal(
            [new SourceFileLineage("feb.csv.gz", 20, new string('b', 64), at.AddDays(1), 1, null), new SourceFileLineage("jan.csv", 10, Sha, at, 0, "load-1")],
            await files.ForTableAsync(table));
        await services.GetRequiredService<CatalogStore>().DeleteTableAsync(table);
        await services.GetRequiredService<ICatalogRegistrar>().RegisterTableAsync(Table(table.Catalog, "s", "orders"));
        Assert.Empty(await files.ForTableAsync(table));
    }

    [Theory, CatalogProviders]
    public async Task Bad_hashes_names_and_unknown_tables_are_refused(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var table = new SecurablePath(Unique("c"), "s", "orders");
        await services.GetRequiredService<ICatalogRegistrar>().RegisterTableAsync(Table(table.Catalog, "s", "orders"));
        var files = services.GetRequiredService<SourceFileStore>();
        var now = DateTimeOffset.UtcNow;

        var hash = await Assert.ThrowsAsync<CatalogException>(() => files.RecordAsync(table, new SourceFileLineage("a.csv", 1, "ABC", now, 0, null)));
        var name = await Assert.ThrowsAsync<CatalogException>(() => files.RecordAsync(table, new SourceFileLineage("", 1, Sha, now, 0, null)));
        await Assert.ThrowsAsync<CatalogException>(() => files.ForTableAsync(table with { Table = "missing" }));

        Assert.Contains("64 lowercase hex digits", hash.Message);
        Assert.Contains("source file name", name.Message);
        Assert.Empty(await files.ForTableAsync(table));
    }
}
