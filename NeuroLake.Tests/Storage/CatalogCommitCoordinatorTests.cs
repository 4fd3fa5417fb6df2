using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Storage;

/// <summary>The catalog database as commit coordinator, on SQLite and (when the server runs) PostgreSQL.</summary>
public sealed class CatalogCommitCoordinatorTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    private const string Table = "s3://neurolake/warehouse/main/sales/orders";
    private const string Commit = "_delta_log/00000000000000000001.json";

    [Theory, CatalogProviders]
    public async Task Exactly_one_of_many_concurrent_writers_ratifies_a_key_and_its_content_is_kept(CatalogProvider provider)
    {
        var coordinator = await CoordinatorAsync(provider);
        var location = $"{Table}/{Guid.NewGuid():N}";

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => coordinator.TryRatifyAsync(location, Commit, Encoding.UTF8.GetBytes($"writer {i}")))));

        Assert.Equal(1, results.Count(r => r));
        var winner = Array.IndexOf(results, true);
        Assert.Equal($"writer {winner}", Encoding.UTF8.GetString((await coordinator.GetRatifiedAsync(location, Commit))!));
    }

    [Theory, CatalogProviders]
    public async Task Keys_and_locations_are_ratified_independently(CatalogProvider provider)
    {
        var coordinator = await CoordinatorAsync(provider);
        var location = $"{Table}/{Guid.NewGuid():N}";

        Assert.True(await coordinator.TryRatifyAsync(location, Commit, "a"u8.ToArray()));
        Assert.True(await coordinator.TryRatifyAsync(location, "_delta_log/00000000000000000002.json", "b"u8.ToArray()));
        Assert.True(await coordinator.TryRatifyAsync(location + "0", Commit, "c"u8.ToArray()));
        Assert.False(await coordinator.TryRatifyAsync(location, Commit, "d"u8.ToArray()));

        Assert.Equal("a"u8.ToArray(), await coordinator.GetRatifiedAsync(location, Commit));
        Assert.Null(await coordinator.GetRatifiedAsync(location, "_delta_log/00000000000000000003.json"));
    }

    [Theory, CatalogProviders]
    public async Task Presenting_the_ratified_bytes_again_is_recognised_as_the_ratifier_whose_answer_was_lost(CatalogProvider provider)
    {
        // Commit content carries a unique txnId, so equal bytes can only come from the writer that ratified them.
        var coordinator = await CoordinatorAsync(provider);
        var location = $"{Table}/{Guid.NewGuid():N}";
        var content = Encoding.UTF8.GetBytes("{\"commitInfo\":{\"txnId\":\"" + Guid.NewGuid() + "\"}}");

        Assert.True(await coordinator.TryRatifyAsync(location, Commit, content));
        Assert.True(await coordinator.TryRatifyAsync(location, Commit, content));
        Assert.False(await coordinator.TryRatifyAsync(location, Commit, "someone else"u8.ToArray()));
    }

    [Theory, CatalogProviders]
    public async Task Forgetting_a_location_removes_its_commits_and_those_below_it_but_not_its_siblings(CatalogProvider provider)
    {
        var coordinator = await CoordinatorAsync(provider);
        var root = $"s3://neurolake/{Guid.NewGuid():N}";
        await coordinator.TryRatifyAsync($"{root}/t1", Commit, "t1"u8.ToArray());
        await coordinator.TryRatifyAsync($"{root}/t1/nested", Commit, "nested"u8.ToArray());
        await coordinator.TryRatifyAsync($"{root}/t10", Commit, "t10"u8.ToArray());
        await coordinator.TryRatifyAsync($"{root}/a_b", Commit, "a_b"u8.ToArray());
        await coordinator.TryRatifyAsync($"{root}/aXb/c", Commit, "'_' and '%' in a location are not wildcards"u8.ToArray());

        Assert.Equal(2, await coordinator.ForgetAsync($"{root}/t1"));
        Assert.Equal(1, await coordinator.ForgetAsync($"{root}/a_b"));

        Assert.Null(await coordinator.GetRatifiedAsync($"{root}/t1", Commit));
        Assert.Null(await coordinator.GetRatifiedAsync($"{root}/t1/nested", Commit));
        Assert.NotNull(await coordinator.GetRatifiedAsync($"{root}/t10", Commit));
        Assert.NotNull(await coordinator.GetRatifiedAsync($"{root}/aXb/c", Commit));
        // A table created again at the forgotten place starts from version 0 without the old commits.
        Assert.True(await coordinator.TryRatifyAsync($"{root}/t1", Commit, "new table"u8.ToArray()));
    }

    [Theory, CatalogProviders]
    public async Task A_location_longer_than_the_column_is_refused_with_a_message(CatalogProvider provider)
    {
        var coordinator = await CoordinatorAsync(provider);

        var e = await Assert.ThrowsAsync<NeuroLake.Engine.Catalog.CatalogException>(() =>
            coordinator.TryRatifyAsync("s3://neurolake/" + new string('x', 2000), Commit, "a"u8.ToArray()));

        Assert.Contains("shorter table location", e.Message);
    }

    private async Task<ICommitCoordinator> CoordinatorAsync(CatalogProvider provider) =>
        (await databases.OpenAsync(provider)).GetRequiredService<ICommitCoordinator>();
}
