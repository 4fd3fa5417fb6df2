using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.Catalog.Registration;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog;

public sealed class QualityStoreTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    [Theory, CatalogProviders]
    public async Task Measurements_in_a_window_come_back_oldest_first_with_every_metric(CatalogProvider provider)
    {
        var (quality, table) = await OpenWithTableAsync(provider);
        await quality.RecordAsync(table,
        [
            new(null, Monday.AddDays(2), 12, RowCount: 1200, Freshness: TimeSpan.FromMinutes(5),
                Checks: [new("amount_not_negative", true), new("unique_id", false, "3 duplicates")]),
            new("amount", Monday.AddDays(2), 12, NullPercent: 1.5, DistinctCount: 900, Min: "0.10", Max: "990.00"),
            new(null, Monday, 10, RowCount: 1000),
            new(null, Monday.AddDays(9), 20, RowCount: 5000),
        ]);

        var week = await quality.QueryAsync(table, Monday, Monday.AddDays(7));
        var amountOnly = await quality.QueryAsync(table, Monday, Monday.AddDays(7), column: "amount");

        Assert.Equal([(Monday, (string?)null, 10L), (Monday.AddDays(2), null, 12L), (Monday.AddDays(2), "amount", 12L)],
            week.Select(m => (m.MeasuredAt, m.Column, m.TableVersion)));
        Assert.Equal((1200L, TimeSpan.FromMinutes(5)), (week[1].RowCount!.Value, week[1].Freshness!.Value));
        Assert.Equal([new QualityCheckResult("amount_not_negative", true), new QualityCheckResult("unique_id", false, "3 duplicates")], week[1].Checks!);
        var amount = Assert.Single(amountOnly);
        Assert.Equal((1.5, 900L, "0.10", "990.00"), (amount.NullPercent!.Value, amount.DistinctCount!.Value, amount.Min, amount.Max));
    }

    [Theory, CatalogProviders]
    public async Task A_measurement_of_an_unknown_column_or_out_of_range_value_is_refused_and_none_are_recorded(CatalogProvider provider)
    {
        var (quality, table) = await OpenWithTableAsync(provider);

        var unknown = await Assert.ThrowsAsync<CatalogException>(() =>
            quality.RecordAsync(table, [new(null, Monday, 1, RowCount: 5), new("nope", Monday, 1, NullPercent: 1)]));
        var outOfRange = await Assert.ThrowsAsync<CatalogException>(() =>
            quality.RecordAsync(table, [new(null, Monday, 1, RowCount: 5), new("amount", Monday, 1, NullPercent: 140)]));

        Assert.Contains("nope", unknown.Message);
        Assert.Contains("0–100", outOfRange.Message);
        Assert.Empty(await quality.QueryAsync(table, Monday.AddDays(-1), Monday.AddDays(1)));
        await Assert.ThrowsAsync<CatalogException>(() => quality.QueryAsync(table, Monday.AddDays(1), Monday));
    }

    [Theory, CatalogProviders]
    public async Task Score_deductions_and_findings_come_back_apart_and_older_rows_have_none(CatalogProvider provider)
    {
        var (quality, table) = await OpenWithTableAsync(provider);
        await quality.RecordAsync(table,
        [
            new(null, Monday, 1, RowCount: 10),
            new(null, Monday.AddHours(1), 2, RowCount: 10, Score: 85,
                Deductions: [new QualityDeduction(15, "2 rows repeat the key (id): deduplicate on the key")],
                Findings: [new QualityFinding("amount", "outliers", "1 value(s) lie far from the rest"), new QualityFinding(null, "no_key", "no key")]),
        ]);

        var measured = await quality.QueryAsync(table, Monday, Monday.AddDays(1));

        Assert.Equal((null, null, null), (measured[0].Score, measured[0].Deductions, measured[0].Findings));
        Assert.Equal(85, measured[1].Score);
        Assert.Equal([new QualityDeduction(15, "2 rows repeat the key (id): deduplicate on the key")], measured[1].Deductions!);
        Assert.Equal([new QualityFinding("amount", "outliers", "1 value(s) lie far from the rest"), new QualityFinding(null, "no_key", "no key")], measured[1].Findings!);
        await Assert.ThrowsAsync<CatalogException>(() => quality.RecordAsync(table, [new(null, Monday, 3, Score: 101)]));
    }

    private async Task<(QualityStore, SecurablePath)> OpenWithTableAsync(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var catalog = Unique("c");
        await services.GetRequiredService<ICatalogRegistrar>().RegisterTableAsync(
            Table(catalog, "s", "orders", 10, Column("id", "long", false), Column("amount", "decimal(10,2)")));
        return (services.GetRequiredService<QualityStore>(), new SecurablePath(catalog, "s", "orders"));
    }
}
