using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Api;
using NeuroLake.Tests.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace NeuroLake.Tests.Web.Cost;

/// <summary>
/// <c>/api/v1/cost</c> over usage the real services measured: what an administrator and an analyst each see, the
/// forecast's answer for a young installation, one table's cost, bad ranges, and the price book's read and change.
/// </summary>
public sealed class CostApiTests
{
    [Fact]
    public Task An_administrator_sees_every_user_and_table_and_an_analyst_only_their_own() => SeesAsync(null);

    [PostgresFact]
    public Task An_administrator_sees_every_user_and_table_and_an_analyst_only_their_own_on_postgres() =>
        PostgresCatalogSettings.RunAsync("neurolake_cost_api", SeesAsync);

    private static async Task SeesAsync(IReadOnlyDictionary<string, string>? catalog)
    {
        await using var app = await CostApp.StartAsync(catalog);

        var admin = await app.As(AccountsApp.AdminName).GetFromJsonAsync<JsonElement>("/api/v1/cost");
        var analyst = await app.As(TokenApiApp.Analyst).GetFromJsonAsync<JsonElement>("/api/v1/cost");
        var analystDaily = await app.As(TokenApiApp.Analyst).GetStringAsync("/api/v1/cost/daily");

        Assert.Equal(("USD", "all usage"), (admin.GetProperty("currency").GetString(), admin.GetProperty("scope").GetString()));
        Assert.Superset(new HashSet<string?> { AccountsApp.AdminName, TokenApiApp.Analyst }, Keys(admin, "byUser").ToHashSet());
        Assert.Contains("main.hr.salaries", Keys(admin, "byTable"));
        Assert.Equal([TokenApiApp.Analyst], Keys(analyst, "byUser"));
        Assert.Equal(["main.sales.orders", "main.sales.report"], Keys(analyst, "byTable").Order());
        Assert.DoesNotContain("main.hr.", analystDaily, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{AccountsApp.AdminName}\"", analystDaily, StringComparison.Ordinal);

        var orders = Row(analyst, "byTable", "main.sales.orders");
        var expected = CostApp.HotStorageCost(await CostApp.StoredBytesAsync(app.App.Services, "main.sales.orders"));
        Assert.True(expected > 0);
        Assert.Equal(expected, orders.GetProperty("storage").GetDecimal());
        var analystStorage = CostApp.HotStorageCost(await CostApp.StoredBytesAsync(app.App.Services, "main.sales.orders"))
            + CostApp.HotStorageCost(await CostApp.StoredBytesAsync(app.App.Services, "main.sales.report"));
        Assert.Equal(analystStorage, analyst.GetProperty("storage").GetDecimal());
        Assert.Equal(["CloudOnly", "Hybrid", "LocalOnly"], admin.GetProperty("deployments").EnumerateArray().Select(d => d.GetProperty("model").GetString()));
        Assert.All(admin.GetProperty("deployments").EnumerateArray(), d => Assert.NotEmpty(d.GetProperty("assumptions").EnumerateArray()));
    }

    [Fact]
    public Task A_table_the_analyst_may_not_select_answers_404_and_one_they_may_answers_its_storage() => TableAsync(null);

    [PostgresFact]
    public Task A_table_the_analyst_may_not_select_answers_404_and_one_they_may_answers_its_storage_on_postgres() =>
        PostgresCatalogSettings.RunAsync("neurolake_cost_table", TableAsync);

    private static async Task TableAsync(IReadOnlyDictionary<string, string>? catalog)
    {
        await using var app = await CostApp.StartAsync(catalog);
        var analyst = app.As(TokenApiApp.Analyst);

        using var hidden = await analyst.GetAsync("/api/v1/cost/tables/main.hr.salaries");
        var orders = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/cost/tables/main.sales.orders");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("storage", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var expected = CostApp.HotStorageCost(await CostApp.StoredBytesAsync(app.App.Services, "main.sales.orders"));
        Assert.Equal(("main.sales.orders", "USD", expected), (orders.GetProperty("table").GetString(), orders.GetProperty("currency").GetString(), orders.GetProperty("storage").GetDecimal()));
        Assert.NotEmpty(orders.GetProperty("days").EnumerateArray());
    }

