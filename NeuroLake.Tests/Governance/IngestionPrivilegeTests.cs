using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Governance;

/// <summary>Loading a file writes a table: MODIFY on an existing one, CREATE TABLE on the schema for a new one.</summary>
public sealed class IngestionPrivilegeTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Loads_need_create_table_or_modify_and_a_user(CatalogProvider provider)
    {
        using var folder = new TempFolder();
        await using var migrated = await databases.CreateMigratedAsync(provider);
        var connection = migrated.GetRequiredService<CatalogConnection>();
        using var duckDb = DuckDbDatabase.Open();
        await using var services = new ServiceCollection()
            .AddNeuroLakeCatalog(connection.Provider, connection.ConnectionString, folder.Path)
            .AddCatalogTableRegistration(folder.Sub("warehouse"))
            .AddSingleton(duckDb)
            .AddIngestionLoader()
            .AddNeuroLakeGovernance(AuthMode.Accounts)
            .BuildServiceProvider();
        var g = Governed.Over(migrated);
        var admin = await g.AdminAsync();
        var analyst = await g.UserAsync(admin, RoleGroups.Analyst);
        var engineer = await g.UserAsync(admin, RoleGroups.Engineer);
        await services.GetRequiredService<CatalogStore>().CreateCatalogAsync("main");
        await services.GetRequiredService<CatalogStore>().CreateSchemaAsync("main", "raw");
        var csv = Path.Combine(folder.Path, "people.csv");
        await File.WriteAllTextAsync(csv, "id,city\n1,Oslo\n2,Lima\n");
        var info = await SourceFileInfo.ComputeAsync(csv);
        var ingestion = services.GetRequiredService<FileIngestion>();
        var table = new SecurablePath("main", "raw", "people");
        FileIngestionRequest Load(string? user, LoadMode mode) => new(csv, info, table, mode) { User = user };

        var create = await Assert.ThrowsAsync<PermissionDeniedException>(() => ingestion.IngestAsync(Load(analyst, LoadMode.NewTable)));
        Assert.Contains("CREATE TABLE on schema main.raw", create.Message);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "warehouse", "main", "raw", "people")));
        await Assert.ThrowsAsync<IngestionException>(() => ingestion.IngestAsync(Load(null, LoadMode.NewTable)));

        await ingestion.IngestAsync(Load(engineer, LoadMode.NewTable));
        var append = await Assert.ThrowsAsync<PermissionDeniedException>(() => ingestion.IngestAsync(Load(analyst, LoadMode.Append)));
        Assert.Contains("MODIFY on table main.raw.people", append.Message);
        await ingestion.IngestAsync(Load(engineer, LoadMode.Append));

        Assert.Equal(1, (await services.GetRequiredService<CatalogStore>().FindTableAsync(table))!.CurrentVersion);
    }
}
