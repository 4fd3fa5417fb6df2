using System.Text.Json.Nodes;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Catalog.SchemaHistory;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Catalog.Integration;

public sealed class CatalogTableObserverTests(CatalogDatabases databases, DuckDbFixture duck)
    : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>
{
    private const string Orders = "SELECT i::BIGINT AS id, CASE WHEN i % 2 = 0 THEN 'eu' ELSE 'us' END AS region, (i * 1.5)::DOUBLE AS amount FROM range(1, 5) t(i)";

    [Theory, CatalogProviders]
    public async Task Creating_a_managed_table_registers_it_under_its_warehouse_name_with_columns_protocol_and_files(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var table = h.Observed(h.Managed("sales", "orders"));

        await table.CreateAsync(new TableDefinition { PartitionColumns = ["region"], Description = "orders by region", Properties = new Dictionary<string, string> { ["team"] = "ops" } }, Orders);

        var snapshot = await table.GetSnapshotAsync();
        var info = await h.Store.FindTableAsync(SecurablePath.ForTable(h.Catalog, "sales", "orders"));
        Assert.NotNull(info);
        Assert.Equal((table.Location, 0L, 2L, snapshot.SizeInBytes), (info.Location, info.CurrentVersion, info.FileCount, info.SizeBytes));
        Assert.Equal((snapshot.Protocol.MinReaderVersion, snapshot.Protocol.MinWriterVersion), (info.MinReaderVersion, info.MinWriterVersion));
        Assert.Equal(["region"], info.PartitionColumns);
        Assert.Equal("ops", info.Properties["team"]);
        Assert.Equal("orders by region", info.Description);
        Assert.Equal([("id", "long"), ("region", "string"), ("amount", "double")], info.Columns.Select(c => (c.Name, c.Type)));
    }

    [Theory, CatalogProviders]
    public async Task Each_append_moves_the_catalog_to_the_new_version_file_count_and_size(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var table = h.Observed(h.Managed("sales", "orders"));
        await table.CreateAsync(new TableDefinition(), Orders);

        await table.AppendAsync(Orders);
        var result = await table.AppendAsync(Orders);

        var info = await h.Store.FindTableAsync(SecurablePath.ForTable(h.Catalog, "sales", "orders"));
        Assert.NotNull(info);
        Assert.Equal((2L, 3L, result.Snapshot.SizeInBytes, 1), (info.CurrentVersion, info.FileCount, info.SizeBytes, info.SchemaVersion));
    }

    [Theory, CatalogProviders]
    public async Task Adding_a_column_records_a_safe_schema_version_with_its_semantic_type_and_pii_metadata(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var table = h.Observed(h.Managed("crm", "customers"));
        await table.CreateAsync(new TableDefinition(), "SELECT 1::BIGINT AS id, {'city': 'Oslo', 'zip': [1, 2]} AS address");

        await AddColumnAsync(table, new StructField("email", PrimitiveType.String, true, new JsonObject { [StructField.SemanticTypeKey] = "email", [StructField.PiiKey] = true }));

        var path = SecurablePath.ForTable(h.Catalog, "crm", "customers");
        var history = await h.History.GetHistoryAsync(path);
        Assert.Equal([(1, 0L), (2, 1L)], history.Select(v => (v.Version, v.TableVersion)));
        var added = Assert.Single(history[1].Changes);
        Assert.Equal((SchemaChangeKind.Added, "email", ChangeSeverity.Safe), (added.Kind, added.Column, added.Severity));
        var email = history[1].Columns.Single(c => c.Name == "email");
        Assert.Equal(("email", "true"), (email.Metadata![StructField.SemanticTypeKey], email.Metadata[StructField.PiiKey]));
        Assert.Equal("struct<city:string,zip:array<integer>>", history[1].Columns.Single(c => c.Name == "address").Type);
        var info = await h.Store.FindTableAsync(path);
        Assert.Equal(["id", "address", "email"], info!.Columns.Select(c => c.Name));
        var column = info.Columns.Single(c => c.Name == "email");
        Assert.Equal(("email", new PiiClassification("email", 1.0, PiiSource.Manual)), (column.SemanticType, column.Pii));
    }

    [Theory, CatalogProviders]
    public async Task A_classification_made_in_the_catalog_is_kept_over_the_declared_field_metadata(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var table = h.Observed(h.Managed("crm", "leads"));
        await table.CreateAsync(new TableDefinition(), "SELECT 1::BIGINT AS id, 'a@b.c' AS contact");
        var contact = SecurablePath.ForTable(h.Catalog, "crm", "leads") with { Column = "contact" };
        await h.Store.ClassifyColumnAsync(contact, "phone", new PiiClassification("phone", 0.8, PiiSource.Confirmed));

        var snapshot = await table.GetSnapshotAsync();
        var transaction = table.StartTransaction(snapshot, "ALTER COLUMN");
        var declared = snapshot.Schema.Fields[1] with { Metadata = new JsonObject { [StructField.SemanticTypeKey] = "email", [StructField.PiiKey] = true } };
        transaction.NewMetadata = snapshot.Metadata with { SchemaString = SchemaJson.Serialize(new StructType([snapshot.Schema.Fields[0], declared])) };
        await table.CommitAsync(transaction, CancellationToken.None);

        var column = (await h.Store.FindTableAsync(contact.TablePath))!.Columns.Single(c => c.Name == "contact");
        Assert.Equal(("phone", new PiiClassification("phone", 0.8, PiiSource.Confirmed)), (column.SemanticType, column.Pii));
    }

    [Theory, CatalogProviders]
    public async Task A_table_outside_the_warehouse_commits_but_is_not_registered(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var table = h.Observed(Path.Combine(h.Outside, "scratch"));

        var result = await table.CreateAsync(new TableDefinition(), Orders);

        Assert.Equal(0, result!.Version);
        var drift = await h.Registrar.DetectDriftAsync(table.Location, 0, []);
        Assert.False(drift.IsRegistered);
    }

    [Theory, CatalogProviders]
    public async Task A_managed_folder_whose_name_is_not_an_identifier_commits_but_is_not_registered(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var table = h.Observed(h.Managed("sales", "daily-orders"));

        await table.CreateAsync(new TableDefinition(), Orders);
        await table.AppendAsync(Orders);

        Assert.False((await h.Registrar.DetectDriftAsync(table.Location, 1, [])).IsRegistered);
    }

    [Theory, CatalogProviders]
    public async Task A_commit_the_catalog_rejects_still_succeeds_and_leaves_the_other_registration_alone(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var external = Path.Combine(h.Outside, "orders");
        await h.Registrar.RegisterTableAsync(new TableRegistration(h.Catalog, "sales", "orders", external, [new("id", "long")], 4));
        var table = h.Observed(h.Managed("sales", "orders"));

        var created = await table.CreateAsync(new TableDefinition(), Orders);
        var appended = await table.AppendAsync(Orders);

        Assert.Equal((0L, 1L), (created!.Version, appended.Version));
        var info = await h.Store.FindTableAsync(SecurablePath.ForTable(h.Catalog, "sales", "orders"));
        Assert.Equal((external, 4L), (info!.Location, info.CurrentVersion));
        Assert.False((await h.Registrar.DetectDriftAsync(table.Location, 1, [])).IsRegistered);
    }

    [Theory, CatalogProviders]
    public async Task An_external_table_registered_by_name_is_updated_under_that_name(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var location = Path.Combine(h.Outside, "landing", "events");
        var created = await h.Bypassing(location).CreateAsync(new TableDefinition(), Orders);
        await h.Registrar.RegisterTableAsync(new TableRegistration(h.Catalog, "raw", "events", location + "/",
            [new("id", "long"), new("region", "string"), new("amount", "double")], 0, FileCount: created!.Snapshot.Files.Count));

        await h.Observed(location).AppendAsync(Orders);

        var info = await h.Store.FindTableAsync(SecurablePath.ForTable(h.Catalog, "raw", "events"));
        Assert.NotNull(info);
        Assert.Equal((1L, 2L), (info.CurrentVersion, info.FileCount));
    }

    /// <summary>Commits a schema with one more column, as an ALTER TABLE ADD COLUMNS would.</summary>
    private static async Task AddColumnAsync(DeltaTable table, StructField field)
    {
        var snapshot = await table.GetSnapshotAsync();
        var transaction = table.StartTransaction(snapshot, "ADD COLUMNS");
        transaction.NewMetadata = snapshot.Metadata with { SchemaString = SchemaJson.Serialize(new StructType([.. snapshot.Schema.Fields, field])) };
        await table.CommitAsync(transaction, CancellationToken.None);
    }
}
