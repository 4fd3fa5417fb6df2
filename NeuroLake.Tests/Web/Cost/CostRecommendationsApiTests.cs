using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Api;
using NeuroLake.Tests.Web.Api.Tables;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Cost;

/// <summary>
/// <c>/api/v1/cost/recommendations</c> over <see cref="CostApp"/>'s tables, each given a 0-hour retention and a DELETE so
/// VACUUM has a file to remove: who sees which recommendation, who may run its action, and what running it changes.
/// </summary>
public sealed class CostRecommendationsApiTests
{
    private const string Churn = """
        ALTER TABLE sales.orders SET TBLPROPERTIES ('delta.deletedFileRetentionDuration' = 'interval 0 hours');
        ALTER TABLE hr.salaries SET TBLPROPERTIES ('delta.deletedFileRetentionDuration' = 'interval 0 hours');
        DELETE FROM sales.orders WHERE id = 0;
        DELETE FROM hr.salaries WHERE id = 0;
        """;

    [Fact]
    public Task An_analyst_without_select_neither_sees_nor_runs_a_tables_recommendation() => HiddenAsync(null);

    [PostgresFact]
    public Task An_analyst_without_select_neither_sees_nor_runs_a_tables_recommendation_on_postgres() =>
        PostgresCatalogSettings.RunAsync("neurolake_cost_recs_hidden", HiddenAsync);

    private static async Task HiddenAsync(IReadOnlyDictionary<string, string>? catalog)
    {
        await using var app = await StartAsync(catalog);
        var analyst = app.As(TokenApiApp.Analyst);

        var admin = await app.As(AccountsApp.AdminName).GetFromJsonAsync<JsonElement>("/api/v1/cost/recommendations");
        using var listed = await analyst.GetAsync("/api/v1/cost/recommendations");
        var body = await listed.Content.ReadAsStringAsync();
        using var hiddenRun = await analyst.PostAsync("/api/v1/cost/recommendations/Vacuum:main.hr.salaries/run", null);
        using var missingRun = await analyst.PostAsync("/api/v1/cost/recommendations/Vacuum:main.hr.nothing_here/run", null);
        using var visibleRun = await analyst.PostAsync("/api/v1/cost/recommendations/Vacuum:main.sales.orders/run", null);
        // Tier moves are an administrator's: an analyst asking to run one for a table they can read learns nothing either.
        using var tierRun = await analyst.PostAsync("/api/v1/cost/recommendations/TierMove:main.sales.orders/run", null);

        Assert.True(Item(admin, "Vacuum:main.hr.salaries").GetProperty("canRun").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.DoesNotContain("main.hr.", body, StringComparison.Ordinal);
        var orders = Item(JsonDocument.Parse(body).RootElement, "Vacuum:main.sales.orders");
        Assert.Equal(("Vacuum", false), (orders.GetProperty("action").GetString(), orders.GetProperty("canRun").GetBoolean()));
        Assert.Equal(HttpStatusCode.NotFound, hiddenRun.StatusCode);
        // Answered exactly as for a table that does not exist.
        Assert.Equal(Problem(await missingRun.Content.ReadAsStringAsync(), "main.hr.nothing_here"), Problem(await hiddenRun.Content.ReadAsStringAsync(), "main.hr.salaries"));
        Assert.Equal(HttpStatusCode.Forbidden, visibleRun.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tierRun.StatusCode);
        Assert.DoesNotContain(JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "TierMove");
        Assert.Contains("MODIFY", await visibleRun.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await RemovedFilesAsync(app)); // nothing was vacuumed by the refused calls
    }

    [Fact]
    public Task Running_a_recommendation_answers_202_and_it_is_gone_once_the_operation_ended() => RunAsync(null);

    [PostgresFact]
    public Task Running_a_recommendation_answers_202_and_it_is_gone_once_the_operation_ended_on_postgres() =>
        PostgresCatalogSettings.RunAsync("neurolake_cost_recs_run", RunAsync);

    private static async Task RunAsync(IReadOnlyDictionary<string, string>? catalog)
    {
        await using var app = await StartAsync(catalog);
        await app.App.Services.GetRequiredService<QueryService>().ExecuteAsync("GRANT MODIFY ON TABLE sales.orders TO USER ann", new QueryRequest(AccountsApp.AdminName));
        var analyst = app.As(TokenApiApp.Analyst);
        var before = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/cost/recommendations");

        using var started = await analyst.PostAsync("/api/v1/cost/recommendations/Vacuum:main.sales.orders/run", null);
        var accepted = await started.Content.ReadFromJsonAsync<JsonElement>();
        var done = await analyst.PollOperationAsync(accepted);
        var after = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/cost/recommendations");
        using var again = await analyst.PostAsync("/api/v1/cost/recommendations/Vacuum:main.sales.orders/run", null);
        using var noAction = await analyst.PostAsync("/api/v1/cost/recommendations/UnreadTable:main.sales.orders/run", null);

        Assert.True(Item(before, "Vacuum:main.sales.orders").GetProperty("canRun").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/v1/operations/{accepted.GetProperty("id").GetGuid()}", started.Headers.Location?.OriginalString);
        Assert.Equal(("vacuum", "main.sales.orders", "Succeeded"),
            (accepted.GetProperty("kind").GetString(), accepted.GetProperty("table").GetString(), done.GetProperty("status").GetString()));
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == "Vacuum:main.sales.orders");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noAction.StatusCode);
        Assert.Equal(1, await RemovedFilesAsync(app)); // hr.salaries' file is still there
    }

    private static async Task<TokenApiApp> StartAsync(IReadOnlyDictionary<string, string>? catalog)
    {
        var app = await CostApp.StartAsync(catalog);
        await app.App.Services.GetRequiredService<QueryService>().ExecuteAsync(Churn, new QueryRequest(AccountsApp.AdminName));
        return app;
    }

    /// <summary>How many VACUUM-able files the administrator's recommendations count over both tables.</summary>
    private static async Task<int> RemovedFilesAsync(TokenApiApp app)
    {
        var admin = await app.As(AccountsApp.AdminName).GetFromJsonAsync<JsonElement>("/api/v1/cost/recommendations");
        return admin.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("kind").GetString() == "Vacuum");
    }

    private static string Problem(string body, string table)
    {
        var problem = JsonDocument.Parse(body).RootElement;
        return $"{problem.GetProperty("status").GetInt32()} {problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()!.Replace(table, "T", StringComparison.Ordinal)}";
    }

    private static JsonElement Item(JsonElement list, string id) =>
        list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
}
