using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Tests.Catalog;

/// <summary>How <c>AddNeuroLakeCatalog</c> reads configuration; the provider-specific behaviour is covered by every other catalog test.</summary>
public sealed class CatalogConfigurationTests
{
    [Fact]
    public async Task Without_configuration_the_catalog_is_a_sqlite_file_in_the_data_folder_created_at_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"neurolake-config-{Guid.NewGuid():N}", "data");
        try
        {
            await using (var services = new ServiceCollection()
                .AddNeuroLakeCatalog(new ConfigurationBuilder().Build(), folder).BuildServiceProvider())
            {
                await services.MigrateCatalogAsync();
                Assert.Equal(CatalogProvider.Sqlite, services.GetRequiredService<CatalogConnection>().Provider);
            }

            Assert.True(File.Exists(Path.Combine(folder, "catalog.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("Oracle", null, "set it to Sqlite or Postgres")]
    [InlineData("Postgres", null, "ConnectionStrings:Catalog is empty")]
    public void Unknown_provider_or_postgres_without_connection_string_names_the_fix(string provider, string? connectionString, string fix)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NeuroLake:Catalog:Provider"] = provider,
            ["ConnectionStrings:Catalog"] = connectionString,
        }).Build();

        var error = Assert.Throws<CatalogException>(() => new ServiceCollection().AddNeuroLakeCatalog(configuration, "data"));

        Assert.Contains(fix, error.Message);
    }

    [Fact]
    public void Provider_names_are_read_ignoring_case()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NeuroLake:Catalog:Provider"] = "postgres",
            ["ConnectionStrings:Catalog"] = "Host=127.0.0.1;Database=x;Username=y",
        }).Build();

        using var services = new ServiceCollection().AddNeuroLakeCatalog(configuration, "data").BuildServiceProvider();

        Assert.Equal(CatalogProvider.Postgres, services.GetRequiredService<CatalogConnection>().Provider);
    }
}
