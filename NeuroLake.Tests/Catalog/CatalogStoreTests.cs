using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog;

public sealed class CatalogStoreTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Catalogs_and_schemas_are_created_once_and_duplicates_ignoring_case_are_refused(CatalogProvider provider)
    {
        var store = (await databases.OpenAsync(provider)).GetRequiredService<CatalogStore>();
        var catalog = Unique("c");
        await store.CreateCatalogAsync(catalog, "ana", "Sales data");
        await store.CreateSchemaAsync(catalog, "raw", "ana");

        var catalogError = await Assert.ThrowsAsync<CatalogException>(() => store.CreateCatalogAsync(catalog.ToUpperInvariant()));
        var schemaError = await Assert.ThrowsAsync<CatalogException>(() => store.CreateSchemaAsync(catalog, "RAW"));
        var parentError = await Assert.ThrowsAsync<CatalogException>(() => store.CreateSchemaAsync(Unique("ghost"), "raw"));
        var nameError = await Assert.ThrowsAsync<CatalogException>(() => store.CreateSchemaAsync(catalog, "raw-data"));

        Assert.Contains("already exists", catalogError.Message);
        Assert.Contains("already exists", schemaError.Message);
        Assert.Contains("does not exist", parentError.Message);
        Assert.Contains("not a valid identifier", nameError.Message);
        Assert.Empty(await store.ListTablesAsync(catalog, "raw"));
        Assert.Equal([new SecurablePath(catalog, "raw")], await store.ListSchemasAsync(catalog));
        Assert.Single(await store.ListCatalogsAsync(), c => c.Catalog == catalog);
    }

    [Theory, CatalogProviders]
    public async Task Owner_description_tags_and_pii_classification_are_kept_per_securable(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var store = services.GetRequiredService<CatalogStore>();
        var catalog = Unique("c");
        await services.GetRequiredService<ICatalogRegistrar>().RegisterTableAsync(Table(catalog, "s", "people", 1, Column("id", "long", false), Column("mail")));
        var table = new SecurablePath(catalog, "s", "people");
        var mail = SecurablePath.Parse($"{catalog}.s.people.mail");

        await store.SetOwnerAsync(table, "dara");
        await store.SetDescriptionAsync(table, "Everyone we know");
        await store.SetTagsAsync(table, ["gold", " GOLD ", "crm"]);
        await store.SetTagsAsync(mail, ["contact"]);
        await store.ClassifyColumnAsync(mail, "email", new PiiClassification("email", 1, PiiSource.Confirmed));
        var info = await store.FindTableAsync(table);

        Assert.Equal(("dara", "Everyone we know"), (info!.Owner, info.Description));
        Assert.Equal(["gold", "crm"], info.Tags);
        Assert.Equal(["contact"], info.Columns[1].Tags);
        Assert.Equal(("email", new PiiClassification("email", 1, PiiSource.Confirmed)), (info.Columns[1].SemanticType, info.Columns[1].Pii));
        Assert.True(info.UpdatedAt >= info.CreatedAt);
    }

    [Theory, CatalogProviders]
    public async Task Edits_to_unknown_securables_or_with_bad_values_are_refused(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var store = services.GetRequiredService<CatalogStore>();
        var catalog = Unique("c");
        await services.GetRequiredService<ICatalogRegistrar>().RegisterTableAsync(Table(catalog, "s", "t"));
        var table = new SecurablePath(catalog, "s", "t");

        await Assert.ThrowsAsync<CatalogException>(() => store.SetDescriptionAsync(table with { Column = "ghost" }, "x"));
        await Assert.ThrowsAsync<CatalogException>(() => store.SetOwnerAsync(table with { Table = "ghost" }, "x"));
        await Assert.ThrowsAsync<CatalogException>(() => store.SetTagsAsync(table, ["ok", " "]));
        await Assert.ThrowsAsync<CatalogException>(() => store.ClassifyColumnAsync(table with { Column = "name" }, null, new("email", 1.5, PiiSource.Manual)));
        await Assert.ThrowsAsync<CatalogException>(() => store.ClassifyColumnAsync(table, null, null));
        Assert.Throws<CatalogException>(() => SecurablePath.Parse("a.b.c.d.e"));
        Assert.Throws<CatalogException>(() => SecurablePath.Parse("a.b;--"));
        Assert.Empty((await store.FindTableAsync(table))!.Tags);
    }
}
