using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Tests.Infrastructure;
using Npgsql;

namespace NeuroLake.Tests.Web;

public sealed class WorkbenchCatalogTests
{
    [Fact]
    public async Task The_sqlite_catalog_is_migrated_into_the_data_folder_at_start()
    {
        await using var app = new WorkbenchAppFactory();
        using var client = app.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        var catalogs = await app.Services.GetRequiredService<CatalogStore>().ListCatalogsAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "catalog.db")), "catalog.db was not created in the data folder.");
        Assert.Null(await app.Services.GetRequiredService<CatalogProbe>().FindProblemAsync());
        Assert.NotNull(catalogs);
    }

    [PostgresFact]
    public async Task The_workbench_runs_on_a_postgres_catalog_when_configured()
    {
        await PostgresCatalogSettings.RunAsync("neurolake_web", async catalog =>
        {
            await using var app = new WorkbenchAppFactory(catalog);
            using var client = app.CreateClient();

            using var ready = await client.GetAsync("/health/ready");
            var home = await client.GetStringAsync("/");

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("Postgres", home);
            Assert.Equal("Postgres", CatalogProviderName(app));
            Assert.False(File.Exists(Path.Combine(app.DataDirectory, "catalog.db")), "A SQLite catalog was created although PostgreSQL was configured.");
        });
    }

    private static string CatalogProviderName(WorkbenchAppFactory app) =>
        app.Services.GetRequiredService<CatalogConnection>().Provider.ToString();
}
