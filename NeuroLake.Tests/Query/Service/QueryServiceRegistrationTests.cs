using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Catalog.Usage;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Query.Service;

public sealed class QueryServiceRegistrationTests
{
    [Fact]
    public async Task The_service_from_dependency_injection_runs_scripts_against_the_catalog_it_is_registered_with()
    {
        using var folder = new TempFolder();
        var configuration = new ConfigurationBuilder().Build();
        await using (var services = new ServiceCollection()
            .AddNeuroLakeCatalog(configuration, folder.Path)
            .AddNeuroLakeQueryService(Path.Combine(folder.Path, "warehouse"), o => { o.Threads = 1; o.AuthMode = Engine.Configuration.AuthMode.Single; })
            .BuildServiceProvider())
        {
            await services.MigrateCatalogAsync();
            var service = services.GetRequiredService<QueryService>();

            var results = await service.ExecuteAsync("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS x; SELECT x FROM s.t", new QueryRequest("ana"));

            Assert.Equal([[1]], results[^1].Rows);
            Assert.True(Directory.Exists(Path.Combine(folder.Path, "warehouse", "main", "s", "t", "_delta_log")));
            var history = await services.GetRequiredService<QueryHistoryStore>().SearchAsync(new QueryHistorySearch(User: "ana"));
            Assert.Equal(["SELECT x FROM s.t", "CREATE TABLE s.t AS SELECT 1 AS x", "CREATE SCHEMA s"], history.Select(e => e.Sql));
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var usage = await services.GetRequiredService<UsageStore>().ReportAsync(SecurablePath.ForTable("main", "s", "t"), today.AddDays(-1), today.AddDays(1));
            Assert.Equal((1, 1), (usage.Reads, usage.Writes));
            Assert.Equal("ana", Assert.Single(usage.TopUsers).User);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
