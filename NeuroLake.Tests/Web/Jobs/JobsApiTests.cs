using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Tests.Web.Jobs;

public sealed class JobsApiTests
{
    [Fact]
    public async Task A_script_creates_pauses_runs_and_follows_a_job_through_the_api()
    {
        await using var app = new WorkbenchAppFactory();
        using var http = app.CreateClient();
        await app.Services.GetRequiredService<QueryService>().ExecuteAsync(
            "CREATE SCHEMA s; CREATE TABLE s.t (id BIGINT); INSERT INTO s.t VALUES (1); INSERT INTO s.t VALUES (2);", new QueryRequest("ana"));

        using var created = await http.PostAsJsonAsync("/api/v1/jobs", new
        {
            name = "nightly", kind = "TableMaintenance", table = "main.s.t", cron = "0 2 * * *", timeZone = "UTC",
            maintenance = new { optimize = true, vacuum = false },
        });
        var job = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = job.GetProperty("id").GetString();
        using var paused = await http.PostAsync($"/api/v1/jobs/{id}/pause", null);
        using var run = await http.PostAsync($"/api/v1/jobs/{id}/run", null);
        var runId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var finished = await WaitAsync(http, runId!);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("every day at 02:00 (UTC)", "TableMaintenance"), (job.GetProperty("scheduleText").GetString(), job.GetProperty("kind").GetString()));
        Assert.NotEqual(JsonValueKind.Null, (await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pausedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.Equal("Succeeded", finished.GetProperty("status").GetString());
        var history = await http.GetFromJsonAsync<JsonElement>("/api/v1/jobs/runs?status=succeeded&table=main.s.t");
        Assert.Equal(1, history.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_requests_get_problem_details_that_say_what_to_fix_and_unknown_ids_get_404()
    {
        await using var app = new WorkbenchAppFactory();
        using var http = app.CreateClient();

        using var badCron = await http.PostAsJsonAsync("/api/v1/jobs", new { name = "x", kind = "CatalogDrift", cron = "every night" });
        using var badStatus = await http.GetAsync("/api/v1/jobs/runs?status=sleeping");
        using var unknown = await http.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.BadRequest, badCron.StatusCode);
        Assert.Contains("five-field cron expression", await badCron.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("use one of Queued, Running", await badStatus.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.All(await http.GetFromJsonAsync<JsonElement[]>("/api/v1/jobs") ?? [], job => Assert.Equal("system", job.GetProperty("owner").GetString()));
    }

    private static async Task<JsonElement> WaitAsync(HttpClient http, string runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var run = await http.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/runs/{runId}", timeout.Token);
            if (run.GetProperty("status").GetString() is "Succeeded" or "Failed" or "Cancelled" or "Skipped")
            {
                return run;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
