using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Tables.Writes;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Catalog.Integration;

public sealed class DeltaTableDiscoveryTests(CatalogDatabases databases, DuckDbFixture duck)
    : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>
{
    private const string Rows = "SELECT i::BIGINT AS id, 'n' || i AS name FROM range(3) t(i)";

    [Theory, CatalogProviders]
    public async Task Discovery_registers_the_valid_tables_of_a_warehouse_and_skips_a_broken_one(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        var customers = h.Bypassing(h.Managed("crm", "customers"));
        await customers.CreateAsync(new TableDefinition(), Rows);
        await customers.AppendAsync(Rows);
        await h.Bypassing(h.Managed("sales", "orders")).CreateAsync(new TableDefinition { PartitionColumns = ["name"] }, Rows);
        var broken = h.Managed("sales", "broken");
        WriteCommit(broken, "this is not a Delta commit");

        var report = await h.Discovery.DiscoverAsync(h.Root);

        Assert.Equal(
            [(SecurablePath.ForTable(h.Catalog, "crm", "customers"), 1L, RegistrationOutcome.Created), (SecurablePath.ForTable(h.Catalog, "sales", "orders"), 0L, RegistrationOutcome.Created)],
            report.Registered.Select(t => (t.Name, t.Version, t.Outcome)));
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal((broken, DiscoverySkipReason.NotADeltaTable), (skipped.Location, skipped.Reason));
        var orders = await h.Store.FindTableAsync(SecurablePath.ForTable(h.Catalog, "sales", "orders"));
        Assert.Equal(3L, orders!.FileCount);
        Assert.Equal(["name"], orders.PartitionColumns);
    }

    [Theory, CatalogProviders]
    public async Task Discovery_with_a_caller_schema_names_tables_by_folder_and_reports_unsupported_and_invalid_ones(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        await h.Bypassing(Path.Combine(h.Outside, "lake", "clicks")).CreateAsync(new TableDefinition(), Rows);
        await h.Bypassing(Path.Combine(h.Outside, "lake", "nested", "views")).CreateAsync(new TableDefinition(), Rows);
        await h.Bypassing(Path.Combine(h.Outside, "lake", "page-views")).CreateAsync(new TableDefinition(), Rows);
        WriteCommit(Path.Combine(h.Outside, "lake", "future"),
            """{"protocol":{"minReaderVersion":9,"minWriterVersion":9}}""",
            """{"metaData":{"id":"f","format":{"provider":"parquet","options":{}},"schemaString":"{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}]}","partitionColumns":[],"configuration":{}}}""");

        var report = await h.Discovery.DiscoverAsync(Path.Combine(h.Outside, "lake"), h.Catalog, "web");

        Assert.Equal(["clicks", "views"], report.Registered.Select(t => t.Name.Table));
        Assert.All(report.Registered, t => Assert.Equal((h.Catalog, "web"), (t.Name.Catalog, t.Name.Schema!)));
        Assert.Equal([("future", DiscoverySkipReason.UnsupportedFeature), ("page-views", DiscoverySkipReason.InvalidName)],
            report.Skipped.Select(s => (Path.GetFileName(s.Location), s.Reason)));
    }

    [Theory, CatalogProviders]
    public async Task Discovering_again_keeps_registered_names_and_changes_nothing(CatalogProvider provider)
    {
        await using var h = await IntegrationHarness.OpenAsync(databases, duck.Database, provider);
        await h.Bypassing(h.Managed("crm", "customers")).CreateAsync(new TableDefinition(), Rows);
        await h.Discovery.DiscoverAsync(h.Root);

        var again = await h.Discovery.DiscoverAsync(h.Root, h.Catalog, "elsewhere");

        var table = Assert.Single(again.Registered);
        Assert.Equal((SecurablePath.ForTable(h.Catalog, "crm", "customers"), RegistrationOutcome.Unchanged), (table.Name, table.Outcome));
    }

    [Fact]
    public async Task Discovery_of_a_missing_folder_fails_with_the_path()
    {
        var discovery = new DeltaTableDiscovery(null!, null!, duck.Database, Microsoft.Extensions.Logging.Abstractions.NullLogger<DeltaTableDiscovery>.Instance);

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => discovery.DiscoverAsync("/no/such/lake"));

        Assert.Contains("/no/such/lake", error.Message);
    }

    private static void WriteCommit(string table, params string[] lines)
    {
        var log = Directory.CreateDirectory(Path.Combine(table, "_delta_log"));
        File.WriteAllLines(Path.Combine(log.FullName, "00000000000000000000.json"), lines);
    }
}
