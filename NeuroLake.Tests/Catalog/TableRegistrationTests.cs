using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Catalog.SchemaHistory;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog;

public sealed class TableRegistrationTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Registering_a_new_table_records_its_state_columns_and_first_schema_version(CatalogProvider provider)
    {
        var (registrar, store, history) = await Open(provider);
        var catalog = Unique("c");
        var registration = Table(catalog, "sales", "orders", 7, Column("id", "long", false), Column("region"), Column("amount", "decimal(10,2)")) with
        {
            PartitionColumns = ["region"],
            Properties = new Dictionary<string, string> { ["delta.appendOnly"] = "false" },
            SizeBytes = 4096,
            FileCount = 3,
            MinWriterVersion = 3,
            Owner = "ana",
        };

        var result = await registrar.RegisterTableAsync(registration);

        Assert.Equal((RegistrationOutcome.Created, 1), (result.Outcome, result.SchemaVersion));
        var table = await store.FindTableAsync(new SecurablePath(catalog, "sales", "orders"));
        Assert.NotNull(table);
        Assert.Equal((registration.Location, 7L, 4096L, 3L, 1, 3, "ana"),
            (table.Location, table.CurrentVersion, table.SizeBytes, table.FileCount, table.MinReaderVersion, table.MinWriterVersion, table.Owner));
        Assert.Equal(["region"], table.PartitionColumns);
        Assert.Equal("false", table.Properties["delta.appendOnly"]);
        Assert.Equal([("id", "long", false), ("region", "string", true), ("amount", "decimal(10,2)", true)],
            table.Columns.Select(c => (c.Name, c.Type, c.Nullable)));
        var version = Assert.Single(await history.GetHistoryAsync(table.Path));
        Assert.Equal((1, 7L), (version.Version, version.TableVersion));
    }

    [Theory, CatalogProviders]
    public async Task A_schema_change_records_a_new_version_with_classified_changes_and_keeps_column_descriptions(CatalogProvider provider)
    {
        var (registrar, store, history) = await Open(provider);
        var catalog = Unique("c");
        await registrar.RegisterTableAsync(Table(catalog, "s", "t", 1, Column("id", "integer", false), Column("note"), Column("old")));
        var path = new SecurablePath(catalog, "s", "t");
        await store.SetDescriptionAsync(path with { Column = "note" }, "free text");

        var result = await registrar.RegisterTableAsync(Table(catalog, "s", "t", 2, Column("id", "long", false), Column("note"), Column("added")));

        Assert.Equal((RegistrationOutcome.Updated, 2), (result.Outcome, result.SchemaVersion));
        Assert.Equal(
            [(SchemaChangeKind.Removed, "old", ChangeSeverity.Breaking), (SchemaChangeKind.TypeChanged, "id", ChangeSeverity.Risky), (SchemaChangeKind.Added, "added", ChangeSeverity.Safe)],
            result.Changes.Select(c => (c.Kind, c.Column, c.Severity)));
        var versions = await history.GetHistoryAsync(path);
        Assert.Equal([(1, ChangeSeverity.Safe), (2, ChangeSeverity.Breaking)], versions.Select(v => (v.Version, v.Severity)));
        Assert.Equal(["id", "note", "added"], versions[1].Columns.Select(c => c.Name));
        var table = await store.FindTableAsync(path);
        Assert.Equal(["id", "note", "added"], table!.Columns.Select(c => c.Name));
        Assert.Equal("free text", table.Columns[1].Description);
    }

    [Theory, CatalogProviders]
    public async Task Registering_the_same_state_again_is_unchanged_and_an_older_version_is_stale(CatalogProvider provider)
    {
        var (registrar, store, history) = await Open(provider);
        var catalog = Unique("c");
        await registrar.RegisterTableAsync(Table(catalog, "s", "t", 5));

        var again = await registrar.RegisterTableAsync(Table(catalog, "s", "t", 5));
        var older = await registrar.RegisterTableAsync(Table(catalog, "s", "t", 4, Column("other")));

        Assert.Equal(RegistrationOutcome.Unchanged, again.Outcome);
        Assert.Equal(RegistrationOutcome.Stale, older.Outcome);
        var table = await store.FindTableAsync(new SecurablePath(catalog, "s", "t"));
        Assert.Equal(5, table!.CurrentVersion);
        Assert.Single(await history.GetHistoryAsync(table.Path));
    }


    [Theory, CatalogProviders]
    public async Task Invalid_registrations_are_refused_with_a_clear_error_and_change_nothing(CatalogProvider provider)
    {
        var (registrar, store, _) = await Open(provider);
        var catalog = Unique("c");
        var good = Table(catalog, "s", "t", 1);
        TableRegistration[] bad =
        [
            good with { Name = "1orders" },
            good with { Columns = [Column("id"), Column("ID")] },
            good with { PartitionColumns = ["region"] },
            good with { Columns = [] },
            good with { Name = "t\"; DROP TABLE tables; --" },
            good with { Columns = [Column("a b")] },
            good with { Location = "" },
        ];

        foreach (var registration in bad)
        {
            var error = await Assert.ThrowsAsync<CatalogException>(() => registrar.RegisterTableAsync(registration));
            Assert.Contains(":", error.Message);
        }

        await Assert.ThrowsAsync<CatalogException>(() => store.ListTablesAsync(catalog, "s"));
    }

    [Theory, CatalogProviders]
    public async Task A_second_location_under_a_registered_name_is_a_duplicate_and_changes_nothing(CatalogProvider provider)
    {
        var (registrar, store, _) = await Open(provider);
        var catalog = Unique("c");
        await registrar.RegisterTableAsync(Table(catalog, "s", "t", 1));

        var error = await Assert.ThrowsAsync<CatalogException>(() =>
            registrar.RegisterTableAsync(Table(catalog, "s", "T", 1) with { Location = "/elsewhere/t" }));

        Assert.Contains("already registered", error.Message);
        var table = await store.FindTableAsync(new SecurablePath(catalog, "s", "t"));
        Assert.Equal($"/warehouse/{catalog}/s/t", table!.Location);
    }

    [Theory, CatalogProviders]
    public async Task Drift_reports_a_version_or_schema_that_moved_without_the_catalog(CatalogProvider provider)
    {
        var (registrar, _, _) = await Open(provider);
        var catalog = Unique("c");
        var registration = Table(catalog, "s", "t", 3, Column("id", "long", false));
        await registrar.RegisterTableAsync(registration);

        var inStep = await registrar.DetectDriftAsync(registration.Location, 3, registration.Columns);
        var moved = await registrar.DetectDriftAsync(registration.Location, 5, [Column("id", "long", false), Column("extra")]);
        var unknown = await registrar.DetectDriftAsync("/nowhere", 0, registration.Columns);

        Assert.False(inStep.HasDrift);
        Assert.True(moved.HasDrift);
        Assert.Equal((3L, 5L), (moved.RecordedVersion, moved.ActualVersion));
        Assert.Equal("extra", Assert.Single(moved.SchemaChanges).Column);
        Assert.Equal((false, true), (unknown.IsRegistered, unknown.HasDrift));
    }

    [Theory, CatalogProviders]
    public async Task Concurrent_registrations_into_a_new_catalog_all_succeed_without_duplicates(CatalogProvider provider)
    {
        var (registrar, store, _) = await Open(provider);
        var catalog = Unique("c");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => registrar.RegisterTableAsync(Table(catalog, "s", $"t{i}", 1))));

        Assert.Equal(6, (await store.ListTablesAsync(catalog, "s")).Count);
        Assert.Single(await store.ListSchemasAsync(catalog));
    }

    [Theory, CatalogProviders]
    public async Task Unregistering_a_location_forgets_the_table_and_its_history_and_frees_the_name(CatalogProvider provider)
    {
        var (registrar, store, _) = await Open(provider);
        var catalog = Unique("c");
        var registration = Table(catalog, "s", "t", 2);
        await registrar.RegisterTableAsync(registration);

        Assert.True(await registrar.UnregisterTableAsync(registration.Location));
        Assert.False(await registrar.UnregisterTableAsync(registration.Location));

        Assert.Null(await store.FindTableAsync(new SecurablePath(catalog, "s", "t")));
        var again = await registrar.RegisterTableAsync(registration with { Location = "/new/place" });
        Assert.Equal((RegistrationOutcome.Created, 1), (again.Outcome, again.SchemaVersion));
    }

    private async Task<(ICatalogRegistrar Registrar, CatalogStore Store, SchemaHistoryStore History)> Open(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        return (services.GetRequiredService<ICatalogRegistrar>(), services.GetRequiredService<CatalogStore>(),
            services.GetRequiredService<SchemaHistoryStore>());
    }
}
