using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Configuration;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.History;

/// <summary>History recorded in the background is seen by the next search and by the advisor's recent history.</summary>
public sealed class HistoryWriteBehindTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Fact]
    public async Task Queued_entries_are_found_by_the_next_search()
    {
        await using var services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        var history = services.GetRequiredService<QueryHistoryStore>();
        var now = DateTimeOffset.UtcNow;

        for (var i = 0; i < 50; i++)
        {
            await history.QueueAsync(new QueryHistoryEntry(Guid.NewGuid(), "ana", $"SELECT {i}", now, now, TimeSpan.Zero, 1, QueryStatus.Ok, null, [], []));
        }

        Assert.Equal(50, (await history.SearchAsync(new QueryHistorySearch(User: "ana", Limit: 100))).Count);
    }

    [Fact]
    public async Task Recent_successes_include_an_entry_queued_after_the_last_database_read()
    {
        await using var services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        var history = services.GetRequiredService<QueryHistoryStore>();
        var now = DateTimeOffset.UtcNow;
        await history.QueueAsync(new QueryHistoryEntry(Guid.NewGuid(), "ana", "SELECT 1", now, now, TimeSpan.Zero, 1, QueryStatus.Ok, null, [], []));
        Assert.Single(await history.RecentSuccessesAsync(10));

        await history.QueueAsync(new QueryHistoryEntry(Guid.NewGuid(), "bo", "SELECT 2", now.AddSeconds(1), now.AddSeconds(1), TimeSpan.Zero, 1, QueryStatus.Ok, null, [], []));
        await history.QueueAsync(new QueryHistoryEntry(Guid.NewGuid(), "bo", "SELEC 3", now.AddSeconds(2), now.AddSeconds(2), TimeSpan.Zero, null, QueryStatus.Error, "syntax", [], []));

        Assert.Equal(["SELECT 2", "SELECT 1"], (await history.RecentSuccessesAsync(10)).Select(e => e.Sql));
    }
}