    [Fact]
    public async Task A_young_installation_forecasts_nothing_and_says_there_is_too_little_history()
    {
        await using var app = await CostApp.StartAsync();

        var forecast = await app.As(TokenApiApp.Analyst).GetFromJsonAsync<JsonElement>("/api/v1/cost/forecast?days=90");
        using var bad = await app.As(TokenApiApp.Analyst).GetAsync("/api/v1/cost/forecast?days=45");

        Assert.False(forecast.GetProperty("hasEnoughHistory").GetBoolean());
        Assert.StartsWith("Too little history", forecast.GetProperty("message").GetString());
        Assert.Empty(forecast.GetProperty("points").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("forecast 30 or 90 days", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?from=2026-03-10&to=2026-03-01", "give from on or before to")]
    [InlineData("?from=2025-01-01&to=2026-03-01", "ask for at most 400 days")]
    [InlineData("?from=March", "write it as yyyy-MM-dd")]
    public async Task A_bad_range_answers_a_problem_saying_how_to_fix_it(string query, string fix)
    {
        await using var app = await TokenApiApp.StartAsync(setupSql: "");
        await app.App.Services.GetRequiredService<PriceBookStore>().SaveAsync(CostApp.Prices, AccountsApp.AdminName);

        using var response = await app.As(TokenApiApp.Analyst).GetAsync("/api/v1/cost/deployments" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(fix, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public Task An_analyst_may_read_the_price_book_but_not_change_it_and_the_refusal_is_audited() => PriceBookAsync(null);

    [PostgresFact]
    public Task An_analyst_may_read_the_price_book_but_not_change_it_and_the_refusal_is_audited_on_postgres() =>
        PostgresCatalogSettings.RunAsync("neurolake_cost_book", PriceBookAsync);

    private static async Task PriceBookAsync(IReadOnlyDictionary<string, string>? catalog)
    {
        await using var app = await TokenApiApp.StartAsync(setupSql: "", catalog: catalog);
        var admin = app.As(AccountsApp.AdminName);
        var analyst = app.As(TokenApiApp.Analyst);

        using var none = await analyst.GetAsync("/api/v1/cost/price-book");
        using var saved = await admin.PutAsJsonAsync("/api/v1/cost/price-book", PriceBookPresets.Gcp);
        using var invalid = await admin.PutAsJsonAsync("/api/v1/cost/price-book", PriceBookPresets.Gcp with { EgressPerGb = -1, Currency = "usd" });
        using var denied = await analyst.PutAsJsonAsync("/api/v1/cost/price-book", PriceBookPresets.MinIoOwnHardware);
        var read = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/cost/price-book");

        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden), (saved.StatusCode, invalid.StatusCode, denied.StatusCode));
        var problems = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p!.StartsWith("EgressPerGb is -1", StringComparison.Ordinal));
        Assert.Equal((PriceBookPresets.Gcp.Name, AccountsApp.AdminName), (read.GetProperty("prices").GetProperty("name").GetString(), read.GetProperty("enteredBy").GetString()));
        var audited = await app.App.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Action = AuditAction.AdminChange, Target = "price book" });
        Assert.Equal(
            [(AccountsApp.AdminName, AuditOutcome.Succeeded), (AccountsApp.AdminName, AuditOutcome.Failed), (TokenApiApp.Analyst, AuditOutcome.Denied)],
            audited.Entries.Select(e => (e.User, e.Outcome)).Order());
    }

    private static IEnumerable<string?> Keys(JsonElement overview, string dimension) =>
        overview.GetProperty(dimension).EnumerateArray().Select(r => r.GetProperty("key").GetString());

    private static JsonElement Row(JsonElement overview, string dimension, string key) =>
        overview.GetProperty(dimension).EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);
}
