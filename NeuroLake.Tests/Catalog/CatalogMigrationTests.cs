using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Catalog.Migrations;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Catalog.SchemaHistory;
using NeuroLake.Engine.Catalog.Search;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog;

public sealed class CatalogMigrationTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task A_catalog_written_by_the_first_migration_opens_after_the_later_ones_with_nothing_lost(CatalogProvider provider)
    {
        await using var services = await databases.CreateEmptyAsync(provider);
        await using (var db = await Context(services))
        {
            await db.GetService<IMigrator>().MigrateAsync(M001_InitialCatalog.Id);
            Assert.Equal([M001_InitialCatalog.Id], await db.Database.GetAppliedMigrationsAsync());
        }

        var registrar = services.GetRequiredService<ICatalogRegistrar>();
        var store = services.GetRequiredService<CatalogStore>();
        await registrar.RegisterTableAsync(Table("main", "sales", "orders", 3, Column("id", "long", false), Column("email")));
        await registrar.RegisterTableAsync(Table("main", "sales", "orders", 4, Column("id", "long", false), Column("email"), Column("total", "double")));
        var email = new SecurablePath("main", "sales", "orders", "email");
        await store.SetDescriptionAsync(email, "Customer contact address");
        await store.ClassifyColumnAsync(email, "email", new PiiClassification("email", 0.9, PiiSource.Detected));

        await services.MigrateCatalogAsync();

        await using (var db = await Context(services))
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        var table = await store.FindTableAsync(new SecurablePath("main", "sales", "orders"));
        Assert.NotNull(table);
        Assert.Equal(4, table.CurrentVersion);
        Assert.Equal(["id", "email", "total"], table.Columns.Select(c => c.Name));
        var emailColumn = table.Columns[1];
        Assert.Equal("Customer contact address", emailColumn.Description);
        Assert.Equal(new PiiClassification("email", 0.9, PiiSource.Detected), emailColumn.Pii);
        var history = await services.GetRequiredService<SchemaHistoryStore>().GetHistoryAsync(table.Path);
        Assert.Equal([1, 2], history.Select(v => v.Version));
        var hits = await services.GetRequiredService<CatalogSearch>().SearchAsync(new CatalogSearchQuery("contact"));
        Assert.Contains(hits, h => h.QualifiedName == "main.sales.orders.email");
    }

    [Theory, CatalogProviders]
    public async Task The_migrated_schema_is_exactly_the_schema_the_model_would_create(CatalogProvider provider)
    {
        // Stands in for the model snapshot the EF design tools would keep: a migration that drifts from the model fails here.
        var migrated = await databases.OpenAsync(provider);
        await using var fromModel = await databases.CreateEmptyAsync(provider);
        await using var migratedDb = await Context(migrated);
        await using var modelDb = await Context(fromModel);
        await modelDb.Database.EnsureCreatedAsync();

        var expected = await DatabaseSchemaReader.ReadAsync(modelDb);
        var actual = await DatabaseSchemaReader.ReadAsync(migratedDb);

        Assert.Equal(expected, actual);
        Assert.Contains(actual, line => line.StartsWith("search_terms", StringComparison.Ordinal));
        Assert.Equal(migratedDb.Database.GetMigrations(), await migratedDb.Database.GetAppliedMigrationsAsync());
    }

    private static Task<CatalogDbContext> Context(IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
}
