using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NeuroLake.Tests.Web.Api;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Storage;

/// <summary>
/// <c>/api/v1/storage/tiering</c>: only administrators plan, run or override; a table nobody has answers 404; a bad
/// override value or table name answers 400 saying what to give, and leaves the stored override as it was.
/// </summary>
public sealed class TieringApiTests
{
    [Fact]
    public async Task An_analyst_is_refused_and_an_administrator_plans_and_sets_overrides()
    {
        await using var app = await TokenApiApp.StartAsync();
        var admin = app.As(AccountsApp.AdminName);
        var analyst = app.As(TokenApiApp.Analyst);

        using var refusedPlan = await analyst.GetAsync("/api/v1/storage/tiering/plan");
        using var refusedRun = await analyst.PostAsync("/api/v1/storage/tiering/run", null);
        using var refusedPin = await analyst.PutAsJsonAsync("/api/v1/storage/tiering/overrides/main.sales.orders", new { @override = "PinHot" });
        var plan = await admin.GetFromJsonAsync<JsonElement>("/api/v1/storage/tiering/plan");
        using var pinned = await admin.PutAsJsonAsync("/api/v1/storage/tiering/overrides/main.sales.orders", new { @override = "pinhot" });
        var read = await admin.GetFromJsonAsync<JsonElement>("/api/v1/storage/tiering/overrides/main.sales.orders");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (refusedPlan.StatusCode, refusedRun.StatusCode, refusedPin.StatusCode));
        // The app has no S3 tiers configured: the plan says there is only the hot tier.
        Assert.Equal(["Hot"], plan.GetProperty("tiers").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(plan.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("Only the hot tier exists", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, pinned.StatusCode);
        Assert.Equal("PinHot", read.GetProperty("override").GetString());
    }

    [Fact]
    public async Task Unknown_tables_answer_404_and_bad_values_400_without_changing_the_override()
    {
        await using var app = await TokenApiApp.StartAsync();
        var admin = app.As(AccountsApp.AdminName);
        using var set = await admin.PutAsJsonAsync("/api/v1/storage/tiering/overrides/main.sales.orders", new { @override = "NeverArchive" });

        using var unknown = await admin.GetAsync("/api/v1/storage/tiering/overrides/main.sales.nothing_here");
        using var unknownPut = await admin.PutAsJsonAsync("/api/v1/storage/tiering/overrides/main.sales.nothing_here", new { @override = "PinHot" });
        using var badValue = await admin.PutAsJsonAsync("/api/v1/storage/tiering/overrides/main.sales.orders", new { @override = "Frozen" });
        using var number = await admin.PutAsJsonAsync("/api/v1/storage/tiering/overrides/main.sales.orders", new { @override = "1" });
        using var notATable = await admin.PutAsJsonAsync("/api/v1/storage/tiering/overrides/main.sales", new { @override = "PinHot" });
        var read = await admin.GetFromJsonAsync<JsonElement>("/api/v1/storage/tiering/overrides/main.sales.orders");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, unknownPut.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (badValue.StatusCode, number.StatusCode, notATable.StatusCode));
        Assert.Contains("Auto, PinHot or NeverArchive", await badValue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("catalog.schema.table", await notATable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("NeverArchive", read.GetProperty("override").GetString());
    }
}
