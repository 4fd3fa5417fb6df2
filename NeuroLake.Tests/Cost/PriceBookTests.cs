using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Cost;
using NeuroLake.Tests.Catalog;
using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Tests.Cost;

public sealed class PriceBookTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Fact]
    public void Every_preset_is_a_valid_price_book_dated_and_sourced()
    {
        Assert.Equal(4, PriceBookPresets.All.Count);
        Assert.All(PriceBookPresets.All, p =>
        {
            Assert.Empty(PriceBookValidation.Problems(p));
            Assert.NotEqual(default, p.PricesAsOf);
            Assert.False(string.IsNullOrWhiteSpace(p.Source));
        });
        Assert.Equal((0.023m, 0.005m, 0.0004m), (PriceBookPresets.Aws.WarmPerGbMonth, PriceBookPresets.Aws.PutPer1000, PriceBookPresets.Aws.GetPer1000));
        Assert.Contains("us-east-1", PriceBookPresets.Aws.Source);
        Assert.Equal((0m, 0m), (PriceBookPresets.MinIoOwnHardware.EgressPerGb, PriceBookPresets.MinIoOwnHardware.GetPer1000));
    }

    [Fact]
    public void A_book_with_negative_prices_no_currency_and_no_cores_is_refused_naming_each_problem()
    {
        var bad = CostFixtures.Prices with { WarmPerGbMonth = -0.02m, EgressPerGb = -1m, Currency = "dollars", MachineCores = 0, Name = " " };

        var error = Assert.Throws<CostException>(() => PriceBookValidation.Validated(bad));

        Assert.Contains("WarmPerGbMonth is -0.02: a price cannot be negative", error.Message);
        Assert.Contains("EgressPerGb is -1", error.Message);
        Assert.Contains("Currency is 'dollars'", error.Message);
        Assert.Contains("MachineCores is 0", error.Message);
        Assert.Contains("Name is missing", error.Message);
        Assert.DoesNotContain("HotPerGbMonth", error.Message);
        Assert.Empty(PriceBookValidation.Problems(CostFixtures.Prices with { PutPer1000 = 0 }));
    }

    [Theory, CatalogProviders]
    public async Task A_saved_book_round_trips_exactly_and_the_newest_is_in_force(CatalogProvider provider)
    {
        await using var services = await databases.CreateMigratedAsync(provider);
        var clock = new Jobs.ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var store = new PriceBookStore(services.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), clock);
        Assert.Null(await store.CurrentAsync());

        var first = await store.SaveAsync(PriceBookPresets.Aws, "ana");
        clock.Advance(TimeSpan.FromDays(1));
        var edited = PriceBookPresets.Gcp with { ColdPerGbMonth = 0.00099m, MachinePerHour = 0.123456m, MachineCores = 16 };
        var second = await store.SaveAsync(edited, "bo");

        var current = await store.CurrentAsync();
        Assert.Equal(second, current);
        Assert.Equal(edited, current!.Prices);
        Assert.Equal(("bo", new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)), (current.EnteredBy, current.EnteredAt));
        Assert.Equal([second, first], await store.HistoryAsync());
        Assert.Equal(PriceBookPresets.Aws, (await store.HistoryAsync())[1].Prices);
    }

    [Theory, CatalogProviders]
    public async Task An_invalid_book_is_not_saved(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var store = new PriceBookStore(services.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), TimeProvider.System);
        var before = await store.HistoryAsync();

        var error = await Assert.ThrowsAsync<CostException>(() => store.SaveAsync(CostFixtures.Prices with { GetPer1000 = -0.0004m }, "ana"));
        var noUser = await Assert.ThrowsAsync<CostException>(() => store.SaveAsync(CostFixtures.Prices, ""));

        Assert.StartsWith("The price book was not saved: GetPer1000 is -0.0004", error.Message);
        Assert.Contains("who entered it", noUser.Message);
        Assert.Equal(before, await store.HistoryAsync());
    }
}
