using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.SchemaHistory;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Tables.Writes;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Catalog.Integration;

public sealed class CatalogDriftCheckTests(CatalogDatabases databases, DuckDbFixture duck)
    : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>
{
    private const string Rows = "SELECT i::BIGINT AS id FROM range(3) t(i)";

    [Theory, CatalogProviders]
    public async Task A_write_that_bypassed_the_catalog_is_reported_as_drift_and_fixed_by_reregistering(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var location = h.Managed("sales", "orders");
        await h.Observed(location).CreateAsync(new TableDefinition(), Rows);
        await h.Bypassing(location).AppendAsync(Rows);

        var found = await h.DriftCheck.CheckTableAsync(location);

        Assert.NotNull(found);
        Assert.True(found.HasDrift);
        Assert.Equal((0L, 1L, false), (found.Drift!.RecordedVersion, found.Drift.ActualVersion, found.Reregistered));

        var fixedReport = await h.DriftCheck.CheckTableAsync(location, reregister: true);
        var after = await h.DriftCheck.CheckTableAsync(location);

        Assert.True(fixedReport!.Reregistered);
        Assert.False(after!.HasDrift);
        var info = await h.Store.FindTableAsync(SecurablePath.ForTable(h.Catalog, "sales", "orders"));
        Assert.Equal(1L, info!.CurrentVersion);
    }

    [Theory, CatalogProviders]
    public async Task A_schema_change_that_bypassed_the_catalog_is_reported_and_recorded_in_schema_history_on_reregistering(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var location = h.Managed("crm", "people");
        await h.Observed(location).CreateAsync(new TableDefinition(), "SELECT 1::BIGINT AS id, 'a' AS name");
        var outsider = h.Bypassing(location);
        var snapshot = await outsider.GetSnapshotAsync();
        var transaction = outsider.StartTransaction(snapshot, "ALTER TABLE");
        transaction.NewMetadata = snapshot.Metadata with
        {
            SchemaString = """{"type":"struct","fields":[{"name":"id","type":"long","nullable":true,"metadata":{}}]}""",
        };
        transaction.ReadSet.ReadWholeTable();
        await outsider.CommitAsync(transaction, CancellationToken.None);

        var reports = await h.DriftCheck.CheckAllAsync(reregister: true);

        var report = Assert.Single(reports, r => r.Location == location);
        var removed = Assert.Single(report.Drift!.SchemaChanges);
        Assert.Equal((SchemaChangeKind.Removed, "name", ChangeSeverity.Breaking), (removed.Kind, removed.Column, removed.Severity));
        Assert.True(report.Reregistered);
        var history = await h.History.GetHistoryAsync(SecurablePath.ForTable(h.Catalog, "crm", "people"));
        Assert.Equal([(1, 0L), (2, 1L)], history.Select(v => (v.Version, v.TableVersion)));
    }

    [Theory, CatalogProviders]
    public async Task A_registered_table_whose_folder_is_gone_is_reported_with_the_problem_and_not_as_drift(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var location = h.Managed("tmp", "gone");
        await h.Observed(location).CreateAsync(new TableDefinition(), Rows);
        Directory.Delete(location, recursive: true);

        var report = await h.DriftCheck.CheckTableAsync(location, reregister: true);

        Assert.NotNull(report);
        Assert.Equal((false, false), (report.HasDrift, report.Reregistered));
        Assert.Contains("not a Delta table", report.Problem);
    }

    [Theory, CatalogProviders]
    public async Task A_table_kept_in_step_by_the_observer_shows_no_drift(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var location = h.Managed("sales", "steady");
        var table = h.Observed(location);
        await table.CreateAsync(new TableDefinition(), Rows);
        await table.AppendAsync(Rows);

        var report = await h.DriftCheck.CheckTableAsync(location);

        Assert.Equal((false, 1L), (report!.HasDrift, report.Drift!.RecordedVersion));
    }
}
