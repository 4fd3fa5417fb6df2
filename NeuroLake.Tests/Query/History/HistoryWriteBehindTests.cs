using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Configuration;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.History;

/// <summary>History recorded in the background is seen by the next search.</summary>
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
}
