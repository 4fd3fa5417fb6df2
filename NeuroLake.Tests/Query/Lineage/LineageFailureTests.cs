using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Lineage;

/// <summary>
/// The service records lineage into a catalog that does not hold the service's tables (another catalog database),
/// so every lineage write fails: the user's statements must still succeed, and the failure must be logged.
/// </summary>
public sealed class LineageFailureTests : LineageServiceTestBase
{
    private readonly CatalogDatabases _databases;
    private ServiceProvider? _elsewhere;

    public LineageFailureTests(CatalogDatabases databases) : base(databases) => _databases = databases;

    public override async Task InitializeAsync()
    {
        _elsewhere = await _databases.CreateMigratedAsync(Engine.Configuration.CatalogProvider.Sqlite);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _elsewhere!.DisposeAsync();
    }

    protected override LineageStore? LineageStoreForService(IServiceProvider services) => _elsewhere!.GetRequiredService<LineageStore>();

    [Fact]
    public async Task A_write_whose_lineage_cannot_be_recorded_still_commits_and_the_failure_is_logged()
    {
        var results = await Run("""
            CREATE TABLE s.r AS SELECT id, amount FROM s.orders;
            SELECT count(*) FROM s.r;
            """);

        Assert.Equal(2L, results[0].RowsAffected);
        Assert.Equal([[2L]], results[1].Rows);
        var failure = Assert.Single(Logs.Entries, e => e.Event.Id == 5302);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Contains("main.s.r", failure.Message);
        Assert.Contains("does not exist in the catalog", failure.Exception!.Message);
        Assert.Empty((await Lineage.DownstreamAsync(Table("orders"))).Nodes);
    }
}
