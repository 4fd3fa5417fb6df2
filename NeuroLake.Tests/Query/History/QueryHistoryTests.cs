using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Query.History;

/// <summary>The query service records every statement it runs; on each catalog provider.</summary>
public sealed class QueryHistoryTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Each_statement_is_recorded_with_its_outcome_rows_and_table_versions(CatalogProvider provider)
    {
        await using var services = await databases.CreateMigratedAsync(provider);
        using var folder = new TempFolder();
        using var service = NewService(services, folder);
        var history = services.GetRequiredService<QueryHistoryStore>();

        await service.ExecuteAsync("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT range AS x FROM range(5); INSERT INTO s.t VALUES (9)", new QueryRequest("ana"));
        await service.ExecuteAsync("SELECT x FROM s.t VERSION AS OF 0 WHERE x > 1", new QueryRequest("bo"));
        var failed = await Assert.ThrowsAsync<QueryFailedException>(() => service.ExecuteAsync("SELECT nope FROM s.t", new QueryRequest("bo")));

        var entries = await history.SearchAsync(new QueryHistorySearch());
        Assert.Equal(
            ["SELECT nope FROM s.t", "SELECT x FROM s.t VERSION AS OF 0 WHERE x > 1", "INSERT INTO s.t VALUES (9)", "CREATE TABLE s.t AS SELECT range AS x FROM range(5)", "CREATE SCHEMA s"],
            entries.Select(e => e.Sql));
        var (error, query, insert, create) = (entries[0], entries[1], entries[2], entries[3]);
        Assert.Equal((QueryStatus.Error, failed.Reason, "bo"), (error.Status, error.Error, error.User));
        Assert.Contains("nope", error.Error);
        Assert.Equal((QueryStatus.Ok, 3L, (string?)null), (query.Status, query.Rows, query.Error));
        Assert.Equal([new TableVersion("s", "t", 0)], query.TablesRead);
        Assert.Empty(query.TablesWritten);
        Assert.Equal(1L, insert.Rows);
        Assert.Equal([new TableVersion("s", "t", 1)], insert.TablesWritten);
        Assert.Equal([new TableVersion("s", "t", 0)], create.TablesWritten);
        Assert.All(entries, e => Assert.True(e.FinishedAt >= e.StartedAt && e.Duration >= TimeSpan.Zero));
    }

    [Theory, CatalogProviders]
    public async Task History_is_searchable_by_user_text_and_status_newest_first(CatalogProvider provider)
    {
        await using var services = await databases.CreateMigratedAsync(provider);
        using var folder = new TempFolder();
        using var service = NewService(services, folder);
        var history = services.GetRequiredService<QueryHistoryStore>();
        await service.ExecuteAsync("SELECT 'Orders' AS a", new QueryRequest("ana"));
        await service.ExecuteAsync("SELECT 2 AS b", new QueryRequest("bo"));
        await service.ExecuteAsync("SELECT 'orders again' AS c", new QueryRequest("ana"));
        await Assert.ThrowsAsync<QueryFailedException>(() => service.ExecuteAsync("SELECT * FROM orders_missing", new QueryRequest("ana")));

        Assert.Equal(
            ["SELECT * FROM orders_missing", "SELECT 'orders again' AS c", "SELECT 'Orders' AS a"],
            (await history.SearchAsync(new QueryHistorySearch(User: "ana"))).Select(e => e.Sql));
        Assert.Equal(
            ["SELECT 'orders again' AS c", "SELECT 'Orders' AS a"],
            (await history.SearchAsync(new QueryHistorySearch(Text: "ORDERS", Status: QueryStatus.Ok))).Select(e => e.Sql));
        Assert.Equal(["SELECT 2 AS b"], (await history.SearchAsync(new QueryHistorySearch(User: "bo"))).Select(e => e.Sql));
        Assert.Single(await history.SearchAsync(new QueryHistorySearch(User: "ana", Limit: 1)));
        Assert.Equal("SELECT * FROM orders_missing", Assert.Single(await history.SearchAsync(new QueryHistorySearch(Status: QueryStatus.Error))).Sql);
        await Assert.ThrowsAsync<CatalogException>(() => history.SearchAsync(new QueryHistorySearch(Limit: 0)));
    }

    [Theory, CatalogProviders]
    public async Task Bad_sql_gets_duckdbs_message_changes_nothing_and_is_recorded_as_an_error(CatalogProvider provider)
    {
        await using var services = await databases.CreateMigratedAsync(provider);
        using var folder = new TempFolder();
        using var service = NewService(services, folder);
        await service.ExecuteAsync("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS x", new QueryRequest("ana"));

        var failed = await Assert.ThrowsAsync<QueryFailedException>(
            () => service.ExecuteAsync("INSERT INTO s.t SELECT x + 1 FROM s.t; INSERT INTO s.t SELECT nope FROM s.t", new QueryRequest("ana")));

        Assert.Equal(1, failed.StatementIndex);
        Assert.Contains("Referenced column \"nope\" not found", failed.Reason);
        var rows = await service.ExecuteAsync("SELECT x FROM s.t ORDER BY x", new QueryRequest("ana"));
        Assert.Equal([[1], [2]], rows[0].Rows);
        var table = await services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "s", "t"));
        Assert.Equal(1, table!.CurrentVersion);
        var error = Assert.Single(await services.GetRequiredService<QueryHistoryStore>().SearchAsync(new QueryHistorySearch(Status: QueryStatus.Error)));
        Assert.Equal(("INSERT INTO s.t SELECT nope FROM s.t", failed.Reason), (error.Sql, error.Error));
    }

    [Fact]
    public async Task A_history_that_cannot_be_written_does_not_hide_the_result()
    {
        // An unmigrated catalog has no query_history table: recording fails, the query's answer stands.
        await using var services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        await using var broken = await databases.CreateEmptyAsync(CatalogProvider.Sqlite);
        using var folder = new TempFolder();
        using var service = new QueryService(
            services.GetRequiredService<CatalogStore>(), services.GetRequiredService<ICatalogRegistrar>(),
            new QueryServiceOptions { WarehouseRoot = Path.Combine(folder.Path, "warehouse"), Threads = 2, AuthMode = Engine.Configuration.AuthMode.Single },
            broken.GetRequiredService<QueryHistoryStore>());

        var results = await service.ExecuteAsync("SELECT 42 AS answer", new QueryRequest("ana"));

        Assert.Equal([[42]], results[0].Rows);
    }

    private static QueryService NewService(IServiceProvider services, TempFolder folder) => new(
        services.GetRequiredService<CatalogStore>(), services.GetRequiredService<ICatalogRegistrar>(),
        new QueryServiceOptions { WarehouseRoot = Path.Combine(folder.Path, "warehouse"), Threads = 2, AuthMode = Engine.Configuration.AuthMode.Single },
        services.GetRequiredService<QueryHistoryStore>());
}
